// SurveyRepository against a real SQLite file: drafts with their definition
// and the columns kept beside it, revision-checked edits, publishing that
// freezes, the open round closed and extended, what the scheduler reads, a
// survey from before issue 7 shown as a pulse, and a writer killed mid-write
// leaving consistent rows.

#include "api/deliveryplan.h"
#include "api/id.h"
#include "api/jsonparse.h"
#include "api/questionbank.h"
#include "api/validators.h"
#include "store/pulserepository.h"
#include "store/surveyrepository.h"
#include "storefixture.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

using namespace engage::server::store;
namespace api = engage::api;

namespace {

const QDateTime kNow(QDate(2030, 3, 1), QTime(0, 0), Qt::UTC);

api::Question question(const char *id, api::QuestionType type)
{
    api::Question made;
    made.id = QString::fromLatin1(id);
    made.type = type;
    made.text = api::LocalizedText{QStringLiteral("質問"), QStringLiteral("Question")};
    return made;
}

// A one-shot custom survey that can be published, opening 2030-04-01 09:00 Tokyo.
api::SurveyDefinition custom()
{
    api::SurveyDefinition definition;
    definition.kind = api::SurveyKind::Custom;
    definition.name =
        api::LocalizedText{QStringLiteral("働き方"), QStringLiteral("Ways of working")};
    definition.questions = {question("q1", api::QuestionType::Agreement5),
                            question("q2", api::QuestionType::FreeText)};
    definition.delivery.startDate = QDate(2030, 4, 1);
    definition.delivery.periodDays = 7;
    return definition;
}

api::SurveyDefinition pulse()
{
    api::SurveyDefinition definition;
    definition.kind = api::SurveyKind::Pulse;
    definition.name = api::LocalizedText{QStringLiteral("パルス"), QStringLiteral("Pulse")};
    definition.delivery.startDate = QDate(2030, 4, 1);
    definition.delivery.cadenceWeeks = 2;
    return definition;
}

} // namespace

Q_DECLARE_METATYPE(engage::server::store::StoreErrorKind)

class TestSurveyRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void createAndGet();
    void listNewestFirstAndScoped();
    void updateDraft();
    void removeDraft();
    void publishFreezes();
    void legacyPulse();
    void closeOneShot();
    void closeRecurring();
    void extendOpenRound();
    void extensionEnd_data();
    void extensionEnd();
    void publishedForTheScheduler();
    void killedWriterLeavesConsistentRows();

private:
    // The columns of a surveys row beside its definition.
    struct Columns
    {
        QString kind;
        QString name;
        int cadence = 0;
        QString status;
        qint64 revision = 0;
        bool published = false;
        bool deleted = false;
    };
    Columns columns(const QString &id);
    // A published survey with an open round (number 1, opened at its plan's
    // opening); the round.
    StoredRound openRoundOf(const api::SurveyDefinition &definition, QString *surveyId);

    std::unique_ptr<testing::StoreFixture> m_fixture;
    std::unique_ptr<SurveyRepository> m_surveys;
    std::optional<TenantScope> m_tenant;
};

void TestSurveyRepository::init()
{
    m_fixture = std::make_unique<testing::StoreFixture>();
    QVERIFY(m_fixture->isReady());
    m_surveys = std::make_unique<SurveyRepository>(m_fixture->connection(), m_fixture->keyring());
    m_tenant = m_fixture->createTenant(QStringLiteral("tenant-a"));
}

void TestSurveyRepository::cleanup()
{
    m_surveys.reset();
    m_fixture.reset();
}

