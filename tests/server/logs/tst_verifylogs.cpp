// The logs through the real engage-server: every kind of request leaves
// exactly one access row; `engage-server verify-logs` exits 0 on the data it
// wrote, 1 naming the tenant, log and first broken row once a row is changed
// or the newest rows are deleted behind its back (the latter caught through
// the checkpoint written at shutdown), and 2 when it cannot check; after
// archiving, it checks the files and exits 0, then 1 naming the first row of
// an archive file that is gone or of rows whose archive record is gone.

#include "crypto/masterkey.h"
#include "httpsprobe.h"
#include "logs/logarchiver.h"
#include "serverprocess.h"
#include "store/database.h"
#include "store/keyring.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using engage::test::HeaderList;
using engage::test::HttpResponse;
using engage::test::HttpsProbe;
using engage::test::ServerProcess;
using namespace engage::server;

namespace {

struct Verified
{
    int exitCode = -1;
    QString output;
};

Verified verifyLogs(const QStringList &arguments)
{
    QProcess process;
    process.start(ServerProcess::executable(),
                  QStringList{QStringLiteral("verify-logs")} + arguments);
    if (!process.waitForFinished(60000))
        return {};
    return {process.exitCode(),
            QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError())};
}

// The demo's SQLite file, on its own connection (the server is stopped).
class Sqlite final
{
public:
    explicit Sqlite(const QString &dataDir)
        : m_name(QUuid::createUuid().toString())
    {
        QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        database.setDatabaseName(dataDir + QStringLiteral("/engage.sqlite3"));
        database.open();
    }
    ~Sqlite() { QSqlDatabase::removeDatabase(m_name); }
    Sqlite(const Sqlite &) = delete;
    Sqlite &operator=(const Sqlite &) = delete;

    bool exec(const QString &sql) const
    {
        QSqlQuery query(QSqlDatabase::database(m_name));
        if (!query.exec(sql))
            qWarning() << sql << query.lastError().text();
        return query.isActive() || query.lastError().type() == QSqlError::NoError;
    }
    QVariant scalar(const QString &sql) const
    {
        QSqlQuery query(QSqlDatabase::database(m_name));
        if (!query.exec(sql) || !query.next())
            return {};
        return query.value(0);
    }

private:
    QString m_name;
};

} // namespace

