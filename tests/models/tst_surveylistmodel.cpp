// SurveyListModel against the real engage-server over TLS on loopback: the
// list as the service gives it (names in the UI language, kinds, statuses,
// next delivery in the user's locale and time zone, the open round's
// response rate), a survey created with an Idempotency-Key, publishing and
// deleting with If-Match (a stale revision refused, not overwritten), and
// closing and extending an open round.

#include "api/deliveryplan.h"
#include "models/surveys/surveylistmodel.h"
#include "serviceclient.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QTimeZone>
#include <QUuid>

using namespace engage;
using namespace engage::models;
using namespace engage::test;

namespace {

const QString kTenant = QStringLiteral("sakura-foods");
using Action = SurveyListModel::Action;

api::SurveyDefinition customSurvey(const QString &tag, const QDate &start)
{
    api::SurveyDefinition definition;
    definition.kind = api::SurveyKind::Custom;
    definition.name = {QStringLiteral("職場調査 %1").arg(tag),
                       QStringLiteral("Workplace %1").arg(tag)};
    api::Question question;
    question.id = QStringLiteral("q1");
    question.text = {QStringLiteral("仕事は楽しい"), QStringLiteral("I enjoy my work")};
    definition.questions = {question};
    definition.delivery.startDate = start;
    return definition;
}

QString unique()
{
    return QUuid::createUuid().toString(QUuid::Id128).left(8);
}

} // namespace

class TestSurveyListModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void listsTheServicesSurveys();
    void namesFollowTheLanguage();
    void createsWithAnIdempotencyKey();
    void publishesAndShowsTheNextDelivery();
    void aStalePublishIsRefused();
    void deletesADraft();
    void aPublishedSurveyIsNotDeleted();
    void closesAndExtendsAnOpenRound();

private:
    api::Survey createThroughTheService(const api::SurveyDefinition &definition);
    bool reload();

    ServerProcess m_server;
    OwnerAtTwoDesks m_desks;
    std::unique_ptr<SurveyListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestSurveyListModel::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QVERIFY(m_desks.signIn(m_server, kTenant, QStringLiteral("Engage tst_surveylistmodel")));
}

void TestSurveyListModel::init()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    m_model = std::make_unique<SurveyListModel>(m_desks.client->api);
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(reload());
}

void TestSurveyListModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_server.reportIfFailed();
}

void TestSurveyListModel::cleanupTestCase()
{
    m_desks.signOut();
}

api::Survey TestSurveyListModel::createThroughTheService(const api::SurveyDefinition &definition)
{
    ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/api/v1/surveys");
    request.body = api::toJson(definition);
    request.idempotencyKey = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    const Outcome created = call(m_desks.other->api, request);
    if (!created.ok)
        return {};
    const auto survey = api::surveyFromJson(created.json);
    return survey ? survey.value() : api::Survey{};
}

bool TestSurveyListModel::reload()
{
    QSignalSpy loaded(m_model.get(), &SurveyListModel::loaded);
    QSignalSpy failed(m_model.get(), &SurveyListModel::failed);
    m_model->reload();
    return QTest::qWaitFor([&] { return !loaded.isEmpty() || !failed.isEmpty(); }, kWaitMs) &&
           failed.isEmpty();
}

void TestSurveyListModel::listsTheServicesSurveys()
{
    const api::Survey survey =
        createThroughTheService(customSurvey(unique(), QDate::currentDate().addDays(10)));
    QVERIFY(!survey.id.isEmpty());
    QVERIFY(reload());
    const int row = m_model->rowOf(survey.id);
    QCOMPARE(row, 0); // newest first
    const auto cell = [&](SurveyListModel::Column column, int role = Qt::DisplayRole) {
        return m_model->index(row, column).data(role);
    };
    QCOMPARE(cell(SurveyListModel::NameColumn).toString(), survey.definition.name.en);
    QCOMPARE(cell(SurveyListModel::KindColumn).toString(), QStringLiteral("Custom survey"));
    QCOMPARE(cell(SurveyListModel::StatusColumn).toString(), QStringLiteral("Draft"));
    QCOMPARE(cell(SurveyListModel::ResponseRateColumn).toString(), QString());
    QCOMPARE(cell(SurveyListModel::NameColumn, SurveyListModel::SurveyIdRole).toString(),
             survey.id);
    QCOMPARE(cell(SurveyListModel::NameColumn, SurveyListModel::StatusRole).toInt(),
             int(api::SurveyStatus::Draft));
    QCOMPARE(cell(SurveyListModel::NameColumn, SurveyListModel::RevisionRole).toLongLong(),
             survey.revision);
    QCOMPARE(m_model->headerData(SurveyListModel::NextDeliveryColumn, Qt::Horizontal).toString(),
             QStringLiteral("Next delivery"));
}