TestSurveyRepository::Columns TestSurveyRepository::columns(const QString &id)
{
    QSqlQuery query(m_fixture->connection());
    query.prepare(QStringLiteral("SELECT kind, name, cadence_weeks, status, revision, "
                                 "published_at IS NOT NULL, deleted_at IS NOT NULL FROM surveys "
                                 "WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return {};
    return Columns{query.value(0).toString(), query.value(1).toString(),   query.value(2).toInt(),
                   query.value(3).toString(), query.value(4).toLongLong(), query.value(5).toBool(),
                   query.value(6).toBool()};
}

StoredRound TestSurveyRepository::openRoundOf(const api::SurveyDefinition &definition,
                                              QString *surveyId)
{
    const auto created = m_surveys->create(*m_tenant, definition, kNow);
    if (!created)
        return {};
    *surveyId = created.value().id;
    if (!m_surveys->publish(*m_tenant, *surveyId, 1, kNow))
        return {};
    const auto plan = api::plannedRound(definition.delivery, definition.kind, 1);
    StoredRound round;
    round.surveyId = *surveyId;
    round.number = 1;
    round.itemIds = api::pulseItems(4, 0);
    round.opensAt = plan->opensAt;
    round.closesAt = plan->closesAt;
    round.status = api::RoundStatus::Open;
    const auto made = PulseRepository(m_fixture->connection(), m_fixture->keyring())
                          .createRound(*m_tenant, round, plan->opensAt);
    return made ? made.value() : StoredRound();
}

void TestSurveyRepository::createAndGet()
{
    const auto created = m_surveys->create(*m_tenant, custom(), kNow);
    QVERIFY(created);
    QCOMPARE(created.value().status, api::SurveyStatus::Draft);
    QCOMPARE(created.value().revision, 1);
    QCOMPARE(created.value().createdAt, kNow);
    QVERIFY(!api::validateId(created.value().id));

    const auto read = m_surveys->get(*m_tenant, created.value().id, kNow);
    QVERIFY(read);
    QCOMPARE(read.value().definition, custom());
    QCOMPARE(read.value().status, api::SurveyStatus::Draft);
    QCOMPARE(read.value().updatedAt, kNow);
    QVERIFY(!read.value().openRound);
    // A draft plans nothing.
    QVERIFY(!read.value().nextDelivery);

    const Columns row = columns(created.value().id);
    QCOMPARE(row.kind, QStringLiteral("custom"));
    QCOMPARE(row.name, QStringLiteral("働き方"));
    QCOMPARE(row.cadence, 4);
    QCOMPARE(row.status, QStringLiteral("draft"));
    QVERIFY(!row.published);

    // A chosen id (what an Idempotency-Key's create could use), taken twice.
    const QString id = api::createId();
    api::SurveyDefinition english = pulse();
    english.name.ja.clear();
    QVERIFY(m_surveys->create(*m_tenant, english, kNow, id));
    const auto again = m_surveys->create(*m_tenant, pulse(), kNow, id);
    QVERIFY(!again);
    QCOMPARE(again.errorKind(), StoreErrorKind::Conflict);
    // English when there is no Japanese name.
    QCOMPARE(columns(id).name, QStringLiteral("Pulse"));
    QCOMPARE(columns(id).cadence, 2);

    // The repository keeps only valid definitions.
    api::SurveyDefinition invalid = custom();
    invalid.delivery.periodDays = 0;
    const auto refused = m_surveys->create(*m_tenant, invalid, kNow);
    QVERIFY(!refused);
    QCOMPARE(refused.errorKind(), StoreErrorKind::Refused);

    const auto missing = m_surveys->get(*m_tenant, api::createId(), kNow);
    QCOMPARE(missing.errorKind(), StoreErrorKind::NotFound);
}

void TestSurveyRepository::listNewestFirstAndScoped()
{
    QStringList ids;
    for (int i = 0; i < 3; ++i) {
        api::SurveyDefinition definition = custom();
        definition.name.en = QStringLiteral("Survey %1").arg(i);
        const auto created = m_surveys->create(*m_tenant, definition, kNow.addSecs(i));
        QVERIFY(created);
        ids.prepend(created.value().id);
    }
    const TenantScope other = m_fixture->createTenant(QStringLiteral("tenant-b"));
    const auto theirs = m_surveys->create(other, custom(), kNow.addSecs(10));
    QVERIFY(theirs);

    const auto listed = m_surveys->list(*m_tenant, kNow);
    QVERIFY(listed);
    QStringList listedIds;
    for (const api::Survey &survey : listed.value())
        listedIds.append(survey.id);
    QCOMPARE(listedIds, ids);
    QCOMPARE(listed.value().first().definition.name.en, QStringLiteral("Survey 2"));

    // Another tenant's survey does not exist for this one.
    QCOMPARE(m_surveys->get(*m_tenant, theirs.value().id, kNow).errorKind(),
             StoreErrorKind::NotFound);
    QCOMPARE(m_surveys->update(*m_tenant, theirs.value().id, 1, custom(), kNow).errorKind(),
             StoreErrorKind::NotFound);
    QCOMPARE(m_surveys->remove(*m_tenant, theirs.value().id, 1, kNow).errorKind(),
             StoreErrorKind::NotFound);
    QCOMPARE(m_surveys->publish(*m_tenant, theirs.value().id, 1, kNow).errorKind(),
             StoreErrorKind::NotFound);
    QCOMPARE(m_surveys->list(other, kNow).value().size(), 1);
}

void TestSurveyRepository::updateDraft()
{
    const auto created = m_surveys->create(*m_tenant, custom(), kNow);
    QVERIFY(created);
    const QString id = created.value().id;
    api::SurveyDefinition changed = pulse();
    changed.delivery.cadenceWeeks = 1;
    changed.delivery.periodDays = 5;
    const auto updated = m_surveys->update(*m_tenant, id, 1, changed, kNow.addSecs(60));
    QVERIFY(updated);
    QCOMPARE(updated.value().revision, 2);
    QCOMPARE(updated.value().updatedAt, kNow.addSecs(60));
    QCOMPARE(updated.value().createdAt, kNow);
    QCOMPARE(m_surveys->get(*m_tenant, id, kNow).value().definition, changed);
    const Columns row = columns(id);
    QCOMPARE(row.kind, QStringLiteral("pulse"));
    QCOMPARE(row.name, QStringLiteral("パルス"));
    QCOMPARE(row.cadence, 1);
    QCOMPARE(row.revision, 2);

    // An edit made against revision 1 after someone else's: refused, nothing written.
    const auto stale = m_surveys->update(*m_tenant, id, 1, custom(), kNow);
    QVERIFY(!stale);
    QCOMPARE(stale.errorKind(), StoreErrorKind::Conflict);
    QCOMPARE(m_surveys->get(*m_tenant, id, kNow).value().definition, changed);
    QCOMPARE(columns(id).revision, 2);
}

void TestSurveyRepository::removeDraft()
{
    const auto created = m_surveys->create(*m_tenant, custom(), kNow);
    QVERIFY(created);
    const QString id = created.value().id;
    QCOMPARE(m_surveys->remove(*m_tenant, id, 2, kNow).errorKind(), StoreErrorKind::Conflict);
    QVERIFY(m_surveys->remove(*m_tenant, id, 1, kNow));
    QCOMPARE(m_surveys->get(*m_tenant, id, kNow).errorKind(), StoreErrorKind::NotFound);
    QVERIFY(m_surveys->list(*m_tenant, kNow).value().isEmpty());
    QVERIFY(columns(id).deleted);
    QCOMPARE(m_surveys->remove(*m_tenant, id, 2, kNow).errorKind(), StoreErrorKind::NotFound);
}

void TestSurveyRepository::publishFreezes()
{
    api::SurveyDefinition incomplete = custom();
    incomplete.questions[1].text.en.clear();
    const auto created = m_surveys->create(*m_tenant, incomplete, kNow);
    QVERIFY(created);
    const QString id = created.value().id;
    const auto refused = m_surveys->publish(*m_tenant, id, 1, kNow);
    QCOMPARE(refused.errorKind(), StoreErrorKind::Refused);
    QCOMPARE(columns(id).status, QStringLiteral("draft"));

    QVERIFY(m_surveys->update(*m_tenant, id, 1, custom(), kNow));
    QCOMPARE(m_surveys->publish(*m_tenant, id, 1, kNow).errorKind(), StoreErrorKind::Conflict);
    const auto published = m_surveys->publish(*m_tenant, id, 2, kNow);
    QVERIFY(published);
    QCOMPARE(published.value().status, api::SurveyStatus::Scheduled);
    QCOMPARE(published.value().revision, 3);
    QCOMPARE(published.value().definition, custom());
    // The first round opens 2030-04-01 09:00 in Tokyo.
    QCOMPARE(published.value().nextDelivery,
             std::optional<QDateTime>(QDateTime(QDate(2030, 4, 1), QTime(0, 0), Qt::UTC)));
    const Columns row = columns(id);
    QCOMPARE(row.status, QStringLiteral("scheduled"));
    QVERIFY(row.published);
    QCOMPARE(row.revision, 3);

    // Frozen: no edit, no delete, no second publishing, whatever the revision.
    QCOMPARE(m_surveys->update(*m_tenant, id, 3, pulse(), kNow).errorKind(),
             StoreErrorKind::Frozen);
    QCOMPARE(m_surveys->remove(*m_tenant, id, 3, kNow).errorKind(), StoreErrorKind::Frozen);
    QCOMPARE(m_surveys->publish(*m_tenant, id, 3, kNow).errorKind(), StoreErrorKind::Frozen);
    QCOMPARE(m_surveys->get(*m_tenant, id, kNow).value().definition, custom());
    QCOMPARE(columns(id).revision, 3);
}

// The demo's pulse, made by PulseRepository before issue 7 with definition '{}'.
void TestSurveyRepository::legacyPulse()
{
    PulseRepository pulses(m_fixture->connection(), m_fixture->keyring());
    const auto survey = pulses.createSurvey(*m_tenant, SurveyKind::Pulse,
                                            QStringLiteral("エンゲージメント・パルス"), 4, kNow);
    QVERIFY(survey);
    const QString id = survey.value().id;
    // Rounds from 2029-01-08 09:00 Tokyo, 14 days each, the second one first
    // in the table: the first by number gives the start.
    const QDateTime firstOpens(QDate(2029, 1, 8), QTime(0, 0), Qt::UTC);
    for (int number : {2, 1}) {
        StoredRound round;
        round.surveyId = id;
        round.number = number;
        round.itemIds = api::pulseItems(4, number - 1);
        round.opensAt = firstOpens.addDays(28 * (number - 1));
        round.closesAt = round.opensAt.addDays(14);
        round.status = api::RoundStatus::Closed;
        QVERIFY(pulses.createRound(*m_tenant, round, kNow));
    }

    const auto shown = m_surveys->get(*m_tenant, id, kNow);
    QVERIFY2(shown, qPrintable(shown ? QString() : shown.error().message));
    const api::SurveyDefinition &definition = shown.value().definition;
    QCOMPARE(definition.kind, api::SurveyKind::Pulse);
    QCOMPARE(definition.name.ja, QStringLiteral("エンゲージメント・パルス"));
    QCOMPARE(definition.name.en, definition.name.ja);
    QVERIFY(definition.questions.isEmpty());
    QCOMPARE(definition.delivery.cadenceWeeks, 4);
    QCOMPARE(definition.delivery.timeZone, api::kDefaultTimeZone);
    QCOMPARE(definition.delivery.startDate, QDate(2029, 1, 8));
    QCOMPARE(definition.delivery.startTime, QTime(9, 0));
    // Closing at 09:00 Tokyo of the 15th day counted from the opening.
    QCOMPARE(definition.delivery.periodDays, 15);
    QVERIFY(definition.delivery.reminderDaysBeforeEnd.isEmpty());
    QVERIFY(!api::validateDefinition(definition));
    QCOMPARE(shown.value().status, api::SurveyStatus::Open); // surveys.status
    QVERIFY(!shown.value().openRound);
    QVERIFY(!shown.value().nextDelivery); // never published: nothing planned by us
    // What the client decodes.
    QVERIFY(api::surveyFromJson(api::toJson(shown.value())));
    QCOMPARE(m_surveys->list(*m_tenant, kNow).value().size(), 1);

    // Never edited, never handed to the scheduler.
    QCOMPARE(m_surveys->update(*m_tenant, id, 1, pulse(), kNow).errorKind(),
             StoreErrorKind::Frozen);
    QCOMPARE(m_surveys->remove(*m_tenant, id, 1, kNow).errorKind(), StoreErrorKind::Frozen);
    QCOMPARE(m_surveys->publish(*m_tenant, id, 1, kNow).errorKind(), StoreErrorKind::Frozen);
    QVERIFY(m_surveys->published(*m_tenant).value().isEmpty());

    // Without rounds: the default start, still a valid pulse.
    const auto bare =
        pulses.createSurvey(*m_tenant, SurveyKind::Pulse, QStringLiteral("Bare"), 2, kNow);
    QVERIFY(bare);
    const auto bareShown = m_surveys->get(*m_tenant, bare.value().id, kNow);
    QVERIFY(bareShown);
    QVERIFY(!bareShown.value().definition.delivery.startDate.isValid());
    QCOMPARE(bareShown.value().definition.delivery.cadenceWeeks, 2);
    QVERIFY(!api::validateDefinition(bareShown.value().definition));
}

void TestSurveyRepository::closeOneShot()
{
    QString id;
    const StoredRound round = openRoundOf(custom(), &id);
    QVERIFY(!round.id.isEmpty());
    const QDateTime during = round.opensAt.addDays(2);

    const auto running = m_surveys->get(*m_tenant, id, during);
    QVERIFY(running);
    QCOMPARE(running.value().status, api::SurveyStatus::Open);
    QVERIFY(running.value().openRound);
    QCOMPARE(running.value().openRound->roundId, round.id);
    QCOMPARE(running.value().openRound->closesAt, round.closesAt);
    QVERIFY(!running.value().nextDelivery); // one-shot: nothing after this round
    QCOMPARE(m_surveys->openRound(*m_tenant, id).value().id, round.id);

    const auto closed = m_surveys->closeOpenRound(*m_tenant, id, during);
    QVERIFY(closed);
    QCOMPARE(closed.value().id, round.id);
    QCOMPARE(closed.value().status, api::RoundStatus::Closed);
    QCOMPARE(closed.value().closesAt, during);
    const auto after = m_surveys->get(*m_tenant, id, during);
    QCOMPARE(after.value().status, api::SurveyStatus::Closed);
    QVERIFY(!after.value().openRound);
    QCOMPARE(after.value().revision, 3);
    QCOMPARE(columns(id).status, QStringLiteral("closed"));

    QCOMPARE(m_surveys->closeOpenRound(*m_tenant, id, during).errorKind(), StoreErrorKind::Frozen);
    QCOMPARE(m_surveys->openRound(*m_tenant, id).errorKind(), StoreErrorKind::NotFound);
    // A closed survey is the scheduler's no more.
    QVERIFY(m_surveys->published(*m_tenant).value().isEmpty());
}

void TestSurveyRepository::closeRecurring()
{
    QString id;
    const StoredRound round = openRoundOf(pulse(), &id);
    QVERIFY(!round.id.isEmpty());
    const QDateTime during = round.opensAt.addDays(1);
    const auto running = m_surveys->get(*m_tenant, id, during);
    // Every two weeks: the next round opens 14 days after this one.
    QCOMPARE(running.value().nextDelivery, std::optional<QDateTime>(round.opensAt.addDays(14)));
    QVERIFY(m_surveys->closeOpenRound(*m_tenant, id, during));
    const auto after = m_surveys->get(*m_tenant, id, during);
    QCOMPARE(after.value().status, api::SurveyStatus::Scheduled);
    QCOMPARE(after.value().nextDelivery, std::optional<QDateTime>(round.opensAt.addDays(14)));
    QCOMPARE(m_surveys->published(*m_tenant).value().size(), 1);
}

void TestSurveyRepository::extendOpenRound()
{
    QString id;
    const StoredRound round = openRoundOf(custom(), &id); // 2030-04-01 .. 04-07 Tokyo
    QVERIFY(!round.id.isEmpty());
    const QDateTime during = round.opensAt.addDays(2);

    const auto earlier = m_surveys->extendOpenRound(*m_tenant, id, QDate(2030, 4, 6), during);
    QCOMPARE(earlier.errorKind(), StoreErrorKind::Refused);
    const auto same = m_surveys->extendOpenRound(*m_tenant, id, QDate(2030, 4, 7), during);
    QCOMPARE(same.errorKind(), StoreErrorKind::Refused);
    const auto tooLong = m_surveys->extendOpenRound(*m_tenant, id, QDate(2030, 5, 31), during);
    QCOMPARE(tooLong.errorKind(), StoreErrorKind::Refused);
    QCOMPARE(m_surveys->openRound(*m_tenant, id).value().closesAt, round.closesAt);

    // Day 60 counted from the opening day is the last allowed.
    const auto extended = m_surveys->extendOpenRound(*m_tenant, id, QDate(2030, 5, 30), during);
    QVERIFY2(extended, qPrintable(extended ? QString() : extended.error().message));
    const QDateTime end(QDate(2030, 5, 30), QTime(14, 59, 59, 999), Qt::UTC);
    QCOMPARE(extended.value().closesAt, end);
    QCOMPARE(m_surveys->openRound(*m_tenant, id).value().closesAt, end);
    const auto shown = m_surveys->get(*m_tenant, id, during);
    QCOMPARE(shown.value().openRound->closesAt, end);
    QCOMPARE(shown.value().status, api::SurveyStatus::Open);

    QVERIFY(m_surveys->closeOpenRound(*m_tenant, id, during));
    QCOMPARE(m_surveys->extendOpenRound(*m_tenant, id, QDate(2030, 5, 1), during).errorKind(),
             StoreErrorKind::Frozen);
}

void TestSurveyRepository::extensionEnd_data()
{
    QTest::addColumn<QString>("timeZone");
    QTest::addColumn<QDate>("periodEnds");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<QDateTime>("end"); // invalid: refused

    // The round: opened 2030-03-25 08:00 UTC, ending 2030-03-31 21:59:59.999 UTC.
    const QDateTime noon(QDate(2030, 3, 28), QTime(12, 0), Qt::UTC);
    QTest::newRow("Berlin, into summer time")
        << QStringLiteral("Europe/Berlin") << QDate(2030, 4, 2) << noon
        << QDateTime(QDate(2030, 4, 2), QTime(21, 59, 59, 999), Qt::UTC);
    QTest::newRow("New York") << QStringLiteral("America/New_York") << QDate(2030, 4, 1) << noon
                              << QDateTime(QDate(2030, 4, 2), QTime(3, 59, 59, 999), Qt::UTC);
    QTest::newRow("before the current end")
        << QStringLiteral("Europe/Berlin") << QDate(2030, 3, 30) << noon << QDateTime();
    QTest::newRow("before now") << QStringLiteral("Europe/Berlin") << QDate(2030, 4, 2)
                                << QDateTime(QDate(2030, 4, 3), QTime(0, 0), Qt::UTC)
                                << QDateTime();
    QTest::newRow("day 61") << QStringLiteral("Europe/Berlin") << QDate(2030, 5, 24) << noon
                            << QDateTime();
    QTest::newRow("day 60") << QStringLiteral("Europe/Berlin") << QDate(2030, 5, 23) << noon
                            << QDateTime(QDate(2030, 5, 23), QTime(21, 59, 59, 999), Qt::UTC);
    QTest::newRow("unknown zone") << QStringLiteral("Mars/Olympus") << QDate(2030, 4, 2) << noon
                                  << QDateTime();
}

void TestSurveyRepository::extensionEnd()
{
    QFETCH(QString, timeZone);
    QFETCH(QDate, periodEnds);
    QFETCH(QDateTime, now);
    QFETCH(QDateTime, end);
    StoredRound round;
    round.opensAt = QDateTime(QDate(2030, 3, 25), QTime(8, 0), Qt::UTC);
    round.closesAt = QDateTime(QDate(2030, 3, 31), QTime(21, 59, 59, 999), Qt::UTC);
    const auto result = SurveyRepository::extensionEnd(round, timeZone, periodEnds, now);
    if (!end.isValid()) {
        QVERIFY(!result);
        QCOMPARE(result.error().field, QStringLiteral("periodEnds"));
        return;
    }
    QVERIFY(result);
    QCOMPARE(result.value(), end);
}

void TestSurveyRepository::publishedForTheScheduler()
{
    const auto draft = m_surveys->create(*m_tenant, custom(), kNow);
    const auto first = m_surveys->create(*m_tenant, pulse(), kNow);
    const auto second = m_surveys->create(*m_tenant, custom(), kNow);
    QVERIFY(draft && first && second);
    QVERIFY(m_surveys->publish(*m_tenant, second.value().id, 1, kNow.addSecs(1)));
    QVERIFY(m_surveys->publish(*m_tenant, first.value().id, 1, kNow.addSecs(2)));
    const TenantScope other = m_fixture->createTenant(QStringLiteral("tenant-b"));
    const auto theirs = m_surveys->create(other, custom(), kNow);
    QVERIFY(m_surveys->publish(other, theirs.value().id, 1, kNow));

    const auto published = m_surveys->published(*m_tenant);
    QVERIFY(published);
    QCOMPARE(published.value().size(), 2);
    QCOMPARE(published.value().at(0).id, second.value().id);
    QCOMPARE(published.value().at(0).definition, custom());
    QCOMPARE(published.value().at(0).status, api::SurveyStatus::Scheduled);
    QCOMPARE(published.value().at(0).revision, 2);
    QCOMPARE(published.value().at(0).publishedAt, kNow.addSecs(1));
    QCOMPARE(published.value().at(1).id, first.value().id);
    QCOMPARE(published.value().at(1).definition, pulse());
}

// A writer killed with SIGKILL at random moments while it creates, edits
// and publishes surveys: every acknowledged step is there, and every row's
// columns agree with its definition.
void TestSurveyRepository::killedWriterLeavesConsistentRows()
{
    const QString writer =
        qEnvironmentVariable("ENGAGE_BIN_DIR") + QStringLiteral("/survey_crash_writer");
    QVERIFY2(QFile::exists(writer), qPrintable(writer));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QStringList acknowledged;
    QRandomGenerator random(QRandomGenerator::global()->generate());
    for (int round = 0; round < 8; ++round) {
        QProcess child;
        child.start(writer, {dir.path()});
        QVERIFY(child.waitForStarted());
        child.waitForReadyRead(30000);
        QTest::qWait(int(random.bounded(400)));
        child.kill(); // SIGKILL
        child.waitForFinished(10000);
        // Only whole lines count: a torn line was never fully acknowledged.
        const QList<QByteArray> lines = child.readAllStandardOutput().split('\n');
        for (qsizetype i = 0; i + 1 < lines.size(); ++i)
            acknowledged.append(QString::fromLatin1(lines.at(i)));
    }
    QVERIFY(acknowledged.size() > 8);

    DatabaseLocation location;
    location.driver = QStringLiteral("QSQLITE");
    location.sqliteFile = dir.filePath(QStringLiteral("engage.sqlite3"));
    Database database(location);
    QVERIFY(Migrator().migrate(database.connection()).isOk());
    QSqlQuery integrity(database.connection());
    QVERIFY(integrity.exec(QStringLiteral("PRAGMA integrity_check")) && integrity.next());
    QCOMPARE(integrity.value(0).toString(), QStringLiteral("ok"));
    Keyring keyring(testing::testMasterKey());
    const auto tenant =
        TenantRepository(database.connection(), keyring).findBySlug(QStringLiteral("crash"));
    QVERIFY(tenant);
    const TenantScope scope(tenant.value().tenant.id);
    SurveyRepository surveys(database.connection(), keyring);

    // Every row reads, and its columns are its definition's.
    QSqlQuery rows(database.connection());
    QVERIFY(rows.exec(QStringLiteral("SELECT id, kind, name, cadence_weeks, status, "
                                     "published_at IS NOT NULL, definition FROM surveys")));
    int count = 0;
    while (rows.next()) {
        ++count;
        const QString id = rows.value(0).toString();
        const auto object = api::parseJsonObject(rows.value(6).toString().toUtf8());
        QVERIFY2(object, qPrintable(id));
        const auto definition = api::surveyDefinitionFromJson(object.value());
        QVERIFY2(definition, qPrintable(id));
        const api::SurveyDefinition &d = definition.value();
        QCOMPARE(rows.value(1).toString(), api::surveyKindName(d.kind));
        QCOMPARE(rows.value(2).toString(), d.name.ja.isEmpty() ? d.name.en : d.name.ja);
        QCOMPARE(rows.value(3).toInt(), d.delivery.cadenceWeeks);
        const bool published = rows.value(5).toBool();
        QCOMPARE(rows.value(4).toString(),
                 published ? QStringLiteral("scheduled") : QStringLiteral("draft"));
        QVERIFY(surveys.get(scope, id, kNow));
    }
    QVERIFY(count > 0);

    for (const QString &line : std::as_const(acknowledged)) {
        const QStringList parts = line.split(u' ');
        const auto survey = surveys.get(scope, parts.at(1), kNow);
        QVERIFY2(survey, qPrintable(line));
        if (parts.at(0) == QLatin1String("updated"))
            QVERIFY2(survey.value().revision >= parts.at(2).toLongLong(), qPrintable(line));
        if (parts.at(0) == QLatin1String("published"))
            QCOMPARE(survey.value().status, api::SurveyStatus::Scheduled);
    }
}

QTEST_GUILESS_MAIN(TestSurveyRepository)
#include "tst_store_surveyrepository.moc"
