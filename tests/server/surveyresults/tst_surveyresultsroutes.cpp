// GET /api/v1/rounds/{id}/results in-process over real TLS on a real store:
// a custom round of 20 respondents placed in a small tree (A with A1 and A2,
// B, and two in no group), its distributions against counts made by hand,
// the anonymity threshold per slice and per question, complementary
// suppression across the groups (a parent minus its visible children never
// isolates fewer than the threshold), attribute slices, the comment
// threshold, free text opened only for the slice answered, an open round,
// roles and a manager's scope, another tenant, a pulse round and hostile
// query strings.

#include "api/surveyresults.h"
#include "resultsseed.h"
#include "servicefixture.h"
#include "store/grouprepository.h"
#include "store/pulserepository.h"
#include "surveyresults/surveyresultsroutes.h"

#include <QSqlQuery>
#include <QTest>
#include <QUrlQuery>

using namespace engage;
using namespace engage::server;
using engage::test::ServiceFixture;

namespace {

const QString kEmployment = QStringLiteral("employmentType");

api::Question question(const char *id, api::QuestionType type, int options, bool required)
{
    api::Question q;
    q.id = QString::fromLatin1(id);
    q.type = type;
    q.text = {QStringLiteral("質問 %1").arg(q.id), QStringLiteral("Question %1").arg(q.id)};
    for (int i = 0; i < options; ++i)
        q.options.append({QStringLiteral("選択%1").arg(i), QStringLiteral("Option %1").arg(i)});
    q.required = required;
    return q;
}

api::SurveyDefinition definition(int commentThreshold)
{
    api::SurveyDefinition survey;
    survey.kind = api::SurveyKind::Custom;
    survey.name = {QStringLiteral("働き方"), QStringLiteral("Ways of working")};
    survey.questions = {question("q1", api::QuestionType::Agreement5, 0, true),
                        question("q2", api::QuestionType::SingleChoice, 3, true),
                        question("q3", api::QuestionType::MultipleChoice, 3, false),
                        question("q4", api::QuestionType::Scale11, 0, false),
                        question("q5", api::QuestionType::FreeText, 0, false)};
    survey.delivery.startDate = QDate(2025, 4, 7);
    survey.commentThreshold = commentThreshold;
    return survey;
}

// One respondent's answers; -1 and empty: not answered.
struct Row
{
    int q1;
    int q2;
    QList<int> q3;
    int q4;
    const char *q5;
    bool partTime;
};

QList<api::RespondentAnswer> answersOf(const Row &row)
{
    QList<api::RespondentAnswer> answers{{QStringLiteral("q1"), row.q1, {}, std::nullopt},
                                         {QStringLiteral("q2"), row.q2, {}, std::nullopt}};
    if (!row.q3.isEmpty())
        answers.append({QStringLiteral("q3"), std::nullopt, row.q3, std::nullopt});
    if (row.q4 >= 0)
        answers.append({QStringLiteral("q4"), row.q4, {}, std::nullopt});
    if (row.q5)
        answers.append({QStringLiteral("q5"), std::nullopt, {}, QString::fromUtf8(row.q5)});
    return answers;
}

QStringList sorted(QStringList texts)
{
    texts.sort();
    return texts;
}

} // namespace

class TestSurveyResultsRoutes final : public QObject
{
    Q_OBJECT

private:
    ServiceFixture m_service;
    ServiceFixture::Tenant m_org;
    ServiceFixture::Tenant m_other;
    QString m_a;
    QString m_a1;
    QString m_a2;
    QString m_b;
    QString m_roundId;       // comment threshold 10
    QString m_lowCommentsId; // the same answers, comment threshold 5
    QString m_openRoundId;   // open, A1's 7 respondents
    QString m_pulseRoundId;
    QString m_scheduledRoundId;

    QString addGroup(const QString &code, const std::optional<QString> &parent = {})
    {
        api::GroupFields fields;
        fields.code = code;
        fields.name = code;
        fields.parentId = parent;
        const auto group = store::GroupRepository(m_service.connection())
                               .create(store::TenantScope(m_org.id), fields, QString());
        if (!group)
            qFatal("addGroup: %s", qPrintable(group.error().message));
        return group.value().id;
    }

