// Running a round on the wire (api/deliverylog.h): round trips of delivery
// log rows and pages, the rules across a row's fields (a reminder names
// nobody, settled rows carry their time, channels agree with statuses),
// hostile and oversized values, a page out of order, the query's strict
// parameters, and "remind now"'s request and answer.

#include "api/deliverylog.h"
#include "api/timestamp.h"
#include "codectest.h"

#include <QJsonArray>
#include <QTest>
#include <QUrl>

using namespace engage::api;
using engage::api::test::checkRoundTrip;
using engage::api::test::mutate;

namespace {

const QString kMemberId = QStringLiteral("0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b");
const QString kGroupId = QStringLiteral("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

QDateTime at(const char *text)
{
    return parseDateTime(QString::fromLatin1(text)).value();
}

DeliveryLogEntry sentInvitation()
{
    DeliveryLogEntry entry;
    entry.id = 42;
    entry.status = DeliveryStatus::Sent;
    entry.dueAt = at("2025-04-07T00:30:00.000Z");
    entry.settledAt = at("2025-04-07T00:30:02.125Z");
    entry.attempts = 1;
    entry.memberId = kMemberId;
    entry.memberName = QStringLiteral("山田 花子");
    entry.employeeCode = QStringLiteral("E-0042");
    entry.email = QStringLiteral("hanako.yamada@example.co.jp");
    return entry;
}

DeliveryLogEntry pendingReminder()
{
    DeliveryLogEntry entry;
    entry.id = 41;
    entry.kind = DeliveryKind::Reminder;
    entry.ordinal = 2;
    entry.dueAt = at("2025-04-14T01:00:00.000Z");
    entry.attempts = 3;
    entry.detail = QStringLiteral("No mail server is set up for this company.");
    return entry;
}

DeliveryLogEntry printedInvitation()
{
    DeliveryLogEntry entry;
    entry.id = 40;
    entry.status = DeliveryStatus::Printed;
    entry.channel = DeliveryChannel::Printed;
    entry.dueAt = at("2025-04-07T00:30:00.000Z");
    entry.settledAt = at("2025-04-07T00:30:01.000Z");
    entry.memberId = kMemberId;
    entry.memberName = QStringLiteral("Emma Clark");
    entry.employeeCode = QStringLiteral("F-7");
    return entry;
}

QJsonObject encoded(const DeliveryLogEntry &entry)
{
    return toJson(entry);
}

} // namespace

class TestDeliveryLogCodecs final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void entriesRoundTrip_data()
    {
        QTest::addColumn<DeliveryLogEntry>("entry");
        DeliveryLogEntry bounced = sentInvitation();
        bounced.status = DeliveryStatus::Bounced;
        bounced.detail = QStringLiteral("550 5.1.1 No such user here");
        DeliveryLogEntry removed = sentInvitation();
        removed.memberId.reset();
        removed.memberName.reset();
        removed.employeeCode.reset();
        removed.email.reset();
        DeliveryLogEntry sentReminder = pendingReminder();
        sentReminder.status = DeliveryStatus::Sent;
        sentReminder.settledAt = at("2025-04-14T01:00:03.000Z");
        sentReminder.detail.reset();
        DeliveryLogEntry pendingOnPaper = pendingReminder();
        pendingOnPaper.channel = DeliveryChannel::Printed;
        QTest::newRow("sent invitation") << sentInvitation();
        QTest::newRow("bounced invitation") << bounced;
        QTest::newRow("member removed") << removed;
        QTest::newRow("pending reminder") << pendingReminder();
        QTest::newRow("sent reminder") << sentReminder;
        QTest::newRow("printed invitation") << printedInvitation();
        QTest::newRow("pending, to go on paper") << pendingOnPaper;
    }
    void entriesRoundTrip()
    {
        QFETCH(DeliveryLogEntry, entry);
        checkRoundTrip(entry, deliveryLogEntryFromJson);
    }

