// tst_logarchiver's child: archives one tenant's old log rows in files of 7
// rows, and kills itself with SIGKILL as soon as the second file is on disk,
// before that file's transaction: the moment a crash must lose nothing.
//
//   logarchivecrashchild DATA_DIR CHAIN_KEY_HEX SIGNING_KEY_HEX TENANT DAYS NOW_MS

#include "logs/logarchiver.h"
#include "store/database.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDir>
#include <csignal>
#include <cstdio>

using namespace engage::server;

int main(int argc, char *argv[])
{
    // Loading the QSQLITE driver plugin needs an application object.
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() != 7) {
        std::fprintf(stderr, "usage: logarchivecrashchild DATA_DIR CHAIN_KEY_HEX "
                             "SIGNING_KEY_HEX TENANT DAYS NOW_MS\n");
        return 2;
    }
    const QString dataDir = arguments.at(1);
    const crypto::SecretBytes chainKey(QByteArray::fromHex(arguments.at(2).toLatin1()));
    const crypto::SecretBytes signingKey(QByteArray::fromHex(arguments.at(3).toLatin1()));

    store::DatabaseLocation location;
    location.driver = QStringLiteral("QSQLITE");
    location.sqliteFile = QDir(dataDir).filePath(QStringLiteral("engage.sqlite3"));
    store::Database database(location);
    database.setLogChainKey(chainKey);

    logs::LogArchiver archiver(database.connection(), chainKey,
                               logs::LogArchiveFiles(dataDir, signingKey));
    archiver.setMaxRowsPerFile(7);
    int files = 0;
    archiver.setFileWrittenHook([&files](const QString &) {
        if (++files == 2)
            std::raise(SIGKILL);
    });
    const auto archived =
        archiver.runTenant(arguments.at(4), arguments.at(5).toInt(),
                           QDateTime::fromMSecsSinceEpoch(arguments.at(6).toLongLong(), Qt::UTC));
    // Reaching here means the kill never came: the parent fails on the exit.
    std::fprintf(stderr, "archived without being killed: %s\n",
                 archived ? "ok" : qPrintable(archived.error().message));
    return 3;
}