void TestSurveyListModel::namesFollowTheLanguage()
{
    const api::Survey survey =
        createThroughTheService(customSurvey(unique(), QDate::currentDate().addDays(10)));
    QVERIFY(reload());
    const QModelIndex name = m_model->index(m_model->rowOf(survey.id), SurveyListModel::NameColumn);
    QCOMPARE(name.data().toString(), survey.definition.name.en);
    QCOMPARE(name.data(Qt::ToolTipRole).toString(), survey.definition.name.ja);
    QLocale::setDefault(QLocale(QLocale::Japanese, QLocale::Japan));
    QCOMPARE(name.data().toString(), survey.definition.name.ja);
    QCOMPARE(name.data(Qt::ToolTipRole).toString(), survey.definition.name.en);
    // A draft named in one language only shows that name in both.
    api::SurveyDefinition english = customSurvey(unique(), QDate());
    english.name.ja.clear();
    const api::Survey half = createThroughTheService(english);
    QVERIFY(!half.id.isEmpty());
    QVERIFY(reload());
    QCOMPARE(m_model->index(m_model->rowOf(half.id), 0).data().toString(), english.name.en);
}

void TestSurveyListModel::createsWithAnIdempotencyKey()
{
    QSignalSpy created(m_model.get(), &SurveyListModel::created);
    const int before = m_model->rowCount();
    const api::SurveyDefinition definition = customSurvey(unique(), QDate());
    m_model->create(definition);
    QVERIFY(waitFor(created));
    const auto survey = created.constFirst().constFirst().value<api::Survey>();
    QCOMPARE(survey.status, api::SurveyStatus::Draft);
    QCOMPARE(survey.definition, definition);
    QCOMPARE(m_model->rowCount(), before + 1);
    QCOMPARE(m_model->rowOf(survey.id), 0);
    QVERIFY(reload());
    QCOMPARE(m_model->rowCount(), before + 1);
}

void TestSurveyListModel::publishesAndShowsTheNextDelivery()
{
    const QDate start = QDate::currentDate().addDays(20);
    const api::Survey survey = createThroughTheService(customSurvey(unique(), start));
    QVERIFY(reload());
    QSignalSpy done(m_model.get(), &SurveyListModel::done);
    m_model->publish(survey.id);
    QVERIFY(waitFor(done));
    QCOMPARE(done.constFirst().at(0).value<Action>(), Action::Publish);
    const api::Survey *published = m_model->survey(survey.id);
    QCOMPARE(published->status, api::SurveyStatus::Scheduled);
    QVERIFY(published->nextDelivery);
    const auto planned =
        api::plannedRound(published->definition.delivery, published->definition.kind, 1);
    QCOMPARE(*published->nextDelivery, planned->opensAt);
    const QModelIndex next =
        m_model->index(m_model->rowOf(survey.id), SurveyListModel::NextDeliveryColumn);
    QCOMPARE(next.data().toString(),
             QLocale().toString(planned->opensAt.toLocalTime(), QLocale::ShortFormat));
    QCOMPARE(next.data(SurveyListModel::SortRole).toDateTime(), planned->opensAt);
    QCOMPARE(
        m_model->index(m_model->rowOf(survey.id), SurveyListModel::StatusColumn).data().toString(),
        QStringLiteral("Scheduled"));
}

void TestSurveyListModel::aStalePublishIsRefused()
{
    const api::Survey survey =
        createThroughTheService(customSurvey(unique(), QDate::currentDate().addDays(20)));
    QVERIFY(reload());
    // Someone else renames it after the list was loaded.
    api::SurveyDefinition renamed = survey.definition;
    renamed.name.en += QStringLiteral(" (2)");
    ApiRequest put;
    put.method = "PUT";
    put.path = QStringLiteral("/api/v1/surveys/") + survey.id;
    put.body = api::toJson(renamed);
    put.ifMatch = '"' + QByteArray::number(survey.revision) + '"';
    QVERIFY(call(m_desks.other->api, put).ok);

    QSignalSpy stale(m_model.get(), &SurveyListModel::staleAction);
    m_model->publish(survey.id);
    QVERIFY(waitFor(stale));
    QCOMPARE(stale.constFirst().at(0).value<Action>(), Action::Publish);
    const Outcome read = get(m_desks.other->api, put.path);
    QCOMPARE(read.json.value(QLatin1String("status")).toString(), QStringLiteral("draft"));
}

