// The delivery log of a round (GET /api/v1/rounds/{id}/deliveries),
// in-process over real TLS on a real store: a round opened by the
// scheduler, its invitations sent, bounced and printed and its reminders
// pending; keyset pages that together list every row once, newest first;
// the status filter; invitations naming their member (and the address, for
// the owners and admins who see it), reminders naming nobody, unneeded
// reminders left out, and those to a group under the anonymity threshold
// too (in the log and in the progress's totals); the pages read by their
// index; roles, another tenant, hostile queries.

#include "api/deliverylog.h"
#include "jobs/roundroutes.h"
#include "jobs/scheduler.h"
#include "jobsseed.h"
#include "servicefixture.h"
#include "store/grouprepository.h"
#include "store/memberrepository.h"
#include "store/pulserepository.h"

#include <QJsonArray>
#include <QSet>
#include <QSqlQuery>
#include <QTest>
#include <QUrlQuery>
#include <limits>

using namespace engage;
using namespace engage::server;
using engage::test::ServiceFixture;

namespace {

const QDateTime kOpening(QDate(2025, 1, 6), QTime(12, 0), Qt::UTC);

// Refuses one address for good; accepts the rest.
class PickySender final : public jobs::DeliverySender
{
public:
    jobs::DeliveryResult send(const jobs::DueDelivery &delivery) override
    {
        if (delivery.email.startsWith(QStringLiteral("s5@")))
            return {jobs::DeliveryResult::Outcome::Bounced,
                    QStringLiteral("550 5.1.1 No such user here")};
        return {jobs::DeliveryResult::Outcome::Sent, {}};
    }
    bool mayResend(const jobs::DueDelivery &) override { return true; }
};

} // namespace

class TestDeliveryLogRoutes final : public QObject
{
    Q_OBJECT

private:
    ServiceFixture m_service;
    ServiceFixture::Tenant m_org;
    ServiceFixture::Tenant m_other;
    QString m_roundId;
    QString m_answered;     // a member who answered before the reminder
    QString m_removedGroup; // removed after the round began
    QString m_alone;        // its one target, a group under the threshold
    PickySender m_sender;

    test::HttpResponse get(const QString &query, const QString &as = QStringLiteral("admin"),
                           bool other = false, const QString &roundId = {})
    {
        const QString path =
            QStringLiteral("/api/v1/rounds/") + (roundId.isEmpty() ? m_roundId : roundId) +
            QStringLiteral("/deliveries") + (query.isEmpty() ? QString() : u'?' + query);
        return m_service.send("GET", path,
                              m_service.issue(other ? m_other : m_org, as).accessToken);
    }
    api::DeliveryLogPage page(const QString &query)
    {
        const test::HttpResponse response = get(query);
        if (response.status != 200)
            qWarning() << response.describe();
        const auto decoded = api::deliveryLogPageFromJson(response.json());
        if (!decoded)
            qWarning() << decoded.error().field << decoded.error().detail;
        return decoded ? decoded.value() : api::DeliveryLogPage{};
    }
    // The rows the log shows: neither the skipped ones nor the reminders to
    // the one member of the small group.
    QString shown() const
    {
        return QStringLiteral("status <> 'skipped' AND NOT (kind = 'reminder' AND respondent_id "
                              "IN (SELECT id FROM respondents WHERE member_id = '%1'))")
            .arg(m_alone);
    }
    qint64 rowsWhere(const QString &condition)
    {
        QSqlQuery query(m_service.connection());
        if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM deliveries WHERE ") + condition) ||
            !query.next())
            qFatal("counting deliveries");
        return query.value(0).toLongLong();
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
        const QString sales = test::jobs::addGroup(connection, scope, QStringLiteral("sales"));
        QStringList members;
        for (int i = 1; i <= 5; ++i)
            members << test::jobs::addMember(
                connection, m_service.keyring(), scope,
                {QStringLiteral("s%1").arg(i), sales, true, api::MemberStatus::Active, true, {}});
        members << test::jobs::addMember(
            connection, m_service.keyring(), scope,
            {QStringLiteral("p1"), sales, false, api::MemberStatus::Active, true, {}});
        // Placed in a group removed once the round reached them.
        const QString temporary = test::jobs::addGroup(connection, scope, QStringLiteral("pop-up"));
        const QString moved = test::jobs::addMember(
            connection, m_service.keyring(), scope,
            {QStringLiteral("t1"), temporary, true, api::MemberStatus::Active, true, {}});

