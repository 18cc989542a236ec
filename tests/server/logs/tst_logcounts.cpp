// The logs' row counts per quarter hour (store/logcounts.h, schema 7) on a
// real SQLite store: exactly COUNT(*) of each slot after the access writer
// (with its error rows), the operation log, the migration over rows written
// before it, and archiving; and the unfiltered histogram read from them equal
// to counting the rows, for time zones whole hours, half hours and quarter
// hours from UTC (and one of no whole quarter), by hour and by day, over the
// whole log and over ranges that cut quarter hours.

#include "../store/logcountcheck.h"
#include "crypto/random.h"
#include "logs/logarchiver.h"
#include "logs/logreader.h"
#include "store/accesslogwriter.h"
#include "store/database.h"
#include "store/migrator.h"
#include "store/operationlog.h"
#include "store/transaction.h"

#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <map>
#include <memory>
#include <vector>

using namespace engage;
using namespace engage::server;

namespace {

const QString kTenant = QStringLiteral("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
const QString kOther = QStringLiteral("7ca7b810-9dad-11d1-80b4-00c04fd430c9");
const QDateTime kNow = QDateTime(QDate(2025, 6, 1), QTime(12, 0), Qt::UTC);
constexpr qint64 kMinuteMs = 60 * 1000;
constexpr qint64 kQuarterMs = 15 * kMinuteMs;

bool exec(const QSqlDatabase &database, const QString &sql)
{
    QSqlQuery query(database);
    if (!query.exec(sql)) {
        qWarning() << sql << query.lastError().text();
        return false;
    }
    return true;
}

QList<qint64> timesOf(const QSqlDatabase &database, const QString &table, const QString &tenant)
{
    QList<qint64> times;
    QSqlQuery query(database);
    query.prepare(QStringLiteral("SELECT at FROM %1 WHERE tenant_id = ?").arg(table));
    query.addBindValue(tenant);
    if (!query.exec())
        qWarning() << query.lastError().text();
    while (query.next())
        times.append(query.value(0).toLongLong());
    return times;
}

// The histogram counted by hand: the rows of [from, to), by
// floor((at + offset) / width), only buckets with rows.
api::LogHistogram expectedHistogram(const QList<qint64> &times, const api::LogHistogramQuery &query)
{
    const qint64 width = query.bucket == api::LogBucket::Hour ? 3600000 : 86400000;
    const qint64 offset = qint64(query.utcOffsetMinutes) * kMinuteMs;
    std::map<qint64, qint64> counts;
    for (const qint64 at : times) {
        if (query.filter.from && at < query.filter.from->toMSecsSinceEpoch())
            continue;
        if (query.filter.to && at >= query.filter.to->toMSecsSinceEpoch())
            continue;
        const qint64 shifted = at + offset;
        ++counts[shifted / width - (shifted % width < 0 ? 1 : 0)];
    }
    api::LogHistogram histogram;
    histogram.bucket = query.bucket;
    histogram.utcOffsetMinutes = query.utcOffsetMinutes;
    for (const auto &[bucket, count] : counts) {
        histogram.buckets.append(
            {QDateTime::fromMSecsSinceEpoch(bucket * width - offset, Qt::UTC), count});
        histogram.total += count;
    }
    return histogram;
}

QString describe(const api::LogHistogram &histogram)
{
    QStringList parts;
    for (const api::LogHistogramBucket &bucket : histogram.buckets)
        parts.append(bucket.start.toString(Qt::ISODate) + u'=' + QString::number(bucket.count));
    return QStringLiteral("total %1: ").arg(histogram.total) + parts.join(u' ');
}

} // namespace

Q_DECLARE_METATYPE(engage::api::LogBucket)

class TestLogCounts final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<store::Database> m_database;
    crypto::SecretBytes m_chainKey{crypto::randomBytes(32)};
    crypto::SecretBytes m_signingKey{crypto::randomBytes(32)};

    // histogramFromCounts' 90 data rows only read: they share one store and
    // its sample rows, written once (writing them for every row took most
    // of the test's minute).
    bool m_samplesWritten = false;
    static bool sharesStore()
    {
        return qstrcmp(QTest::currentTestFunction(), "histogramFromCounts") == 0;
    }

    QSqlDatabase connection() const { return m_database->connection(); }

