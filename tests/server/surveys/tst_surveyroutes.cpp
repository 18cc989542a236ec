// The survey routes in-process over real TLS on a real (SQLite) store:
// drafts with If-Match, idempotent creates, publishing that freezes, the
// open round closed and extended, who may do what, another tenant's surveys,
// hostile and oversized bodies, and the operation log's rows.

#include "api/questionbank.h"
#include "api/survey.h"
#include "api/timestamp.h"
#include "servicefixture.h"
#include "store/pulserepository.h"
#include "surveys/surveyroutes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>
#include <tuple>

using namespace engage;
using namespace engage::test;
namespace store = engage::server::store;

namespace {

const QString kSurveys = QStringLiteral("/api/v1/surveys");

QString surveyPath(const QString &id, const char *action = nullptr)
{
    QString path = kSurveys + QLatin1Char('/') + id;
    if (action)
        path += QLatin1Char('/') + QLatin1String(action);
    return path;
}

HeaderList ifMatch(const QByteArray &etag)
{
    return {{QByteArrayLiteral("If-Match"), etag}};
}

QString problemCode(const HttpResponse &response)
{
    return response.json().value(QStringLiteral("code")).toString();
}

QString problemField(const HttpResponse &response)
{
    return response.json().value(QStringLiteral("field")).toString();
}

// The day in Tokyo `days` from today.
QDate tokyoDay(int days)
{
    return QDateTime::currentDateTimeUtc()
        .toTimeZone(QTimeZone(api::kDefaultTimeZone.toLatin1()))
        .date()
        .addDays(days);
}

// A one-shot custom survey that can be published, starting in a week.
api::SurveyDefinition custom(const QString &name = QStringLiteral("Ways of working"))
{
    api::SurveyDefinition definition;
    definition.kind = api::SurveyKind::Custom;
    definition.name = api::LocalizedText{QStringLiteral("働き方"), name};
    api::Question question;
    question.id = QStringLiteral("q1");
    question.text = api::LocalizedText{QStringLiteral("質問"), QStringLiteral("Question")};
    definition.questions.append(question);
    question.id = QStringLiteral("q2");
    question.type = api::QuestionType::SingleChoice;
    question.options = {api::LocalizedText{QStringLiteral("はい"), QStringLiteral("Yes")},
                        api::LocalizedText{QStringLiteral("いいえ"), QStringLiteral("No")}};
    definition.questions.append(question);
    definition.delivery.startDate = tokyoDay(7);
    return definition;
}

} // namespace

class TestSurveyRoutes final : public QObject
{
    Q_OBJECT

private:
    ServiceFixture m_service;
    ServiceFixture::Tenant m_tenant;
    ServiceFixture::Tenant m_other;
    QHash<QString, QString> m_tokens; // "<slug>/<name>" -> access token

    QString token(const ServiceFixture::Tenant &tenant, const QString &name)
    {
        const QString key = tenant.slug + QLatin1Char('/') + name;
        if (!m_tokens.contains(key))
            m_tokens.insert(key, m_service.issue(tenant, name).accessToken);
        return m_tokens.value(key);
    }

    HttpResponse send(const QByteArray &verb, const QString &path, const QString &as,
                      const std::optional<QJsonObject> &body = std::nullopt,
                      HeaderList headers = {})
    {
        return m_service.send(verb, path, token(m_tenant, as), body, std::move(headers));
    }

    // A draft made by the admin; the survey, or nothing with the answer logged.
    std::optional<api::Survey> create(const api::SurveyDefinition &definition)
    {
        const HttpResponse response =
            send("POST", kSurveys, QStringLiteral("admin"), api::toJson(definition));
        if (response.status != 201) {
            qWarning() << "cannot create a survey:" << response.describe();
            return std::nullopt;
        }
        const auto survey = api::surveyFromJson(response.json());
        return survey ? std::optional<api::Survey>(survey.value()) : std::nullopt;
    }