    test::HttpResponse get(const QString &roundId, const QString &as, const QUrlQuery &query = {},
                           bool other = false)
    {
        QString path = QStringLiteral("/api/v1/rounds/") + roundId + QStringLiteral("/results");
        if (!query.isEmpty())
            path += u'?' + query.toString(QUrl::FullyEncoded);
        return m_service.send("GET", path,
                              m_service.issue(other ? m_other : m_org, as).accessToken);
    }

    // The results of a slice, decoded strictly (which also checks that no
    // withheld question carries counts, mean or texts).
    api::SurveyResults results(const QString &roundId, const api::SurveyResultsQuery &query,
                               const QString &as = QStringLiteral("owner"))
    {
        const test::HttpResponse response = get(roundId, as, api::toUrlQuery(query));
        if (response.status != 200)
            qFatal("results: %s", qPrintable(response.describe()));
        const auto decoded = api::surveyResultsFromJson(response.json());
        if (!decoded)
            qFatal("results: %s %s", qPrintable(decoded.error().field),
                   qPrintable(decoded.error().detail));
        return decoded.value();
    }

    api::SurveyResults ofGroup(const QString &groupId, const QString &roundId = {})
    {
        return results(roundId.isEmpty() ? m_roundId : roundId, {groupId, {}, {}});
    }

    QList<test::ResultsTarget> targets() const
    {
        // A1: seven respondents and one who did not answer.
        const QList<std::pair<QString, Row>> rows{
            {m_a1, {5, 0, {0, 1}, 10, "Great team", false}},
            {m_a1, {4, 0, {0}, 9, nullptr, false}},
            {m_a1, {4, 1, {2}, -1, "More training", false}},
            {m_a1, {3, 1, {0, 2}, 7, nullptr, true}},
            {m_a1, {2, 2, {1}, -1, nullptr, true}},
            {m_a1, {5, 0, {}, -1, "Flexible hours", false}},
            {m_a1, {3, 2, {}, -1, nullptr, false}},
            {m_a2, {1, 2, {0}, 0, "Too many meetings", false}},
            {m_a2, {2, 2, {1}, -1, nullptr, false}},
            {m_a2, {3, 0, {}, -1, nullptr, false}},
            {m_a2, {4, 1, {}, 5, nullptr, false}},
            {m_a2, {5, 0, {}, -1, "Good manager", true}},
            {m_a2, {3, 1, {}, -1, nullptr, false}},
            {m_a, {4, 0, {2}, 8, nullptr, true}},
            {m_a, {4, 1, {}, -1, "Office is cold", false}},
            {m_b, {1, 2, {1}, -1, nullptr, false}},
            {m_b, {2, 0, {}, -1, nullptr, true}},
            {m_b, {5, 1, {}, -1, "Nothing to add", false}},
            {QString(), {3, 2, {}, -1, nullptr, false}},
            {QString(), {4, 1, {}, -1, nullptr, false}},
        };
        QList<test::ResultsTarget> targets;
        for (const auto &[group, row] : rows)
            targets.append({group,
                            {{kEmployment, row.partTime ? QStringLiteral("part-time")
                                                        : QStringLiteral("full-time")}},
                            answersOf(row)});
        targets.append({m_a1, {{kEmployment, QStringLiteral("full-time")}}, std::nullopt});
        return targets;
    }

    QString seed(const test::ResultsSeed &seed)
    {
        QString error;
        const auto seeded =
            test::seedResults(m_service.connection(), m_service.keyring(), seed, &error);
        if (!seeded)
            qFatal("seed: %s", qPrintable(error));
        return seeded->roundId;
    }

    static const api::QuestionResult &at(const api::SurveyResults &results, int index)
    {
        return results.questions.at(index);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_service.open(&error), qPrintable(error));
        m_org = m_service.addTenant(QStringLiteral("org"));
        m_other = m_service.addTenant(QStringLiteral("other"));
        m_service.addPersonPerRole(m_org);
        m_service.addPerson(m_org, QStringLiteral("unscoped"), api::Role::Manager);
        m_service.addPerson(m_other, QStringLiteral("owner"), api::Role::Owner);
        m_a = addGroup(QStringLiteral("A"));
        m_a1 = addGroup(QStringLiteral("A1"), m_a);
        m_a2 = addGroup(QStringLiteral("A2"), m_a);
        m_b = addGroup(QStringLiteral("B"));
        const store::TenantScope scope(m_org.id);
        QVERIFY(store::GroupRepository(m_service.connection())
                    .setScope(scope, m_service.personId(m_org, QStringLiteral("manager")), {m_a1})
                    .isOk());

