#include "logcountcheck.h"
#include "store/accesslogwriter.h"
#include "store/database.h"
#include "store/migrator.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <memory>
#include <thread>
#include <utility>
#include <vector>

using namespace engage::server::store;
using namespace std::chrono_literals;

namespace {

DatabaseLocation sqliteIn(const QTemporaryDir &dir)
{
    DatabaseLocation location;
    location.driver = QStringLiteral("QSQLITE");
    location.sqliteFile = dir.filePath(QStringLiteral("engage.sqlite3"));
    return location;
}

bool createSchema(const Database &database, QString *error)
{
    const QSqlDatabase connection = database.connection(error);
    if (!connection.isOpen())
        return false;
    const auto migrated = Migrator().migrate(connection);
    if (!migrated)
        *error = migrated.error().message;
    return migrated.isOk();
}

qint64 scalar(const Database &database, const QString &sql)
{
    QSqlQuery query(database.connection());
    if (!query.exec(sql) || !query.next()) {
        qWarning() << sql << query.lastError().text();
        return -1;
    }
    return query.value(0).toLongLong();
}

AccessRecord sampleRecord(const QString &requestId)
{
    AccessRecord record;
    record.atMs = 1'700'000'000'000;
    record.requestId = requestId;
    record.tenantId = QStringLiteral("tenant-a");
    record.personId = QStringLiteral("person-1");
    record.address = QStringLiteral("192.0.2.1");
    record.method = QStringLiteral("GET");
    record.path = QStringLiteral("/api/v1/me");
    record.status = 200;
    record.latencyUs = 250;
    record.userAgent = QStringLiteral("tst_accesslogwriter");
    return record;
}

} // namespace

