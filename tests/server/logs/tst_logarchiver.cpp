// Archiving old log rows on a real SQLite store: the rows older than the
// tenant's setting leave the database exactly once, for signed files that
// keep their chain; verification goes through the files and on into the
// database; an altered or deleted file, a deleted log_archives row and rows
// deleted without archiving are each found at their row; a process killed
// between a file and its transaction loses nothing and the next run finishes.

#include "crypto/random.h"
#include "logs/logarchiver.h"
#include "logs/logintegrity.h"
#include "store/accesslogwriter.h"
#include "store/database.h"
#include "store/migrator.h"
#include "store/operationlog.h"
#include "store/transaction.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <functional>
#include <memory>
#include <optional>

using namespace engage;
using namespace engage::server;

Q_DECLARE_METATYPE(engage::api::LogBreak)

namespace {

const QString kTenant = QStringLiteral("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
constexpr int kOldRows = 20; // per chain, 100 days old
constexpr int kNewRows = 10; // per chain, a day old
constexpr int kDays = 30;
constexpr int kRowsPerFile = 7; // old rows in files 1-7, 8-14, 15-20
const QDateTime kNow = QDateTime(QDate(2025, 6, 1), QTime(12, 0), Qt::UTC);

qint64 scalar(const QSqlDatabase &database, const QString &sql)
{
    QSqlQuery query(database);
    if (!query.exec(sql) || !query.next()) {
        qWarning() << sql << query.lastError().text();
        return -1;
    }
    return query.value(0).toLongLong();
}

bool exec(const QSqlDatabase &database, const QString &sql)
{
    QSqlQuery query(database);
    if (!query.exec(sql)) {
        qWarning() << sql << query.lastError().text();
        return false;
    }
    return true;
}

// What the tamper tests do to an archived chain.
enum class Tamper
{
    FileRowChanged,
    FileSignatureChanged,
    FileLineAdded,
    FileRowRemoved,
    FileDeleted,
    ArchiveRowDeleted,
    NewestArchiveRowDeleted,
    ArchiveLastHashChanged,
    RowsDeletedWithoutArchiving,
    OldestTableRowChanged,
};

} // namespace

Q_DECLARE_METATYPE(Tamper)

class TestLogArchiver final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<store::Database> m_database;
    crypto::SecretBytes m_chainKey{crypto::randomBytes(32)};
    crypto::SecretBytes m_signingKey{crypto::randomBytes(32)};

    QSqlDatabase connection() const { return m_database->connection(); }

    logs::LogArchiveFiles files() const
    {
        return logs::LogArchiveFiles(m_dir->path(), m_signingKey);
    }

    QString filePath(const QString &name) const { return files().pathOf(kTenant, name); }

    bool recordOperation(int i, const QDateTime &at)
    {
        store::Transaction transaction(connection());
        const auto recorded = store::OperationLog::record(
            store::TenantScope(kTenant), connection(),
            store::OperationEntry{QStringLiteral("r-%1").arg(i), QString(),
                                  QStringLiteral("member"), QStringLiteral("m-%1").arg(i),
                                  QStringLiteral("member.update"),
                                  QStringLiteral("changed: status"), at},
            {api::FieldChange{QStringLiteral("status"), QStringLiteral("active"),
                              QStringLiteral("left"), false}});
        return recorded && transaction.commit();
    }

    // Rows first..first+count-1 of both chains, a minute apart from `at`.
    void writeRows(int first, int count, const QDateTime &at)
    {
        for (int i = first; i < first + count; ++i)
            QVERIFY(recordOperation(i, at.addSecs(60 * (i - first))));
        store::AccessLogWriter writer(*m_database);
        for (int i = first; i < first + count; ++i) {
            store::AccessRecord record;
            record.atMs = at.addSecs(60 * (i - first)).toMSecsSinceEpoch();
            record.requestId = QStringLiteral("a-%1").arg(i);
            record.tenantId = kTenant;
            record.address = QStringLiteral("192.0.2.1");
            record.method = QStringLiteral("GET");
            record.path = QStringLiteral("/api/v1/me");
            record.status = 200;
            record.latencyUs = 100 + i;
            writer.append(record);
        }
        writer.flush();
    }

    void writeOldAndNewRows()
    {
        writeRows(0, kOldRows, kNow.addDays(-100));
        writeRows(kOldRows, kNewRows, kNow.addDays(-1));
    }

    logs::LogArchiver archiver() const
    {
        logs::LogArchiver archiver(connection(), m_chainKey, files());
        archiver.setMaxRowsPerFile(kRowsPerFile);
        return archiver;
    }