    // A published survey with an open round (made straight in the store, as
    // the scheduler would) from an hour ago to the end of the day after
    // tomorrow in Tokyo.
    std::optional<api::Survey> openSurvey(const api::SurveyDefinition &definition,
                                          store::StoredRound *round)
    {
        const auto survey = create(definition);
        if (!survey)
            return std::nullopt;
        const HttpResponse published =
            send("POST", surveyPath(survey->id, "publish"), QStringLiteral("admin"), std::nullopt,
                 ifMatch("\"1\""));
        if (published.status != 200) {
            qWarning() << "cannot publish:" << published.describe();
            return std::nullopt;
        }
        const QDateTime now = QDateTime::currentDateTimeUtc();
        round->surveyId = survey->id;
        round->number = 1;
        round->itemIds = api::pulseItems(4, 0);
        round->opensAt = now.addSecs(-3600);
        round->closesAt = QDateTime(tokyoDay(2), QTime(23, 59, 59, 999),
                                    QTimeZone(api::kDefaultTimeZone.toLatin1()))
                              .toUTC();
        round->status = api::RoundStatus::Open;
        const auto made = store::PulseRepository(m_service.connection(), m_service.keyring())
                              .createRound(store::TenantScope(m_tenant.id), *round, now);
        if (!made)
            return std::nullopt;
        *round = made.value();
        return survey;
    }

