#include "servicerunner.h"

#include "announcement.h"
#include "crypto/masterkey.h"
#include "engagement/aggregatecache.h"
#include "engagement/demopulses.h"
#include "http/httpsserver.h"
#include "http/router.h"
#include "jsonlog.h"
#include "logs/logarchiver.h"
#include "logs/logintegrity.h"
#include "selfsignedcertificate.h"
#include "serveroptions.h"
#include "store/accesslogwriter.h"
#include "store/database.h"
#include "store/demoseed.h"
#include "store/keyring.h"
#include "store/logchain.h"
#include "store/memberindex.h"
#include "store/memberpurge.h"
#include "store/migrator.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QScopeGuard>
#include <QThreadPool>
#include <QTimer>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <memory>
#include <mutex>
#include <thread>

#ifdef Q_OS_WIN
#include <io.h>
#else
#include <unistd.h>
#endif

namespace engage::server::ops {

namespace {

Q_LOGGING_CATEGORY(lcMain, "engage.server")

store::AccessRecord accessRecord(const http::AccessEvent &event)
{
    store::AccessRecord record;
    record.atMs = event.atMs;
    record.requestId = event.requestId;
    record.tenantId = event.tenantId;
    record.personId = event.personId;
    record.address = event.peer.toString();
    record.method = QString::fromLatin1(event.method);
    record.path = QString::fromUtf8(event.path);
    record.status = event.status;
    record.latencyUs = event.latencyUs;
    record.userAgent = QString::fromUtf8(event.userAgent);
    if (event.status >= 500) {
        record.route = QString::fromUtf8(event.route.isEmpty() ? event.path : event.route);
        record.problemCode = event.problemCode;
        record.failure = QString::fromLatin1(event.failure.isEmpty() ? QByteArrayLiteral("handler")
                                                                     : event.failure);
    }
    return record;
}

int fail(const QString &message)
{
    qCCritical(lcMain).noquote() << message;
    return 1;
}

bool prepareDataDir(const QString &path, QString *error)
{
    if (!QDir().mkpath(path)) {
        *error = QStringLiteral("cannot create the data directory %1").arg(path);
        return false;
    }
    // Keys and the database live here: nobody else may look in.
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return true;
}

// Reads stdin until end of file, then calls `onEndOfFile` once (on the reading
// thread). A blocking read on a thread of its own, because a socket notifier
// cannot watch a pipe on Windows. The thread is never joined: it may block
// until the process exits, so whatever it calls is reached through a shared
// state that the destructor disarms.
class StdinWatcher final
{
public:
    explicit StdinWatcher(std::function<void()> onEndOfFile)
        : m_shared(std::make_shared<Shared>())
    {
        m_shared->onEndOfFile = std::move(onEndOfFile);
        std::thread([shared = m_shared] {
            char buffer[512];
            while (readStdin(buffer, sizeof buffer) > 0) {
            }
            // An error reads as end of file too: there is no parent left to watch.
            const std::lock_guard lock(shared->mutex);
            if (shared->onEndOfFile)
                shared->onEndOfFile();
        }).detach();
    }
    ~StdinWatcher()
    {
        const std::lock_guard lock(m_shared->mutex);
        m_shared->onEndOfFile = nullptr;
    }
    StdinWatcher(const StdinWatcher &) = delete;
    StdinWatcher &operator=(const StdinWatcher &) = delete;

private:
    struct Shared
    {
        std::mutex mutex;
        std::function<void()> onEndOfFile;
    };

    // Bytes read; 0 at end of file, negative on error.
    static qint64 readStdin(char *buffer, unsigned size)
    {
#ifdef Q_OS_WIN
        return ::_read(0, buffer, size);
#else
        for (;;) {
            const ssize_t count = ::read(STDIN_FILENO, buffer, size);
            // SIGTERM's handler interrupts the read.
            if (count >= 0 || errno != EINTR)
                return count;
        }
#endif
    }

    std::shared_ptr<Shared> m_shared;
};

} // namespace

int runService(int argc, char *argv[], const QString &applicationName,
               const RouteInstaller &installRoutes)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Engage"));
    QCoreApplication::setApplicationName(applicationName);

    QString error;
    QString help;
    std::optional<ServerOptions> options =
        ServerOptions::parse(QCoreApplication::arguments(), &error, &help);
    if (!options) {
        if (!help.isEmpty()) {
            std::fputs(qPrintable(help), stdout);
            return 0;
        }
        std::fprintf(stderr, "%s: %s\n", qPrintable(applicationName), qPrintable(error));
        return 2;
    }
    installJsonLogHandler();