    void openStore()
    {
        m_samplesWritten = false;
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        store::DatabaseLocation location;
        location.driver = QStringLiteral("QSQLITE");
        location.sqliteFile = m_dir->filePath(QStringLiteral("engage.sqlite3"));
        m_database = std::make_unique<store::Database>(location);
    }

    void migrate()
    {
        QVERIFY(store::Migrator().migrate(connection()));
        m_database->setLogChainKey(m_chainKey);
        for (const QString &tenant : {kTenant, kOther})
            QVERIFY(exec(connection(),
                         QStringLiteral("INSERT INTO tenants (id, slug, name, plan, created_at) "
                                        "VALUES ('%1', 's%2', 'T', 'business', 0)")
                             .arg(tenant)
                             .arg(tenant.left(4))));
    }

    // Access rows of `tenant` at the given times through the
    // writer's own write (every 9th a 503, with its error row), in batches
    // of 1,000 as its thread would commit them under load.
    void writeAccessRows(const QString &tenant, const QList<qint64> &times)
    {
        std::vector<store::AccessRecord> batch;
        int n = 0;
        const auto flush = [&] {
            QString error;
            QSqlDatabase database = connection();
            QVERIFY2(store::AccessLogWriter::write(database, &m_chainKey, batch, &error),
                     qPrintable(error));
            batch.clear();
        };
        for (const qint64 at : times) {
            store::AccessRecord record;
            record.atMs = at;
            record.requestId = QStringLiteral("r-%1").arg(++n);
            record.tenantId = tenant;
            record.address = QStringLiteral("192.0.2.1");
            record.method = QStringLiteral("GET");
            record.path = QStringLiteral("/api/v1/me");
            record.status = n % 9 == 0 ? 503 : 200;
            record.latencyUs = 100;
            batch.push_back(record);
            if (batch.size() == 1000) {
                flush();
                if (QTest::currentTestFailed())
                    return;
            }
        }
        if (!batch.empty())
            flush();
    }

    void recordOperation(const QString &tenant, qint64 at)
    {
        store::Transaction transaction(connection());
        const auto recorded = store::OperationLog::record(
            store::TenantScope(tenant), connection(),
            store::OperationEntry{QString(), QString(), QStringLiteral("member"),
                                  QStringLiteral("m-1"), QStringLiteral("member.update"),
                                  QStringLiteral("changed: status"),
                                  QDateTime::fromMSecsSinceEpoch(at, Qt::UTC)});
        QVERIFY2(recorded, qPrintable(recorded.isOk() ? QString() : recorded.error().message));
        QVERIFY(transaction.commit());
    }

    // Three days of rows at random times, and rows on every quarter hour's
    // first and last millisecond of the middle day (where slots and the
    // buckets of +05:30 and +09:45 meet).
    static QList<qint64> sampleTimes(quint32 seed, int randomRows)
    {
        QRandomGenerator random(seed);
        const qint64 start = kNow.addDays(-3).toMSecsSinceEpoch();
        QList<qint64> times;
        for (int i = 0; i < randomRows; ++i)
            times.append(start + qint64(random.bounded(3 * 86400)) * 1000 + random.bounded(1000));
        const qint64 middle = kNow.addDays(-2).toMSecsSinceEpoch();
        for (qint64 at = middle; at < middle + 86400000; at += kQuarterMs) {
            times.append(at);
            times.append(at - 1);
        }
        std::sort(times.begin(), times.end());
        return times;
    }

private Q_SLOTS:
    void init()
    {
        if (sharesStore() && m_database)
            return;
        openStore();
        migrate();
    }

    void cleanup()
    {
        if (sharesStore())
            return;
        m_database.reset();
        m_dir.reset();
    }

    void countsFollowEveryWriter()
    {
        QVERIFY(store::testing::logCountMismatch(connection()).isEmpty());
        writeAccessRows(kTenant, sampleTimes(1, 3000));
        writeAccessRows(kOther, sampleTimes(2, 500));
        for (const qint64 at : sampleTimes(3, 100))
            recordOperation(kTenant, at);
        recordOperation(kOther, kNow.toMSecsSinceEpoch());
        // A row before 1970 lands in the quarter hour that holds it.
        writeAccessRows(kOther, {-1, -kQuarterMs, -kQuarterMs - 1});

        const QString mismatch = store::testing::logCountMismatch(connection());
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
        QSqlQuery errors(connection());
        QVERIFY(errors.exec(QStringLiteral("SELECT SUM(row_count) FROM log_counts WHERE log = "
                                           "'error'")) &&
                errors.next());
        QVERIFY(errors.value(0).toLongLong() > 300); // the 503s were counted too
        QSqlQuery early(connection());
        QVERIFY(early.exec(QStringLiteral("SELECT slot_at, row_count FROM log_counts WHERE "
                                          "slot_at < 0 ORDER BY slot_at")));
        QVERIFY(early.next());
        QCOMPARE(early.value(0).toLongLong(), -2 * kQuarterMs);
        QCOMPARE(early.value(1).toLongLong(), 1);
        QVERIFY(early.next());
        QCOMPARE(early.value(0).toLongLong(), -kQuarterMs);
        QCOMPARE(early.value(1).toLongLong(), 2);
    }

