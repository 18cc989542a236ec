// LinkRateLimit with its time given: the burst, then one write per interval,
// how long to wait, links counted apart, and a bounded number of links.

#include "respondent/linkratelimit.h"

#include <QTest>
#include <chrono>

using namespace std::chrono_literals;
using engage::server::respondent::LinkRateLimit;

namespace {

const LinkRateLimit::Clock::time_point kStart{std::chrono::hours(1000)};

} // namespace

class TestLinkRateLimit final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void burstThenOnePerInterval()
    {
        LinkRateLimit limit(LinkRateLimit::Policy{5, 2000ms, 100});
        const QString link = QStringLiteral("link-a");
        for (int i = 0; i < 5; ++i)
            QCOMPARE(limit.take(link, kStart), 0s);
        // Full for the next 2 s: told to wait 2 s, and not counted for it.
        QCOMPARE(limit.take(link, kStart), 2s);
        QCOMPARE(limit.take(link, kStart + 500ms), 2s); // 1.5 s, rounded up
        QCOMPARE(limit.take(link, kStart + 1900ms), 1s);
        QCOMPARE(limit.take(link, kStart + 2000ms), 0s);
        QCOMPARE(limit.take(link, kStart + 2000ms), 2s);
        // Quiet for long enough, the whole burst again.
        for (int i = 0; i < 5; ++i)
            QCOMPARE(limit.take(link, kStart + 20s), 0s);
        QCOMPARE(limit.take(link, kStart + 20s), 2s);
    }

    void steadyPaceIsNeverRefused()
    {
        // The default: a write every 600 ms (the page's autosave at its
        // fastest) for ten minutes.
        LinkRateLimit limit;
        for (int i = 0; i < 1000; ++i)
            QCOMPARE(limit.take(QStringLiteral("typing"), kStart + i * 600ms), 0s);
        // Twenty at once is not a person.
        int refused = 0;
        for (int i = 0; i < 20; ++i)
            refused += limit.take(QStringLiteral("script"), kStart) > 0s ? 1 : 0;
        QCOMPARE(refused, 10);
    }

    void linksAreCountedApart()
    {
        LinkRateLimit limit(LinkRateLimit::Policy{2, 1000ms, 100});
        QCOMPARE(limit.take(QStringLiteral("a"), kStart), 0s);
        QCOMPARE(limit.take(QStringLiteral("a"), kStart), 0s);
        QCOMPARE(limit.take(QStringLiteral("a"), kStart), 1s);
        QCOMPARE(limit.take(QStringLiteral("b"), kStart), 0s);
        QCOMPARE(limit.take(QStringLiteral("b"), kStart), 0s);
        QCOMPARE(limit.take(QStringLiteral("a"), kStart), 1s);
        QCOMPARE(limit.trackedLinks(), 2);
    }

    void boundedNumberOfLinks()
    {
        LinkRateLimit limit(LinkRateLimit::Policy{2, 1000ms, 3});
        for (const char *link : {"a", "b", "c"}) {
            QCOMPARE(limit.take(QString::fromLatin1(link), kStart), 0s);
            QCOMPARE(limit.take(QString::fromLatin1(link), kStart), 0s);
        }
        QCOMPARE(limit.trackedLinks(), 3);
        // Full of links still counting: a fourth goes uncounted, and the
        // others keep their counts.
        for (int i = 0; i < 5; ++i)
            QCOMPARE(limit.take(QStringLiteral("d"), kStart), 0s);
        QCOMPARE(limit.trackedLinks(), 3);
        QCOMPARE(limit.take(QStringLiteral("a"), kStart), 1s);
        // Once their buckets have refilled they make room.
        QCOMPARE(limit.take(QStringLiteral("d"), kStart + 2s), 0s);
        QCOMPARE(limit.trackedLinks(), 1);
        QCOMPARE(limit.take(QStringLiteral("d"), kStart + 2s), 0s);
        QCOMPARE(limit.take(QStringLiteral("d"), kStart + 2s), 1s);
    }
};

QTEST_GUILESS_MAIN(TestLinkRateLimit)
#include "tst_linkratelimit.moc"
