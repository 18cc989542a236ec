// The routes that run a round, in-process over real TLS on a real store: a
// round opened by the scheduler, its progress per group (the respondents of
// a group under the anonymity threshold withheld) and delivery totals, and
// "remind now" for a group's or the whole round's non-respondents; roles,
// another tenant, hostile bodies, a closed round.

#include "api/deliverylog.h"
#include "api/survey.h"
#include "jobs/roundroutes.h"
#include "jobs/scheduler.h"
#include "jobsseed.h"
#include "servicefixture.h"
#include "store/pulserepository.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>

using namespace engage;
using namespace engage::server;
using engage::test::ServiceFixture;

namespace {

const QDateTime kOpening(QDate(2025, 1, 6), QTime(12, 0), Qt::UTC);

class AcceptingSender final : public jobs::DeliverySender
{
public:
    jobs::DeliveryResult send(const jobs::DueDelivery &) override
    {
        return {jobs::DeliveryResult::Outcome::Sent, {}};
    }
    bool mayResend(const jobs::DueDelivery &) override { return true; }
};

} // namespace

class TestRoundRoutes final : public QObject
{
    Q_OBJECT

private:
    ServiceFixture m_service;
    ServiceFixture::Tenant m_org;
    ServiceFixture::Tenant m_other;
    QString m_sales;
    QString m_dev;
    QString m_roundId;
    AcceptingSender m_sender;

    test::HttpResponse send(const QByteArray &verb, const QString &path, const QString &as,
                            const std::optional<QJsonObject> &body = std::nullopt,
                            bool other = false)
    {
        return m_service.send(verb, path, m_service.issue(other ? m_other : m_org, as).accessToken,
                              body);
    }
    QString progressPath() const
    {
        return QStringLiteral("/api/v1/rounds/") + m_roundId + QStringLiteral("/progress");
    }
    QString remindPath() const
    {
        return QStringLiteral("/api/v1/rounds/") + m_roundId + QStringLiteral("/remind");
    }
    qint64 reminders(int ordinal)
    {
        QSqlQuery query(m_service.connection());
        query.prepare(QStringLiteral("SELECT COUNT(*) FROM deliveries WHERE kind = 'reminder' "
                                     "AND ordinal = ? AND status = 'pending'"));
        query.addBindValue(ordinal);
        if (!query.exec() || !query.next())
            qFatal("counting reminders");
        return query.value(0).toLongLong();
    }

    // What the operation log says of the latest reminder.
    QString lastReminderSummary()
    {
        QSqlQuery query(m_service.connection());
        query.prepare(QStringLiteral("SELECT summary FROM operation_log WHERE action = ? "
                                     "ORDER BY seq DESC LIMIT 1"));
        query.addBindValue(QStringLiteral("survey.round.remind"));
        if (!query.exec() || !query.next())
            qFatal("reading the operation log");
        return query.value(0).toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_service.open(&error), qPrintable(error));
        m_org = m_service.addTenant(QStringLiteral("org"));
        m_other = m_service.addTenant(QStringLiteral("other"));
        m_service.addPersonPerRole(m_org);
        m_service.addPerson(m_other, QStringLiteral("owner"), api::Role::Owner);

        const QSqlDatabase connection = m_service.connection();
        const store::TenantScope scope(m_org.id);
        m_sales = test::jobs::addGroup(connection, scope, QStringLiteral("sales"));
        m_dev = test::jobs::addGroup(connection, scope, QStringLiteral("dev"));
        QStringList sales;
        for (int i = 1; i <= 5; ++i)
            sales << test::jobs::addMember(
                connection, m_service.keyring(), scope,
                {QStringLiteral("s%1").arg(i), m_sales, true, api::MemberStatus::Active, true, {}});
        test::jobs::addMember(
            connection, m_service.keyring(), scope,
            {QStringLiteral("d1"), m_dev, true, api::MemberStatus::Active, true, {}});
        test::jobs::addMember(connection, m_service.keyring(), scope,
                              {QStringLiteral("d2"),
                               m_dev,
                               false,
                               api::MemberStatus::Active,
                               true,
                               {}}); // no e-mail: printed