        api::SurveyDefinition pulse;
        pulse.name = {QStringLiteral("パルス"), QStringLiteral("Pulse")};
        pulse.delivery.startDate = kOpening.date();
        test::jobs::publishSurvey(connection, scope, pulse);
        jobs::Scheduler scheduler(m_service.context().database, m_service.keyring(), m_sender);
        QCOMPARE(scheduler.tick(kOpening).roundsOpened, 1);
        store::PulseRepository pulses(connection, m_service.keyring());
        const auto rounds = pulses.rounds(scope);
        QCOMPARE(rounds.value().size(), 1);
        m_roundId = rounds.value().first().id;
        // s1 answers; then the first reminder's day comes.
        m_answered = members.first();
        QVERIFY(pulses
                    .submit(scope, m_roundId, m_answered,
                            {store::SubmittedAnswer{rounds.value().first().itemIds.first(), 3}},
                            kOpening.addSecs(60))
                    .isOk());
        scheduler.tick(kOpening.addDays(5).addSecs(3600));
        store::MemberRepository memberStore(connection, m_service.keyring());
        auto member = memberStore.get(scope, moved);
        QVERIFY(member.isOk());
        api::MemberFields fields = member.value().member.fields;
        fields.groupId = sales;
        QVERIFY(memberStore.update(scope, moved, member.value().revision, fields, kOpening).isOk());
        store::GroupRepository groupStore(connection);
        const auto group = groupStore.get(scope, temporary);
        QVERIFY(group.isOk());
        QVERIFY(groupStore.remove(scope, temporary, group.value().revision, QString()).isOk());
        m_removedGroup = temporary;
        m_alone = moved;
        QVERIFY(rowsWhere(QStringLiteral("status = 'skipped'")) >= 1);

