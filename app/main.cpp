// engage-admin: the composition root. It owns the application-wide objects,
// reads the command line and hands everything to ApplicationController.

#include "exportcommand.h"
#include "models/apiclient.h"
#include "models/credentialstore.h"
#include "models/languageswitcher.h"
#include "models/session.h"
#include "models/settings.h"
#include "ui/applicationcontroller.h"
#include "ui/clientcontext.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QIcon>
#include <QLoggingCategory>
#include <QTextStream>
#include <QTimer>
#include <cstdio>
#include <memory>
#include <openssl/crypto.h>

namespace {

struct CommandLine
{
    QCommandLineOption demo{QStringLiteral("demo")};
    QCommandLineOption profile{QStringLiteral("profile")};
    QCommandLineOption language{QStringLiteral("lang")};
};

// Built twice: once to learn --lang, once in that language for --help.
void describe(QCommandLineParser &parser, CommandLine &options)
{
    parser.setApplicationDescription(QApplication::translate(
        "main", "Engage: run your company's engagement surveys and manage who administers them."));
    parser.addHelpOption();
    parser.addVersionOption();
    options.demo.setDescription(QApplication::translate(
        "main", "Start the demo service on this computer and sign in to it."));
    options.profile.setValueName(QApplication::translate("main", "name"));
    options.profile.setDescription(
        QApplication::translate("main", "Connect with the saved connection <name>."));
    options.language.setValueName(QStringLiteral("ja|en"));
    options.language.setDescription(QApplication::translate(
        "main", "Use this language (Japanese or English) instead of the saved one."));
    parser.addOptions({options.demo, options.profile, options.language});
}

// Resident memory from /proc (Linux); -1 elsewhere.
qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly | QIODevice::Text))
        return -1;
    QTextStream in(&status);
    for (QString line = in.readLine(); !line.isNull(); line = in.readLine())
        if (line.startsWith(QLatin1String("VmRSS:")))
            return line.mid(6).trimmed().section(QLatin1Char(' '), 0, 0).toLongLong();
    return -1;
}

} // namespace

int main(int argc, char *argv[])
{
    using namespace engage;

    // Qt's network and pool threads are detached: QThread::wait() returns
    // before such a thread has run its thread-local destructors, OpenSSL's
    // among them. OpenSSL's clean-up at exit deletes the key those destructors
    // hang from, so a thread still ending then leaks its TLS state (which
    // LeakSanitizer reports). The system reclaims everything at exit anyway.
    OPENSSL_init_crypto(OPENSSL_INIT_NO_ATEXIT, nullptr);
    // A person's terminal gets warnings, not every request; QT_LOGGING_RULES
    // (which Qt reads after this) turns the detail back on.
    QLoggingCategory::setFilterRules(QStringLiteral("engage.*.debug=false\nengage.*.info=false"));
    // `engage-admin export ...` runs without a window (and without a display).
    if (app::isExportCommand(argc, argv)) {
        // A scheduled job's stderr holds its one line of failure, not warnings
        // (QT_LOGGING_RULES turns them back on).
        QLoggingCategory::setFilterRules(QStringLiteral("engage.*=false"));
        QCoreApplication app(argc, argv);
        QCoreApplication::setOrganizationName(QStringLiteral("Engage"));
        QCoreApplication::setApplicationName(QStringLiteral("engage-admin"));
        QCoreApplication::setApplicationVersion(QStringLiteral(ENGAGE_VERSION));
        models::Settings settings;
        models::LanguageSwitcher language;
        const QString saved = settings.language();
        if (saved.isEmpty() || !language.setLanguage(saved))
            language.setLanguage(models::LanguageSwitcher::systemLanguage());
        return app::runExportCommand(QCoreApplication::arguments(), settings, language);
    }
    QGuiApplication::setHighDpiScaleFactorRoundingPolicy(
        Qt::HighDpiScaleFactorRoundingPolicy::PassThrough);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Engage"));
    QApplication::setApplicationName(QStringLiteral("engage-admin"));
    QApplication::setApplicationVersion(QStringLiteral(ENGAGE_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("engage-admin"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/engage.svg")));
    // The controller decides when the client is done: between two dialogs
    // there may be no window at all.
    QApplication::setQuitOnLastWindowClosed(false);

    models::Settings settings;
    models::LanguageSwitcher language;
    {
        QCommandLineParser first;
        CommandLine options;
        describe(first, options);
        first.parse(QApplication::arguments());
        QString chosen = first.value(options.language);
        if (chosen.isEmpty())
            chosen = settings.language();
        if (chosen.isEmpty() || !language.setLanguage(chosen))
            language.setLanguage(models::LanguageSwitcher::systemLanguage());
    }
    QCommandLineParser parser;
    CommandLine options;
    describe(parser, options);
    parser.process(app);
    const QString requested = parser.value(options.language);
    if (!requested.isEmpty() && !models::LanguageSwitcher::languages().contains(requested)) {
        const QString message =
            QApplication::translate("main", "Unknown language “%1”: use ja or en.").arg(requested);
        std::fprintf(stderr, "%s\n", qPrintable(message));
        return 2;
    }

    models::ApiClient client;
    models::CredentialStore credentials;
    models::Session session(client, credentials);
    ui::ClientContext context{client, session, settings, credentials, language};
    ui::ApplicationController controller(
        context, {parser.isSet(options.demo), parser.value(options.profile)});
    QObject::connect(&controller, &ui::ApplicationController::quitRequested, &app,
                     &QCoreApplication::quit, Qt::QueuedConnection);

    // Diagnostic for `scripts/bench startup` (docs/performance.md): prints
    // `first-paint rss=<KiB>` once the main window has painted for the first
    // time (the start-up figure), then `signed-in rss=<KiB>` once the session is
    // signed in too (the memory figure), and quits.
    if (qEnvironmentVariableIsSet("ENGAGE_EXIT_AFTER_FIRST_PAINT")) {
        struct Progress
        {
            bool painted = false;
            bool signedIn = false;
        };
        auto progress = std::make_shared<Progress>();
        auto reportWhenDone = [progress] {
            if (!progress->painted || !progress->signedIn)
                return;
            // After the pass of the event loop in which the pages took up the sign-in.
            QTimer::singleShot(0, QCoreApplication::instance(), [] {
                std::printf("signed-in rss=%lldKiB\n", residentKiB());
                std::fflush(stdout);
                QCoreApplication::quit();
            });
        };
        QObject::connect(&controller, &ui::ApplicationController::mainWindowShown, &app,
                         [&app, progress, reportWhenDone](ui::MainWindow *window) {
                             QObject::connect(window, &ui::MainWindow::firstPainted, &app,
                                              [progress, reportWhenDone] {
                                                  std::printf("first-paint rss=%lldKiB\n",
                                                              residentKiB());
                                                  std::fflush(stdout);
                                                  progress->painted = true;
                                                  reportWhenDone();
                                              });
                         });
        QObject::connect(&session, &models::Session::signedIn, &app, [progress, reportWhenDone] {
            progress->signedIn = true;
            reportWhenDone();
        });
        QObject::connect(&session, &models::Session::failed, &app,
                         [](const models::ApiError &error) {
                             std::fprintf(stderr, "sign-in failed: %s\n", qPrintable(error.detail));
                             QCoreApplication::exit(1);
                         });
    }

    controller.start();
    return app.exec();
}