    if (!prepareDataDir(options->dataDir, &error))
        return fail(error);
    if (options->demo && options->certificateFile.isEmpty()) {
        const QDir dataDir(options->dataDir);
        options->certificateFile = dataDir.filePath(QStringLiteral("demo-certificate.pem"));
        options->keyFile = dataDir.filePath(QStringLiteral("demo-key.pem"));
        if (!ensureSelfSignedCertificate(options->certificateFile, options->keyFile, &error))
            return fail(error);
    }

    const auto location =
        store::DatabaseLocation::parse(options->databaseUrl, options->dataDir, &error);
    if (!location)
        return fail(error);
    store::Database database(*location);
    if (!database.connection(&error).isOpen())
        return fail(QStringLiteral("cannot open the database: %1").arg(error));
    // Before any request: the schema this binary knows, or no start at all.
    const auto migrated = store::Migrator().migrate(database.connection());
    if (!migrated)
        return fail(
            QStringLiteral("cannot migrate the database: %1").arg(migrated.error().message));
    std::optional<crypto::MasterKey> masterKey = crypto::MasterKey::load(options->dataDir, &error);
    if (!masterKey)
        return fail(QStringLiteral("cannot load the master key: %1").arg(error));
    store::Keyring keyring(std::move(*masterKey));
    // Before the first row is logged: every row from now on joins its chain,
    // and rows from before the chains existed are sealed into theirs.
    database.setLogChainKey(keyring.logChainKey());
    const auto sealed =
        store::logchain::sealLegacyRows(database.connection(), keyring.logChainKey());
    if (!sealed)
        return fail(QStringLiteral("cannot seal the logs: %1").arg(sealed.error().message));
    if (sealed.value() > 0)
        qCInfo(lcMain) << "sealed" << sealed.value() << "log rows from before the hash chains";
    const logs::LogCheckpoints checkpoints(options->dataDir, keyring.logCheckpointKey());
    // On the main thread: one read of the chain heads and one small file.
    const auto writeCheckpoint = [&database, &checkpoints] {
        QString checkpointError;
        if (!checkpoints.write(database.connection(), QDateTime::currentDateTimeUtc(),
                               &checkpointError))
            qCWarning(lcMain).noquote() << "cannot checkpoint the logs:" << checkpointError;
    };
    std::optional<QJsonArray> demoTenants;
    if (options->demo) {
        const auto seeded = store::DemoSeed(database.connection(), keyring).ensure();
        if (!seeded)
            return fail(
                QStringLiteral("cannot create the demo tenants: %1").arg(seeded.error().message));
        if (options->demoHistory) {
            QElapsedTimer writing;
            writing.start();
            const auto pulses = engagement::DemoPulses(database.connection(), keyring)
                                    .ensure(QDateTime::currentDateTimeUtc().date());
            if (!pulses)
                return fail(QStringLiteral("cannot create the demo's engagement results: %1")
                                .arg(pulses.error().message));
            if (!pulses.value().isEmpty())
                qCInfo(lcMain).noquote() << QStringLiteral("wrote a year of pulses for %1 in %2 ms")
                                                .arg(pulses.value().join(QStringLiteral(", ")))
                                                .arg(writing.elapsed());
        }
        demoTenants = QJsonArray();
        for (const store::DemoCredentials &tenant : seeded.value()) {
            demoTenants->append(
                QJsonObject{{QStringLiteral("slug"), tenant.slug},
                            {QStringLiteral("name"), tenant.name},
                            {QStringLiteral("adminEmail"), tenant.adminEmail},
                            {QStringLiteral("adminPassword"), tenant.adminPassword},
                            {QStringLiteral("managerEmail"), tenant.managerEmail},
                            {QStringLiteral("managerPassword"), tenant.managerPassword}});
        }
    }

    QThreadPool workers;
    // Pool threads live as long as the pool, so that their database
    // connections (one per thread) are neither leaked nor reopened.
    workers.setExpiryTimeout(-1);
    store::MemberIndex memberIndex(keyring);
    engagement::AggregateCache aggregates;
    http::Router router;
    const auto publicUrl = std::make_shared<PublicUrl>();
    installRoutes(router, ServiceContext{database, keyring, workers, memberIndex, aggregates,
                                         options->dataDir, publicUrl, options->smtpPrivateHosts,
                                         options->smtpCaFile});