        m_roundId = seed({m_org.id, definition(10), api::RoundStatus::Closed, targets()});
        m_lowCommentsId = seed({m_org.id, definition(5), api::RoundStatus::Closed, targets()});
        m_openRoundId =
            seed({m_org.id, definition(10), api::RoundStatus::Open, targets().mid(0, 7)});
        m_scheduledRoundId = seed({m_org.id, definition(10), api::RoundStatus::Scheduled, {}});

        store::PulseRepository pulses(m_service.connection(), m_service.keyring());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto pulse =
            pulses.createSurvey(scope, store::SurveyKind::Pulse, QStringLiteral("Pulse"), 4, now);
        QVERIFY(pulse.isOk());
        store::StoredRound round;
        round.surveyId = pulse.value().id;
        round.itemIds = {api::questionBank().constFirst().id};
        round.opensAt = now.addDays(-7);
        round.closesAt = now.addSecs(-60);
        round.status = api::RoundStatus::Closed;
        const auto created = pulses.createRound(scope, round, now.addDays(-8));
        QVERIFY(created.isOk());
        m_pulseRoundId = created.value().id;

        surveyresults::addSurveyResultsRoutes(m_service.router(), m_service.context());
        QVERIFY2(m_service.start(&error), qPrintable(error));
    }
    void cleanupTestCase() { m_service.stop(); }

    void wholeTenantAgainstHandCounts()
    {
        const api::SurveyResults all = results(m_roundId, {});
        QCOMPARE(all.roundId, m_roundId);
        QCOMPARE(all.status, api::RoundStatus::Closed);
        QCOMPARE(all.surveyName.en, QStringLiteral("Ways of working"));
        QCOMPARE(all.slice.withheld, api::Withheld::No);
        QCOMPARE(all.slice.threshold, 5);
        QCOMPARE(all.slice.commentThreshold, 10);
        QCOMPARE(all.slice.responseRate.targets, 21);
        QCOMPARE(all.slice.responseRate.respondents, 20);
        QCOMPARE(all.slice.responseRate.rate, std::optional<double>(95.2));
        QCOMPARE(all.questions.size(), 5);

        QCOMPARE(at(all, 0).withheld, api::Withheld::No);
        QCOMPARE(at(all, 0).respondents, 20);
        QCOMPARE(at(all, 0).counts, (QList<qint64>{2, 3, 5, 6, 4}));
        QCOMPARE(at(all, 0).mean, std::optional<double>(3.35));
        QCOMPARE(at(all, 1).counts, (QList<qint64>{7, 7, 6}));
        QVERIFY(!at(all, 1).mean);
        // Multiple choice: nine answered, twelve choices made.
        QCOMPARE(at(all, 2).respondents, 9);
        QCOMPARE(at(all, 2).counts, (QList<qint64>{4, 4, 3}));
        QCOMPARE(at(all, 3).respondents, 6);
        QCOMPARE(at(all, 3).counts, (QList<qint64>{1, 0, 0, 0, 0, 1, 0, 1, 1, 1, 1}));
        QCOMPARE(at(all, 3).mean, std::optional<double>(6.5));
        // Free text: 20 respondents reach the comment threshold of 10.
        QCOMPARE(at(all, 4).withheld, api::Withheld::No);
        QCOMPARE(at(all, 4).respondents, 7);
        QCOMPARE(sorted(at(all, 4).texts),
                 sorted({QStringLiteral("Great team"), QStringLiteral("More training"),
                         QStringLiteral("Flexible hours"), QStringLiteral("Too many meetings"),
                         QStringLiteral("Good manager"), QStringLiteral("Office is cold"),
                         QStringLiteral("Nothing to add")}));
        // The same order at every request.
        QCOMPARE(results(m_roundId, {}).questions.at(4).texts, at(all, 4).texts);
    }

    void groupsAgainstHandCounts()
    {
        const api::SurveyResults a1 = ofGroup(m_a1);
        QCOMPARE(a1.slice.withheld, api::Withheld::No);
        QCOMPARE(a1.slice.responseRate.targets, 8);
        QCOMPARE(a1.slice.responseRate.respondents, 7);
        QCOMPARE(at(a1, 0).counts, (QList<qint64>{0, 1, 2, 2, 2}));
        QCOMPARE(at(a1, 0).mean, std::optional<double>(3.71));
        QCOMPARE(at(a1, 1).counts, (QList<qint64>{3, 2, 2}));
        // Three answered the 0-10 scale in A1: too few.
        QCOMPARE(at(a1, 3).respondents, 3);
        QCOMPARE(at(a1, 3).withheld, api::Withheld::TooFewRespondents);
        // Seven respondents do not reach the comment threshold of 10.
        QCOMPARE(at(a1, 4).withheld, api::Withheld::TooFewRespondents);
        QVERIFY(at(a1, 4).texts.isEmpty());

        // A: A1's seven, A2's six and two placed in A itself.
        const api::SurveyResults a = ofGroup(m_a);
        QCOMPARE(a.slice.responseRate.respondents, 15);
        QCOMPARE(at(a, 0).counts, (QList<qint64>{1, 2, 4, 5, 3}));
        QCOMPARE(at(a, 0).mean, std::optional<double>(3.47));
        QCOMPARE(at(a, 1).counts, (QList<qint64>{6, 5, 4}));

        const api::SurveyResults b = ofGroup(m_b);
        QCOMPARE(b.slice.withheld, api::Withheld::TooFewRespondents);
        QCOMPARE(b.slice.responseRate.respondents, 3);
        for (const api::QuestionResult &question : b.questions) {
            QCOMPARE(question.withheld, api::Withheld::TooFewRespondents);
            QVERIFY(question.counts.isEmpty());
        }
    }

    void complementarySuppression()
    {
        // A (15) holds A1 (7), A2 (6) and two placed in A itself: A2 shown
        // beside A and A1 would leave 15 - 7 - 6 = 2 people by difference.
        // A2, the smaller, is withheld; 15 - 7 = 8 isolates no fewer than the
        // threshold, nor does the tenant minus A: 20 - 15 = 5 (B's three,
        // under the threshold, and the two in no group).
        const api::SurveyResults a2 = ofGroup(m_a2);
        QCOMPARE(a2.slice.responseRate.respondents, 6);
        QCOMPARE(a2.slice.withheld, api::Withheld::Complementary);
        for (const api::QuestionResult &question : a2.questions) {
            QCOMPARE(question.withheld, api::Withheld::Complementary);
            QVERIFY(question.counts.isEmpty() && !question.mean && question.texts.isEmpty());
        }
        const api::SurveyResults all = results(m_roundId, {});
        const auto shown = [this](const QString &group) {
            const api::SurveyResults slice = ofGroup(group);
            return slice.slice.withheld == api::Withheld::No ? slice.slice.responseRate.respondents
                                                             : qint64(0);
        };
        const qint64 threshold = all.slice.threshold;
        const qint64 underA = shown(m_a) - shown(m_a1) - shown(m_a2);
        QVERIFY2(underA == 0 || underA >= threshold, qPrintable(QString::number(underA)));
        const qint64 underTenant = all.slice.responseRate.respondents - shown(m_a) - shown(m_b);
        QVERIFY2(underTenant == 0 || underTenant >= threshold,
                 qPrintable(QString::number(underTenant)));

        // Per question too: five of A1 and three more in A answered the
        // multiple choice; A1's five beside A's eight would single out A2's
        // two (under the threshold) and A's one.
        const api::SurveyResults a1 = ofGroup(m_a1);
        QCOMPARE(at(a1, 2).respondents, 5);
        QCOMPARE(at(a1, 2).withheld, api::Withheld::Complementary);
        QCOMPARE(at(a1, 0).withheld, api::Withheld::No);
        QCOMPARE(at(all, 2).withheld, api::Withheld::No);
    }

    void attributeSlices()
    {
        const api::SurveyResults partTime =
            results(m_roundId, {QString(), kEmployment, QStringLiteral("part-time")});
        QCOMPARE(partTime.slice.withheld, api::Withheld::No);
        QCOMPARE(partTime.slice.responseRate.respondents, 5);
        QCOMPARE(at(partTime, 0).counts, (QList<qint64>{0, 2, 1, 1, 1}));
        QCOMPARE(at(partTime, 0).mean, std::optional<double>(3.2));
        QCOMPARE(at(partTime, 4).withheld, api::Withheld::TooFewRespondents);

        const api::SurveyResults fullTime =
            results(m_roundId, {QString(), kEmployment, QStringLiteral("full-time")});
        QCOMPARE(fullTime.slice.responseRate.respondents, 15);
        QCOMPARE(fullTime.slice.responseRate.targets, 16);

        // Two part-timers in A1.
        const api::SurveyResults few =
            results(m_roundId, {m_a1, kEmployment, QStringLiteral("part-time")});
        QCOMPARE(few.slice.responseRate.respondents, 2);
        QCOMPARE(few.slice.withheld, api::Withheld::TooFewRespondents);
        const api::SurveyResults nobody =
            results(m_roundId, {QString(), kEmployment, QStringLiteral("contract")});
        QCOMPARE(nobody.slice.withheld, api::Withheld::NoAnswers);
    }

    void commentThreshold()
    {
        // At a comment threshold of 5, A1's seven respondents list their texts.
        const api::SurveyResults a1 = ofGroup(m_a1, m_lowCommentsId);
        QCOMPARE(a1.slice.commentThreshold, 5);
        QCOMPARE(at(a1, 4).withheld, api::Withheld::No);
        QCOMPARE(sorted(at(a1, 4).texts),
                 sorted({QStringLiteral("Great team"), QStringLiteral("More training"),
                         QStringLiteral("Flexible hours")}));
        // A lists its six; A2 has its two withheld with the slice.
        QCOMPARE(at(ofGroup(m_a, m_lowCommentsId), 4).texts.size(), 6);
        QCOMPARE(at(ofGroup(m_a2, m_lowCommentsId), 4).withheld, api::Withheld::Complementary);
    }

    void textsOpenedOnlyForTheSlice()
    {
        // B's text no longer opens: a slice without it still answers, one
        // with it cannot (and says nothing of why).
        QSqlQuery tamper(m_service.connection());
        QVERIFY(tamper.exec(
            QStringLiteral(
                "UPDATE custom_answers SET text_sealed = X'0000000100' || text_sealed WHERE "
                "question_id = 'q5' AND text_sealed IS NOT NULL AND response_id IN (SELECT r.id "
                "FROM responses r JOIN "
                "survey_rounds s ON s.seq = r.round_seq JOIN round_targets t ON t.round_seq = "
                "r.round_seq AND t.respondent_id = r.respondent_id JOIN placements p ON p.id = "
                "t.placement_id WHERE s.id = '") +
            m_lowCommentsId + QStringLiteral("' AND p.group_id = '") + m_b + QStringLiteral("')")));
        QCOMPARE(tamper.numRowsAffected(), 1);
        QCOMPARE(at(ofGroup(m_a1, m_lowCommentsId), 4).texts.size(), 3);
        const test::HttpResponse all = get(m_lowCommentsId, QStringLiteral("owner"));
        QCOMPARE(all.status, 500);
        QVERIFY(!all.body.contains("Nothing"));
    }

    void openRound()
    {
        const api::SurveyResults open = results(m_openRoundId, {});
        QCOMPARE(open.status, api::RoundStatus::Open);
        QCOMPARE(open.slice.responseRate.respondents, 7);
        QCOMPARE(open.slice.responseRate.targets, 7);
        QCOMPARE(at(open, 0).counts, (QList<qint64>{0, 1, 2, 2, 2}));
    }

    void roles_data()
    {
        QTest::addColumn<QString>("as");
        QTest::addColumn<int>("status");
        QTest::newRow("owner") << "owner" << 200;
        QTest::newRow("admin") << "admin" << 200;
        QTest::newRow("manager") << "manager" << 200;
        QTest::newRow("viewer") << "viewer" << 403;
        QTest::newRow("manager of no group") << "unscoped" << 404;
    }
    void roles()
    {
        QFETCH(QString, as);
        QFETCH(int, status);
        QCOMPARE(get(m_roundId, as).status, status);
    }

    void managerScope()
    {
        // Without a group: the manager's first group.
        const api::SurveyResults own = results(m_roundId, {}, QStringLiteral("manager"));
        QCOMPARE(own.slice.groupId, m_a1);
        QCOMPARE(own.slice.responseRate.respondents, 7);
        // Neither a sibling nor the parent.
        for (const QString &group : {m_a2, m_a, m_b}) {
            QUrlQuery query;
            query.addQueryItem(QStringLiteral("group"), group);
            const test::HttpResponse response = get(m_roundId, QStringLiteral("manager"), query);
            QCOMPARE(response.status, 404);
            QCOMPARE(response.json().value(QLatin1String("detail")).toString(),
                     QStringLiteral("There is no such group."));
        }
    }

    void refusals()
    {
        // Another tenant's round is a missing one.
        const test::HttpResponse foreign = get(m_roundId, QStringLiteral("owner"), {}, true);
        QCOMPARE(foreign.status, 404);
        QVERIFY(!foreign.body.contains("Ways"));
        QCOMPARE(
            get(QStringLiteral("0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2d"), QStringLiteral("owner"))
                .status,
            404);
        QCOMPARE(get(QStringLiteral("not-a-round%27%20OR%201%3D1"), QStringLiteral("owner")).status,
                 404);
        const test::HttpResponse pulse = get(m_pulseRoundId, QStringLiteral("owner"));
        QCOMPARE(pulse.status, 409);
        QVERIFY(pulse.json()
                    .value(QLatin1String("detail"))
                    .toString()
                    .contains(QLatin1String("/api/v1/engagement/")));
        QCOMPARE(get(m_scheduledRoundId, QStringLiteral("owner")).status, 409);
    }

    void hostileQueries_data()
    {
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("field");
        QTest::newRow("unknown parameter") << QByteArray("limit=5") << 400 << "limit";
        QTest::newRow("round in the query") << QByteArray("round=x") << 400 << "round";
        QTest::newRow("group injection")
            << QByteArray("group=%27%20OR%201%3D1--") << 400 << "group";
        QTest::newRow("group repeated")
            << QByteArray("group=6ba7b811-9dad-11d1-80b4-00c04fd430c8&group="
                          "6ba7b811-9dad-11d1-80b4-00c04fd430c8")
            << 400 << "group";
        QTest::newRow("group unknown")
            << QByteArray("group=6ba7b811-9dad-11d1-80b4-00c04fd430c8") << 404 << "";
        QTest::newRow("attribute unknown")
            << QByteArray("attribute=6ba7b811-9dad-11d1-80b4-00c04fd430c8&value=x") << 404 << "";
        QTest::newRow("attribute not a key")
            << QByteArray("attribute=salary&value=1") << 400 << "attribute";
        QTest::newRow("attribute without value") << QByteArray("attribute=grade") << 400 << "value";
        QTest::newRow("value without attribute") << QByteArray("value=x") << 400 << "value";
        QTest::newRow("value huge")
            << (QByteArray("attribute=grade&value=") + QByteArray(5000, 'a')) << 400 << "value";
        QTest::newRow("value control") << QByteArray("attribute=grade&value=%00") << 400 << "value";
        QTest::newRow("hostile name") << QByteArray("%3Cscript%3E=1") << 400 << "(unprintable)";
    }
    void hostileQueries()
    {
        QFETCH(QByteArray, query);
        QFETCH(int, status);
        QFETCH(QString, field);
        const test::HttpResponse response =
            m_service.send("GET",
                           QStringLiteral("/api/v1/rounds/") + m_roundId +
                               QStringLiteral("/results?") + QString::fromLatin1(query),
                           m_service.issue(m_org, QStringLiteral("owner")).accessToken);
        QCOMPARE(response.status, status);
        if (!field.isEmpty())
            QCOMPARE(response.json().value(QLatin1String("field")).toString(), field);
        QVERIFY(!response.body.contains("script"));
        QVERIFY(!response.body.contains("aaaaaaaa"));
    }
};

QTEST_GUILESS_MAIN(TestSurveyResultsRoutes)
#include "tst_surveyresultsroutes.moc"
