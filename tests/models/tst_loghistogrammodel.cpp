// LogHistogramModel against the real engage-server, under
// QAbstractItemModelTester: 1,000 seeded access rows ten minutes apart,
// counted by day at the viewer's offset (days begin at local midnight), by
// hour for a range of a fortnight or less, with filters; each bucket's count
// matches the rows seeded into it. Following a LogWindowModel (as the Logs
// page ties them), it counts the rows the table lists, live ones included.

#include "logseed.h"
#include "models/apireply.h"
#include "models/loghistogrammodel.h"
#include "models/logwindowmodel.h"
#include "serviceclient.h"

#include <QAbstractItemModelTester>
#include <QTemporaryDir>
#include <memory>

using namespace engage;
using namespace engage::models;
using namespace engage::test;

namespace {

constexpr qint64 kRows = 1000;
constexpr qint64 kSpacingMs = 10 * 60 * 1000;

} // namespace

class TestLogHistogramModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void counts_data();
    void counts();
    void followsTheTable();

private:
    // A request the service refuses with 404: one more 4xx access row.
    void refused();

    QDateTime timeOf(qint64 i) const { return m_newest.addMSecs(-(kRows - i) * kSpacingMs); }

    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    CredentialStore m_store;
    std::unique_ptr<Client> m_client;
    QDateTime m_newest;
};

void TestLogHistogramModel::initTestCase()
{
    m_newest = QDateTime::currentDateTimeUtc().addSecs(-3600);
    m_newest.setTime(QTime(m_newest.time().hour(), 0));
    QString error;
    m_server = startSeededServer(m_dir.path(),
                                 LogSeed{QStringLiteral("northwind"), kRows, m_newest, kSpacingMs},
                                 {}, 60000, &error);
    QVERIFY2(m_server, qPrintable(error));
    m_client = std::make_unique<Client>(*m_server, m_store, QStringLiteral("histogram"));
    QVERIFY(signIn(m_client->session, demoOwner(*m_server, QStringLiteral("northwind"))));
}

void TestLogHistogramModel::counts_data()
{
    QTest::addColumn<int>("offsetMinutes");
    QTest::addColumn<int>("days"); // the range, ending with the newest row; 0: no range
    QTest::addColumn<QString>("status");
    QTest::newRow("by day, UTC") << 0 << 0 << QString();
    QTest::newRow("by day, Tokyo") << 540 << 0 << QString();
    QTest::newRow("by day, New York") << -300 << 0 << QString();
    QTest::newRow("by hour, two days") << 540 << 2 << QString();
    QTest::newRow("by hour, India, 404") << 330 << 3 << QStringLiteral("404");
    QTest::newRow("by day, three weeks") << 0 << 21 << QString();
}

void TestLogHistogramModel::counts()
{
    QFETCH(int, offsetMinutes);
    QFETCH(int, days);
    QFETCH(QString, status);
    LogHistogramModel model(m_client->api);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    api::LogQuery filter;
    // The seeded rows only: the test's own requests are newer.
    filter.to = m_newest.addMSecs(1);
    if (days > 0)
        filter.from = m_newest.addDays(-days);
    if (!status.isEmpty())
        filter.status = status;
    QSignalSpy loading(&model, &LogHistogramModel::loadingChanged);
    model.setQuery(api::LogKind::Access, filter, offsetMinutes);
    QVERIFY(QTest::qWaitFor([&] { return !model.isLoading(); }, kWaitMs));
    QVERIFY(!loading.isEmpty());

    const api::LogBucket bucket =
        days > 0 && days <= 14 ? api::LogBucket::Hour : api::LogBucket::Day;
    QCOMPARE(model.bucket(), bucket);
    QCOMPARE(model.utcOffsetMinutes(), offsetMinutes);
    // What each bucket should hold, from the seed.
    const qint64 width = model.bucketWidthMs();
    const qint64 offset = qint64(offsetMinutes) * 60 * 1000;
    QMap<qint64, qint64> expected;
    qint64 total = 0;
    for (qint64 i = 1; i <= kRows; ++i) {
        const QDateTime at = timeOf(i);
        if ((filter.from && at < *filter.from) || (!status.isEmpty() && seededStatus(i) != 404))
            continue;
        const qint64 ms = at.toMSecsSinceEpoch();
        expected[(ms + offset) / width * width - offset] += 1;
        ++total;
    }
    QCOMPARE(model.total(), total);
    QCOMPARE(model.rowCount(), int(expected.size()));
    qint64 largest = 0;
    int row = 0;
    for (auto it = expected.cbegin(); it != expected.cend(); ++it, ++row) {
        const QModelIndex index = model.index(row, 0);
        QCOMPARE(index.data(LogHistogramModel::StartRole).toDateTime().toMSecsSinceEpoch(),
                 it.key());
        QCOMPARE(index.data(LogHistogramModel::EndRole).toDateTime().toMSecsSinceEpoch(),
                 it.key() + width);
        QCOMPARE(index.data(LogHistogramModel::CountRole).toLongLong(), it.value());
        largest = std::max(largest, it.value());
    }
    QCOMPARE(model.largestCount(), largest);
}