class TestAccessLogWriter final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_database = std::make_unique<Database>(sqliteIn(*m_dir));
        QString error;
        QVERIFY2(createSchema(*m_database, &error), qPrintable(error));
    }

    void cleanup()
    {
        m_database.reset();
        m_dir.reset();
    }

    // With a chain key, each tenant's rows are numbered from 1 and linked
    // (row 1 to the genesis value, each later one to the MAC before it), the
    // head names the last, and a 5xx also leaves an error row.
    void rowsJoinTheirTenantsChain()
    {
        m_database->setLogChainKey(engage::server::crypto::SecretBytes(QByteArray(32, 'k')));
        {
            AccessLogWriter writer(*m_database);
            for (int i = 0; i < 5; ++i) {
                AccessRecord record = sampleRecord(QStringLiteral("a-%1").arg(i));
                record.tenantId = i % 2 == 0 ? QStringLiteral("tenant-a") : QStringLiteral("");
                record.path = QStringLiteral("/x\n") + QChar(7) + QString::number(i);
                if (i == 4) {
                    record.status = 500;
                    record.route = QStringLiteral("/api/v1/members/{id}");
                    record.problemCode = QStringLiteral("internal");
                    record.failure = QStringLiteral("handler");
                }
                writer.append(record);
            }
            writer.flush();
        }
        for (const QString &tenant : {QStringLiteral("tenant-a"), QStringLiteral("")}) {
            QSqlQuery rows(m_database->connection());
            rows.prepare(QStringLiteral("SELECT tenant_seq, prev_hash, mac, path FROM access_log "
                                        "WHERE tenant_id = ? ORDER BY seq"));
            rows.addBindValue(tenant);
            QVERIFY(rows.exec());
            qint64 expected = 1;
            QString prev(64, u'0');
            while (rows.next()) {
                QCOMPARE(rows.value(0).toLongLong(), expected++);
                QCOMPARE(rows.value(1).toString(), prev);
                prev = rows.value(2).toString();
                QCOMPARE(prev.size(), 64);
                // Log injection: no line break or bell reaches the row.
                QVERIFY(!rows.value(3).toString().contains(u'\n'));
                QVERIFY(!rows.value(3).toString().contains(QChar(7)));
            }
            QCOMPARE(expected - 1, tenant.isEmpty() ? 2 : 3);
            QSqlQuery head(m_database->connection());
            head.prepare(QStringLiteral(
                "SELECT seq, hash FROM log_chain_heads WHERE tenant_id = ? AND log = 'access'"));
            head.addBindValue(tenant);
            QVERIFY(head.exec() && head.next());
            QCOMPARE(head.value(0).toLongLong(), expected - 1);
            QCOMPARE(head.value(1).toString(), prev);
        }
        QSqlQuery errors(m_database->connection());
        QVERIFY(errors.exec(QStringLiteral("SELECT tenant_id, tenant_seq, request_id, route, "
                                           "status, code, category FROM error_log")));
        QVERIFY(errors.next());
        QCOMPARE(errors.value(0).toString(), QStringLiteral("tenant-a"));
        QCOMPARE(errors.value(1).toLongLong(), 1);
        QCOMPARE(errors.value(2).toString(), QStringLiteral("a-4"));
        QCOMPARE(errors.value(3).toString(), QStringLiteral("/api/v1/members/{id}"));
        QCOMPARE(errors.value(4).toInt(), 500);
        QCOMPARE(errors.value(5).toString(), QStringLiteral("internal"));
        QCOMPARE(errors.value(6).toString(), QStringLiteral("handler"));
        QVERIFY(!errors.next());
    }

    void rowsKeepEveryField()
    {
        AccessRecord anonymous;
        anonymous.atMs = 1'717'171'717'171;
        anonymous.requestId = QStringLiteral("req-0001");
        // tenantId and personId left null: no tenant known, nobody signed in.
        anonymous.address = QStringLiteral("2001:db8::1");
        anonymous.method = QStringLiteral("POST");
        anonymous.path = QStringLiteral("/api/v1/auth/login");
        anonymous.status = 401;
        anonymous.latencyUs = 1234567;
        const QString japanese =
            QStringLiteral("エンゲージ管理/1.0 (日本語; Windows NT 10.0) 調査アプリ 🚀");
        anonymous.userAgent = japanese;

        // Over-long fields are cut: the path to 2048, the user agent to 512,
        // never through a surrogate pair (the emoji sits across character 512).
        AccessRecord longOne = sampleRecord(QStringLiteral("req-0002"));
        longOne.path = u'/' + QString(3000, u'p');
        longOne.userAgent = QString(511, u'a') + QStringLiteral("🚀") + QString(100, u'b');

        {
            AccessLogWriter writer(*m_database);
            writer.append(anonymous);
            writer.append(longOne);
            writer.flush();
            QCOMPARE(writer.droppedCount(), quint64(0));
        }

        QSqlQuery query(m_database->connection());
        QVERIFY(query.exec(QStringLiteral(
            "SELECT at, request_id, tenant_id, tenant_id IS NULL, person_id IS NULL, address, "
            "method, path, status, latency_us, user_agent FROM access_log ORDER BY seq")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toLongLong(), anonymous.atMs);
        QCOMPARE(query.value(1).toString(), anonymous.requestId);
        QCOMPARE(query.value(2).toString(), QString());
        QCOMPARE(query.value(3).toInt(), 0); // the empty string, not NULL
        QCOMPARE(query.value(4).toInt(), 1); // anonymous: NULL
        QCOMPARE(query.value(5).toString(), anonymous.address);
        QCOMPARE(query.value(6).toString(), anonymous.method);
        QCOMPARE(query.value(7).toString(), anonymous.path);
        QCOMPARE(query.value(8).toInt(), 401);
        QCOMPARE(query.value(9).toLongLong(), qint64(1234567));
        QCOMPARE(query.value(10).toString(), japanese);

        QVERIFY(query.next());
        QCOMPARE(query.value(1).toString(), QStringLiteral("req-0002"));
        QCOMPARE(query.value(2).toString(), QStringLiteral("tenant-a"));
        QCOMPARE(query.value(4).toInt(), 0);
        QCOMPARE(query.value(7).toString().size(), AccessLogWriter::maxPathLength);
        QCOMPARE(query.value(7).toString(), longOne.path.left(AccessLogWriter::maxPathLength));
        QCOMPARE(query.value(10).toString(), QString(511, u'a'));
        QVERIFY(!query.next());
    }

    void concurrentAppendsLandOnceInFewTransactions()
    {
        constexpr int threads = 4;
        constexpr int perThread = 5000;
        AccessLogWriter writer(*m_database);
        std::atomic<bool> go{false};
        std::vector<std::thread> appenders;
        for (int t = 0; t < threads; ++t) {
            appenders.emplace_back([&writer, &go, t] {
                while (!go.load())
                    std::this_thread::yield();
                for (int n = 0; n < perThread; ++n)
                    writer.append(sampleRecord(QStringLiteral("t%1-%2").arg(t).arg(n)));
            });
        }
        go = true;
        for (std::thread &appender : appenders)
            appender.join();
        writer.flush();

        QCOMPARE(writer.droppedCount(), quint64(0));
        QCOMPARE(scalar(*m_database, QStringLiteral("SELECT COUNT(*) FROM access_log")),
                 qint64(threads * perThread));
        QCOMPARE(scalar(*m_database,
                        QStringLiteral("SELECT COUNT(DISTINCT request_id) FROM access_log")),
                 qint64(threads * perThread));
        // Row by row would be 20000 commits; appending takes a few intervals
        // at most, so a handful of transactions hold everything.
        QVERIFY2(writer.commitCount() >= 1 && writer.commitCount() <= 10,
                 qPrintable(QString::number(writer.commitCount())));
    }

    void appendDoesNotWaitForTheDatabase()
    {
        constexpr int rows = 100000;
        AccessLogWriter writer(*m_database, 50ms, 2 * rows);
        for (int n = 0; n < 10; ++n)
            writer.append(sampleRecord(QStringLiteral("seed-%1").arg(n)));

        // Another connection holds the write lock, so the writer sits in
        // SQLite's busy wait (busy_timeout 5 s) with the seed rows while the
        // appends below run.
        QSqlQuery blocker(m_database->connection());
        QVERIFY2(blocker.exec(QStringLiteral("BEGIN IMMEDIATE")),
                 qPrintable(blocker.lastError().text()));
        QTest::qWait(200); // a few intervals: the writer has woken and is blocked

        std::vector<AccessRecord> records;
        records.reserve(rows);
        for (int n = 0; n < rows; ++n)
            records.push_back(sampleRecord(QStringLiteral("r%1").arg(n)));
        QElapsedTimer timer;
        timer.start();
        for (AccessRecord &record : records)
            writer.append(std::move(record));
        const qint64 elapsedMs = timer.elapsed();
        QVERIFY(blocker.exec(QStringLiteral("ROLLBACK")));
        qInfo() << rows << "appends took" << elapsedMs << "ms while the writer was blocked";
        // An append that waited for the database would wait out the whole
        // busy timeout (5 s) behind the blocker. Under the sanitizers, with
        // the suite three at a time on two cores, the appends alone took
        // 1,054 ms once: half the busy timeout tells the two apart.
        QVERIFY2(elapsedMs < busyTimeout.count() / 2, qPrintable(QString::number(elapsedMs)));

        writer.flush();
        QCOMPARE(writer.droppedCount(), quint64(0));
        QCOMPARE(scalar(*m_database, QStringLiteral("SELECT COUNT(*) FROM access_log")),
                 qint64(rows + 10));
    }

    void fullQueueDropsAndCounts()
    {
        // An interval of an hour: only flush() drains the queue, so it fills.
        AccessLogWriter writer(*m_database, std::chrono::hours(1), 10);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("rows dropped")));
        QElapsedTimer timer;
        timer.start();
        for (int n = 0; n < 25; ++n)
            writer.append(sampleRecord(QString::number(n)));
        QVERIFY2(timer.elapsed() < 500, "append() blocked on a full queue");
        QCOMPARE(writer.droppedCount(), quint64(15));

        writer.flush();
        QCOMPARE(scalar(*m_database, QStringLiteral("SELECT COUNT(*) FROM access_log")),
                 qint64(10));
        QCOMPARE(scalar(*m_database, QStringLiteral("SELECT MAX(request_id + 0) FROM access_log")),
                 qint64(9));
        // Room again once written.
        writer.append(sampleRecord(QStringLiteral("after")));
        writer.flush();
        QCOMPARE(writer.droppedCount(), quint64(15));
        QCOMPARE(scalar(*m_database, QStringLiteral("SELECT COUNT(*) FROM access_log")),
                 qint64(11));
    }

    void unwritableRowsAreCountedNotKept()
    {
        // A database without the table: flush() must still return.
        QTemporaryDir empty;
        QVERIFY(empty.isValid());
        const Database database(sqliteIn(empty));
        AccessLogWriter writer(database);
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("cannot write 3 rows .attempt 1")));
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("cannot write 3 rows .attempt 2")));
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("cannot write 3 rows .attempt 3")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("rows dropped")));
        for (int n = 0; n < 3; ++n)
            writer.append(sampleRecord(QString::number(n)));
        writer.flush();
        QCOMPARE(writer.droppedCount(), quint64(3));
        QCOMPARE(writer.commitCount(), quint64(0));
    }

    void sigkillLosesOnlyTheLastInterval_data()
    {
        QTest::addColumn<int>("round");
        for (int round = 1; round <= 5; ++round)
            QTest::addRow("round %d", round) << round;
    }

    void sigkillLosesOnlyTheLastInterval()
    {
        // The writer promises a commit every 50 ms; the other 100 ms are slack
        // for the commit's fsync and for scheduling under ASan on a loaded
        // two-core machine.
        constexpr qint64 promisedMs = 50;
        constexpr qint64 slackMs = 100;

        const QString file = sqliteIn(*m_dir).sqliteFile;
        m_database.reset(); // the child is the only one writing

        const QString binDir = qEnvironmentVariableIsSet("ENGAGE_BIN_DIR")
                                   ? qEnvironmentVariable("ENGAGE_BIN_DIR")
                                   : QCoreApplication::applicationDirPath();
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(binDir + QLatin1String("/accesslogcrashchild"), {file});
        QVERIFY2(child.waitForStarted(), qPrintable(child.errorString()));

        // The random delay runs from the first row, not from exec: start-up
        // under ASan takes a varying while.
        QByteArray output;
        QElapsedTimer sinceFirst;
        QDeadlineTimer startup(30s);
        while (!output.contains('\n') && !startup.hasExpired()) {
            child.waitForReadyRead(10);
            output += child.readAllStandardOutput();
        }
        QVERIFY2(output.contains('\n'), "the child printed nothing");
        sinceFirst.start();
        const int delayMs = QRandomGenerator::global()->bounded(300, 1501);
        while (sinceFirst.elapsed() < delayMs) {
            // Keep the pipe drained so that the child never blocks on it.
            child.waitForReadyRead(5);
            output += child.readAllStandardOutput();
        }
        const qint64 killedAtMs = QDateTime::currentMSecsSinceEpoch();
        child.kill(); // SIGKILL
        QVERIFY(child.waitForFinished(10000));
        output += child.readAllStandardOutput();
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        // Only whole lines: the kill may cut the last one.
        QList<qint64> mustBeThere;
        qint64 appended = 0;
        const QList<QByteArray> lines = output.left(output.lastIndexOf('\n')).split('\n');
        for (const QByteArray &line : lines) {
            const QList<QByteArray> parts = line.split(' ');
            QCOMPARE(parts.size(), 3);
            QCOMPARE(parts.at(0), QByteArray("appended"));
            ++appended;
            if (parts.at(2).toLongLong() < killedAtMs - promisedMs - slackMs)
                mustBeThere.append(parts.at(1).toLongLong());
        }

        const Database after(sqliteIn(*m_dir));
        QCOMPARE(
            scalar(after, QStringLiteral("SELECT COUNT(*) FROM access_log")),
            scalar(after, QStringLiteral("SELECT COUNT(DISTINCT request_id) FROM access_log")));
        QSet<qint64> present;
        {
            QSqlQuery query(after.connection());
            QVERIFY(query.exec(QStringLiteral("SELECT request_id FROM access_log")));
            while (query.next())
                present.insert(query.value(0).toLongLong());
        }
        QList<qint64> missing;
        for (qint64 n : std::as_const(mustBeThere)) {
            if (!present.contains(n))
                missing.append(n);
        }
        qInfo() << "killed after" << delayMs << "ms:" << appended << "appended," << present.size()
                << "stored," << mustBeThere.size() << "required";
        QVERIFY(!mustBeThere.isEmpty());
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("%1 rows lost, first %2")
                                                   .arg(missing.size())
                                                   .arg(missing.isEmpty() ? 0 : missing.first())));
        {
            QSqlQuery query(after.connection());
            QVERIFY(query.exec(QStringLiteral("PRAGMA integrity_check")));
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toString(), QStringLiteral("ok"));
        }
        // The counts per quarter hour commit with their rows, or not at all.
        QVERIFY(scalar(after, QStringLiteral("SELECT COUNT(*) FROM error_log")) > 0);
        QVERIFY(scalar(after, QStringLiteral("SELECT COUNT(*) FROM operation_log")) > 0);
        const QString mismatch = testing::logCountMismatch(after.connection());
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    }
};

QTEST_GUILESS_MAIN(TestAccessLogWriter)
#include "tst_accesslogwriter.moc"
