// SchedulerService as the running service has it: a real SQLite store, a
// worker pool, a clock. A survey published after the first tick waits for
// the next interval (an hour here) unless the scheduler is woken, as the
// publishing route does through ops::ScheduleChanges from its worker thread:
// then its round opens at once.

#include "../store/storefixture.h"
#include "api/survey.h"
#include "jobs/clock.h"
#include "jobs/deliverysender.h"
#include "jobs/schedulerservice.h"
#include "jobsseed.h"
#include "ops/schedulechanges.h"
#include "store/database.h"

#include <QSqlQuery>
#include <QTest>
#include <QThreadPool>
#include <thread>

using namespace engage::server;
using namespace engage::test::jobs;
using namespace std::chrono_literals;
namespace api = engage::api;

namespace {

const QDateTime kNow(QDate(2025, 3, 3), QTime(12, 0), Qt::UTC);

class AcceptingSender final : public jobs::DeliverySender
{
public:
    jobs::DeliveryResult send(const jobs::DueDelivery &) override
    {
        return {jobs::DeliveryResult::Outcome::Sent, QString()};
    }
    bool mayResend(const jobs::DueDelivery &) override { return true; }
};

// Started an hour ago in Tokyo, open for a week, for everyone.
api::SurveyDefinition startedAnHourAgo()
{
    api::SurveyDefinition definition = oneQuestionSurvey();
    definition.delivery.timeZone = QStringLiteral("Asia/Tokyo");
    const QDateTime start = kNow.addSecs(-3600).toTimeZone(QTimeZone("Asia/Tokyo"));
    definition.delivery.startDate = start.date();
    definition.delivery.startTime = QTime(start.time().hour(), 0);
    definition.delivery.periodDays = 7;
    definition.delivery.recurrenceWeeks = 0;
    return definition;
}

} // namespace

class TestSchedulerService final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wokenByAScheduleChange();
};

void TestSchedulerService::wokenByAScheduleChange()
{
    store::testing::StoreFixture fixture;
    QVERIFY(fixture.isReady());
    const store::TenantScope tenant = fixture.createTenant(QStringLiteral("acme"));
    const QString group = addGroup(fixture.connection(), tenant, QStringLiteral("sales"));
    addMember(fixture.connection(), fixture.keyring(), tenant,
              {QStringLiteral("a"), group, true, api::MemberStatus::Active, true, QString()});
    store::DatabaseLocation location;
    location.driver = QStringLiteral("QSQLITE");
    location.sqliteFile = fixture.sqliteFile();
    store::Database database(location);
    database.setLogChainKey(fixture.keyring().logChainKey());
    QThreadPool workers;
    const auto rounds = [&fixture] {
        QSqlQuery query(fixture.connection());
        return query.exec(QStringLiteral("SELECT COUNT(*) FROM survey_rounds")) && query.next()
                   ? query.value(0).toInt()
                   : -1;
    };

    jobs::SchedulerService scheduler(database, fixture.keyring(), workers,
                                     std::make_unique<AcceptingSender>(),
                                     std::make_unique<jobs::ManualClock>(kNow));
    ops::ScheduleChanges changes;
    connect(&changes, &ops::ScheduleChanges::changed, &scheduler, &jobs::SchedulerService::wake);
    scheduler.start(1h);
    // The first tick, at the start, finds nothing to open.
    QTest::qWait(200);
    QVERIFY(workers.waitForDone(20000));
    QCOMPARE(rounds(), 0);

    publishSurvey(fixture.connection(), tenant, startedAnHourAgo());
    QTest::qWait(500);
    QVERIFY(workers.waitForDone(20000));
    QCOMPARE(rounds(), 0); // the next tick is an hour away

    // Rung from another thread, as a route's worker rings it.
    std::thread route([&changes] { Q_EMIT changes.changed(); });
    route.join();
    QTRY_COMPARE_WITH_TIMEOUT(rounds(), 1, 20000);
    scheduler.stop();
    QVERIFY(workers.waitForDone(20000));
}

QTEST_GUILESS_MAIN(TestSchedulerService)
#include "tst_schedulerservice.moc"
