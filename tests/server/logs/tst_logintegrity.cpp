// The hash chains of the logs on a real SQLite store: rows written by
// OperationLog and the access-log writer verify; a row changed, deleted or
// inserted straight in the database is found at its seq; the newest rows
// deleted (with the head moved back to match) are found through the
// checkpoint; concurrent writers of one tenant never fork the chain.

#include "crypto/random.h"
#include "logs/logintegrity.h"
#include "store/accesslogbulk.h"
#include "store/database.h"
#include "store/logchain.h"
#include "store/migrator.h"
#include "store/operationlog.h"
#include "store/transaction.h"

#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

using namespace engage;
using namespace engage::server;

Q_DECLARE_METATYPE(engage::api::LogKind)
Q_DECLARE_METATYPE(engage::api::LogBreak)

namespace {

const QString kTenant = QStringLiteral("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
constexpr int kRows = 20;

bool exec(const QSqlDatabase &database, const QString &sql)
{
    QSqlQuery query(database);
    if (!query.exec(sql)) {
        qWarning() << sql << query.lastError().text();
        return false;
    }
    return true;
}

QString table(api::LogKind log)
{
    return api::logKindName(log) + QLatin1String("_log");
}

} // namespace

class TestLogIntegrity final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<store::Database> m_database;
    crypto::SecretBytes m_chainKey{crypto::randomBytes(32)};
    crypto::SecretBytes m_checkpointKey{crypto::randomBytes(32)};

    QSqlDatabase connection() const { return m_database->connection(); }

    bool recordOperation(int i)
    {
        store::Transaction transaction(connection());
        const auto recorded = store::OperationLog::record(
            store::TenantScope(kTenant), connection(),
            store::OperationEntry{QStringLiteral("r-%1").arg(i), QString(),
                                  QStringLiteral("member"), QStringLiteral("m-%1").arg(i),
                                  QStringLiteral("member.update"),
                                  QStringLiteral("changed: status"), QDateTime()},
            {api::FieldChange{QStringLiteral("status"), QStringLiteral("active"),
                              QStringLiteral("left"), false}});
        return recorded && transaction.commit();
    }

    // Both chains of the tenant, kRows rows each.
    void writeRows()
    {
        for (int i = 0; i < kRows; ++i)
            QVERIFY(recordOperation(i));
        store::AccessLogWriter writer(*m_database);
        for (int i = 0; i < kRows; ++i) {
            store::AccessRecord record;
            record.atMs = 1'700'000'000'000 + i;
            record.requestId = QStringLiteral("a-%1").arg(i);
            record.tenantId = kTenant;
            record.address = QStringLiteral("192.0.2.1");
            record.method = QStringLiteral("GET");
            record.path = QStringLiteral("/api/v1/me");
            record.status = 200;
            writer.append(record);
        }
        writer.flush();
    }

    logs::LogCheckpoints checkpoints() const
    {
        return logs::LogCheckpoints(m_dir->path(), m_checkpointKey);
    }

    QList<api::LogVerification> verify()
    {
        auto results = logs::LogVerifier(connection(), m_chainKey)
                           .verifyTenant(kTenant, checkpoints().latest());
        if (!results) {
            qWarning() << results.error().message;
            return {};
        }
        return results.value();
    }

    // A copy: verify() answers a temporary list.
    static std::optional<api::LogVerification> resultFor(const QList<api::LogVerification> &results,
                                                         api::LogKind log)
    {
        for (const api::LogVerification &result : results) {
            if (result.log == log)
                return result;
        }
        return std::nullopt;
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        store::DatabaseLocation location;
        location.driver = QStringLiteral("QSQLITE");
        location.sqliteFile = m_dir->filePath(QStringLiteral("engage.sqlite3"));
        m_database = std::make_unique<store::Database>(location);
        QVERIFY(store::Migrator().migrate(connection()));
        m_database->setLogChainKey(m_chainKey);
    }

    void cleanup()
    {
        m_database.reset();
        m_dir.reset();
    }

