// The scheduler over a simulated year on a real SQLite store, with a manual
// clock: a 4-weekly pulse in Europe/Berlin and a one-shot custom survey in
// America/New_York (both across daylight-saving changes). Every round is
// created once, opened, closed and aggregated; invitations and reminders go
// exactly once each (once more only for a send interrupted after the mail
// server took it, when the sender allows re-sending); a member who answered
// gets no reminder; one without e-mail gets printed deliveries. The
// scheduler and its connection are destroyed and made again at random
// instants, between ticks and in the middle of a send.

#include "../store/storefixture.h"
#include "api/deliveryplan.h"
#include "api/questionbank.h"
#include "jobs/clock.h"
#include "jobs/deliverysender.h"
#include "jobs/scheduler.h"
#include "jobsseed.h"
#include "store/database.h"
#include "store/pulserepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>
#include <random>

using namespace engage::server;
using namespace engage::test::jobs;
namespace api = engage::api;

namespace {

const QDateTime kStart(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC);
const QDateTime kEnd(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);

// Thrown by the sender to stop the service in the middle of a send.
struct SimulatedCrash
{
};

struct Accepted
{
    qint64 deliveryId = 0;
    QString roundId;
    QString memberId;
    api::DeliveryKind kind = api::DeliveryKind::Invitation;
    int ordinal = 0;
};

// Records what reached a member; crashes at random, before the mail server
// took the message or after.
class RecordingSender final : public jobs::DeliverySender
{
public:
    RecordingSender(std::mt19937 &random, double crashRate, bool resend)
        : m_random(random)
        , m_crashRate(crashRate)
        , m_resend(resend)
    {}

    jobs::DeliveryResult send(const jobs::DueDelivery &delivery) override
    {
        if (delivery.email.isEmpty() || delivery.memberId.isEmpty())
            qFatal("a delivery without its address");
        std::uniform_real_distribution<double> draw;
        const bool crash = draw(m_random) < m_crashRate;
        const bool takenFirst = draw(m_random) < 0.5;
        if (crash && !takenFirst) {
            lostMidSend.insert(delivery.id);
            throw SimulatedCrash{};
        }
        accepted.append(
            {delivery.id, delivery.roundId, delivery.memberId, delivery.kind, delivery.ordinal});
        if (crash) {
            takenMidSend.insert(delivery.id);
            throw SimulatedCrash{};
        }
        return {jobs::DeliveryResult::Outcome::Sent, {}};
    }

    bool mayResend(const jobs::DueDelivery &delivery) override
    {
        asked.insert(delivery.id);
        return m_resend;
    }

    QList<Accepted> accepted;
    QSet<qint64> lostMidSend;  // crashed before the mail server took it
    QSet<qint64> takenMidSend; // crashed after
    QSet<qint64> asked;        // mayResend() asked about

private:
    std::mt19937 &m_random;
    double m_crashRate = 0;
    bool m_resend = true;
};

api::SurveyDefinition pulseDefinition()
{
    api::SurveyDefinition definition;
    definition.kind = api::SurveyKind::Pulse;
    definition.name = {QStringLiteral("パルス"), QStringLiteral("Pulse")};
    definition.delivery.startDate = QDate(2025, 1, 6);
    definition.delivery.startTime = QTime(9, 0);
    definition.delivery.timeZone = QStringLiteral("Europe/Berlin");
    definition.delivery.cadenceWeeks = 4;
    definition.delivery.periodDays = 7;
    definition.delivery.reminderDaysBeforeEnd = {2, 0};
    definition.delivery.reminderTime = QTime(10, 0);
    return definition;
}

api::SurveyDefinition customDefinition(const QString &groupId)
{
    api::SurveyDefinition definition = oneQuestionSurvey();
    // The period spans the change to daylight-saving time (9 March).
    definition.delivery.startDate = QDate(2025, 3, 3);
    definition.delivery.startTime = QTime(9, 0);
    definition.delivery.timeZone = QStringLiteral("America/New_York");
    definition.delivery.periodDays = 10;
    definition.delivery.recurrenceWeeks = 0;
    definition.delivery.reminderDaysBeforeEnd = {7, 0};
    definition.delivery.reminderTime = QTime(10, 0);
    definition.delivery.targets.groupIds = {groupId};
    return definition;
}

} // namespace