void TestLogHistogramModel::refused()
{
    ApiReply *reply = m_client->api.get(QStringLiteral("/api/v1/logs/nosuchlog"));
    QSignalSpy finished(reply, &ApiReply::finished);
    QVERIFY(finished.wait(kWaitMs));
}

// Issue 8's report: the histogram stayed at 0 for 4xx rows written seconds
// earlier while the table listed them. Rows written just before the filter
// is set (some not yet committed by the access log's writer) and while the
// table is live are counted once, in the histogram as in the table.
void TestLogHistogramModel::followsTheTable()
{
    LogWindowModel table(m_client->api);
    LogHistogramModel histogram(m_client->api);
    QAbstractItemModelTester tester(&histogram,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    histogram.follow(table);
    qint64 seeded = 0;
    for (qint64 i = 1; i <= kRows; ++i)
        seeded += seededStatus(i) >= 400 && seededStatus(i) < 500 ? 1 : 0;
    constexpr int kBefore = 3;
    constexpr int kLive = 4;
    for (int i = 0; i < kBefore; ++i)
        refused();
    api::LogQuery filter;
    filter.status = QStringLiteral("4xx");
    table.setQuery(api::LogKind::Access, filter);
    table.setLiveTail(true);
    QVERIFY(QTest::qWaitFor([&] { return table.total() >= 0 && !histogram.isLoading(); }, kWaitMs));
    for (int i = 0; i < kLive; ++i)
        refused();
    QTRY_COMPARE_WITH_TIMEOUT(table.total(), seeded + kBefore + kLive, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(histogram.total(), table.total(), kWaitMs);
    QVERIFY(!histogram.isLoading());
    qint64 inBuckets = 0;
    for (int row = 0; row < histogram.rowCount(); ++row)
        inBuckets += histogram.index(row, 0).data(LogHistogramModel::CountRole).toLongLong();
    QCOMPARE(inBuckets, histogram.total());
    const QModelIndex newest = histogram.index(histogram.rowCount() - 1, 0);
    QVERIFY(newest.data(LogHistogramModel::EndRole).toDateTime() >
            QDateTime::currentDateTimeUtc().addSecs(-60));
    QVERIFY(newest.data(LogHistogramModel::CountRole).toLongLong() >= kBefore + kLive);

    // Counted again (Reload) from a new snapshot, which may leave the
    // newest rows to the live tail again: the same rows in the end.
    table.reload();
    QTRY_COMPARE_WITH_TIMEOUT(table.total(), seeded + kBefore + kLive, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(histogram.total(), table.total(), kWaitMs);
    QVERIFY(!histogram.isLoading());
}

QTEST_GUILESS_MAIN(TestLogHistogramModel)
#include "tst_loghistogrammodel.moc"