        jobs::addRoundRoutes(m_service.router(), m_service.context());
        QVERIFY2(m_service.start(&error), qPrintable(error));
    }
    void cleanupTestCase() { m_service.stop(); }

    void invitationsNameTheirMember()
    {
        const api::DeliveryLogPage all = page(QStringLiteral("limit=500"));
        QVERIFY(!all.nextCursor);
        // Every row but the unneeded reminder of s1 and the reminder of t1.
        QCOMPARE(all.items.size(), qsizetype(rowsWhere(shown())));
        int invitations = 0;
        for (const api::DeliveryLogEntry &entry : all.items) {
            if (entry.kind == api::DeliveryKind::Reminder) {
                QVERIFY(!entry.memberId && !entry.memberName && !entry.email &&
                        !entry.employeeCode);
                continue;
            }
            ++invitations;
            QVERIFY(entry.memberId && entry.memberName && entry.employeeCode);
            const QString code = *entry.employeeCode;
            QCOMPARE(*entry.memberName, QStringLiteral("%1 Family").arg(code));
            if (code == QStringLiteral("p1")) {
                QCOMPARE(entry.status, api::DeliveryStatus::Printed);
                QCOMPARE(entry.channel, api::DeliveryChannel::Printed);
                QVERIFY(!entry.email);
            } else {
                QCOMPARE(entry.email,
                         std::optional<QString>(code + QStringLiteral("@example.com")));
                QCOMPARE(entry.channel, api::DeliveryChannel::Email);
                const bool refused = code == QStringLiteral("s5");
                QCOMPARE(entry.status,
                         refused ? api::DeliveryStatus::Bounced : api::DeliveryStatus::Sent);
                QCOMPARE(entry.detail.has_value(), refused);
                if (refused)
                    QCOMPARE(*entry.detail, QStringLiteral("550 5.1.1 No such user here"));
            }
            QVERIFY(entry.settledAt && *entry.settledAt >= entry.dueAt);
        }
        QCOMPARE(invitations, 7);
        // Not one reminder row tells that s1 answered.
        QVERIFY(!get(QStringLiteral("limit=500")).body.contains("answered"));
    }

    // The progress still names a group removed since: the client reads it.
    void progressNamesARemovedGroup()
    {
        const test::HttpResponse response = m_service.send(
            "GET", QStringLiteral("/api/v1/rounds/") + m_roundId + QStringLiteral("/progress"),
            m_service.issue(m_org, QStringLiteral("admin")).accessToken);
        QCOMPARE(response.status, 200);
        const auto progress = api::roundProgressFromJson(response.json());
        QVERIFY2(progress.isOk(), qPrintable(progress ? QString() : progress.error().detail));
        bool found = false;
        for (const api::GroupProgress &group : progress.value().groups) {
            if (group.groupId == m_removedGroup) {
                QCOMPARE(group.name, QStringLiteral("pop-up team"));
                QCOMPARE(group.targets, qint64(1));
                found = true;
            }
        }
        QVERIFY(found);
    }

    // t1 alone was placed in the pop-up team: a reminder row to them would
    // tell that they had not answered. The progress, which withholds the
    // team's respondents, does not count it among those sent either.
    void remindersToASmallGroupAreLeftOut()
    {
        const QString alone = QStringLiteral(
            "kind = 'reminder' AND respondent_id IN (SELECT id FROM respondents WHERE member_id "
            "= '%1')");
        QCOMPARE(rowsWhere(alone.arg(m_alone) + QStringLiteral(" AND status = 'sent'")), qint64(1));
        qint64 reminders = 0;
        for (const api::DeliveryLogEntry &entry : page(QStringLiteral("limit=500")).items)
            reminders += entry.kind == api::DeliveryKind::Reminder ? 1 : 0;
        QCOMPARE(reminders, rowsWhere(QStringLiteral("kind = 'reminder' AND ") + shown()));
        QVERIFY(reminders > 0);

        const test::HttpResponse response = m_service.send(
            "GET", QStringLiteral("/api/v1/rounds/") + m_roundId + QStringLiteral("/progress"),
            m_service.issue(m_org, QStringLiteral("admin")).accessToken);
        QCOMPARE(response.status, 200);
        const auto progress = api::roundProgressFromJson(response.json());
        QVERIFY(progress.isOk());
        QCOMPARE(progress.value().sent,
                 rowsWhere(QStringLiteral("status = 'sent' AND ") + shown()));
        QCOMPARE(progress.value().sent + 1, rowsWhere(QStringLiteral("status = 'sent'")));
    }

    void pagesListEveryRowOnce()
    {
        const qint64 total = rowsWhere(shown());
        QSet<qint64> seen;
        qint64 previous = std::numeric_limits<qint64>::max();
        std::optional<QString> cursor;
        int pages = 0;
        do {
            api::DeliveryLogQuery query;
            query.limit = 3;
            query.cursor = cursor;
            const api::DeliveryLogPage one =
                page(api::toUrlQuery(query).toString(QUrl::FullyEncoded));
            QVERIFY(!one.items.isEmpty());
            QVERIFY(one.items.size() <= 3);
            for (const api::DeliveryLogEntry &entry : one.items) {
                QVERIFY(entry.id < previous);
                previous = entry.id;
                QVERIFY(!seen.contains(entry.id));
                seen.insert(entry.id);
            }
            cursor = one.nextCursor;
            QVERIFY(++pages < 100);
        } while (cursor);
        QCOMPARE(qint64(seen.size()), total);
        // A page that ends exactly at the last row says there is no next one.
        api::DeliveryLogQuery exact;
        exact.limit = int(total);
        QVERIFY(!page(api::toUrlQuery(exact).toString(QUrl::FullyEncoded)).nextCursor);
    }

    // A page reads the round's rows through deliveries_log (schema 0009) from
    // the cursor down, sorting nothing: the log's WHERE and ORDER BY as
    // DeliveryQueue::log writes them, with and without a cursor and a status,
    // the reminders to small groups left out (their subquery groups a round's
    // targets, not the log's rows).
    void pagesReadByTheIndex_data()
    {
        QTest::addColumn<QString>("narrowing");
        QTest::newRow("first page") << "d.status IN ('pending', 'sending', 'sent', 'bounced', "
                                       "'printed')";
        QTest::newRow("next page") << "d.status IN ('pending', 'sending', 'sent', 'bounced', "
                                      "'printed') AND d.id < 100";
        QTest::newRow("bounced") << "d.status IN ('bounced') AND d.id < 100";
    }
    void pagesReadByTheIndex()
    {
        QFETCH(QString, narrowing);
        QSqlQuery plan(m_service.connection());
        QVERIFY(plan.exec(
            QStringLiteral("EXPLAIN QUERY PLAN SELECT d.id, p.member_id FROM deliveries d "
                           "JOIN respondents p ON p.id = d.respondent_id WHERE d.tenant_id = "
                           "'%1' AND d.round_seq = 1 AND %2 AND NOT (d.kind = 'reminder' AND "
                           "d.respondent_id IN (SELECT t.respondent_id FROM round_targets t JOIN "
                           "placements p ON p.id = t.placement_id WHERE t.tenant_id = '%1' AND "
                           "t.round_seq = 1 AND p.group_id IN (SELECT g.group_id FROM "
                           "round_targets s JOIN placements g ON g.id = s.placement_id WHERE "
                           "s.tenant_id = '%1' AND s.round_seq = 1 GROUP BY g.group_id HAVING "
                           "COUNT(*) < 5))) ORDER BY d.id DESC LIMIT 51")
                .arg(m_org.id, narrowing)));
        QStringList steps;
        while (plan.next())
            steps << plan.value(3).toString();
        const QString described = steps.join(QStringLiteral("; "));
        QVERIFY2(described.contains(QStringLiteral("SEARCH d USING INDEX deliveries_log")),
                 qPrintable(described));
        QVERIFY2(!described.contains(QStringLiteral("TEMP B-TREE FOR ORDER BY")),
                 qPrintable(described));
    }

    void filtersByStatus_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("stored");
        QTest::newRow("sent") << "sent"
                              << "'sent'";
        QTest::newRow("bounced") << "bounced"
                                 << "'bounced'";
        QTest::newRow("printed") << "printed"
                                 << "'printed'";
        QTest::newRow("pending") << "pending"
                                 << "'pending', 'sending'";
    }
    void filtersByStatus()
    {
        QFETCH(QString, status);
        QFETCH(QString, stored);
        const api::DeliveryLogPage filtered =
            page(QStringLiteral("status=%1&limit=500").arg(status));
        QVERIFY(!filtered.items.isEmpty());
        QCOMPARE(qint64(filtered.items.size()),
                 rowsWhere(QStringLiteral("status IN (%1) AND ").arg(stored) + shown()));
        for (const api::DeliveryLogEntry &entry : filtered.items)
            QCOMPARE(api::deliveryStatusName(entry.status), status);
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
        const test::HttpResponse response = get(QString(), as);
        QCOMPARE(response.status, status);
        QCOMPARE(response.body.contains("@example.com"), status == 200);
    }

    void otherTenantAndUnknownRounds()
    {
        const test::HttpResponse across = get(QString(), QStringLiteral("owner"), true);
        const test::HttpResponse missing =
            get(QString(), QStringLiteral("owner"), false,
                QStringLiteral("00000000-0000-4000-8000-000000000000"));
        QCOMPARE(across.status, 404);
        QCOMPARE(missing.status, 404);
        QCOMPARE(across.json().value(QStringLiteral("detail")),
                 missing.json().value(QStringLiteral("detail")));
        QVERIFY(!across.body.contains("@example.com"));
        QCOMPARE(
            get(QString(), QStringLiteral("owner"), false, QStringLiteral("not-a-round")).status,
            404);
    }

    void hostileQueries_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("field");
        QTest::newRow("unknown status") << "status=skipped"
                                        << "status";
        QTest::newRow("status twice") << "status=sent&status=bounced"
                                      << "status";
        QTest::newRow("limit zero") << "limit=0"
                                    << "limit";
        QTest::newRow("limit too large") << "limit=100000"
                                         << "limit";
        QTest::newRow("limit negative") << "limit=-1"
                                        << "limit";
        QTest::newRow("cursor not a position") << "cursor=abc"
                                               << "cursor";
        QTest::newRow("cursor zero") << "cursor=0"
                                     << "cursor";
        QTest::newRow("cursor signed") << "cursor=-5"
                                       << "cursor";
        QTest::newRow("cursor injected") << "cursor=1%20OR%201%3D1"
                                         << "cursor";
        QTest::newRow("cursor huge") << "cursor=99999999999999999999999"
                                     << "cursor";
        QTest::newRow("unknown parameter") << "email=s1%40example.com"
                                           << "email";
        QTest::newRow("tenant in the URL") << "tenant=other"
                                           << "tenant";
    }
    void hostileQueries()
    {
        QFETCH(QString, query);
        QFETCH(QString, field);
        const test::HttpResponse response = get(query);
        QCOMPARE(response.status, 400);
        QCOMPARE(response.json().value(QStringLiteral("field")).toString(), field);
        QVERIFY(!response.body.contains("@example.com"));
    }
};

QTEST_GUILESS_MAIN(TestDeliveryLogRoutes)
#include "tst_deliverylogroutes.moc"