class TestScheduler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void simulatedYear_data();
    void simulatedYear();
    void targetsByAttribute();
    void periodMissedWhileStopped();
    void interruptedSendWaitsAMinute();

private:
    // The scheduler as the service makes it at a start.
    void restart(jobs::DeliverySender &sender);
    void stop();
    qint64 count(const QString &sql, const QVariantList &values = {});
    QList<store::StoredRound> roundsOf(const QString &surveyId);

    std::unique_ptr<store::testing::StoreFixture> m_fixture;
    std::optional<store::TenantScope> m_tenant;
    std::unique_ptr<store::Database> m_database;
    std::unique_ptr<jobs::Scheduler> m_scheduler;
    QHash<QString, QString> m_members; // code -> id
    QString m_sales;
};

void TestScheduler::init()
{
    m_fixture = std::make_unique<store::testing::StoreFixture>();
    QVERIFY(m_fixture->isReady());
    m_tenant = m_fixture->createTenant(QStringLiteral("acme"));
    const QSqlDatabase database = m_fixture->connection();
    m_sales = addGroup(database, *m_tenant, QStringLiteral("sales"));
    const QString north = addGroup(database, *m_tenant, QStringLiteral("north"), m_sales);
    const QString dev = addGroup(database, *m_tenant, QStringLiteral("dev"));
    const MemberSpec members[] = {
        {QStringLiteral("a"), m_sales, true, api::MemberStatus::Active, true, QStringLiteral("G1")},
        {QStringLiteral("b"), north, true, api::MemberStatus::OnLeave, true, QStringLiteral("G2")},
        {QStringLiteral("c"), dev, true, api::MemberStatus::Active, true, QStringLiteral("G2")},
        {QStringLiteral("d"), m_sales, false, api::MemberStatus::Active, true, QString()},
        {QStringLiteral("e"), m_sales, true, api::MemberStatus::Left, true, QString()},
        {QStringLiteral("f"), dev, true, api::MemberStatus::Active, false, QString()},
    };
    for (const MemberSpec &member : members)
        m_members.insert(member.code, addMember(database, m_fixture->keyring(), *m_tenant, member));
}

void TestScheduler::cleanup()
{
    stop();
    m_members.clear();
    m_fixture.reset();
}

void TestScheduler::restart(jobs::DeliverySender &sender)
{
    stop();
    store::DatabaseLocation location;
    location.driver = QStringLiteral("QSQLITE");
    location.sqliteFile = m_fixture->sqliteFile();
    m_database = std::make_unique<store::Database>(location);
    m_database->setLogChainKey(m_fixture->keyring().logChainKey());
    m_scheduler = std::make_unique<jobs::Scheduler>(*m_database, m_fixture->keyring(), sender);
}

void TestScheduler::stop()
{
    m_scheduler.reset();
    m_database.reset();
}

qint64 TestScheduler::count(const QString &sql, const QVariantList &values)
{
    QSqlQuery query(m_fixture->connection());
    query.prepare(sql);
    for (qsizetype i = 0; i < values.size(); ++i)
        query.bindValue(int(i), values.at(i));
    if (!query.exec() || !query.next())
        qFatal("count: %s", qPrintable(query.lastError().text()));
    return query.value(0).toLongLong();
}

QList<store::StoredRound> TestScheduler::roundsOf(const QString &surveyId)
{
    const auto rounds =
        store::PulseRepository(m_fixture->connection(), m_fixture->keyring()).rounds(*m_tenant);
    QList<store::StoredRound> of;
    for (const store::StoredRound &round : rounds.value()) {
        if (round.surveyId == surveyId)
            of.prepend(round); // rounds() is newest first
    }
    std::sort(of.begin(), of.end(),
              [](const auto &x, const auto &y) { return x.number < y.number; });
    return of;
}