        api::SurveyDefinition pulse;
        pulse.name = {QStringLiteral("パルス"), QStringLiteral("Pulse")};
        pulse.delivery.startDate = kOpening.date();
        const QString surveyId = test::jobs::publishSurvey(connection, scope, pulse);
        jobs::Scheduler scheduler(m_service.context().database, m_service.keyring(), m_sender);
        QCOMPARE(scheduler.tick(kOpening).roundsOpened, 1);
        store::PulseRepository pulses(connection, m_service.keyring());
        const auto rounds = pulses.rounds(scope);
        QCOMPARE(rounds.value().size(), 1);
        m_roundId = rounds.value().first().id;
        for (const QString &member : sales.mid(0, 2))
            QVERIFY(pulses
                        .submit(scope, m_roundId, member,
                                {store::SubmittedAnswer{rounds.value().first().itemIds.first(), 3}},
                                kOpening.addSecs(60))
                        .isOk());

        jobs::addRoundRoutes(m_service.router(), m_service.context());
        QVERIFY2(m_service.start(&error), qPrintable(error));
    }
    void cleanupTestCase() { m_service.stop(); }

    void progress()
    {
        const test::HttpResponse response = send("GET", progressPath(), QStringLiteral("owner"));
        QCOMPARE(response.status, 200);
        const auto progress = api::roundProgressFromJson(response.json());
        QVERIFY(progress.isOk());
        QCOMPARE(progress.value().roundId, m_roundId);
        QCOMPARE(progress.value().groups.size(), 2);
        for (const api::GroupProgress &group : progress.value().groups) {
            if (group.groupId == m_sales) {
                QCOMPARE(group.name, QStringLiteral("sales team"));
                QCOMPARE(group.targets, qint64(5));
                QCOMPARE(group.respondents, std::optional<qint64>(2));
            } else {
                QCOMPARE(group.groupId, m_dev);
                QCOMPARE(group.targets, qint64(2));
                // Two people: under the threshold of 5, who answered stays unsaid.
                QVERIFY(!group.respondents);
            }
        }
        for (const QJsonValue &group : response.json().value(QStringLiteral("groups")).toArray()) {
            if (group.toObject().value(QStringLiteral("groupId")).toString() == m_dev) {
                QVERIFY(!group.toObject().contains(QStringLiteral("respondents")));
            }
        }
        QCOMPARE(progress.value().sent, qint64(6));
        QCOMPARE(progress.value().printed, qint64(1));
        QCOMPARE(progress.value().bounced, qint64(0));
        // Two reminders each, to sales only: dev's, under the threshold, would
        // count who in it has not answered.
        QCOMPARE(progress.value().pending, qint64(2 * 5));
    }

    void roles_data()
    {
        QTest::addColumn<QString>("as");
        QTest::addColumn<int>("status");
        QTest::newRow("owner") << QStringLiteral("owner") << 200;
        QTest::newRow("admin") << QStringLiteral("admin") << 200;
        QTest::newRow("manager") << QStringLiteral("manager") << 403;
        QTest::newRow("viewer") << QStringLiteral("viewer") << 403;
    }
    void roles()
    {
        QFETCH(QString, as);
        QFETCH(int, status);
        QCOMPARE(send("GET", progressPath(), as).status, status);
    }

    void otherTenantAndUnknownRounds()
    {
        QCOMPARE(send("GET", progressPath(), QStringLiteral("owner"), std::nullopt, true).status,
                 404);
        QCOMPARE(send("POST", remindPath(), QStringLiteral("owner"), QJsonObject{}, true).status,
                 404);
        QCOMPARE(
            send("GET",
                 QStringLiteral("/api/v1/rounds/00000000-0000-4000-8000-000000000000/progress"),
                 QStringLiteral("owner"))
                .status,
            404);
        QCOMPARE(reminders(3), qint64(0));
    }

    void refusedBodies_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<int>("status");
        QTest::newRow("not an id")
            << QJsonObject{{QStringLiteral("groupId"), QStringLiteral("x")}} << 400;
        QTest::newRow("a number") << QJsonObject{{QStringLiteral("groupId"), 3}} << 400;
        QTest::newRow("unknown member") << QJsonObject{{QStringLiteral("group"), QString()}} << 400;
        QTest::newRow("no such group")
            << QJsonObject{{QStringLiteral("groupId"),
                            QStringLiteral("00000000-0000-4000-8000-000000000000")}}
            << 404;
    }
    void refusedBodies()
    {
        QFETCH(QJsonObject, body);
        QFETCH(int, status);
        QCOMPARE(send("POST", remindPath(), QStringLiteral("admin"), body).status, status);
        QCOMPARE(reminders(3), qint64(0));
    }

    void remindGroupThenEveryone()
    {
        QCOMPARE(send("POST", remindPath(), QStringLiteral("manager"), QJsonObject{}).status, 403);
        test::HttpResponse response = send("POST", remindPath(), QStringLiteral("admin"),
                                           QJsonObject{{QStringLiteral("groupId"), m_sales}});
        QCOMPARE(response.status, 202);
        QCOMPARE(response.json().value(QStringLiteral("planned")).toInt(), 3); // s3, s4, s5
        QCOMPARE(reminders(3), qint64(3));
        QCOMPARE(m_service.operationCount(QStringLiteral("survey.round.remind"), m_roundId), 1);
        QVERIFY2(lastReminderSummary().startsWith(QStringLiteral("reminder 3 to 3 ")),
                 qPrintable(lastReminderSummary()));

        // The whole round holds dev, two people: its count less sales' three
        // would tell that neither of dev answered, so none is told.
        response = send("POST", remindPath(), QStringLiteral("owner"), QJsonObject{});
        QCOMPARE(response.status, 202);
        QVERIFY(!response.json().contains(QStringLiteral("planned")));
        QCOMPARE(api::remindResultFromJson(response.json()).value(), api::RemindResult{});
        QCOMPARE(reminders(4), qint64(5)); // and d1, d2
        QCOMPARE(m_service.operationCount(QStringLiteral("survey.round.remind"), m_roundId), 2);
        QCOMPARE(lastReminderSummary(), QStringLiteral("reminder 4 to the non-respondents (a group "
                                                       "under the anonymity threshold: not "
                                                       "counted)"));

        // Dev alone, under the threshold: reminded, not counted.
        response = send("POST", remindPath(), QStringLiteral("admin"),
                        QJsonObject{{QStringLiteral("groupId"), m_dev}});
        QCOMPARE(response.status, 202);
        QVERIFY(!response.json().contains(QStringLiteral("planned")));
        QCOMPARE(reminders(5), qint64(2));
        QCOMPARE(m_service.operationCount(QStringLiteral("survey.round.remind"), m_roundId), 3);
        QCOMPARE(lastReminderSummary(),
                 QStringLiteral("reminder 5 to the non-respondents of group ") + m_dev +
                     QStringLiteral(" (a group under the anonymity threshold: not counted)"));
    }

    // Last: the scheduler closes the round (its period is long past).
    void closedRound()
    {
        jobs::Scheduler scheduler(m_service.context().database, m_service.keyring(), m_sender);
        QCOMPARE(scheduler.tick(kOpening.addDays(8)).roundsClosed, 1);
        QCOMPARE(send("POST", remindPath(), QStringLiteral("owner"), QJsonObject{}).status, 409);
        const auto progress =
            api::roundProgressFromJson(send("GET", progressPath(), QStringLiteral("owner")).json());
        QVERIFY(progress.isOk());
        QCOMPARE(progress.value().pending, qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestRoundRoutes)
#include "tst_roundroutes.moc"