    // Rows written at schema 6 are counted by the migration to 7.
    void migrationCountsExistingRows()
    {
        m_database.reset();
        openStore();
        const QList<store::Migration> all = store::Migrator().migrations();
        QVERIFY(all.size() >= 7);
        QCOMPARE(all.at(6).version, 7);
        QCOMPARE(store::Migrator(all.mid(0, 6)).migrate(connection()).value(), 6);
        const QList<qint64> times = sampleTimes(4, 400);
        for (qsizetype i = 0; i < times.size(); ++i) {
            const qint64 at = i % 50 == 0 ? -times.at(i) % 5000 : times.at(i);
            QVERIFY(exec(connection(),
                         QStringLiteral("INSERT INTO access_log (tenant_id, tenant_seq, at, "
                                        "request_id, address, method, path, status, latency_us, "
                                        "user_agent) VALUES ('%1', %2, %3, 'r', '192.0.2.1', "
                                        "'GET', '/', 200, 1, '')")
                             .arg(i % 3 ? kTenant : kOther)
                             .arg(i + 1)
                             .arg(at)));
            if (i % 7 == 0)
                QVERIFY(exec(connection(),
                             QStringLiteral("INSERT INTO operation_log (tenant_id, tenant_seq, at, "
                                            "request_id, target_type, target_id, action, summary) "
                                            "VALUES ('%1', %2, %3, 'r', 'member', 'm', "
                                            "'member.update', '')")
                                 .arg(kTenant)
                                 .arg(i + 1)
                                 .arg(at)));
            if (i % 11 == 0)
                QVERIFY(exec(connection(),
                             QStringLiteral("INSERT INTO error_log (tenant_id, tenant_seq, at, "
                                            "request_id, method, route, status, code, category) "
                                            "VALUES ('%1', %2, %3, 'r', 'GET', '/', 500, "
                                            "'internal', 'handler')")
                                 .arg(kOther)
                                 .arg(i + 1)
                                 .arg(at)));
        }
        QCOMPARE(store::Migrator(all.mid(0, 7)).migrate(connection()).value(), 7);
        const QString mismatch = store::testing::logCountMismatch(connection());
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    }