void TestScheduler::simulatedYear_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<bool>("resend");
    // One year each way: a third year added nothing a run caught.
    QTest::newRow("at least once") << 1u << true;
    QTest::newRow("at most once") << 3u << false;
}

void TestScheduler::simulatedYear()
{
    QFETCH(quint32, seed);
    QFETCH(bool, resend);
    std::mt19937 random(seed);
    const QSqlDatabase database = m_fixture->connection();
    const api::SurveyDefinition pulse = pulseDefinition();
    const api::SurveyDefinition custom = customDefinition(m_sales);
    const QString pulseId = publishSurvey(database, *m_tenant, pulse);
    const QString customId = publishSurvey(database, *m_tenant, custom);

    RecordingSender sender(random, 0.04, resend);
    jobs::ManualClock clock(kStart);
    store::PulseRepository pulses(database, m_fixture->keyring());
    QSet<QString> answered; // pulse rounds "a" answered
    int restarts = 0;
    std::uniform_int_distribution<qint64> step(10 * 60, 5 * 3600);
    std::uniform_int_distribution<qint64> downtime(10, 3600);
    std::uniform_real_distribution<double> draw;
    restart(sender);
    while (clock.now() < kEnd) {
        try {
            const jobs::TickReport report = m_scheduler->tick(clock.now());
            QCOMPARE(report.failures, 0);
        } catch (const SimulatedCrash &) {
            // The service died mid-send: start again a little later.
            ++restarts;
            restart(sender);
            clock.advance(downtime(random) * 1000);
            continue;
        }
        // "a" answers each pulse round once its invitation went out.
        QSqlQuery invited(database);
        invited.prepare(QStringLiteral(
            "SELECT s.id, s.items FROM deliveries x JOIN respondents r ON r.id = x.respondent_id "
            "JOIN survey_rounds s ON s.seq = x.round_seq WHERE r.member_id = ? AND s.survey_id = ? "
            "AND x.kind = 'invitation' AND x.status = 'sent'"));
        invited.addBindValue(m_members.value(QStringLiteral("a")));
        invited.addBindValue(pulseId);
        QVERIFY(invited.exec());
        QList<std::pair<QString, QString>> toAnswer;
        while (invited.next()) {
            if (!answered.contains(invited.value(0).toString()))
                toAnswer.append({invited.value(0).toString(), invited.value(1).toString()});
        }
        invited.finish();
        for (const auto &[roundId, items] : std::as_const(toAnswer)) {
            const QString item = QJsonDocument::fromJson(items.toUtf8()).array().first().toString();
            QVERIFY(pulses
                        .submit(*m_tenant, roundId, m_members.value(QStringLiteral("a")),
                                {store::SubmittedAnswer{item, 4}}, clock.now())
                        .isOk());
            answered.insert(roundId);
        }
        // A stop between two ticks, now and then.
        if (draw(random) < 0.05) {
            ++restarts;
            restart(sender);
        }
        clock.advance(step(random) * 1000);
    }
    // The last interrupted send is settled too.
    clock.advance(2 * 60 * 1000);
    m_scheduler->tick(clock.now());
    stop();
    const QDateTime end = clock.now();
    qInfo("%d restarts, %lld sends interrupted", restarts,
          qint64(sender.lostMidSend.size() + sender.takenMidSend.size()));
    QVERIFY(restarts > 10);
    QVERIFY(!sender.lostMidSend.isEmpty() || !sender.takenMidSend.isEmpty());

    // Every round whose opening came, once, on its wall-clock time, and
    // every closed one aggregated.
    const QList<api::PlannedRound> plan =
        api::plannedRounds(pulse.delivery, api::SurveyKind::Pulse, 30);
    const QList<store::StoredRound> pulseRounds = roundsOf(pulseId);
    int due = 0;
    for (const api::PlannedRound &planned : plan)
        due += planned.opensAt <= end ? 1 : 0;
    QCOMPARE(pulseRounds.size(), due);
    QCOMPARE(due, 13);
    const QTimeZone berlin("Europe/Berlin");
    for (int i = 0; i < pulseRounds.size(); ++i) {
        const store::StoredRound &round = pulseRounds.at(i);
        QCOMPARE(round.number, i + 1);
        QCOMPARE(round.opensAt, plan.at(i).opensAt);
        QCOMPARE(round.closesAt, plan.at(i).closesAt);
        QCOMPARE(round.opensAt.toTimeZone(berlin).time(), QTime(9, 0));
        QCOMPARE(round.itemIds, api::pulseItems(4, i));
        QCOMPARE(round.targets, qint64(4)); // a, b (on leave), c, d; not e (left), not f
        QCOMPARE(round.status, api::RoundStatus::Closed);
        QVERIFY(round.aggregatedAt > 0);
    }
    const QList<store::StoredRound> customRounds = roundsOf(customId);
    QCOMPARE(customRounds.size(), 1);
    QCOMPARE(customRounds.first().targets, qint64(3)); // a, b, d: the sales subtree
    QCOMPARE(customRounds.first().status, api::RoundStatus::Closed);
    QVERIFY(customRounds.first().aggregatedAt > 0);
    QCOMPARE(customRounds.first().closesAt,
             QDateTime(QDate(2025, 3, 12), QTime(23, 59, 59, 999), QTimeZone("America/New_York"))
                 .toUTC());
    QCOMPARE(
        count(QStringLiteral("SELECT COUNT(*) FROM surveys WHERE id = ? AND status = 'closed'"),
              {customId}),
        qint64(1));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM operation_log WHERE action = "
                                  "'survey.round.open'")),
             qint64(due + 1));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM operation_log WHERE action = "
                                  "'survey.round.close'")),
             qint64(due + 1));

    // The outbox: one row per target, kind and ordinal, all settled.
    const qint64 targets = 4 * due + 3;
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM deliveries WHERE kind = 'invitation'")),
             targets);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM deliveries WHERE kind = 'reminder'")),
             2 * targets);
    QCOMPARE(count(QStringLiteral(
                 "SELECT COUNT(*) FROM deliveries WHERE status IN ('pending', 'sending')")),
             qint64(0));
    // "d" has no e-mail: printed, never sent.
    const QString d = m_members.value(QStringLiteral("d"));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM deliveries x JOIN respondents r ON r.id "
                                  "= x.respondent_id WHERE r.member_id = ? AND x.status <> "
                                  "'printed'"),
                   {d}),
             qint64(0));
    // "a" answered every pulse round: its reminders there were skipped.
    const QString a = m_members.value(QStringLiteral("a"));
    QCOMPARE(answered.size(), due);
    QCOMPARE(count(QStringLiteral(
                       "SELECT COUNT(*) FROM deliveries x JOIN respondents r ON r.id = "
                       "x.respondent_id JOIN survey_rounds s ON s.seq = x.round_seq WHERE "
                       "r.member_id = ? AND s.survey_id = ? AND x.kind = 'reminder' AND x.status "
                       "= 'skipped' AND x.error = 'answered'"),
                   {a, pulseId}),
             qint64(2 * due));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM deliveries WHERE status NOT IN ('sent', "
                                  "'printed', 'skipped')")),
             qint64(0));

    // What reached members: each sent row once, the interrupted ones as
    // the sender chose; nothing for a skipped or printed row.
    QHash<qint64, int> times;
    for (const Accepted &got : std::as_const(sender.accepted)) {
        ++times[got.deliveryId];
        QVERIFY(got.memberId != d);
        QVERIFY(!(got.memberId == a && got.kind == api::DeliveryKind::Reminder &&
                  answered.contains(got.roundId)));
    }
    QSqlQuery rows(database);
    QVERIFY(rows.exec(QStringLiteral("SELECT id, status FROM deliveries")));
    int sentRows = 0;
    while (rows.next()) {
        const qint64 id = rows.value(0).toLongLong();
        const QString status = rows.value(1).toString();
        if (status != QLatin1String("sent")) {
            QCOMPARE(times.value(id), 0);
            continue;
        }
        ++sentRows;
        int expected = 1;
        if (sender.takenMidSend.contains(id))
            expected = resend ? 2 : 1;
        else if (sender.lostMidSend.contains(id))
            expected = resend ? 1 : 0;
        QCOMPARE(times.value(id), expected);
    }
    QCOMPARE(sentRows,
             int(3 * (3 * due + 2) - 2 * due)); // a, b, c (+ a, b custom); a's reminders not
    QCOMPARE(sender.asked, sender.lostMidSend + sender.takenMidSend);
}