    std::optional<logs::LogArchiver::Summary> archive()
    {
        auto summary = archiver().run(kNow);
        if (!summary) {
            qWarning() << summary.error().message;
            return std::nullopt;
        }
        return summary.value();
    }

    QList<api::LogVerification> verify()
    {
        auto results =
            logs::LogVerifier(connection(), m_chainKey, files())
                .verifyTenant(kTenant, logs::LogCheckpoints(m_dir->path(), m_signingKey).latest());
        if (!results) {
            qWarning() << results.error().message;
            return {};
        }
        return results.value();
    }

    static std::optional<api::LogVerification> resultFor(const QList<api::LogVerification> &results,
                                                         api::LogKind log)
    {
        for (const api::LogVerification &result : results) {
            if (result.log == log)
                return result;
        }
        return std::nullopt;
    }

    bool setArchiveAfterDays(int days)
    {
        return exec(connection(),
                    QStringLiteral("UPDATE tenants SET log_archive_after_days = %1").arg(days));
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
        QVERIFY(exec(connection(),
                     QStringLiteral("INSERT INTO tenants (id, slug, name, plan, created_at) "
                                    "VALUES ('%1', 'acme', 'Acme', 'business', 0)")
                         .arg(kTenant)));
    }

    void cleanup()
    {
        m_database.reset();
        m_dir.reset();
    }

    void keepsEverythingByDefault()
    {
        writeOldAndNewRows();
        const auto summary = archive();
        QVERIFY(summary);
        QCOMPARE(summary->rows, 0);
        QCOMPARE(scalar(connection(), QStringLiteral("SELECT COUNT(*) FROM log_archives")), 0);
        QCOMPARE(scalar(connection(), QStringLiteral("SELECT COUNT(*) FROM operation_log")),
                 kOldRows + kNewRows);
        QVERIFY(!QDir(logs::LogArchiveFiles::directoryOf(m_dir->path())).exists());
    }

    void archivesOldRowsExactlyOnce()
    {
        writeRows(0, kOldRows, kNow.addDays(-100));
        // A checkpoint naming row 20 of each chain, which goes to a file.
        QString error;
        QVERIFY2(logs::LogCheckpoints(m_dir->path(), m_signingKey)
                     .write(connection(), kNow.addDays(-99), &error),
                 qPrintable(error));
        writeRows(kOldRows, kNewRows, kNow.addDays(-1));
        QVERIFY(setArchiveAfterDays(kDays));
        const auto summary = archive();
        QVERIFY(summary);
        QCOMPARE(summary->rows, 2 * kOldRows);
        QCOMPARE(summary->files, 6);
        QVERIFY(summary->held.isEmpty());

        // Gone from the database, every one of them; the new rows stay.
        QCOMPARE(scalar(connection(),
                        QStringLiteral("SELECT COUNT(*) FROM access_log WHERE tenant_seq <= %1")
                            .arg(kOldRows)),
                 0);
        QCOMPARE(scalar(connection(),
                        QStringLiteral("SELECT COUNT(*) FROM operation_log WHERE tenant_seq <= %1")
                            .arg(kOldRows)),
                 0);
        QCOMPARE(scalar(connection(), QStringLiteral("SELECT COUNT(*) FROM access_log")), kNewRows);
        // The new rows and one log.archive row per file.
        QCOMPARE(scalar(connection(), QStringLiteral("SELECT COUNT(*) FROM operation_log")),
                 kNewRows + 6);
        QCOMPARE(scalar(connection(), QStringLiteral("SELECT COUNT(*) FROM operation_log WHERE "
                                                     "action = 'log.archive'")),
                 6);

        // Each file holds its rows, with their MACs, signed, and mode 0600.
        const QStringList expected = {
            QStringLiteral("access-1-7.ndjson"),     QStringLiteral("access-8-14.ndjson"),
            QStringLiteral("access-15-20.ndjson"),   QStringLiteral("operation-1-7.ndjson"),
            QStringLiteral("operation-8-14.ndjson"), QStringLiteral("operation-15-20.ndjson")};
        QStringList names =
            QDir(QFileInfo(filePath(expected.first())).path()).entryList(QDir::Files);
        names.sort();
        QStringList sortedExpected = expected;
        sortedExpected.sort();
        QCOMPARE(names, sortedExpected);
        for (const QString &name : expected) {
            QFile file(filePath(name));
            QCOMPARE(file.permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup |
                                           QFile::WriteOther),
                     QFile::Permissions());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QList<QByteArray> lines = file.readAll().split('\n');
            const QJsonObject header = QJsonDocument::fromJson(lines.first()).object();
            QCOMPARE(header.value(QStringLiteral("tenant")).toString(), kTenant);
            const qint64 first = header.value(QStringLiteral("firstSeq")).toInteger();
            const qint64 last = header.value(QStringLiteral("lastSeq")).toInteger();
            QCOMPARE(name.section(QLatin1Char('-'), 1, 1).toLongLong(), first);
            QCOMPARE(lines.size(), int(last - first + 1) + 3);
            const QJsonObject row = QJsonDocument::fromJson(lines.at(1)).object();
            QCOMPARE(row.value(QStringLiteral("tenant_seq")).toInteger(), first);
            QCOMPARE(row.value(QStringLiteral("mac")).toString().size(), 64);
            QVERIFY(QJsonDocument::fromJson(lines.at(lines.size() - 2))
                        .object()
                        .contains(QStringLiteral("signature")));
        }
        // The files chain: each starts where the one before ended.
        QSqlQuery archives(connection());
        QVERIFY(archives.exec(
            QStringLiteral("SELECT log, first_seq, last_seq, prev_hash, last_hash, row_count FROM "
                           "log_archives ORDER BY log, first_seq")));
        QString lastLog;
        QString lastHash;
        while (archives.next()) {
            if (archives.value(0).toString() == lastLog)
                QCOMPARE(archives.value(3).toString(), lastHash);
            else
                QCOMPARE(archives.value(3).toString(), QString(64, u'0'));
            QCOMPARE(archives.value(5).toLongLong(),
                     archives.value(2).toLongLong() - archives.value(1).toLongLong() + 1);
            lastLog = archives.value(0).toString();
            lastHash = archives.value(4).toString();
        }

