#include "api/deliveryplan.h"

#include <QTest>

using namespace engage::api;

Q_DECLARE_METATYPE(DeliverySettings)
Q_DECLARE_METATYPE(SurveyKind)

namespace engage::api {
bool operator==(const PlannedRound &a, const PlannedRound &b)
{
    return a.number == b.number && a.opensAt == b.opensAt && a.closesAt == b.closesAt &&
           a.reminders == b.reminders;
}
} // namespace engage::api

namespace {

QDateTime utc(const char *text)
{
    QDateTime at = QDateTime::fromString(QString::fromLatin1(text), Qt::ISODateWithMs);
    at.setTimeSpec(Qt::UTC);
    return at;
}

DeliverySettings settings(const QString &zone, QDate start, QTime startTime)
{
    DeliverySettings delivery;
    delivery.timeZone = zone;
    delivery.startDate = start;
    delivery.startTime = startTime;
    return delivery;
}

} // namespace

class DeliveryPlanTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tokyoRound()
    {
        DeliverySettings delivery =
            settings(QStringLiteral("Asia/Tokyo"), QDate(2025, 4, 7), QTime(9, 0));
        delivery.periodDays = 7;
        delivery.reminderDaysBeforeEnd = {0, 2};
        delivery.reminderTime = QTime(10, 0);
        const auto round = plannedRound(delivery, SurveyKind::Pulse, 1);
        QVERIFY(round);
        QCOMPARE(round->number, 1);
        QCOMPARE(round->opensAt, utc("2025-04-07T00:00:00.000"));
        QCOMPARE(round->closesAt, utc("2025-04-13T14:59:59.999"));
        QCOMPARE(round->opensAt.timeSpec(), Qt::UTC);
        // Ascending although the settings list the last day first.
        QCOMPARE(round->reminders, (QList<QDateTime>{utc("2025-04-11T01:00:00.000"),
                                                     utc("2025-04-13T01:00:00.000")}));
    }

    void cadences_data()
    {
        QTest::addColumn<int>("weeks");
        QTest::newRow("every 4 weeks") << 4;
        QTest::newRow("every 2 weeks") << 2;
        QTest::newRow("every week") << 1;
    }
    void cadences()
    {
        QFETCH(int, weeks);
        DeliverySettings delivery =
            settings(QStringLiteral("Asia/Tokyo"), QDate(2025, 1, 6), QTime(9, 0));
        delivery.cadenceWeeks = weeks;
        delivery.recurrenceWeeks = 0; // a pulse ignores it
        const QList<PlannedRound> rounds = plannedRounds(delivery, SurveyKind::Pulse, 10);
        QCOMPARE(rounds.size(), 10);
        for (int i = 0; i < rounds.size(); ++i) {
            QCOMPARE(rounds[i].number, i + 1);
            QCOMPARE(rounds[i].opensAt,
                     utc("2025-01-06T00:00:00.000").addDays(qint64(i) * weeks * 7));
            QCOMPARE(*plannedRound(delivery, SurveyKind::Pulse, i + 1), rounds[i]);
        }
    }

    void oneShotCustom()
    {
        DeliverySettings delivery =
            settings(QStringLiteral("Asia/Tokyo"), QDate(2025, 6, 2), QTime(9, 0));
        delivery.recurrenceWeeks = 0;
        QVERIFY(plannedRound(delivery, SurveyKind::Custom, 1));
        QVERIFY(!plannedRound(delivery, SurveyKind::Custom, 2));
        QCOMPARE(plannedRounds(delivery, SurveyKind::Custom, 5).size(), 1);
        // Once its only round has closed, nothing is left to plan.
        const QDateTime closes = plannedRound(delivery, SurveyKind::Custom, 1)->closesAt;
        QCOMPARE(plannedRounds(delivery, SurveyKind::Custom, 5, closes.addMSecs(-1)).size(), 1);
        QVERIFY(plannedRounds(delivery, SurveyKind::Custom, 5, closes).isEmpty());
    }

    void recurringCustom()
    {
        DeliverySettings delivery =
            settings(QStringLiteral("Asia/Tokyo"), QDate(2025, 6, 2), QTime(9, 0));
        delivery.recurrenceWeeks = 3;
        delivery.cadenceWeeks = 1; // a custom survey ignores it
        const auto third = plannedRound(delivery, SurveyKind::Custom, 3);
        QVERIFY(third);
        QCOMPARE(third->opensAt, utc("2025-06-02T00:00:00.000").addDays(42));
    }

    // Wall-clock times that daylight saving skips or repeats.
    void transitions_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QDate>("date");
        QTest::addColumn<QTime>("time");
        QTest::addColumn<QDateTime>("expected");
        QTest::newRow("New York, ordinary winter")
            << QStringLiteral("America/New_York") << QDate(2025, 1, 15) << QTime(9, 0)
            << utc("2025-01-15T14:00:00.000");
        QTest::newRow("New York, ordinary summer")
            << QStringLiteral("America/New_York") << QDate(2025, 7, 15) << QTime(9, 0)
            << utc("2025-07-15T13:00:00.000");
        // 02:00 -> 03:00 on 9 March: 02:30 moves forward by the hour, 03:30 EDT.
        QTest::newRow("New York, gap") << QStringLiteral("America/New_York") << QDate(2025, 3, 9)
                                       << QTime(2, 30) << utc("2025-03-09T07:30:00.000");
        QTest::newRow("New York, gap start")
            << QStringLiteral("America/New_York") << QDate(2025, 3, 9) << QTime(2, 0)
            << utc("2025-03-09T07:00:00.000");
        QTest::newRow("New York, after the gap")
            << QStringLiteral("America/New_York") << QDate(2025, 3, 9) << QTime(3, 0)
            << utc("2025-03-09T07:00:00.000");
        // 02:00 -> 01:00 on 2 November: 01:30 happens twice, first in EDT.
        QTest::newRow("New York, overlap")
            << QStringLiteral("America/New_York") << QDate(2025, 11, 2) << QTime(1, 30)
            << utc("2025-11-02T05:30:00.000");
        QTest::newRow("New York, after the overlap")
            << QStringLiteral("America/New_York") << QDate(2025, 11, 2) << QTime(2, 0)
            << utc("2025-11-02T07:00:00.000");
        // 02:00 -> 03:00 on 30 March.
        QTest::newRow("Berlin, gap") << QStringLiteral("Europe/Berlin") << QDate(2025, 3, 30)
                                     << QTime(2, 30) << utc("2025-03-30T01:30:00.000");
        // 03:00 -> 02:00 on 26 October: 02:30 first in CEST.
        QTest::newRow("Berlin, overlap") << QStringLiteral("Europe/Berlin") << QDate(2025, 10, 26)
                                         << QTime(2, 30) << utc("2025-10-26T00:30:00.000");
        QTest::newRow("Tokyo, no daylight saving")
            << QStringLiteral("Asia/Tokyo") << QDate(2025, 3, 30) << QTime(2, 30)
            << utc("2025-03-29T17:30:00.000");
    }
    void transitions()
    {
        QFETCH(QString, zone);
        QFETCH(QDate, date);
        QFETCH(QTime, time);
        QFETCH(QDateTime, expected);
        const auto round = plannedRound(settings(zone, date, time), SurveyKind::Pulse, 1);
        QVERIFY(round);
        QCOMPARE(round->opensAt, expected);
    }

    // A recurring round keeps its wall-clock time across a change of
    // offset, and closes at the end of its local last day.
    void acrossDaylightSaving()
    {
        DeliverySettings delivery =
            settings(QStringLiteral("Europe/Berlin"), QDate(2025, 3, 3), QTime(9, 0));
        delivery.cadenceWeeks = 4;
        delivery.periodDays = 30; // the first round's period spans the change
        delivery.reminderDaysBeforeEnd = {0};
        const auto first = plannedRound(delivery, SurveyKind::Pulse, 1);
        const auto second = plannedRound(delivery, SurveyKind::Pulse, 2);
        QVERIFY(first && second);
        QCOMPARE(first->opensAt, utc("2025-03-03T08:00:00.000"));  // CET
        QCOMPARE(first->closesAt, utc("2025-04-01T21:59:59.999")); // CEST
        QCOMPARE(first->reminders, QList<QDateTime>{utc("2025-04-01T08:00:00.000")});
        QCOMPARE(second->opensAt, utc("2025-03-31T07:00:00.000"));
    }

    void remindersNotAfterOpeningSkipped_data()
    {
        QTest::addColumn<int>("periodDays");
        QTest::addColumn<QList<int>>("days");
        QTest::addColumn<QTime>("reminderTime");
        QTest::addColumn<QList<QDateTime>>("expected");
        // Opens 2025-04-07 09:00 Tokyo (00:00 UTC).
        QTest::newRow("same day, later") << 1 << QList<int>{0} << QTime(10, 0)
                                         << QList<QDateTime>{utc("2025-04-07T01:00:00.000")};
        QTest::newRow("same day, earlier")
            << 1 << QList<int>{0} << QTime(8, 0) << QList<QDateTime>{};
        QTest::newRow("same day, at the opening")
            << 1 << QList<int>{0} << QTime(9, 0) << QList<QDateTime>{};
        QTest::newRow("before the first day") << 3 << QList<int>{3, 1} << QTime(10, 0)
                                              << QList<QDateTime>{utc("2025-04-08T01:00:00.000")};
        QTest::newRow("first day skipped, rest kept")
            << 3 << QList<int>{2, 1, 0} << QTime(8, 0)
            << QList<QDateTime>{utc("2025-04-07T23:00:00.000"), utc("2025-04-08T23:00:00.000")};
        QTest::newRow("none") << 7 << QList<int>{} << QTime(10, 0) << QList<QDateTime>{};
    }
    void remindersNotAfterOpeningSkipped()
    {
        QFETCH(int, periodDays);
        QFETCH(QList<int>, days);
        QFETCH(QTime, reminderTime);
        QFETCH(QList<QDateTime>, expected);
        DeliverySettings delivery =
            settings(QStringLiteral("Asia/Tokyo"), QDate(2025, 4, 7), QTime(9, 0));
        delivery.periodDays = periodDays;
        delivery.reminderDaysBeforeEnd = days;
        delivery.reminderTime = reminderTime;
        QCOMPARE(plannedRound(delivery, SurveyKind::Pulse, 1)->reminders, expected);
    }

    // The rounds still to close after a moment, checked against walking
    // every round from the first, for moments years after the start.
    void roundsAfter_data()
    {
        QTest::addColumn<int>("weeks");
        QTest::addColumn<int>("periodDays");
        QTest::addColumn<QDateTime>("after");
        const QDateTime start = utc("2024-01-08T00:00:00.000");
        for (const int weeks : {1, 2, 4}) {
            for (const int period : {1, 7, 60}) {
                for (const int days : {0, 3, 27, 28, 400, 1500}) {
                    QTest::addRow("every %d weeks, %d days, +%d", weeks, period, days)
                        << weeks << period << start.addDays(days);
                }
            }
        }
    }
    void roundsAfter()
    {
        QFETCH(int, weeks);
        QFETCH(int, periodDays);
        QFETCH(QDateTime, after);
        DeliverySettings delivery =
            settings(QStringLiteral("America/New_York"), QDate(2024, 1, 8), QTime(9, 0));
        delivery.cadenceWeeks = weeks;
        delivery.periodDays = periodDays;
        delivery.reminderDaysBeforeEnd = {};
        const QList<PlannedRound> rounds = plannedRounds(delivery, SurveyKind::Pulse, 3, after);
        QCOMPARE(rounds.size(), 3);
        int expectedFirst = 1;
        while (plannedRound(delivery, SurveyKind::Pulse, expectedFirst)->closesAt <= after)
            ++expectedFirst;
        for (int i = 0; i < 3; ++i)
            QCOMPARE(rounds[i], *plannedRound(delivery, SurveyKind::Pulse, expectedFirst + i));
    }

    void roundAtItsOwnClose()
    {
        const DeliverySettings delivery =
            settings(QStringLiteral("Asia/Tokyo"), QDate(2025, 1, 6), QTime(9, 0));
        const QDateTime closes = plannedRound(delivery, SurveyKind::Pulse, 3)->closesAt;
        QCOMPARE(plannedRounds(delivery, SurveyKind::Pulse, 1, closes).first().number, 4);
        QCOMPARE(plannedRounds(delivery, SurveyKind::Pulse, 1, closes.addMSecs(-1)).first().number,
                 3);
    }

    void unplannable_data()
    {
        QTest::addColumn<DeliverySettings>("delivery");
        QTest::addColumn<SurveyKind>("kind");
        const DeliverySettings good =
            settings(QStringLiteral("Asia/Tokyo"), QDate(2025, 1, 6), QTime(9, 0));
        DeliverySettings noStart = good;
        noStart.startDate = {};
        QTest::newRow("no start date") << noStart << SurveyKind::Pulse;
        DeliverySettings zone = good;
        zone.timeZone = QStringLiteral("Mars/Olympus_Mons");
        QTest::newRow("unknown zone") << zone << SurveyKind::Pulse;
        DeliverySettings period = good;
        period.periodDays = 0;
        QTest::newRow("no period") << period << SurveyKind::Pulse;
        DeliverySettings cadence = good;
        cadence.cadenceWeeks = 0;
        QTest::newRow("no cadence") << cadence << SurveyKind::Pulse;
        DeliverySettings recurrence = good;
        recurrence.recurrenceWeeks = -1;
        QTest::newRow("negative recurrence") << recurrence << SurveyKind::Custom;
    }
    void unplannable()
    {
        QFETCH(DeliverySettings, delivery);
        QFETCH(SurveyKind, kind);
        QVERIFY(!plannedRound(delivery, kind, 1));
        QVERIFY(plannedRounds(delivery, kind, 3).isEmpty());
    }

    void numbersFromOne()
    {
        const DeliverySettings delivery =
            settings(QStringLiteral("Asia/Tokyo"), QDate(2025, 1, 6), QTime(9, 0));
        QVERIFY(!plannedRound(delivery, SurveyKind::Pulse, 0));
        QVERIFY(!plannedRound(delivery, SurveyKind::Pulse, -1));
        QVERIFY(plannedRounds(delivery, SurveyKind::Pulse, 0).isEmpty());
    }
};

QTEST_APPLESS_MAIN(DeliveryPlanTest)
#include "tst_deliveryplan.moc"