    // Every operation-log row of `targetId`: "action summary changes".
    QStringList operationRows(const QString &targetId)
    {
        QSqlQuery query(m_service.connection());
        query.prepare(QStringLiteral("SELECT action, summary, COALESCE(changes, '') FROM "
                                     "operation_log WHERE target_id = ? ORDER BY seq"));
        query.addBindValue(targetId);
        QStringList rows;
        if (!query.exec())
            return {QStringLiteral("cannot read the operation log")};
        while (query.next())
            rows.append(query.value(0).toString() + QLatin1Char(' ') + query.value(1).toString() +
                        QLatin1Char(' ') + query.value(2).toString());
        return rows;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_service.open(&error), qPrintable(error));
        m_tenant = m_service.addTenant(QStringLiteral("survey-a"));
        m_other = m_service.addTenant(QStringLiteral("survey-b"));
        m_service.addPersonPerRole(m_tenant);
        m_service.addPerson(m_other, QStringLiteral("admin"), api::Role::Admin);
        server::surveys::addSurveyRoutes(m_service.router(), m_service.context());
        QVERIFY2(m_service.start(&error), qPrintable(error));
    }

    void cleanupTestCase() { m_service.stop(); }

    void createGetReplaceDelete()
    {
        HttpResponse response =
            send("POST", kSurveys, QStringLiteral("admin"), api::toJson(custom()));
        QVERIFY2(response.status == 201, qPrintable(response.describe()));
        const auto created = api::surveyFromJson(response.json());
        QVERIFY(created);
        const api::Survey survey = created.value();
        QCOMPARE(survey.definition, custom());
        QCOMPARE(survey.status, api::SurveyStatus::Draft);
        QCOMPARE(response.header("location"), surveyPath(survey.id).toLatin1());
        QCOMPARE(response.header("etag"), QByteArrayLiteral("\"1\""));

        response = send("GET", surveyPath(survey.id), QStringLiteral("viewer"));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QCOMPARE(response.header("etag"), QByteArrayLiteral("\"1\""));
        QCOMPARE(api::surveyFromJson(response.json()).value().definition, custom());

        api::SurveyDefinition changed = custom();
        changed.questions[1].options.append(
            api::LocalizedText{QStringLiteral("たぶん"), QStringLiteral("Maybe")});
        changed.delivery.periodDays = 3;
        const QString path = surveyPath(survey.id);
        response = send("PUT", path, QStringLiteral("owner"), api::toJson(changed));
        QCOMPARE(response.status, 428);
        QCOMPARE(problemCode(response), QStringLiteral("precondition-required"));
        response =
            send("PUT", path, QStringLiteral("owner"), api::toJson(changed), ifMatch("\"9\""));
        QCOMPARE(response.status, 412);
        response =
            send("PUT", path, QStringLiteral("owner"), api::toJson(changed), ifMatch("\"1\""));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QCOMPARE(response.header("etag"), QByteArrayLiteral("\"2\""));
        QCOMPARE(api::surveyFromJson(response.json()).value().definition, changed);
        // The same again changes nothing: the same revision, no log row.
        response =
            send("PUT", path, QStringLiteral("owner"), api::toJson(changed), ifMatch("\"2\""));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QCOMPARE(response.header("etag"), QByteArrayLiteral("\"2\""));
        QCOMPARE(m_service.operationCount(QStringLiteral("survey.update"), survey.id), 1);

        response = send("DELETE", path, QStringLiteral("admin"), std::nullopt, ifMatch("\"1\""));
        QCOMPARE(response.status, 412);
        response = send("DELETE", path, QStringLiteral("admin"), std::nullopt, ifMatch("\"2\""));
        QCOMPARE(response.status, 204);
        QCOMPARE(send("GET", path, QStringLiteral("admin")).status, 404);
        QCOMPARE(send("PUT", path, QStringLiteral("admin"), api::toJson(changed), ifMatch("\"3\""))
                     .status,
                 404);

        // The log names the fields, never the texts.
        QCOMPARE(m_service.operationCount(QStringLiteral("survey.create"), survey.id), 1);
        QCOMPARE(m_service.operationCount(QStringLiteral("survey.delete"), survey.id), 1);
        const QStringList rows = operationRows(survey.id);
        QCOMPARE(rows.size(), 3);
        QVERIFY2(rows.at(1).contains(QLatin1String("delivery.periodDays")) &&
                     rows.at(1).contains(QLatin1String("questions")) &&
                     !rows.at(1).contains(QLatin1String("name")),
                 qPrintable(rows.at(1)));
        for (const QString &row : rows) {
            for (const char *text : {"Ways of working", "Maybe", "Question", "働き方"})
                QVERIFY2(!row.contains(QString::fromUtf8(text)), qPrintable(row));
        }
    }

    void listNewestFirst()
    {
        const auto first = create(custom(QStringLiteral("First")));
        const auto second = create(custom(QStringLiteral("Second")));
        QVERIFY(first && second);
        const HttpResponse response = send("GET", kSurveys, QStringLiteral("manager"));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        const auto list = api::surveyListFromJson(response.json());
        QVERIFY(list);
        QVERIFY(list.value().size() >= 2);
        QCOMPARE(list.value().at(0).id, second->id);
        QCOMPARE(list.value().at(1).id, first->id);
    }

    void publishFreezes()
    {
        api::SurveyDefinition incomplete = custom();
        incomplete.questions[0].text.en.clear();
        const auto survey = create(incomplete);
        QVERIFY(survey);
        const QString path = surveyPath(survey->id);
        const QString publish = surveyPath(survey->id, "publish");

        // What the draft still lacks, named by its field.
        HttpResponse response =
            send("POST", publish, QStringLiteral("admin"), std::nullopt, ifMatch("\"1\""));
        QCOMPARE(response.status, 400);
        QCOMPARE(problemCode(response), QStringLiteral("missing-field"));
        QCOMPARE(problemField(response), QStringLiteral("questions.0.text.en"));
        response =
            send("PUT", path, QStringLiteral("admin"), api::toJson(custom()), ifMatch("\"1\""));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));

        response = send("POST", publish, QStringLiteral("admin"));
        QCOMPARE(response.status, 428);
        response = send("POST", publish, QStringLiteral("admin"), std::nullopt, ifMatch("\"1\""));
        QCOMPARE(response.status, 412);
        response = send("POST", publish, QStringLiteral("admin"), std::nullopt, ifMatch("\"2\""));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QCOMPARE(response.header("etag"), QByteArrayLiteral("\"3\""));
        const api::Survey published = api::surveyFromJson(response.json()).value();
        QCOMPARE(published.status, api::SurveyStatus::Scheduled);
        QVERIFY(published.nextDelivery);
        QCOMPARE(published.definition, custom());

        // Frozen: a clear 409 whatever the revision.
        api::SurveyDefinition changed = custom();
        changed.name.en = QStringLiteral("Renamed");
        response =
            send("PUT", path, QStringLiteral("admin"), api::toJson(changed), ifMatch("\"3\""));
        QCOMPARE(response.status, 409);
        QCOMPARE(problemCode(response), QStringLiteral("conflict"));
        QVERIFY(response.json()
                    .value(QStringLiteral("detail"))
                    .toString()
                    .contains(QLatin1String("published")));
        response = send("PUT", path, QStringLiteral("admin"), api::toJson(changed));
        QCOMPARE(response.status, 409);
        response = send("DELETE", path, QStringLiteral("admin"), std::nullopt, ifMatch("\"3\""));
        QCOMPARE(response.status, 409);
        response = send("POST", publish, QStringLiteral("admin"), std::nullopt, ifMatch("\"3\""));
        QCOMPARE(response.status, 409);
        QCOMPARE(api::surveyFromJson(send("GET", path, QStringLiteral("admin")).json())
                     .value()
                     .definition,
                 custom());
        QCOMPARE(m_service.operationCount(QStringLiteral("survey.publish"), survey->id), 1);
        QCOMPARE(m_service.operationCount(QStringLiteral("survey.update"), survey->id), 1);
    }

    // Two administrators edit the same draft: the second, made against the
    // revision both read, is refused.
    void concurrentEditors()
    {
        const auto survey = create(custom());
        QVERIFY(survey);
        const QString path = surveyPath(survey->id);
        api::SurveyDefinition mine = custom();
        mine.delivery.periodDays = 5;
        api::SurveyDefinition theirs = custom();
        theirs.commentThreshold = 20;
        HttpResponse response =
            send("PUT", path, QStringLiteral("admin"), api::toJson(mine), ifMatch("\"1\""));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        response =
            send("PUT", path, QStringLiteral("owner"), api::toJson(theirs), ifMatch("\"1\""));
        QCOMPARE(response.status, 412);
        QCOMPARE(problemCode(response), QStringLiteral("precondition-failed"));
        response = send("POST", surveyPath(survey->id, "publish"), QStringLiteral("owner"),
                        std::nullopt, ifMatch("\"1\""));
        QCOMPARE(response.status, 412);
        response = send("DELETE", path, QStringLiteral("owner"), std::nullopt, ifMatch("\"1\""));
        QCOMPARE(response.status, 412);
        QCOMPARE(api::surveyFromJson(send("GET", path, QStringLiteral("owner")).json())
                     .value()
                     .definition,
                 mine);
    }

    void idempotentCreate()
    {
        const QJsonObject body = api::toJson(custom(QStringLiteral("Once")));
        const HeaderList key{
            {QByteArrayLiteral("Idempotency-Key"), QByteArrayLiteral("survey-once-0001")}};
        const HttpResponse first = send("POST", kSurveys, QStringLiteral("admin"), body, key);
        QVERIFY2(first.status == 201, qPrintable(first.describe()));
        const HttpResponse again = send("POST", kSurveys, QStringLiteral("admin"), body, key);
        QVERIFY2(again.status == 201, qPrintable(again.describe()));
        QCOMPARE(again.header("idempotency-replayed"), QByteArrayLiteral("true"));
        QCOMPARE(again.header("location"), first.header("location"));
        QCOMPARE(again.json(), first.json());
        const QString id = first.json().value(QStringLiteral("id")).toString();
        QCOMPARE(m_service.operationCount(QStringLiteral("survey.create"), id), 1);
        const auto list =
            api::surveyListFromJson(send("GET", kSurveys, QStringLiteral("admin")).json());
        QVERIFY(list);
        int named = 0;
        for (const api::Survey &survey : list.value())
            named += survey.definition.name.en == QLatin1String("Once");
        QCOMPARE(named, 1);

        const HttpResponse other = send("POST", kSurveys, QStringLiteral("admin"),
                                        api::toJson(custom(QStringLiteral("Twice"))), key);
        QCOMPARE(other.status, 409);
        const HttpResponse bad =
            send("POST", kSurveys, QStringLiteral("admin"), body,
                 {{QByteArrayLiteral("Idempotency-Key"), QByteArrayLiteral("short")}});
        QCOMPARE(bad.status, 400);
        QCOMPARE(problemField(bad), QStringLiteral("Idempotency-Key"));
    }

    void permissions_data()
    {
        QTest::addColumn<QString>("as");
        QTest::addColumn<bool>("writes");
        QTest::newRow("owner") << QStringLiteral("owner") << true;
        QTest::newRow("admin") << QStringLiteral("admin") << true;
        QTest::newRow("manager") << QStringLiteral("manager") << false;
        QTest::newRow("viewer") << QStringLiteral("viewer") << false;
    }

    void permissions()
    {
        QFETCH(QString, as);
        QFETCH(bool, writes);
        store::StoredRound round;
        const auto open = openSurvey(custom(), &round);
        QVERIFY(open);
        const auto draft = create(custom());
        QVERIFY(draft);

        QCOMPARE(send("GET", kSurveys, as).status, 200);
        QCOMPARE(send("GET", surveyPath(draft->id), as).status, 200);

        const int refused = writes ? 0 : 403;
        const auto expect = [&](const HttpResponse &response, int allowed) {
            const int expected = writes ? allowed : refused;
            if (response.status != expected)
                qWarning() << response.describe();
            return response.status == expected;
        };
        QVERIFY(expect(send("POST", kSurveys, as, api::toJson(custom())), 201));
        QVERIFY(expect(
            send("PUT", surveyPath(draft->id), as, api::toJson(custom(as)), ifMatch("\"1\"")),
            200));
        QVERIFY(expect(send("POST", surveyPath(open->id, "extend"), as,
                            api::toJson(api::ExtendRequest{tokyoDay(5)})),
                       200));
        QVERIFY(expect(send("POST", surveyPath(open->id, "close"), as), 200));
        QVERIFY(expect(
            send("POST", surveyPath(draft->id, "publish"), as, std::nullopt, ifMatch("\"2\"")),
            200));
        const auto another = create(custom());
        QVERIFY(another);
        QVERIFY(expect(send("DELETE", surveyPath(another->id), as, std::nullopt, ifMatch("\"1\"")),
                       204));
    }

    // Another tenant's survey is not there for them, whatever they try.
    void otherTenant()
    {
        store::StoredRound round;
        const auto open = openSurvey(custom(), &round);
        const auto draft = create(custom());
        QVERIFY(open && draft);
        const QString theirs = token(m_other, QStringLiteral("admin"));
        for (const QString &id : {open->id, draft->id}) {
            QCOMPARE(m_service.send("GET", surveyPath(id), theirs).status, 404);
            QCOMPARE(
                m_service
                    .send("PUT", surveyPath(id), theirs, api::toJson(custom()), ifMatch("\"1\""))
                    .status,
                404);
            QCOMPARE(
                m_service.send("DELETE", surveyPath(id), theirs, std::nullopt, ifMatch("\"1\""))
                    .status,
                404);
            QCOMPARE(
                m_service
                    .send("POST", surveyPath(id, "publish"), theirs, std::nullopt, ifMatch("\"1\""))
                    .status,
                404);
            QCOMPARE(m_service.send("POST", surveyPath(id, "close"), theirs).status, 404);
            QCOMPARE(m_service
                         .send("POST", surveyPath(id, "extend"), theirs,
                               api::toJson(api::ExtendRequest{tokyoDay(5)}))
                         .status,
                     404);
        }
        const auto list =
            api::surveyListFromJson(m_service.send("GET", kSurveys, theirs).json()).value();
        QVERIFY(list.isEmpty());
        // Nothing of theirs changed.
        QCOMPARE(
            api::surveyFromJson(send("GET", surveyPath(open->id), QStringLiteral("admin")).json())
                .value()
                .openRound->closesAt,
            round.closesAt);
        QCOMPARE(send("GET", surveyPath(draft->id), QStringLiteral("admin")).status, 200);
        // Ids that are not ids are no surveys either.
        QCOMPARE(send("GET", surveyPath(QStringLiteral("..%2F..%2Fetc")), QStringLiteral("admin"))
                     .status,
                 404);
        QCOMPARE(
            send("GET", surveyPath(QStringLiteral("1 OR 1=1")), QStringLiteral("admin")).status,
            404);
    }

    void hostileBodies_data()
    {
        QTest::addColumn<QByteArray>("path"); // "member.path" of custom()'s JSON
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");

        QJsonArray sixtyOne;
        const QJsonObject question =
            api::toJson(custom()).value(QStringLiteral("questions")).toArray().at(0).toObject();
        for (int i = 0; i < 61; ++i) {
            QJsonObject copy = question;
            copy.insert(QStringLiteral("id"), QStringLiteral("q%1").arg(i));
            sixtyOne.append(copy);
        }
        QTest::newRow("unknown member")
            << QByteArray("debug") << QJsonValue(true) << QStringLiteral("unknown-field")
            << QStringLiteral("debug");
        QTest::newRow("kind a number") << QByteArray("kind") << QJsonValue(1)
                                       << QStringLiteral("invalid-field") << QStringLiteral("kind");
        QTest::newRow("61 questions")
            << QByteArray("questions") << QJsonValue(sixtyOne) << QStringLiteral("invalid-field")
            << QStringLiteral("questions");
        QTest::newRow("name 10 kB")
            << QByteArray("name")
            << QJsonValue(QJsonObject{{QStringLiteral("ja"), QString(10240, u'名')},
                                      {QStringLiteral("en"), QString()}})
            << QStringLiteral("invalid-field") << QStringLiteral("name.ja");
        QTest::newRow("control character")
            << QByteArray("name")
            << QJsonValue(QJsonObject{{QStringLiteral("ja"), QStringLiteral("a\u0001b")},
                                      {QStringLiteral("en"), QString()}})
            << QStringLiteral("invalid-field") << QStringLiteral("name.ja");
        QTest::newRow("time zone unknown")
            << QByteArray("delivery.timeZone") << QJsonValue(QStringLiteral("Mars/Olympus"))
            << QStringLiteral("invalid-field") << QStringLiteral("delivery.timeZone");
        QTest::newRow("period 61")
            << QByteArray("delivery.periodDays") << QJsonValue(61)
            << QStringLiteral("invalid-field") << QStringLiteral("delivery.periodDays");
        QTest::newRow("threshold huge")
            << QByteArray("commentThreshold") << QJsonValue(1e300)
            << QStringLiteral("invalid-field") << QStringLiteral("commentThreshold");
        QTest::newRow("definition missing")
            << QByteArray("delivery") << QJsonValue(QJsonValue::Undefined)
            << QStringLiteral("missing-field") << QStringLiteral("delivery");
    }

    void hostileBodies()
    {
        QFETCH(QByteArray, path);
        QFETCH(QJsonValue, value);
        QFETCH(QString, code);
        QFETCH(QString, field);
        QJsonObject body = api::toJson(custom());
        const QList<QByteArray> parts = path.split('.');
        const QString head = QString::fromLatin1(parts.first());
        if (parts.size() == 1) {
            if (value.isUndefined())
                body.remove(head);
            else
                body.insert(head, value);
        } else {
            QJsonObject inner = body.value(head).toObject();
            inner.insert(QString::fromLatin1(parts.at(1)), value);
            body.insert(head, inner);
        }
        const auto draft = create(custom());
        QVERIFY(draft);
        for (const auto &[verb, target, headers] :
             {std::tuple{QByteArray("POST"), kSurveys, HeaderList()},
              std::tuple{QByteArray("PUT"), surveyPath(draft->id), ifMatch("\"1\"")}}) {
            const HttpResponse response =
                send(verb, target, QStringLiteral("admin"), body, headers);
            QCOMPARE(response.status, 400);
            QCOMPARE(problemCode(response), code);
            QCOMPARE(problemField(response), field);
            QVERIFY(!response.body.contains("Mars"));
            QVERIFY(!response.body.contains("名名名"));
        }
        QCOMPARE(m_service.operationCount(QStringLiteral("survey.update"), draft->id), 0);
    }

    void rawBodies()
    {
        const HeaderList headers{
            {QByteArrayLiteral("Authorization"),
             "Bearer " + token(m_tenant, QStringLiteral("admin")).toLatin1()},
            {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}};
        HttpResponse response = m_service.probe().send("POST", kSurveys, "{\"kind\":", headers);
        QCOMPARE(response.status, 400);
        QCOMPARE(problemCode(response), QStringLiteral("malformed-json"));
        response = m_service.probe().send("POST", kSurveys, "[]", headers);
        QCOMPARE(response.status, 400);
        // Beyond the 2 MiB a full definition can need.
        QByteArray huge = "{\"kind\":\"" + QByteArray(3 << 20, 'x') + "\"}";
        response = m_service.probe().send("POST", kSurveys, huge, headers);
        QCOMPARE(response.status, 413);
        // An extension without its date, or with a date and time.
        const auto draft = create(custom());
        QVERIFY(draft);
        response =
            send("POST", surveyPath(draft->id, "extend"), QStringLiteral("admin"), QJsonObject{});
        QCOMPARE(response.status, 400);
        QCOMPARE(problemField(response), QStringLiteral("periodEnds"));
        response = send("POST", surveyPath(draft->id, "extend"), QStringLiteral("admin"),
                        QJsonObject{{QStringLiteral("periodEnds"),
                                     QStringLiteral("2030-01-01T00:00:00.000Z")}});
        QCOMPARE(response.status, 400);
    }

    void closeAndExtend()
    {
        store::StoredRound round;
        const auto survey = openSurvey(custom(), &round);
        QVERIFY(survey);
        const QString path = surveyPath(survey->id);
        HttpResponse response = send("GET", path, QStringLiteral("viewer"));
        api::Survey shown = api::surveyFromJson(response.json()).value();
        QCOMPARE(shown.status, api::SurveyStatus::Open);
        QVERIFY(shown.openRound);
        QCOMPARE(shown.openRound->roundId, round.id);
        QCOMPARE(shown.latestRoundId, std::optional<QString>(round.id));

        const QString extend = surveyPath(survey->id, "extend");
        for (int day : {-1, 1, 2, 61}) {
            response = send("POST", extend, QStringLiteral("admin"),
                            api::toJson(api::ExtendRequest{tokyoDay(day)}));
            QVERIFY2(response.status == 400, qPrintable(response.describe()));
            QCOMPARE(problemField(response), QStringLiteral("periodEnds"));
        }
        QCOMPARE(m_service.operationCount(QStringLiteral("survey.extend"), survey->id), 0);
        response = send("POST", extend, QStringLiteral("admin"),
                        api::toJson(api::ExtendRequest{tokyoDay(10)}));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        shown = api::surveyFromJson(response.json()).value();
        const QDateTime end = QDateTime(tokyoDay(10), QTime(23, 59, 59, 999),
                                        QTimeZone(api::kDefaultTimeZone.toLatin1()))
                                  .toUTC();
        QCOMPARE(shown.openRound->closesAt, end);
        QCOMPARE(m_service.operationCount(QStringLiteral("survey.extend"), survey->id), 1);

        response = send("POST", surveyPath(survey->id, "close"), QStringLiteral("owner"));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        shown = api::surveyFromJson(response.json()).value();
        QCOMPARE(shown.status, api::SurveyStatus::Closed); // one-shot: over with its round
        QVERIFY(!shown.openRound);
        // Its results stay reachable through its latest round.
        QCOMPARE(shown.latestRoundId, std::optional<QString>(round.id));
        const auto closed = store::PulseRepository(m_service.connection(), m_service.keyring())
                                .round(store::TenantScope(m_tenant.id), round.id);
        QVERIFY(closed);
        QCOMPARE(closed.value().status, api::RoundStatus::Closed);
        QVERIFY(closed.value().closesAt <= QDateTime::currentDateTimeUtc());
        QVERIFY(closed.value().aggregatedAt > 0);
        QCOMPARE(m_service.operationCount(QStringLiteral("survey.close"), survey->id), 1);

        // No open round any more, nor on a draft.
        QCOMPARE(send("POST", surveyPath(survey->id, "close"), QStringLiteral("owner")).status,
                 409);
        response = send("POST", extend, QStringLiteral("owner"),
                        api::toJson(api::ExtendRequest{tokyoDay(12)}));
        QCOMPARE(response.status, 409);
        QCOMPARE(problemCode(response), QStringLiteral("conflict"));
        const auto draft = create(custom());
        QVERIFY(draft);
        QCOMPARE(send("POST", surveyPath(draft->id, "close"), QStringLiteral("owner")).status, 409);

        for (const QString &row : operationRows(survey->id))
            QVERIFY2(!row.contains(QLatin1String("Ways of working")), qPrintable(row));
    }
};

QTEST_GUILESS_MAIN(TestSurveyRoutes)
#include "tst_surveyroutes.moc"
