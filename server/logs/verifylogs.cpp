#include "verifylogs.h"

#include "crypto/masterkey.h"
#include "logintegrity.h"
#include "store/database.h"
#include "store/keyring.h"
#include "store/migrator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <cstdio>
#include <cstdlib>

namespace engage::server::logs {

namespace {

constexpr int kLogsSchemaVersion = 4;

void print(FILE *stream, const QString &line)
{
    std::fprintf(stream, "%s\n", line.toUtf8().constData());
}

int cannotCheck(const QString &message)
{
    print(stderr, QStringLiteral("verify-logs: %1").arg(message));
    return 2;
}

QString tenantName(const QSqlDatabase &database, const QString &tenantId)
{
    if (tenantId.isEmpty())
        return QStringLiteral("(no tenant)");
    QSqlQuery query(database);
    query.prepare(QStringLiteral("SELECT slug FROM tenants WHERE id = ?"));
    query.addBindValue(tenantId);
    if (query.exec() && query.next())
        return QStringLiteral("%1 (%2)").arg(query.value(0).toString(), tenantId);
    return tenantId;
}

} // namespace

int runVerifyLogs(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Checks the hash chains of the access and operation logs and the newest checkpoint."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("verify-logs"), QStringLiteral("The command."));
    const QCommandLineOption dataDirOption(QStringLiteral("data-dir"),
                                           QStringLiteral("The service's data directory."),
                                           QStringLiteral("DIR"));
    const QCommandLineOption databaseOption(
        QStringLiteral("database"),
        QStringLiteral("sqlite:///PATH or postgres://…; default: SQLite in the data directory."),
        QStringLiteral("URL"));
    parser.addOptions({dataDirOption, databaseOption});
    if (!parser.parse(app.arguments()))
        return cannotCheck(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        print(stdout, parser.helpText());
        return 0;
    }
    if (parser.positionalArguments() != QStringList{QStringLiteral("verify-logs")})
        return cannotCheck(QStringLiteral("unexpected arguments"));
    const QString dataDir = parser.value(dataDirOption);
    if (dataDir.isEmpty() || !QDir(dataDir).exists())
        return cannotCheck(QStringLiteral("--data-dir must name the service's data directory"));

    // load() would create a fresh key, under which every row would fail.
    if (std::getenv(crypto::MasterKey::environmentVariable()) == nullptr &&
        !QFile::exists(QDir(dataDir).filePath(crypto::MasterKey::fileName())))
        return cannotCheck(QStringLiteral("no master key in the data directory or environment"));
    QString error;
    std::optional<crypto::MasterKey> masterKey = crypto::MasterKey::load(dataDir, &error);
    if (!masterKey)
        return cannotCheck(QStringLiteral("cannot load the master key: %1").arg(error));
    const store::Keyring keyring(std::move(*masterKey));

    const auto location =
        store::DatabaseLocation::parse(parser.value(databaseOption), dataDir, &error);
    if (!location)
        return cannotCheck(error);
    if (location->driver == QLatin1String("QSQLITE") && !QFile::exists(location->sqliteFile))
        return cannotCheck(QStringLiteral("no database at %1").arg(location->sqliteFile));
    const store::Database database(*location);
    const QSqlDatabase connection = database.connection(&error);
    if (!connection.isOpen())
        return cannotCheck(QStringLiteral("cannot open the database: %1").arg(error));
    const auto version = store::Migrator().currentVersion(connection);
    if (!version || version.value() < kLogsSchemaVersion)
        return cannotCheck(QStringLiteral("the database has no log chains yet (schema version "
                                          "below %1): start the service once")
                               .arg(kLogsSchemaVersion));

    const LogCheckpoints::Latest checkpoint =
        LogCheckpoints(dataDir, keyring.logCheckpointKey()).latest();
    const auto results = LogVerifier(connection, keyring.logChainKey(),
                                     LogArchiveFiles(dataDir, keyring.logCheckpointKey()))
                             .verifyAll(checkpoint);
    if (!results)
        return cannotCheck(QStringLiteral("cannot read the logs: %1").arg(results.error().message));
    if (checkpoint.state == LogCheckpoints::State::None)
        print(stdout, QStringLiteral("no checkpoint yet: the newest rows are checked against the "
                                     "chain heads only"));
    bool intact = true;
    for (const api::LogVerification &result : results.value()) {
        const QString chain =
            QStringLiteral("tenant %1, %2 log")
                .arg(tenantName(connection, result.tenant), api::logKindName(result.log));
        if (result.intact) {
            print(stdout, QStringLiteral("intact: %1: %2").arg(chain, result.detail));
            continue;
        }
        intact = false;
        print(stdout, QStringLiteral("BROKEN: %1: first broken row %2 (%3): %4")
                          .arg(chain,
                               result.firstBrokenSeq ? QString::number(*result.firstBrokenSeq)
                                                     : QStringLiteral("unknown"),
                               api::logBreakName(*result.breakKind), result.detail));
    }
    return intact ? 0 : 1;
}

} // namespace engage::server::logs