    void writtenRowsVerify()
    {
        writeRows();
        QString error;
        QVERIFY2(checkpoints().write(connection(), QDateTime::currentDateTimeUtc(), &error),
                 qPrintable(error));
        const auto results = verify();
        QCOMPARE(results.size(), 2);
        for (const api::LogVerification &result : results) {
            QVERIFY2(result.intact, qPrintable(result.detail));
            QCOMPARE(result.checkedRows, kRows);
            QVERIFY(result.checkpointAt);
        }
        // The checkpoint file is the owner's alone.
        const QStringList files =
            QDir(logs::LogCheckpoints::directoryOf(m_dir->path())).entryList(QDir::Files);
        QCOMPARE(files.size(), 1);
        QCOMPARE(
            QFile::permissions(
                QDir(logs::LogCheckpoints::directoryOf(m_dir->path())).filePath(files.first())) &
                (QFile::ReadGroup | QFile::ReadOther),
            QFile::Permissions());
    }

    // A value SQLite would change as it stores it (bound as UTF-16, a leading
    // U+FEFF or U+FFFE is taken for a byte-order mark and dropped) is stored
    // as its MAC covers it: a client's User-Agent cannot make the chain look
    // broken.
    void byteOrderMarksVerify()
    {
        store::AccessLogWriter writer(*m_database);
        const QString agents[] = {QStringLiteral("\uFEFFMozilla/5.0"), QStringLiteral("\uFFFEcurl"),
                                  QStringLiteral("\uFEFF")};
        for (int i = 0; i < 3; ++i) {
            store::AccessRecord record;
            record.atMs = 1'700'000'000'000 + i;
            record.requestId = QStringLiteral("bom-%1").arg(i);
            record.tenantId = kTenant;
            record.address = QStringLiteral("192.0.2.1");
            record.method = QStringLiteral("GET");
            record.path =
                i == 2 ? QStringLiteral("\uFEFF/api/v1/me") : QStringLiteral("/api/v1/me");
            record.userAgent = agents[i];
            record.status = 200;
            writer.append(record);
        }
        writer.flush();
        const auto access = resultFor(verify(), api::LogKind::Access);
        QVERIFY(access);
        QVERIFY2(access->intact, qPrintable(access->detail));
        QCOMPARE(access->checkedRows, 3);
        QSqlQuery stored(connection());
        QVERIFY(stored.exec(
            QStringLiteral("SELECT user_agent FROM access_log WHERE request_id = 'bom-0'")));
        QVERIFY(stored.next());
        QCOMPARE(stored.value(0).toString(), QStringLiteral("\uFFFDMozilla/5.0"));
    }

    void tamperingIsFound_data()
    {
        QTest::addColumn<api::LogKind>("log");
        QTest::addColumn<QString>("sql"); // %1: the table
        QTest::addColumn<api::LogBreak>("kind");
        QTest::addColumn<qint64>("seq");

        for (const api::LogKind log : {api::LogKind::Access, api::LogKind::Operation}) {
            const QByteArray name = api::logKindName(log).toLatin1();
            const QString changed = log == api::LogKind::Access
                                        ? QStringLiteral("UPDATE %1 SET status = 404 WHERE "
                                                         "tenant_seq = 7")
                                        : QStringLiteral("UPDATE %1 SET summary = 'nothing' "
                                                         "WHERE tenant_seq = 7");
            QTest::newRow(QByteArray(name + " row changed").constData())
                << log << changed << api::LogBreak::RowChanged << qint64(7);
            QTest::newRow(QByteArray(name + " time changed").constData())
                << log << QStringLiteral("UPDATE %1 SET at = at + 1 WHERE tenant_seq = 3")
                << api::LogBreak::RowChanged << qint64(3);
            QTest::newRow(QByteArray(name + " row deleted").constData())
                << log << QStringLiteral("DELETE FROM %1 WHERE tenant_seq = 12")
                << api::LogBreak::SequenceGap << qint64(12);
            QTest::newRow(QByteArray(name + " rows renumbered after a deletion").constData())
                << log
                << QStringLiteral("DELETE FROM %1 WHERE tenant_seq = 12; UPDATE %1 SET "
                                  "tenant_seq = tenant_seq - 1 WHERE tenant_seq > 12")
                << api::LogBreak::ChainBroken << qint64(12);
            QTest::newRow(QByteArray(name + " row inserted with a copied MAC").constData())
                << log
                << QStringLiteral("UPDATE %1 SET tenant_seq = tenant_seq + 1000 WHERE tenant_seq "
                                  ">= 5; UPDATE %1 SET tenant_seq = tenant_seq - 999 WHERE "
                                  "tenant_seq >= 1005; INSERT INTO %1 (%2) SELECT %3 FROM %1 "
                                  "WHERE tenant_seq = 4")
                << api::LogBreak::ChainBroken << qint64(5);
            QTest::newRow(QByteArray(name + " first row's link changed").constData())
                << log << QStringLiteral("UPDATE %1 SET prev_hash = mac WHERE tenant_seq = 1")
                << api::LogBreak::ChainBroken << qint64(1);
            QTest::newRow(QByteArray(name + " newest row deleted, head kept").constData())
                << log << QStringLiteral("DELETE FROM %1 WHERE tenant_seq = 20")
                << api::LogBreak::HeadMismatch << qint64(20);
            QTest::newRow(QByteArray(name + " newest rows deleted, head moved back").constData())
                << log
                << QStringLiteral("DELETE FROM %1 WHERE tenant_seq > 17; UPDATE log_chain_heads "
                                  "SET seq = 17, hash = (SELECT mac FROM %1 WHERE tenant_seq = "
                                  "17) WHERE log = '") +
                       api::logKindName(log) + QStringLiteral("'")
                << api::LogBreak::CheckpointMissing << qint64(18);
        }
    }