        // Verification reads the files, then the rows in the database.
        const QList<api::LogVerification> results = verify();
        const auto access = resultFor(results, api::LogKind::Access);
        const auto operation = resultFor(results, api::LogKind::Operation);
        QVERIFY(access && operation);
        QVERIFY2(access->intact, qPrintable(access->detail));
        QVERIFY2(operation->intact, qPrintable(operation->detail));
        QCOMPARE(access->checkedRows, kOldRows + kNewRows);
        QCOMPARE(operation->checkedRows, kOldRows + kNewRows + 6);
        QVERIFY(access->detail.contains(QStringLiteral("3 archive files")));

        // Exactly once: a second run finds nothing more to move.
        const auto again = archive();
        QVERIFY(again);
        QCOMPARE(again->rows, 0);
        QCOMPARE(scalar(connection(), QStringLiteral("SELECT COUNT(*) FROM log_archives")), 6);

        // Rows written after archiving chain on from the database's rows.
        writeRows(100, 3, kNow);
        const QList<api::LogVerification> later = verify();
        QVERIFY(resultFor(later, api::LogKind::Access)->intact);
        QVERIFY(resultFor(later, api::LogKind::Operation)->intact);
    }

    void archivesEveryRowWhenAllAreOld()
    {
        writeRows(0, kOldRows, kNow.addDays(-100));
        QVERIFY(setArchiveAfterDays(kDays));
        QVERIFY(archive());
        // The access chain is all in files; its head names the last archived row.
        QCOMPARE(scalar(connection(), QStringLiteral("SELECT COUNT(*) FROM access_log")), 0);
        const auto access = resultFor(verify(), api::LogKind::Access);
        QVERIFY(access);
        QVERIFY2(access->intact, qPrintable(access->detail));
        QCOMPARE(access->checkedRows, kOldRows);
    }

    void tamperingIsFoundAtItsRow_data()
    {
        QTest::addColumn<Tamper>("tamper");
        QTest::addColumn<api::LogBreak>("kind");
        QTest::addColumn<qint64>("seq");
        QTest::newRow("a value changed in a file")
            << Tamper::FileRowChanged << api::LogBreak::RowChanged << qint64(10);
        QTest::newRow("a file's signature changed")
            << Tamper::FileSignatureChanged << api::LogBreak::ArchiveInvalid << qint64(8);
        QTest::newRow("a line added to a file")
            << Tamper::FileLineAdded << api::LogBreak::ArchiveInvalid << qint64(8);
        QTest::newRow("a row cut out of a file")
            << Tamper::FileRowRemoved << api::LogBreak::SequenceGap << qint64(10);
        QTest::newRow("a file deleted")
            << Tamper::FileDeleted << api::LogBreak::ArchiveInvalid << qint64(8);
        QTest::newRow("a log_archives row deleted")
            << Tamper::ArchiveRowDeleted << api::LogBreak::SequenceGap << qint64(8);
        QTest::newRow("the newest log_archives row deleted")
            << Tamper::NewestArchiveRowDeleted << api::LogBreak::SequenceGap << qint64(15);
        QTest::newRow("an archive's last hash changed")
            << Tamper::ArchiveLastHashChanged << api::LogBreak::ArchiveInvalid << qint64(8);
        QTest::newRow("rows deleted without archiving")
            << Tamper::RowsDeletedWithoutArchiving << api::LogBreak::SequenceGap
            << qint64(kOldRows + 1);
        QTest::newRow("the oldest row left in the database changed")
            << Tamper::OldestTableRowChanged << api::LogBreak::RowChanged << qint64(kOldRows + 1);
    }

    void tamperingIsFoundAtItsRow()
    {
        QFETCH(Tamper, tamper);
        QFETCH(api::LogBreak, kind);
        QFETCH(qint64, seq);
        writeOldAndNewRows();
        QVERIFY(setArchiveAfterDays(kDays));
        QVERIFY(archive());
        QVERIFY(resultFor(verify(), api::LogKind::Operation)->intact);

        const QString middle = filePath(QStringLiteral("operation-8-14.ndjson"));
        const auto rewrite = [&middle](const std::function<void(QList<QByteArray> &)> &edit) {
            QFile file(middle);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QList<QByteArray> lines = file.readAll().split('\n');
            file.close();
            edit(lines);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(lines.join('\n'));
        };
        switch (tamper) {
        case Tamper::FileRowChanged:
            // Row 10 is the third of the file: target m-9 becomes m-X.
            rewrite([](QList<QByteArray> &lines) { lines[3].replace("\"m-9\"", "\"m-X\""); });
            break;
        case Tamper::FileSignatureChanged:
            rewrite([](QList<QByteArray> &lines) {
                QByteArray &signature = lines[lines.size() - 2];
                const qsizetype at = signature.indexOf(':') + 2;
                signature[at] = signature.at(at) == '0' ? '1' : '0';
            });
            break;
        case Tamper::FileLineAdded:
            rewrite([](QList<QByteArray> &lines) { lines.insert(2, lines.at(2)); });
            break;
        case Tamper::FileRowRemoved:
            rewrite([](QList<QByteArray> &lines) { lines.removeAt(3); });
            break;
        case Tamper::FileDeleted:
            QVERIFY(QFile::remove(middle));
            break;
        case Tamper::ArchiveRowDeleted:
            QVERIFY(exec(connection(), QStringLiteral("DELETE FROM log_archives WHERE log = "
                                                      "'operation' AND first_seq = 8")));
            break;
        case Tamper::NewestArchiveRowDeleted:
            QVERIFY(exec(connection(), QStringLiteral("DELETE FROM log_archives WHERE log = "
                                                      "'operation' AND first_seq = 15")));
            break;
        case Tamper::ArchiveLastHashChanged:
            QVERIFY(exec(connection(),
                         QStringLiteral("UPDATE log_archives SET last_hash = '%1' WHERE log = "
                                        "'operation' AND first_seq = 8")
                             .arg(QString(64, u'f'))));
            break;
        case Tamper::RowsDeletedWithoutArchiving:
            QVERIFY(exec(connection(), QStringLiteral("DELETE FROM operation_log WHERE "
                                                      "tenant_seq IN (%1, %2)")
                                           .arg(kOldRows + 1)
                                           .arg(kOldRows + 2)));
            break;
        case Tamper::OldestTableRowChanged:
            QVERIFY(exec(connection(), QStringLiteral("UPDATE operation_log SET summary = 'x' "
                                                      "WHERE tenant_seq = %1")
                                           .arg(kOldRows + 1)));
            break;
        }
        const auto operation = resultFor(verify(), api::LogKind::Operation);
        QVERIFY(operation);
        QVERIFY(!operation->intact);
        QCOMPARE(operation->breakKind, std::optional<api::LogBreak>(kind));
        QCOMPARE(operation->firstBrokenSeq, std::optional<qint64>(seq));
        // The other chain is not affected.
        QVERIFY(resultFor(verify(), api::LogKind::Access)->intact);
    }

    void brokenRowsAreNotArchived()
    {
        writeOldAndNewRows();
        QVERIFY(
            exec(connection(),
                 QStringLiteral("UPDATE operation_log SET summary = 'x' WHERE tenant_seq = 5")));
        QVERIFY(setArchiveAfterDays(kDays));
        const auto summary = archive();
        QVERIFY(summary);
        // Rows 1-4 go; row 5 and the rest stay where the break shows.
        QCOMPARE(summary->held.size(), 1);
        QVERIFY(summary->held.first().contains(QStringLiteral("row 5")));
        QCOMPARE(scalar(connection(), QStringLiteral("SELECT MIN(tenant_seq) FROM operation_log")),
                 5);
        const auto operation = resultFor(verify(), api::LogKind::Operation);
        QVERIFY(operation && !operation->intact);
        QCOMPARE(operation->breakKind, std::optional(api::LogBreak::RowChanged));
        QCOMPARE(operation->firstBrokenSeq, std::optional<qint64>(5));
    }

    void withoutTheFilesArchivesCannotBeChecked()
    {
        writeOldAndNewRows();
        QVERIFY(setArchiveAfterDays(kDays));
        QVERIFY(archive());
        auto results = logs::LogVerifier(connection(), m_chainKey)
                           .verifyTenant(kTenant, logs::LogCheckpoints::Latest());
        QVERIFY(results);
        const auto access = resultFor(results.value(), api::LogKind::Access);
        QVERIFY(access && !access->intact);
        QCOMPARE(access->breakKind, std::optional(api::LogBreak::ArchiveInvalid));
        QCOMPARE(access->firstBrokenSeq, std::optional<qint64>(1));
    }

    void crashBetweenFileAndTransactionLosesNothing()
    {
        writeOldAndNewRows();
        QVERIFY(setArchiveAfterDays(kDays));
        m_database.reset(); // the child is the only one writing

        const QString binDir = qEnvironmentVariableIsSet("ENGAGE_BIN_DIR")
                                   ? qEnvironmentVariable("ENGAGE_BIN_DIR")
                                   : QCoreApplication::applicationDirPath();
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedChannels);
        child.start(binDir + QLatin1String("/logarchivecrashchild"),
                    {m_dir->path(), QString::fromLatin1(m_chainKey.bytes().toHex()),
                     QString::fromLatin1(m_signingKey.bytes().toHex()), kTenant,
                     QString::number(kDays), QString::number(kNow.toMSecsSinceEpoch())});
        QVERIFY2(child.waitForStarted(), qPrintable(child.errorString()));
        QVERIFY(child.waitForFinished(60000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        store::DatabaseLocation location;
        location.driver = QStringLiteral("QSQLITE");
        location.sqliteFile = m_dir->filePath(QStringLiteral("engage.sqlite3"));
        m_database = std::make_unique<store::Database>(location);
        m_database->setLogChainKey(m_chainKey);

        // The first file went in; the second is on disk, recorded nowhere,
        // and its rows are still in the database.
        const QString second = filePath(QStringLiteral("access-8-14.ndjson"));
        QVERIFY(QFile::exists(second));
        QCOMPARE(scalar(connection(), QStringLiteral("SELECT COUNT(*) FROM log_archives")), 1);
        QCOMPARE(scalar(connection(), QStringLiteral("SELECT MIN(tenant_seq) FROM access_log")), 8);
        QCOMPARE(scalar(connection(), QStringLiteral("SELECT COUNT(*) FROM access_log")),
                 kOldRows + kNewRows - 7);
        const QList<api::LogVerification> afterCrash = verify();
        QVERIFY(resultFor(afterCrash, api::LogKind::Access)->intact);
        QVERIFY(resultFor(afterCrash, api::LogKind::Operation)->intact);
        QCOMPARE(resultFor(afterCrash, api::LogKind::Access)->checkedRows, kOldRows + kNewRows);

        // The next run writes the same file again and finishes.
        QFile before(second);
        QVERIFY(before.open(QIODevice::ReadOnly));
        const QByteArray firstBytes = before.readAll();
        before.close();
        const auto summary = archive();
        QVERIFY(summary);
        QCOMPARE(summary->rows, 2 * kOldRows - 7);
        QFile after(second);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), firstBytes);
        QCOMPARE(scalar(connection(), QStringLiteral("SELECT COUNT(*) FROM log_archives")), 6);
        const QList<api::LogVerification> finished = verify();
        QVERIFY(resultFor(finished, api::LogKind::Access)->intact);
        QVERIFY(resultFor(finished, api::LogKind::Operation)->intact);
        QCOMPARE(resultFor(finished, api::LogKind::Access)->checkedRows, kOldRows + kNewRows);
    }
};

QTEST_GUILESS_MAIN(TestLogArchiver)
#include "tst_logarchiver.moc"