    // Declared before the server, so that it outlives every report.
    store::AccessLogWriter accessLog(database);
    http::HttpsServer server(router, options->limits);
    server.setAccessObserver(
        [&accessLog](const http::AccessEvent &event) { accessLog.append(accessRecord(event)); });
    // Members deleted longer ago than their tenant keeps them go for good: at
    // start and daily, on a worker (the main thread only schedules).
    const auto purgeMembers = [&database, &keyring, &workers] {
        workers.start([&database, &keyring] {
            const auto purged = store::MemberPurge(database.connection(), keyring)
                                    .run(QDateTime::currentDateTimeUtc());
            if (!purged)
                qCWarning(lcMain).noquote()
                    << "purging deleted members failed:" << purged.error().message;
            else if (purged.value() > 0)
                qCInfo(lcMain) << "purged" << purged.value() << "deleted members";
        });
    };
    QTimer purgeTimer;
    purgeTimer.setInterval(std::chrono::hours(24));
    QObject::connect(&purgeTimer, &QTimer::timeout, &app, purgeMembers);
    purgeTimer.start();
    purgeMembers();
    // Rows older than a tenant's log_archive_after_days move to signed files
    // (never without them): at start and daily, on a worker, like the purge.
    const logs::LogArchiveFiles archiveFiles(options->dataDir, keyring.logCheckpointKey());
    // The workers' tasks use the locals declared before this (the archive
    // files): whatever way this function returns, even before the service
    // listens, they end before those go.
    const auto workersDone = qScopeGuard([&workers] { workers.waitForDone(); });
    const auto archiveLogs = [&database, &keyring, &archiveFiles, &workers] {
        workers.start([&database, &keyring, &archiveFiles] {
            const auto archived =
                logs::LogArchiver(database.connection(), keyring.logChainKey(), archiveFiles)
                    .run(QDateTime::currentDateTimeUtc());
            if (!archived) {
                qCWarning(lcMain).noquote()
                    << "archiving old log rows failed:" << archived.error().message;
                return;
            }
            for (const QString &held : archived.value().held)
                qCWarning(lcMain).noquote() << "log rows not archived:" << held;
            if (archived.value().rows > 0)
                qCInfo(lcMain) << "archived" << archived.value().rows << "log rows in"
                               << archived.value().files << "files";
        });
    };
    QTimer archiveTimer;
    archiveTimer.setInterval(std::chrono::hours(24));
    QObject::connect(&archiveTimer, &QTimer::timeout, &app, archiveLogs);
    archiveTimer.start();
    archiveLogs();
    // The chain heads outside the database, daily and at the end (below), so
    // that deleting the newest rows is caught by verify-logs.
    QTimer checkpointTimer;
    checkpointTimer.setInterval(std::chrono::hours(24));
    QObject::connect(&checkpointTimer, &QTimer::timeout, &app, writeCheckpoint);
    checkpointTimer.start();
    writeCheckpoint();
    // Runs on the main thread, at most once whatever asked first.
    bool stopping = false;
    const auto stopGracefully =
        [&server, &workers, &purgeTimer, &archiveTimer, &stopping](const QString &cause) {
            if (stopping)
                return;
            stopping = true;
            qCInfo(lcMain).noquote()
                << QStringLiteral("stopping (%1): finishing the requests in flight").arg(cause);
            purgeTimer.stop();
            archiveTimer.stop();
            server.stop();
            workers.waitForDone();
            QCoreApplication::quit();
        };
    // Before the announcement: whoever reads it may stop us at once.
    server.onTerminationSignal([&app, &stopGracefully] {
        QMetaObject::invokeMethod(
            &app, [&stopGracefully] { stopGracefully(QStringLiteral("SIGTERM or SIGINT")); },
            Qt::QueuedConnection);
    });
    std::optional<StdinWatcher> stdinWatcher;
    if (options->exitWithStdin) {
        stdinWatcher.emplace([&app, &stopGracefully] {
            QMetaObject::invokeMethod(
                &app,
                [&stopGracefully] { stopGracefully(QStringLiteral("standard input closed")); },
                Qt::QueuedConnection);
        });
    }
    if (!server.listen(options->listenAddress, options->listenPort, options->certificateFile,
                       options->keyFile, options->networkThreads, &error))
        return fail(error);

    publicUrl->set(options->publicUrl.isEmpty() ? listenUrl(options->listenAddress, server.port())
                                                : options->publicUrl);
    const QByteArray line =
        announcementLine(options->listenAddress, server.port(),
                         certificateFingerprintSha256(options->certificateFile), demoTenants);
    std::fprintf(stdout, "%s\n", line.constData());
    std::fflush(stdout);

    // Not the line itself: the demo credentials stay out of the log.
    qCInfo(lcMain).noquote() << "listening on"
                             << QString::fromUtf8(announcementLine(
                                    options->listenAddress, server.port(),
                                    certificateFingerprintSha256(options->certificateFile),
                                    std::nullopt));
    const int exitCode = app.exec();
    // Every request has been answered: its access row goes in before the
    // last checkpoint names the heads.
    accessLog.flush();
    writeCheckpoint();
    return exitCode;
}

} // namespace engage::server::ops