    // Each change is made behind the service's back, after a checkpoint, and
    // found at the first row it touches; the other chain stays intact.
    void tamperingIsFound()
    {
        QFETCH(api::LogKind, log);
        QFETCH(QString, sql);
        QFETCH(api::LogBreak, kind);
        QFETCH(qint64, seq);
        writeRows();
        QString error;
        QVERIFY2(checkpoints().write(connection(), QDateTime::currentDateTimeUtc(), &error),
                 qPrintable(error));
        QVERIFY(resultFor(verify(), log).value().intact);

        const QStringList columns = store::logchain::chainedColumns(
            log == api::LogKind::Access ? store::logchain::kAccess : store::logchain::kOperation);
        QStringList copied = columns;
        copied << QStringLiteral("prev_hash") << QStringLiteral("mac");
        QStringList fromRow4 = copied;
        fromRow4.replace(1, QStringLiteral("5"));
        for (QString statement : sql.split(QLatin1String("; "))) {
            statement.replace(QLatin1String("%1"), table(log))
                .replace(QLatin1String("%2"), copied.join(u','))
                .replace(QLatin1String("%3"), fromRow4.join(u','));
            QVERIFY(exec(connection(), statement));
        }

        const auto results = verify();
        const auto result = resultFor(results, log);
        QVERIFY(result);
        QVERIFY(result);
        QVERIFY(!result->intact);
        QCOMPARE(result->breakKind, kind);
        QCOMPARE(result->firstBrokenSeq, seq);
        const api::LogKind other =
            log == api::LogKind::Access ? api::LogKind::Operation : api::LogKind::Access;
        QVERIFY(resultFor(results, other).value().intact);
    }

    void forgedCheckpointIsRefused()
    {
        writeRows();
        QString error;
        QVERIFY(checkpoints().write(connection(), QDateTime::currentDateTimeUtc(), &error));
        const logs::LogCheckpoints::Latest latest = checkpoints().latest();
        QCOMPARE(latest.state, logs::LogCheckpoints::State::Valid);
        QFile file(latest.file);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray text = file.readAll();
        file.close();
        // An attacker who deleted rows lowers the checkpointed seq to match.
        text.replace("\"seq\": 20", "\"seq\": 17");
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(text);
        file.close();
        for (const api::LogVerification &result : verify()) {
            QVERIFY(!result.intact);
            QCOMPARE(result.breakKind, api::LogBreak::CheckpointInvalid);
        }
    }