    void refusedEntries_data()
    {
        QTest::addColumn<QJsonObject>("sample");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("fragment");
        QTest::addColumn<QString>("field");
        const QJsonObject sent = encoded(sentInvitation());
        const QJsonObject reminder = encoded(pendingReminder());
        const QJsonObject printed = encoded(printedInvitation());
        QTest::newRow("id zero") << sent << "id" << QByteArray("0") << "id";
        QTest::newRow("id negative") << sent << "id" << QByteArray("-4") << "id";
        QTest::newRow("id too large") << sent << "id" << QByteArray("9007199254740992") << "id";
        QTest::newRow("id as text") << sent << "id" << QByteArray("\"42\"") << "id";
        QTest::newRow("id missing") << sent << "id" << QByteArray() << "id";
        QTest::newRow("unknown kind") << sent << "kind" << QByteArray("\"nudge\"") << "kind";
        QTest::newRow("kind upper case")
            << sent << "kind" << QByteArray("\"Invitation\"") << "kind";
        QTest::newRow("unknown status")
            << sent << "status" << QByteArray("\"skipped\"") << "status";
        QTest::newRow("status sending")
            << sent << "status" << QByteArray("\"sending\"") << "status";
        QTest::newRow("unknown channel")
            << sent << "channel" << QByteArray("\"chat\"") << "channel";
        QTest::newRow("due not a time")
            << sent << "dueAt" << QByteArray("\"yesterday\"") << "dueAt";
        QTest::newRow("due missing") << sent << "dueAt" << QByteArray() << "dueAt";
        QTest::newRow("attempts negative") << sent << "attempts" << QByteArray("-1") << "attempts";
        QTest::newRow("attempts huge") << sent << "attempts" << QByteArray("1000000") << "attempts";
        QTest::newRow("ordinal fraction")
            << reminder << "ordinal" << QByteArray("1.5") << "ordinal";
        QTest::newRow("invitation with an ordinal")
            << sent << "ordinal" << QByteArray("1") << "ordinal";
        QTest::newRow("reminder without one")
            << reminder << "ordinal" << QByteArray("0") << "ordinal";
        QTest::newRow("member not an id")
            << sent << "memberId" << QByteArray("\"../members\"") << "memberId";
        QTest::newRow("name with a line break")
            << sent << "memberName" << QByteArray("\"Emma\\nClark\"") << "memberName";
        QTest::newRow("name too long") << sent << "memberName"
                                       << "\"" + QByteArray(202, 'x') + "\""
                                       << "memberName";
        QTest::newRow("name empty") << sent << "memberName" << QByteArray("\"\"") << "memberName";
        QTest::newRow("code with a space")
            << sent << "employeeCode" << QByteArray("\"E 42\"") << "employeeCode";
        QTest::newRow("not an address") << sent << "email" << QByteArray("\"hanako\"") << "email";
        QTest::newRow("address with a header")
            << sent << "email" << QByteArray("\"a@example.com\\r\\nBcc: x@evil.example\"")
            << "email";
        QTest::newRow("detail empty") << sent << "detail" << QByteArray("\"\"") << "detail";
        QTest::newRow("detail with a control character")
            << sent << "detail" << QByteArray("\"550\\u0007\"") << "detail";
        QTest::newRow("detail too long") << sent << "detail"
                                         << "\"" + QByteArray(2001, 'x') + "\""
                                         << "detail";
        QTest::newRow("unknown member")
            << sent << "recipient" << QByteArray("\"x@example.com\"") << "recipient";
        // The rules across fields.
        QTest::newRow("a reminder naming its member")
            << reminder << "memberId" << ('"' + kMemberId.toLatin1() + '"') << "memberId";
        QTest::newRow("a reminder with an address")
            << reminder << "email" << QByteArray("\"a@example.com\"") << "memberId";
        QTest::newRow("a name without the member")
            << sent << "memberId" << QByteArray() << "memberId";
        QTest::newRow("sent without its time")
            << sent << "settledAt" << QByteArray() << "settledAt";
        QTest::newRow("pending with a time")
            << reminder << "settledAt" << QByteArray("\"2025-04-14T01:00:00.000Z\"") << "settledAt";
        QTest::newRow("printed by e-mail")
            << printed << "channel" << QByteArray("\"email\"") << "channel";
        QTest::newRow("sent on paper")
            << sent << "channel" << QByteArray("\"printed\"") << "channel";
    }
    void refusedEntries()
    {
        QFETCH(QJsonObject, sample);
        QFETCH(QString, path);
        QFETCH(QByteArray, fragment);
        QFETCH(QString, field);
        const QJsonObject hostile =
            mutate(sample, path.split(QLatin1Char('.')), fragment).toObject();
        const auto decoded = deliveryLogEntryFromJson(hostile);
        QVERIFY(!decoded.isOk());
        QCOMPARE(decoded.error().field, field);
        // Refusals never echo the text they refused.
        if (fragment.startsWith('"') && fragment.size() > 3)
            QVERIFY(!decoded.error().detail.contains(QString::fromUtf8(fragment.mid(1, 8))));
    }

