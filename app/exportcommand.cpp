#include "exportcommand.h"

#include "models/apiclient.h"
#include "models/cache/offlinecache.h"
#include "models/cache/sealedrecord.h"
#include "models/credentialstore.h"
#include "models/demoservice.h"
#include "models/export/everythingexport.h"
#include "models/export/exporttask.h"
#include "models/export/logexportsource.h"
#include "models/export/memberexportsource.h"
#include "models/export/resultexportsource.h"
#include "models/languageswitcher.h"
#include "models/session.h"
#include "models/settings.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTextStream>
#include <QUrl>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>

namespace engage::app {

namespace {

constexpr int kFailed = 1;
constexpr int kUsage = 2;

QString tr(const char *text)
{
    return QCoreApplication::translate("ExportCommand", text);
}

// What the export command was asked to do.
struct Request
{
    bool demo = false;
    QString profile;
    QString what;
    api::LogKind log = api::LogKind::Access;
    QString out;
    bool signIn = false;
    bool offline = false;
};

// Runs one export: connects (the demo, or a profile's export session), then
// the task; finished() carries the exit code.
class ExportCommand final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportCommand)

public:
    ExportCommand(Request request, models::Settings &settings, QString language)
        : m_request(std::move(request))
        , m_settings(settings)
        , m_language(std::move(language))
        , m_session(m_client, m_credentials)
    {
        connect(&m_session, &models::Session::signedIn, this, &ExportCommand::startExport);
        connect(&m_session, &models::Session::failed, this, [this](const models::ApiError &error) {
            fail(tr("Signing in failed: %1").arg(error.message()));
        });
        connect(&m_session, &models::Session::passwordChangeRequired, this, [this] {
            fail(tr("The password must be changed first: sign in once in the Engage window."));
        });
    }

    void start()
    {
        if (m_request.demo)
            startDemo();
        else
            connectProfile();
    }

Q_SIGNALS:
    void finished(int exitCode);

private:
    void startDemo()
    {
        m_demo = std::make_unique<models::DemoService>();
        connect(m_demo.get(), &models::DemoService::failed, this,
                [this](const QString &reason) { fail(reason); });
        connect(m_demo.get(), &models::DemoService::ready, this, [this] {
            // The company whose language the report is in, as the window's demo.
            const QString slug = m_language == QLatin1String("ja") ? QStringLiteral("sakura-foods")
                                                                   : QStringLiteral("northwind");
            const QList<models::DemoService::Tenant> tenants = m_demo->tenants();
            if (tenants.isEmpty()) {
                fail(tr("The demo service announced no company."));
                return;
            }
            models::DemoService::Tenant tenant = tenants.constFirst();
            for (const models::DemoService::Tenant &candidate : tenants) {
                if (candidate.slug == slug)
                    tenant = candidate;
            }
            m_client.setBaseUrl(m_demo->url());
            m_client.setPinnedFingerprint(m_demo->fingerprint());
            m_tenant = tenant.slug;
            m_session.setProfileName(exportProfile(QStringLiteral("Demo")));
            // The demo's data is the demo service's own: nothing to keep offline.
            m_session.setOfflineCacheDirectory({});
            m_session.signIn(tenant.slug, tenant.ownerEmail, tenant.ownerPassword);
        });
        m_demo->start();
    }

    void connectProfile()
    {
        const auto profile = m_settings.profile(m_request.profile);
        if (!profile || profile->isDemo) {
            fail(tr("There is no saved connection named “%1”.").arg(m_request.profile), kUsage);
            return;
        }
        if (profile->lastTenant.isEmpty() || profile->lastEmail.isEmpty()) {
            fail(tr("Nobody has signed in with the connection “%1” yet: sign in once in the "
                    "Engage window.")
                     .arg(m_request.profile));
            return;
        }
        m_tenant = profile->lastTenant;
        if (m_request.offline) {
            openOfflineData(*profile);
            return;
        }
        m_client.setBaseUrl(profile->url);
        m_client.setPinnedFingerprint(profile->fingerprint);
        m_session.setProfileName(exportProfile(profile->name));
        // --offline reads the window's cache, never this session's: a sealed
        // copy of what this run reads would be kept for nobody.
        m_session.setOfflineCacheDirectory({});
        if (!m_request.signIn) {
            m_session.resume(profile->lastTenant, profile->lastEmail);
            return;
        }
        QTextStream in(stdin);
        const QString password = in.readLine();
        if (password.isEmpty()) {
            fail(tr("--sign-in reads the password from the standard input, which was empty."),
                 kUsage);
            return;
        }
        m_session.signIn(profile->lastTenant, profile->lastEmail, password);
    }