    // Writers of one tenant on several connections at once queue on the
    // chain head: every seq once, every link intact.
    void concurrentWritersDoNotFork()
    {
        constexpr int kThreads = 4;
        constexpr int kEach = 25;
        std::vector<std::thread> threads;
        std::atomic<int> failures{0};
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([this, t, &failures] {
                for (int i = 0; i < kEach; ++i) {
                    if (!recordOperation(t * 1000 + i))
                        ++failures;
                }
                m_database->connection().close();
            });
        }
        for (std::thread &thread : threads)
            thread.join();
        QCOMPARE(failures.load(), 0);
        const auto result = resultFor(verify(), api::LogKind::Operation);
        QVERIFY(result);
        QVERIFY2(result->intact, qPrintable(result->detail));
        QCOMPARE(result->checkedRows, kThreads * kEach);
    }

    // The bulk loader of the benchmark and the tests' seeds writes what the
    // service's writer writes, byte for byte: rows, MACs, error rows, counts
    // and heads (the rows chained on its second thread, under a key set up
    // once, verify with the verifier's own MACs).
    void bulkLoaderWritesTheWritersRows()
    {
        std::vector<store::AccessRecord> records;
        for (int i = 0; i < 2500; ++i) {
            store::AccessRecord record;
            record.atMs = 1'700'000'000'000 + qint64(i) * 1000;
            record.requestId = QStringLiteral("bulk-%1").arg(i);
            record.tenantId = kTenant;
            if (i % 3 != 0)
                record.personId = QStringLiteral("person-%1").arg(i % 4);
            record.address = QStringLiteral("192.0.2.%1").arg(i % 7);
            record.method = i % 5 == 0 ? QStringLiteral("POST") : QStringLiteral("GET");
            record.path = QStringLiteral("/api/v1/members/\u00e9%1").arg(i);
            record.status = i % 97 == 0 ? 500 : 200;
            record.latencyUs = i;
            // Empty, ASCII, and beyond the BMP (a surrogate pair, four bytes in UTF-8).
            record.userAgent = i % 2   ? QStringLiteral("engage-admin")
                               : i % 3 ? QString()
                                       : QStringLiteral("engage-admin \U0001F363");
            store::AccessLogWriter::normalise(record);
            records.push_back(record);
        }
        constexpr std::size_t chunk = 1000;
        // As the writer's thread writes its batches.
        QSqlDatabase writerConnection = connection();
        QString error;
        for (std::size_t first = 0; first < records.size(); first += chunk) {
            const std::vector<store::AccessRecord> batch(
                records.begin() + qsizetype(first),
                records.begin() + qsizetype(std::min(records.size(), first + chunk)));
            QVERIFY2(store::AccessLogWriter::write(writerConnection, &m_chainKey, batch, &error),
                     qPrintable(error));
        }

        QTemporaryDir otherDir;
        store::DatabaseLocation location;
        location.driver = QStringLiteral("QSQLITE");
        location.sqliteFile = otherDir.filePath(QStringLiteral("engage.sqlite3"));
        store::Database other(location);
        QSqlDatabase loaded = other.connection();
        QVERIFY(store::Migrator().migrate(loaded));
        {
            store::Transaction transaction(loaded);
            store::AccessLogBulkLoader loader(loaded);
            QVERIFY2(loader.isValid(), qPrintable(loader.error()));
            QVERIFY2(loader.deferIndexes(&error), qPrintable(error));
            std::size_t handed = 0;
            const auto next = [&] {
                const std::size_t end = std::min(records.size(), handed + chunk);
                std::vector<store::AccessRecord> batch(records.begin() + qsizetype(handed),
                                                       records.begin() + qsizetype(end));
                handed = end;
                return batch;
            };
            QVERIFY2(loader.load(&m_chainKey, kTenant, next, &error), qPrintable(error));
            QVERIFY2(loader.makeIndexes(&error), qPrintable(error));
            QVERIFY(transaction.commit());
        }

        const auto dump = [](const QSqlDatabase &database, const QString &sql) {
            QSqlQuery query(database);
            if (!query.exec(sql))
                return QStringList{query.lastError().text()};
            QStringList rows;
            while (query.next()) {
                QStringList values;
                for (int i = 0; i < query.record().count(); ++i)
                    values.append(query.isNull(i) ? QStringLiteral("NULL")
                                                  : query.value(i).toString());
                rows.append(values.join(u'|'));
            }
            return rows;
        };
        for (const char *sql :
             {"SELECT * FROM access_log ORDER BY seq", "SELECT * FROM error_log ORDER BY seq",
              "SELECT * FROM log_counts ORDER BY tenant_id, log, slot_at",
              "SELECT * FROM log_chain_heads ORDER BY tenant_id, log",
              "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"}) {
            const QStringList written = dump(connection(), QString::fromLatin1(sql));
            QVERIFY2(written.size() > 1 || QByteArray(sql).contains("heads"), sql);
            QCOMPARE(dump(loaded, QString::fromLatin1(sql)), written);
        }
        const auto results = logs::LogVerifier(loaded, m_chainKey).verifyTenant(kTenant, {});
        QVERIFY(results);
        const auto access = resultFor(results.value(), api::LogKind::Access);
        QVERIFY(access);
        QVERIFY2(access->intact, qPrintable(access->detail));
        QCOMPARE(access->checkedRows, 2500);
    }

    // A row the database refuses ends the bulk load with its error: the
    // threads making and chaining the next chunks stop (no more chunks are
    // asked for than the pipeline holds), and nothing after it is stored.
    void bulkLoadStopsAtARefusedRow()
    {
        QSqlDatabase database = connection();
        QVERIFY(exec(database, QStringLiteral("CREATE TRIGGER refuse BEFORE INSERT ON access_log "
                                              "WHEN NEW.tenant_seq = 1500 BEGIN SELECT "
                                              "RAISE(ABORT, 'row refused'); END")));
        constexpr int chunk = 1000;
        int asked = 0;
        const auto next = [&] {
            std::vector<store::AccessRecord> records;
            for (int i = 0; i < chunk; ++i) {
                store::AccessRecord record;
                record.atMs = 1'700'000'000'000 + qint64(asked * chunk + i);
                record.requestId = QStringLiteral("bulk");
                record.tenantId = kTenant;
                record.method = QStringLiteral("GET");
                record.path = QStringLiteral("/api/v1/me");
                record.status = 200;
                records.push_back(record);
            }
            ++asked;
            return records;
        };
        QString error;
        {
            store::Transaction transaction(database);
            store::AccessLogBulkLoader loader(database);
            QVERIFY2(loader.isValid(), qPrintable(loader.error()));
            QVERIFY(!loader.load(&m_chainKey, kTenant, next, &error));
        }
        QVERIFY2(error.contains(QLatin1String("row refused")), qPrintable(error));
        // The chunk stored and the one refused; behind them, two chained and
        // one chaining, two made and one making.
        QVERIFY2(asked <= 8, qPrintable(QString::number(asked)));
        QSqlQuery count(database);
        QVERIFY(count.exec(QStringLiteral("SELECT COUNT(*) FROM access_log")));
        QVERIFY(count.next());
        QCOMPARE(count.value(0).toInt(), 0); // the transaction rolled back
    }

    // Rows chained ahead from a place their chain is no longer at are
    // refused, not stored with a forked chain.
    void chainedRowsFromAnotherPlaceRefused()
    {
        writeRows();
        store::AccessRecord record;
        record.atMs = 1'700'000'100'000;
        record.requestId = QStringLiteral("late");
        record.tenantId = kTenant;
        record.method = QStringLiteral("GET");
        record.path = QStringLiteral("/api/v1/me");
        record.status = 200;
        const store::ChainedAccessRows stale = store::AccessLogWriter::chain(
            &m_chainKey, kTenant, {1, store::logchain::genesisHash()}, {&record});
        QSqlDatabase database = connection();
        store::AccessLogBulkLoader loader(database);
        QString error;
        QVERIFY(!loader.write(&m_chainKey, stale, &error));
        QVERIFY2(error.contains(QLatin1String("moved")), qPrintable(error));
        const auto results = verify();
        const auto access = resultFor(results, api::LogKind::Access);
        QVERIFY(access && access->intact);
        QCOMPARE(access->checkedRows, kRows);
    }

    // Rows from before schema version 4 are sealed into their chains, from
    // the genesis value, and new rows follow them.
    void legacyRowsAreSealed()
    {
        QVERIFY(exec(connection(),
                     QStringLiteral("INSERT INTO operation_log (tenant_id, tenant_seq, at, "
                                    "request_id, target_type, target_id, action, summary) "
                                    "VALUES ('%1', 1, 1, 'system', 'tenant', 't', 'old', ''), "
                                    "('%1', 2, 2, 'system', 'tenant', 't', 'old', '')")
                         .arg(kTenant)));
        QVERIFY(exec(connection(), QStringLiteral("INSERT INTO log_chain_heads (tenant_id, log, "
                                                  "seq, hash) VALUES ('%1', 'operation', 2, NULL)")
                                       .arg(kTenant)));
        QVERIFY(!resultFor(verify(), api::LogKind::Operation).value().intact);
        const auto sealed = store::logchain::sealLegacyRows(connection(), m_chainKey);
        QVERIFY(sealed);
        QCOMPARE(sealed.value(), 2);
        QVERIFY(recordOperation(3));
        const auto result = resultFor(verify(), api::LogKind::Operation);
        QVERIFY(result);
        QVERIFY2(result->intact, qPrintable(result->detail));
        QCOMPARE(result->checkedRows, 3);
    }
};

QTEST_GUILESS_MAIN(TestLogIntegrity)
#include "tst_logintegrity.moc"