    // The archiver takes off what it deletes, file by file.
    void archivingKeepsCountsExact()
    {
        const qint64 old = kNow.addDays(-100).toMSecsSinceEpoch();
        QList<qint64> oldTimes;
        for (int i = 0; i < 40; ++i)
            oldTimes.append(old + i * 7 * kMinuteMs); // across several quarter hours
        writeAccessRows(kTenant, oldTimes);
        for (const qint64 at : oldTimes)
            recordOperation(kTenant, at);
        writeAccessRows(kTenant, sampleTimes(6, 300));
        QVERIFY(exec(connection(),
                     QStringLiteral("UPDATE tenants SET log_archive_after_days = 30 WHERE id = "
                                    "'%1'")
                         .arg(kTenant)));
        logs::LogArchiver archiver(connection(), m_chainKey,
                                   logs::LogArchiveFiles(m_dir->path(), m_signingKey));
        archiver.setMaxRowsPerFile(7);
        const auto summary = archiver.run(kNow);
        QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().message));
        // The old access and operation rows, the head of each chain.
        QCOMPARE(summary.value().rows, 80);
        const QString mismatch = store::testing::logCountMismatch(connection());
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));

        logs::LogReader reader(connection(), store::TenantScope(kTenant));
        api::LogHistogramQuery query;
        const auto histogram = reader.histogram(api::LogKind::Access, query);
        QVERIFY(histogram);
        QCOMPARE(
            histogram.value(),
            expectedHistogram(timesOf(connection(), QStringLiteral("access_log"), kTenant), query));
    }

    void histogramFromCounts_data()
    {
        QTest::addColumn<int>("offsetMinutes");
        QTest::addColumn<api::LogBucket>("bucket");
        QTest::addColumn<qint64>("fromMs"); // -1: none
        QTest::addColumn<qint64>("toMs");
        const qint64 start = kNow.addDays(-3).toMSecsSinceEpoch();
        const qint64 cutFrom = start + 86400000 + 7 * kMinuteMs + 13001; // inside a quarter hour
        const qint64 cutTo = start + 2 * 86400000 + 22 * 3600000 + 3 * kMinuteMs;
        const qint64 inOneSlot = start + 36 * 3600000 + 2 * kMinuteMs;
        const struct
        {
            const char *zone;
            int minutes;
        } zones[] = {{"UTC", 0},       {"+09:00", 540}, {"+05:30", 330},
                     {"+09:45", 585},  {"+05:45", 345}, {"-03:30", -210},
                     {"-09:30", -570}, {"+00:07", 7},   {"-14:00", -840}};
        for (const auto &zone : zones) {
            for (const api::LogBucket bucket : {api::LogBucket::Hour, api::LogBucket::Day}) {
                const QByteArray name =
                    zone.zone + QByteArray(" ") + (bucket == api::LogBucket::Hour ? "hour" : "day");
                QTest::addRow("%s, whole log", name.constData())
                    << zone.minutes << bucket << qint64(-1) << qint64(-1);
                QTest::addRow("%s, cut range", name.constData())
                    << zone.minutes << bucket << cutFrom << cutTo;
                QTest::addRow("%s, from only", name.constData())
                    << zone.minutes << bucket << cutFrom << qint64(-1);
                QTest::addRow("%s, to only", name.constData())
                    << zone.minutes << bucket << qint64(-1) << cutTo;
                QTest::addRow("%s, inside one quarter hour", name.constData())
                    << zone.minutes << bucket << inOneSlot << inOneSlot + 9 * kMinuteMs;
            }
        }
    }

    // Unfiltered, the histogram is read from the counts; with a filter that
    // every row matches, from the rows: both equal counting by hand.
    void histogramFromCounts()
    {
        QFETCH(int, offsetMinutes);
        QFETCH(api::LogBucket, bucket);
        QFETCH(qint64, fromMs);
        QFETCH(qint64, toMs);
        if (!m_samplesWritten) {
            writeAccessRows(kTenant, sampleTimes(7, 4000));
            writeAccessRows(kOther, sampleTimes(8, 300));
            m_samplesWritten = true;
        }

        api::LogHistogramQuery query;
        query.bucket = bucket;
        query.utcOffsetMinutes = offsetMinutes;
        if (fromMs >= 0)
            query.filter.from = QDateTime::fromMSecsSinceEpoch(fromMs, Qt::UTC);
        if (toMs >= 0)
            query.filter.to = QDateTime::fromMSecsSinceEpoch(toMs, Qt::UTC);
        logs::LogReader reader(connection(), store::TenantScope(kTenant));
        const api::LogHistogram expected =
            expectedHistogram(timesOf(connection(), QStringLiteral("access_log"), kTenant), query);
        QVERIFY(expected.total > 0);

        const auto counted = reader.histogram(api::LogKind::Access, query);
        QVERIFY2(counted, qPrintable(counted ? QString() : counted.error().message));
        QVERIFY2(counted.value() == expected,
                 qPrintable(QStringLiteral("\n  read: %1\n  rows: %2")
                                .arg(describe(counted.value()), describe(expected))));

        api::LogHistogramQuery filtered = query;
        filtered.filter.action = QStringLiteral("GET");
        const auto scanned = reader.histogram(api::LogKind::Access, filtered);
        QVERIFY(scanned);
        QCOMPARE(scanned.value(), expected);

        // The error log's counts, of the 503s, the same way.
        const api::LogHistogram errors =
            expectedHistogram(timesOf(connection(), QStringLiteral("error_log"), kTenant), query);
        const auto countedErrors = reader.histogram(api::LogKind::Error, query);
        QVERIFY(countedErrors);
        QCOMPARE(countedErrors.value(), errors);
    }
};

QTEST_GUILESS_MAIN(TestLogCounts)
#include "tst_logcounts.moc"