    // --offline reads the offline cache of the window's session with the
    // profile (the profile's own name, its last tenant and person), not the
    // one of this command's session ("NAME#export"): the window keeps the
    // last synced data of the tenant, which is what an offline report is
    // about, and exporting from it gives the file the window's Export…
    // gives while offline. The cache is opened as the window's Session
    // opens it, with the key from the keychain, but never made: a missing
    // key means there is no offline data, and making one would throw the
    // window's file away.
    void openOfflineData(const models::ConnectionProfile &profile)
    {
        const models::OfflineScope scope{profile.name, profile.lastTenant, profile.lastEmail};
        // The command runs as the window's application, so a session's
        // default is the folder the window keeps its caches in.
        const QString directory = m_session.offlineCacheDirectory();
        m_credentials.read(
            models::CredentialStore::offlineCacheEntryKey(scope.profile, scope.tenant, scope.email),
            [this, scope, directory](std::optional<QString> secret,
                                     std::optional<models::ApiError> error) {
                if (error) {
                    fail(tr("The keychain that keeps the key of the offline data could not be "
                            "read: %1")
                             .arg(error->message()));
                    return;
                }
                const auto decoded = QByteArray::fromBase64Encoding(
                    secret.value_or(QString()).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
                if (!decoded || decoded.decoded.size() != models::kCacheKeySize) {
                    failNoOfflineData();
                    return;
                }
                loadOfflineData(directory, scope, decoded.decoded);
            });
    }

    void loadOfflineData(const QString &directory, const models::OfflineScope &scope,
                         const QByteArray &key)
    {
        const QString file = models::OfflineCache::filePath(directory, scope);
        if (!QFile::exists(file)) {
            failNoOfflineData();
            return;
        }
        // Read from a copy: the cache drops a record that does not open and
        // rewrites its file, and the window may be writing the same file; the
        // window's data stays as the window left it.
        m_snapshot.emplace();
        if (!m_snapshot->isValid() ||
            !QFile::copy(file, models::OfflineCache::filePath(m_snapshot->path(), scope))) {
            fail(tr("The offline data could not be read."));
            return;
        }
        m_cache = std::make_unique<models::OfflineCache>(m_snapshot->path(), scope, key);
        connect(m_cache.get(), &models::OfflineCache::loaded, this, [this](int records) {
            if (records == 0) {
                failNoOfflineData();
                return;
            }
            // The cache answers the reads it holds (with their "as of") as
            // it does for an unreachable service.
            m_client.setCacheOnly(true);
            m_client.setOfflineCache(m_cache.get());
            startExport();
        });
        m_cache->load();
    }

    void failNoOfflineData()
    {
        fail(tr("There is no offline data for the connection “%1”: sign in once in the Engage "
                "window while the service can be reached.")
                 .arg(m_request.profile));
    }

    // The keychain profile of the command line's session: a token family of
    // its own beside the window's.
    static QString exportProfile(const QString &profile)
    {
        return profile + QStringLiteral("#export");
    }

    std::unique_ptr<models::ExportSource> makeSource()
    {
        if (m_request.what == QLatin1String("members"))
            return std::make_unique<models::MemberExportSource>(
                m_client, m_language, api::MemberQuery{}, m_tenant, QString());
        // The dashboard's default: the latest closed round, the whole company,
        // the trend over the last twelve months.
        if (m_request.what == QLatin1String("results"))
            return std::make_unique<models::ResultExportSource>(m_client, api::DashboardQuery{},
                                                                m_tenant, QString());
        return std::make_unique<models::LogExportSource>(
            m_client, m_request.log, api::LogQuery{}, nullptr, m_tenant,
            models::LogExportSource::describe(m_request.log, api::LogQuery{}, nullptr));
    }

    void startExport()
    {
        if (m_request.what == QLatin1String("everything")) {
            startEverything();
            return;
        }
        auto source = makeSource();
        // Offline, a read the cache could not answer fails as unreachable.
        // Connected before the task connects its own, so this is known when
        // the task reports the failure.
        if (m_request.offline)
            connect(source.get(), &models::ExportSource::failed, this,
                    [this](const models::ApiError &error) {
                        m_notCached = error.kind == models::ApiError::Kind::Network ||
                                      error.kind == models::ApiError::Kind::Timeout;
                    });
        m_task = std::make_unique<models::ExportTask>(std::move(source));
        connect(m_task.get(), &models::ExportTask::finished, this, [this] { Q_EMIT finished(0); });
        connect(m_task.get(), &models::ExportTask::failed, this, [this](const QString &message) {
            if (!m_notCached)
                fail(message);
            else if (m_request.what == QLatin1String("logs"))
                // The window keeps a log's rows only as its Logs page shows them.
                fail(tr("The offline data of the connection “%1” holds no rows of this log: "
                        "show it on the Logs page of the Engage window while the service can "
                        "be reached, and the window keeps its most recent rows.")
                         .arg(m_request.profile));
            else
                fail(tr("The offline data of the connection “%1” does not hold this export yet: "
                        "sign in with the Engage window while the service can be reached, and "
                        "it keeps this data within a minute.")
                         .arg(m_request.profile));
        });
        m_task->start(m_request.out, models::ExportTask::formatFor(m_request.out));
    }

    // A workbook per area in one zip.
    void startEverything()
    {
        m_everything = std::make_unique<models::EverythingExport>(m_client, m_language, m_tenant);
        connect(m_everything.get(), &models::EverythingExport::finished, this, [this] {
            // Done, but a portability export without a log must not pass unnoticed.
            const QString leftOut = m_everything->leftOutNote();
            if (!leftOut.isEmpty())
                printLine(leftOut);
            Q_EMIT finished(0);
        });
        connect(m_everything.get(), &models::EverythingExport::failed, this,
                [this](const QString &message) { fail(message); });
        m_everything->start(m_request.out);
    }

    static void printLine(const QString &message)
    {
        // One line, whatever the message held.
        QString line = message;
        line.replace(QLatin1Char('\n'), QLatin1Char(' '));
        std::fprintf(stderr, "engage-admin export: %s\n", qPrintable(line));
    }

    void fail(const QString &message, int exitCode = kFailed)
    {
        printLine(message);
        Q_EMIT finished(exitCode);
    }

    Request m_request;
    models::Settings &m_settings;
    QString m_language;
    models::ApiClient m_client;
    models::CredentialStore m_credentials;
    models::Session m_session;
    QString m_tenant;
    // --offline: a copy of the window's cache file, and the cache read from it.
    std::optional<QTemporaryDir> m_snapshot;
    std::unique_ptr<models::OfflineCache> m_cache;
    bool m_notCached = false;
    std::unique_ptr<models::DemoService> m_demo;
    std::unique_ptr<models::ExportTask> m_task;
    std::unique_ptr<models::EverythingExport> m_everything;
};

} // namespace