    void pages()
    {
        DeliveryLogPage page;
        page.items = {sentInvitation(), pendingReminder(), printedInvitation()};
        page.nextCursor = QStringLiteral("40");
        checkRoundTrip(page, deliveryLogPageFromJson);
        page.nextCursor.reset();
        checkRoundTrip(page, deliveryLogPageFromJson);
        checkRoundTrip(DeliveryLogPage{}, deliveryLogPageFromJson);

        // Out of order, or a row twice: not a page of this log.
        DeliveryLogPage shuffled = page;
        shuffled.items.swapItemsAt(0, 1);
        auto decoded = deliveryLogPageFromJson(toJson(shuffled));
        QVERIFY(!decoded.isOk());
        QCOMPARE(decoded.error().field, QStringLiteral("items.1.id"));
        DeliveryLogPage twice = page;
        twice.items[1] = twice.items[0];
        decoded = deliveryLogPageFromJson(toJson(twice));
        QVERIFY(!decoded.isOk());
        QCOMPARE(decoded.error().field, QStringLiteral("items.1.id"));
        // A bad row is named by its place.
        QJsonObject hostile = toJson(page);
        hostile = mutate(hostile,
                         {QStringLiteral("items"), QStringLiteral("2"), QStringLiteral("status")},
                         "\"lost\"")
                      .toObject();
        decoded = deliveryLogPageFromJson(hostile);
        QVERIFY(!decoded.isOk());
        QCOMPARE(decoded.error().field, QStringLiteral("items.2.status"));
        hostile = toJson(page);
        hostile.insert(QStringLiteral("nextCursor"), QStringLiteral("40 OR 1=1"));
        decoded = deliveryLogPageFromJson(hostile);
        QVERIFY(!decoded.isOk());
        QCOMPARE(decoded.error().field, QStringLiteral("nextCursor"));
    }

    void queries_data()
    {
        QTest::addColumn<DeliveryLogQuery>("query");
        QTest::addColumn<QString>("wire");
        QTest::newRow("defaults") << DeliveryLogQuery{} << QString();
        QTest::newRow("bounced") << DeliveryLogQuery{DeliveryStatus::Bounced, std::nullopt, 100}
                                 << QStringLiteral("status=bounced");
        QTest::newRow("every member")
            << DeliveryLogQuery{DeliveryStatus::Pending, QStringLiteral("1234"), 500}
            << QStringLiteral("status=pending&cursor=1234&limit=500");
        QTest::newRow("limit 1") << DeliveryLogQuery{std::nullopt, std::nullopt, 1}
                                 << QStringLiteral("limit=1");
    }
    void queries()
    {
        QFETCH(DeliveryLogQuery, query);
        QFETCH(QString, wire);
        const QUrlQuery url = toUrlQuery(query);
        QCOMPARE(url.toString(QUrl::FullyEncoded), wire);
        const auto decoded = deliveryLogQueryFromUrl(QUrlQuery(wire));
        QVERIFY(decoded.isOk());
        QCOMPARE(decoded.value(), query);
    }

