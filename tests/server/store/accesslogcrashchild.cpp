// The crash test's child: appends an access-log row every millisecond to the
// SQLite file given as the only argument, printing "appended <n> <ms>" once
// append() has returned, until tst_accesslogwriter SIGKILLs it; every tenth
// is a 503 (an error row too) and also records an operation row in a
// transaction of its own, so that the kill cuts all three logs' writes. The
// schema must already be there.

#include "store/accesslogwriter.h"
#include "store/operationlog.h"
#include "store/transaction.h"

#include <QCoreApplication>
#include <QDateTime>
#include <chrono>
#include <cstdio>
#include <thread>

using namespace engage::server::store;

int main(int argc, char *argv[])
{
    // Loading the QSQLITE driver plugin needs an application object.
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() != 2) {
        std::fprintf(stderr, "usage: accesslogcrashchild SQLITE_FILE\n");
        return 2;
    }

    DatabaseLocation location;
    location.driver = QStringLiteral("QSQLITE");
    location.sqliteFile = arguments.at(1);
    const Database database(location);
    AccessLogWriter writer(database);

    for (qint64 n = 1;; ++n) {
        AccessRecord record;
        record.atMs = QDateTime::currentMSecsSinceEpoch();
        record.requestId = QString::number(n);
        record.tenantId = QStringLiteral("tenant-crash");
        record.address = QStringLiteral("192.0.2.7");
        record.method = QStringLiteral("GET");
        record.path = QStringLiteral("/api/v1/me");
        // Now and then a 5xx, so that the kill also cuts error rows.
        record.status = n % 10 == 0 ? 503 : 200;
        record.latencyUs = 120;
        record.userAgent = QStringLiteral("accesslogcrashchild");
        writer.append(std::move(record));
        if (n % 10 == 0) {
            const QSqlDatabase connection = database.connection();
            Transaction transaction(connection);
            if (!OperationLog::record(TenantScope(QStringLiteral("tenant-crash")), connection,
                                      OperationEntry{QString::number(n), QString(),
                                                     QStringLiteral("member"), QStringLiteral("m"),
                                                     QStringLiteral("member.update"), QString(),
                                                     QDateTime()}) ||
                !transaction.commit()) {
                std::fprintf(stderr, "accesslogcrashchild: cannot record an operation\n");
                return 1;
            }
        }
        // The time is taken after append() returned: from then on the row is
        // the writer's to commit. One write per line, flushed, so the parent
        // sees every line printed before the kill.
        std::printf("appended %lld %lld\n", static_cast<long long>(n),
                    static_cast<long long>(QDateTime::currentMSecsSinceEpoch()));
        std::fflush(stdout);
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}