void TestSurveyListModel::deletesADraft()
{
    const api::Survey survey = createThroughTheService(customSurvey(unique(), QDate()));
    QVERIFY(reload());
    const int before = m_model->rowCount();
    QSignalSpy removed(m_model.get(), &SurveyListModel::removed);
    m_model->removeDraft(survey.id);
    QVERIFY(waitFor(removed));
    QCOMPARE(m_model->rowCount(), before - 1);
    QCOMPARE(m_model->rowOf(survey.id), -1);
    const Outcome read = get(m_desks.other->api, QStringLiteral("/api/v1/surveys/") + survey.id);
    QCOMPARE(read.error.code, api::ProblemCode::NotFound);
}

void TestSurveyListModel::aPublishedSurveyIsNotDeleted()
{
    const api::Survey survey =
        createThroughTheService(customSurvey(unique(), QDate::currentDate().addDays(20)));
    QVERIFY(reload());
    QSignalSpy done(m_model.get(), &SurveyListModel::done);
    m_model->publish(survey.id);
    QVERIFY(waitFor(done));
    QSignalSpy failed(m_model.get(), &SurveyListModel::actionFailed);
    m_model->removeDraft(survey.id);
    QVERIFY(waitFor(failed));
    QCOMPARE(failed.constFirst().at(0).value<Action>(), Action::Remove);
    QCOMPARE(failed.constFirst().at(2).value<ApiError>().code, api::ProblemCode::Conflict);
    QVERIFY(m_model->rowOf(survey.id) >= 0);
}

void TestSurveyListModel::closesAndExtendsAnOpenRound()
{
    // A round that opened at midnight today, Tokyo time: the scheduler opens it at its first tick.
    const QDate today = QDateTime::currentDateTimeUtc()
                            .toTimeZone(QTimeZone(api::kDefaultTimeZone.toLatin1()))
                            .date();
    api::SurveyDefinition definition = customSurvey(unique(), today);
    definition.delivery.startTime = QTime(0, 0);
    definition.delivery.periodDays = 5;
    const api::Survey survey = createThroughTheService(definition);
    QVERIFY(reload());
    QSignalSpy done(m_model.get(), &SurveyListModel::done);
    m_model->publish(survey.id);
    QVERIFY(waitFor(done));
    QVERIFY2(
        QTest::qWaitFor(
            [&] { return reload() && m_model->survey(survey.id)->openRound.has_value(); }, 45000),
        "the scheduler opened no round");
    const api::Survey open = *m_model->survey(survey.id);
    QCOMPARE(open.status, api::SurveyStatus::Open);
    const int row = m_model->rowOf(survey.id);
    QCOMPARE(m_model->index(row, SurveyListModel::ResponseRateColumn).data().toString(),
             SurveyListModel::responseRateText(open));
    QVERIFY(!SurveyListModel::responseRateText(open).isEmpty());

    done.clear();
    const QDate lastDay = today.addDays(9);
    m_model->extend(survey.id, lastDay);
    QVERIFY(waitFor(done));
    QCOMPARE(done.constFirst().at(0).value<Action>(), Action::Extend);
    const QTimeZone tokyo(api::kDefaultTimeZone.toLatin1());
    QCOMPARE(m_model->survey(survey.id)->openRound->closesAt.toTimeZone(tokyo).date(), lastDay);

    done.clear();
    m_model->closeRound(survey.id);
    QVERIFY(waitFor(done));
    QCOMPARE(done.constFirst().at(0).value<Action>(), Action::Close);
    QVERIFY(!m_model->survey(survey.id)->openRound);
    QCOMPARE(m_model->survey(survey.id)->status, api::SurveyStatus::Closed);
}

QTEST_MAIN(TestSurveyListModel)
#include "tst_surveylistmodel.moc"