void TestScheduler::targetsByAttribute()
{
    api::SurveyDefinition definition = customDefinition(m_sales);
    definition.delivery.targets.groupIds.clear();
    definition.delivery.targets.attributes = {{QStringLiteral("grade"), {QStringLiteral("G2")}}};
    const QString id = publishSurvey(m_fixture->connection(), *m_tenant, definition);
    std::mt19937 random(0);
    RecordingSender sender(random, 0, true);
    restart(sender);
    const jobs::TickReport report =
        m_scheduler->tick(QDateTime(QDate(2025, 3, 3), QTime(14, 0), Qt::UTC));
    QCOMPARE(report.roundsOpened, 1);
    QCOMPARE(report.sent, 2);
    const auto rounds = roundsOf(id);
    QCOMPARE(rounds.size(), 1);
    QCOMPARE(rounds.first().targets, qint64(2)); // b and c
    QSet<QString> reached;
    for (const Accepted &got : std::as_const(sender.accepted))
        reached.insert(got.memberId);
    QCOMPARE(reached, (QSet<QString>{m_members.value(QStringLiteral("b")),
                                     m_members.value(QStringLiteral("c"))}));
    // Ticking again at the same moment adds nothing.
    const jobs::TickReport again =
        m_scheduler->tick(QDateTime(QDate(2025, 3, 3), QTime(14, 0), Qt::UTC));
    QCOMPARE(again.roundsOpened + again.sent + again.settled, 0);
}