    void refusedQueries_data()
    {
        QTest::addColumn<QString>("wire");
        QTest::addColumn<QString>("field");
        QTest::newRow("unknown status") << "status=skipped"
                                        << "status";
        QTest::newRow("status upper case") << "status=Sent"
                                           << "status";
        QTest::newRow("empty status") << "status="
                                      << "status";
        QTest::newRow("status twice") << "status=sent&status=bounced"
                                      << "status";
        QTest::newRow("limit zero") << "limit=0"
                                    << "limit";
        QTest::newRow("limit over the maximum") << "limit=501"
                                                << "limit";
        QTest::newRow("limit signed") << "limit=%2B5"
                                      << "limit";
        QTest::newRow("limit leading zero") << "limit=05"
                                            << "limit";
        QTest::newRow("limit not a number") << "limit=ten"
                                            << "limit";
        QTest::newRow("cursor with a quote") << "cursor=1'--"
                                             << "cursor";
        QTest::newRow("cursor empty") << "cursor="
                                      << "cursor";
        QTest::newRow("cursor too long")
            << QStringLiteral("cursor=") + QString(513, u'1') << "cursor";
        QTest::newRow("unknown parameter") << "direction=newer"
                                           << "direction";
        QTest::newRow("hostile parameter name") << "%3Cscript%3E=1"
                                                << "";
    }
    void refusedQueries()
    {
        QFETCH(QString, wire);
        QFETCH(QString, field);
        const auto decoded = deliveryLogQueryFromUrl(QUrlQuery(wire));
        QVERIFY(!decoded.isOk());
        if (!field.isEmpty())
            QCOMPARE(decoded.error().field, field);
        else
            QVERIFY(!decoded.error().field.contains(u'<'));
    }

    void remind()
    {
        checkRoundTrip(RemindRequest{}, remindRequestFromJson);
        checkRoundTrip(RemindRequest{kGroupId}, remindRequestFromJson);
        checkRoundTrip(RemindResult{0}, remindResultFromJson);
        checkRoundTrip(RemindResult{40000}, remindResultFromJson);
        // Withheld (a group under the anonymity threshold): no count at all.
        checkRoundTrip(RemindResult{}, remindResultFromJson);
        QCOMPARE(toJson(RemindResult{}), QJsonObject{});
        for (const QJsonObject &hostile :
             {QJsonObject{{QStringLiteral("groupId"), QStringLiteral("sales")}},
              QJsonObject{{QStringLiteral("groupId"), 7}},
              QJsonObject{{QStringLiteral("group"), kGroupId}}})
            QVERIFY(!remindRequestFromJson(hostile).isOk());
        for (const QJsonObject &hostile :
             {QJsonObject{{QStringLiteral("planned"), QJsonValue::Null}},
              QJsonObject{{QStringLiteral("planned"), -1}},
              QJsonObject{{QStringLiteral("planned"), 1.5}},
              QJsonObject{{QStringLiteral("planned"), 1}, {QStringLiteral("extra"), true}}})
            QVERIFY(!remindResultFromJson(hostile).isOk());
    }

    void names()
    {
        QCOMPARE(deliveryChannelNames(),
                 (QStringList{QStringLiteral("email"), QStringLiteral("printed")}));
        QCOMPARE(deliveryStatusNames(),
                 (QStringList{QStringLiteral("pending"), QStringLiteral("sent"),
                              QStringLiteral("bounced"), QStringLiteral("printed")}));
        QCOMPARE(deliveryKindNames(),
                 (QStringList{QStringLiteral("invitation"), QStringLiteral("reminder")}));
        for (const QString &name : deliveryChannelNames())
            QCOMPARE(deliveryChannelName(deliveryChannelFromName(name).value()), name);
        QVERIFY(!deliveryChannelFromName(u"Email"));
    }
};

QTEST_GUILESS_MAIN(TestDeliveryLogCodecs)
#include "tst_deliverylogcodecs.moc"