class TestVerifyLogs final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestsAreLoggedAndChainsVerify()
    {
        ServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        HttpsProbe probe(server.certificatePath(), server.url());
        const QJsonObject tenant =
            server.announcement().value(QStringLiteral("tenants")).toArray().first().toObject();
        const QString slug = tenant.value(QStringLiteral("slug")).toString();

        // One of each kind: public, sign-in, authenticated reads, no
        // credentials, unknown path, wrong method, malformed body, a change.
        int n = 0;
        QStringList ids;
        auto headers = [&](HeaderList more = {}) {
            const QByteArray id = QByteArrayLiteral("verify-logs-") + QByteArray::number(++n);
            ids.append(QString::fromLatin1(id));
            more.append({QByteArrayLiteral("X-Request-Id"), id});
            return more;
        };
        const HeaderList json = {
            {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}};
        QCOMPARE(probe.get(QStringLiteral("/healthz"), headers()).status, 200);
        const HttpResponse login =
            probe.send("POST", QStringLiteral("/api/v1/auth/login"),
                       QJsonDocument(QJsonObject{{QStringLiteral("tenant"), slug},
                                                 {QStringLiteral("email"),
                                                  tenant.value(QStringLiteral("adminEmail"))},
                                                 {QStringLiteral("password"),
                                                  tenant.value(QStringLiteral("adminPassword"))}})
                           .toJson(),
                       headers(json));
        QVERIFY2(login.status == 200, qPrintable(login.describe()));
        const QByteArray bearer =
            "Bearer " + login.json().value(QStringLiteral("accessToken")).toString().toLatin1();
        const HeaderList signedIn = {{QByteArrayLiteral("Authorization"), bearer}};
        QCOMPARE(probe.get(QStringLiteral("/api/v1/me"), headers(signedIn)).status, 200);
        QCOMPARE(probe.get(QStringLiteral("/api/v1/logs/access"), headers(signedIn)).status, 200);
        QCOMPARE(probe.get(QStringLiteral("/api/v1/users"), headers()).status, 401);
        QCOMPARE(probe.get(QStringLiteral("/nowhere"), headers()).status, 404);
        QCOMPARE(probe.send("DELETE", QStringLiteral("/healthz"), {}, headers()).status, 405);
        QCOMPARE(
            probe.send("POST", QStringLiteral("/api/v1/auth/login"), "{", headers(json)).status,
            400);
        QCOMPARE(
            probe.send("POST", QStringLiteral("/api/v1/auth/logout"), {}, headers(signedIn)).status,
            204);

        // SIGTERM: answers finish, their rows go in, the checkpoint is written.
        server.terminate();
        QVERIFY(server.waitForExit(30000));
        QCOMPARE(server.exitCode(), 0);
        {
            const Sqlite sqlite(server.dataDir());
            for (const QString &id : std::as_const(ids)) {
                QCOMPARE(sqlite
                             .scalar(QStringLiteral("SELECT COUNT(*) FROM access_log WHERE "
                                                    "request_id = '%1'")
                                         .arg(id))
                             .toInt(),
                         1);
            }
        }

        const QStringList dataDir = {QStringLiteral("--data-dir"), server.dataDir()};
        Verified verified = verifyLogs(dataDir);
        QVERIFY2(verified.exitCode == 0, qPrintable(verified.output));
        QVERIFY(!verified.output.contains(QLatin1String("BROKEN")));

        // A row changed in place.
        const Sqlite sqlite(server.dataDir());
        const QString tenantId =
            sqlite.scalar(QStringLiteral("SELECT id FROM tenants WHERE slug = '%1'").arg(slug))
                .toString();
        QVERIFY(sqlite.exec(
            QStringLiteral("UPDATE access_log SET status = status + 1 WHERE tenant_id = "
                           "'%1' AND tenant_seq = 2")
                .arg(tenantId)));
        verified = verifyLogs(dataDir);
        QCOMPARE(verified.exitCode, 1);
        QVERIFY2(verified.output.contains(QStringLiteral("BROKEN: tenant %1 (%2), access log: "
                                                         "first broken row 2 (rowChanged)")
                                              .arg(slug, tenantId)),
                 qPrintable(verified.output));
        // The newest rows deleted and the head moved back to match: only the
        // checkpoint written at shutdown still names them.
        const qint64 last = sqlite
                                .scalar(QStringLiteral("SELECT MAX(tenant_seq) FROM operation_log "
                                                       "WHERE tenant_id = '%1'")
                                            .arg(tenantId))
                                .toLongLong();
        QVERIFY(last > 2);
        QVERIFY(sqlite.exec(QStringLiteral("DELETE FROM operation_log WHERE tenant_id = '%1' AND "
                                           "tenant_seq = %2")
                                .arg(tenantId)
                                .arg(last)));
        QVERIFY(sqlite.exec(
            QStringLiteral("UPDATE log_chain_heads SET seq = %2, hash = (SELECT mac FROM "
                           "operation_log WHERE tenant_id = '%1' AND tenant_seq = %2) WHERE "
                           "tenant_id = '%1' AND log = 'operation'")
                .arg(tenantId)
                .arg(last - 1)));
        verified = verifyLogs(dataDir);
        QCOMPARE(verified.exitCode, 1);
        QVERIFY2(verified.output.contains(QStringLiteral("operation log: first broken row %1 "
                                                         "(checkpointMissing)")
                                              .arg(last)),
                 qPrintable(verified.output));
    }

    void archivedChainsVerify()
    {
        ServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        const QJsonObject tenant =
            server.announcement().value(QStringLiteral("tenants")).toArray().first().toObject();
        const QString slug = tenant.value(QStringLiteral("slug")).toString();
        // A few rows in both chains of the tenant: sign-ins.
        {
            HttpsProbe probe(server.certificatePath(), server.url());
            const QByteArray login =
                QJsonDocument(QJsonObject{{QStringLiteral("tenant"), slug},
                                          {QStringLiteral("email"),
                                           tenant.value(QStringLiteral("adminEmail"))},
                                          {QStringLiteral("password"),
                                           tenant.value(QStringLiteral("adminPassword"))}})
                    .toJson();
            for (int i = 0; i < 3; ++i)
                QCOMPARE(probe
                             .send("POST", QStringLiteral("/api/v1/auth/login"), login,
                                   {{QByteArrayLiteral("Content-Type"),
                                     QByteArrayLiteral("application/json")}})
                             .status,
                         200);
        }
        server.terminate();
        QVERIFY(server.waitForExit(30000));
        const QStringList dataDir = {QStringLiteral("--data-dir"), server.dataDir()};
        QString tenantId;
        {
            const Sqlite sqlite(server.dataDir());
            tenantId =
                sqlite.scalar(QStringLiteral("SELECT id FROM tenants WHERE slug = '%1'").arg(slug))
                    .toString();
        }

        // Every row of the tenant archived, as the service would a year on.
        {
            QString error;
            auto masterKey = crypto::MasterKey::load(server.dataDir(), &error);
            QVERIFY2(masterKey, qPrintable(error));
            const store::Keyring keyring(std::move(*masterKey));
            store::DatabaseLocation location;
            location.driver = QStringLiteral("QSQLITE");
            location.sqliteFile = server.dataDir() + QStringLiteral("/engage.sqlite3");
            store::Database database(location);
            database.setLogChainKey(keyring.logChainKey());
            logs::LogArchiver archiver(
                database.connection(), keyring.logChainKey(),
                logs::LogArchiveFiles(server.dataDir(), keyring.logCheckpointKey()));
            archiver.setMaxRowsPerFile(1);
            const auto archived =
                archiver.runTenant(tenantId, 30, QDateTime::currentDateTimeUtc().addDays(400));
            QVERIFY(archived);
            QVERIFY2(archived.value().files >= 2,
                     qPrintable(QStringLiteral("%1 rows in %2 files; %3")
                                    .arg(archived.value().rows)
                                    .arg(archived.value().files)
                                    .arg(archived.value().held.join(u';'))));
        }
        Verified verified = verifyLogs(dataDir);
        QVERIFY2(verified.exitCode == 0, qPrintable(verified.output));
        QVERIFY2(verified.output.contains(QStringLiteral("archive files")),
                 qPrintable(verified.output));

        // The service starts on the archived data, and its new rows chain on.
        ServerProcess again(server.dataDir());
        QVERIFY2(again.start(), qPrintable(again.errorString()));
        HttpsProbe probe(again.certificatePath(), again.url());
        QCOMPARE(probe.get(QStringLiteral("/healthz")).status, 200);
        again.terminate();
        QVERIFY(again.waitForExit(30000));
        verified = verifyLogs(dataDir);
        QVERIFY2(verified.exitCode == 0, qPrintable(verified.output));

        // The second operation archive's file deleted: broken at its first row.
        const Sqlite sqlite(server.dataDir());
        const qint64 secondFirst =
            sqlite
                .scalar(QStringLiteral("SELECT first_seq FROM log_archives WHERE tenant_id = "
                                       "'%1' AND log = 'operation' ORDER BY first_seq LIMIT 1 "
                                       "OFFSET 1")
                            .arg(tenantId))
                .toLongLong();
        QVERIFY(secondFirst > 1);
        const QString secondFile =
            sqlite
                .scalar(QStringLiteral("SELECT file_name FROM log_archives WHERE tenant_id = "
                                       "'%1' AND log = 'operation' AND first_seq = %2")
                            .arg(tenantId)
                            .arg(secondFirst))
                .toString();
        QVERIFY(QFile::remove(logs::LogArchiveFiles::directoryOf(server.dataDir()) + u'/' +
                              tenantId + u'/' + secondFile));
        verified = verifyLogs(dataDir);
        QCOMPARE(verified.exitCode, 1);
        QVERIFY2(verified.output.contains(
                     QStringLiteral("operation log: first broken row %1 (archiveInvalid)")
                         .arg(secondFirst)),
                 qPrintable(verified.output));
        // The record of the first access archive deleted: its rows are missing.
        QVERIFY(sqlite.exec(QStringLiteral("DELETE FROM log_archives WHERE tenant_id = '%1' AND "
                                           "log = 'access' AND first_seq = 1")
                                .arg(tenantId)));
        verified = verifyLogs(dataDir);
        QCOMPARE(verified.exitCode, 1);
        QVERIFY2(verified.output.contains(
                     QStringLiteral("access log: first broken row 1 (sequenceGap)")),
                 qPrintable(verified.output));
    }

    void cannotCheck()
    {
        QCOMPARE(verifyLogs({}).exitCode, 2);
        QCOMPARE(
            verifyLogs({QStringLiteral("--data-dir"), QStringLiteral("/nonexistent")}).exitCode, 2);
        QTemporaryDir empty;
        const Verified verified = verifyLogs({QStringLiteral("--data-dir"), empty.path()});
        QCOMPARE(verified.exitCode, 2);
        // Nothing was created in a directory that held no key.
        QVERIFY(QDir(empty.path()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestVerifyLogs)
#include "tst_verifylogs.moc"