bool isExportCommand(int argc, char *argv[])
{
    return argc > 1 && std::strcmp(argv[1], "export") == 0;
}

int runExportCommand(const QStringList &arguments, models::Settings &settings,
                     models::LanguageSwitcher &language)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Export members, results or logs to an Excel workbook, or everything to a zip of "
           "workbooks, without a window."));
    parser.addHelpOption();
    const QCommandLineOption profile(QStringLiteral("profile"),
                                     tr("Export through the saved connection <name>."), tr("name"));
    const QCommandLineOption demo(
        QStringLiteral("demo"), tr("Start the demo service on this computer and export from it."));
    const QCommandLineOption what(QStringLiteral("what"), tr("What to export."),
                                  QStringLiteral("members|results|logs|everything"));
    const QCommandLineOption out(QStringLiteral("out"),
                                 tr("The file to write (.xlsx; .csv for members and logs; .zip "
                                    "for everything)."),
                                 tr("file"));
    const QCommandLineOption offline(QStringLiteral("offline"),
                                     tr("Do not contact the service: export the offline data "
                                        "that the Engage window keeps for the connection."));
    const QCommandLineOption signIn(
        QStringLiteral("sign-in"),
        tr("Start the export session of the connection with the password read from the "
           "standard input."));
    const QCommandLineOption log(QStringLiteral("log"),
                                 tr("Which log --what logs exports (access by default)."),
                                 QStringLiteral("access|operation|error"));
    const QCommandLineOption lang(QStringLiteral("lang"), tr("Use this language."),
                                  QStringLiteral("ja|en"));
    parser.addOptions({profile, demo, what, out, offline, signIn, log, lang});
    parser.addPositionalArgument(QStringLiteral("export"), tr("The export command."));

    const auto usage = [](const QString &message) {
        std::fprintf(stderr, "engage-admin export: %s\n", qPrintable(message));
        return kUsage;
    };
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        std::fprintf(stdout, "%s", qPrintable(parser.helpText()));
        return 0;
    }
    Request request;
    request.demo = parser.isSet(demo);
    request.profile = parser.value(profile);
    request.what = parser.value(what);
    request.out = parser.value(out);
    request.signIn = parser.isSet(signIn);
    request.offline = parser.isSet(offline);
    if (request.demo == !request.profile.isEmpty())
        return usage(tr("Give either --profile NAME or --demo."));
    if (!QStringList{QStringLiteral("members"), QStringLiteral("results"), QStringLiteral("logs"),
                     QStringLiteral("everything")}
             .contains(request.what))
        return usage(tr("--what must be members, results, logs or everything."));
    if (request.out.isEmpty())
        return usage(tr("Give the file to write with --out FILE."));
    if ((request.what == QLatin1String("everything")) !=
        request.out.endsWith(QLatin1String(".zip"), Qt::CaseInsensitive))
        return usage(tr("Everything is a zip of workbooks: write it, and only it, to a .zip "
                        "file."));
    if (request.what == QLatin1String("results") &&
        models::ExportTask::formatFor(request.out) == models::ExportTask::Format::Csv)
        return usage(tr("Results are a workbook of several sheets: write them to an .xlsx file."));
    if (parser.isSet(log)) {
        const std::optional<api::LogKind> kind = api::logKindFromName(parser.value(log));
        if (!kind || request.what != QLatin1String("logs"))
            return usage(tr("--log goes with --what logs and is access, operation or error."));
        request.log = *kind;
    }
    if (!QFileInfo(QFileInfo(request.out).absolutePath()).isDir())
        return usage(
            tr("The folder of %1 does not exist.").arg(QDir::toNativeSeparators(request.out)));
    if (request.offline && request.demo)
        return usage(tr("--offline exports the offline data of a saved connection: give it with "
                        "--profile NAME instead of --demo."));
    if (request.offline && request.signIn)
        return usage(tr("--offline never contacts the service, so it cannot sign in: leave out "
                        "--sign-in."));
    const QString chosen = parser.value(lang);
    if (!chosen.isEmpty() && !language.setLanguage(chosen))
        return usage(tr("Unknown language “%1”: use ja or en.").arg(chosen));

    // Qt's own warnings are for developers as ours are: a scheduled job's
    // stderr holds its one line (Qt 6.4 warns when a request is aborted while
    // its failure is on its way, as an export's other reads are when one
    // fails). QT_LOGGING_RULES keeps them.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::defaultCategory()->setEnabled(QtWarningMsg, false);
    ExportCommand command(request, settings, language.language());
    int exitCode = kFailed;
    // Queued: a failure before the event loop runs must still end it.
    QObject::connect(
        &command, &ExportCommand::finished, QCoreApplication::instance(),
        [&exitCode](int code) {
            exitCode = code;
            QCoreApplication::exit(code);
        },
        Qt::QueuedConnection);
    command.start();
    QCoreApplication::exec();
    return exitCode;
}

} // namespace engage::app

#include "exportcommand.moc"