void TestScheduler::periodMissedWhileStopped()
{
    const QString id = publishSurvey(m_fixture->connection(), *m_tenant, customDefinition(m_sales));
    std::mt19937 random(0);
    RecordingSender sender(random, 0, true);
    restart(sender);
    // Started again only after the whole period: the round is not opened late.
    m_scheduler->tick(QDateTime(QDate(2025, 3, 20), QTime(0, 0), Qt::UTC));
    QVERIFY(roundsOf(id).isEmpty());
    QVERIFY(sender.accepted.isEmpty());
}

void TestScheduler::interruptedSendWaitsAMinute()
{
    publishSurvey(m_fixture->connection(), *m_tenant, customDefinition(m_sales));
    std::mt19937 random(0);
    RecordingSender crashing(random, 1.0, true); // every send crashes
    restart(crashing);
    const QDateTime opening(QDate(2025, 3, 3), QTime(14, 0), Qt::UTC);
    QVERIFY_THROWS_EXCEPTION(SimulatedCrash, m_scheduler->tick(opening));
    const qint64 interrupted = count(QStringLiteral("SELECT id FROM deliveries WHERE status = "
                                                    "'sending'"));
    QVERIFY(interrupted > 0);
    RecordingSender sender(random, 0, true);
    restart(sender);
    // Under a minute: the send may still be running elsewhere.
    m_scheduler->tick(opening.addSecs(59));
    QVERIFY(sender.asked.isEmpty());
    QCOMPARE(count(QStringLiteral("SELECT status = 'sending' FROM deliveries WHERE id = ?"),
                   {interrupted}),
             qint64(1));
    m_scheduler->tick(opening.addSecs(61));
    QCOMPARE(sender.asked, QSet<qint64>{interrupted});
    QCOMPARE(
        count(QStringLiteral("SELECT status = 'sent' FROM deliveries WHERE id = ?"), {interrupted}),
        qint64(1));
    QCOMPARE(count(QStringLiteral("SELECT attempts FROM deliveries WHERE id = ?"), {interrupted}),
             qint64(2));
}

QTEST_GUILESS_MAIN(TestScheduler)
#include "tst_scheduler.moc"
