// What ApplicationController tells the person when the session cannot be kept,
// against a real engage-server over TLS: a sign-in without any keychain (in a
// child process whose session bus is missing and whose home and XDG folders
// must stay empty), a session the service ended behind the client's back, and
// the demo service dying under a running client.

#include "../models/serviceclient.h"
#include "models/demoservice.h"
#include "models/usertablemodel.h"
#include "ui/applicationcontroller.h"
#include "ui/dialogs/logindialog.h"
#include "ui/mainwindow.h"
#include "ui/pages/peoplepage.h"
#include "ui/widgets/messagebanner.h"
#include "uitestsupport.h"

#include <QAction>
#include <QDirIterator>
#include <QLineEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <csignal>
#include <sys/types.h>

using namespace engage;
using namespace engage::test;
using engage::ui::ApplicationController;

namespace {

constexpr const char *kProfile = "Session notices";
// Set in the child process that runs without a keychain.
constexpr char kWithoutKeychain[] = "ENGAGE_TEST_SESSIONNOTICES_NO_KEYCHAIN";

bool isWithoutKeychain()
{
    return qEnvironmentVariableIsSet(kWithoutKeychain);
}

QString controllerText(const char *source)
{
    return QCoreApplication::translate("engage::ui::ApplicationController", source);
}

// Types the account into the login dialog and presses Enter in the password field.
void signInWithKeyboard(ui::LoginDialog *dialog, const Account &account)
{
    const auto fill = [dialog](const char *field, const QString &text) {
        auto *edit = dialog->findChild<QLineEdit *>(QLatin1String(field));
        QVERIFY2(edit, field);
        edit->clear();
        QTest::keyClicks(edit, text);
    };
    fill("tenant", account.tenant);
    fill("email", account.email);
    fill("password", account.password);
    QTest::keyClick(dialog->findChild<QLineEdit *>(QStringLiteral("password")), Qt::Key_Return);
}

// Every file and folder below `directory`.
QStringList entriesBelow(const QString &directory)
{
    QStringList found;
    QDirIterator entries(directory,
                         QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                         QDirIterator::Subdirectories);
    while (entries.hasNext())
        found << entries.next();
    return found;
}

} // namespace

class TestSessionNotices final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void notRememberedWithoutKeychain();
    void endedSessionAsksToSignInAgain_data();
    void endedSessionAsksToSignInAgain();
    void demoServiceStopped();

private:
    std::unique_ptr<ClientUnderTest> makeClient();
    // Signs in through the login dialog of a controller started on kProfile;
    // null when the main window did not come.
    ui::MainWindow *signInThroughDialog(ApplicationController &controller);
    // The People page of `window` once it has listed someone.
    ui::PeoplePage *loadedPeoplePage(ui::MainWindow &window);
    void runWithoutKeychain();

    ServerProcess m_server;
    Account m_owner;
    QTemporaryDir m_dir;
    QString m_ini;
    int m_clients = 0;
};

void TestSessionNotices::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    m_owner = demoOwner(m_server, QStringLiteral("northwind"));
    QVERIFY(!m_owner.password.isEmpty());
    QVERIFY(m_dir.isValid());
}

void TestSessionNotices::init()
{
    m_ini = m_dir.filePath(QStringLiteral("settings-%1.ini").arg(++m_clients));
}

void TestSessionNotices::cleanup()
{
    m_server.reportIfFailed();
    const QWidgetList windows = QApplication::topLevelWidgets();
    for (QWidget *window : windows)
        window->close();
}

std::unique_ptr<ClientUnderTest> TestSessionNotices::makeClient()
{
    auto client = std::make_unique<ClientUnderTest>(m_ini);
    client->language.setLanguage(QStringLiteral("en"));
    client->settings.saveProfile(serverProfile(m_server, QLatin1String(kProfile)));
    return client;
}

ui::MainWindow *TestSessionNotices::signInThroughDialog(ApplicationController &controller)
{
    ui::LoginDialog *login = waitForModal<ui::LoginDialog>();
    if (!login)
        return nullptr;
    signInWithKeyboard(login, m_owner);
    if (!QTest::qWaitFor(
            [&controller] {
                return controller.mainWindow() && controller.mainWindow()->isVisible();
            },
            kUiWaitMs))
        return nullptr;
    return controller.mainWindow();
}

ui::PeoplePage *TestSessionNotices::loadedPeoplePage(ui::MainWindow &window)
{
    auto *page = window.findChild<ui::PeoplePage *>();
    const bool loaded =
        page && QTest::qWaitFor(
                    [page] { return !page->model().isLoading() && page->model().rowCount() > 0; },
                    kUiWaitMs);
    return loaded ? page : nullptr;
}

// Without a Secret Service the person signs in all the same, is told that the
// sign-in will not be remembered, and nothing of the session reaches the disk.
void TestSessionNotices::notRememberedWithoutKeychain()
{
    if (!isWithoutKeychain()) {
        runWithoutKeychain();
        return;
    }

    auto client = makeClient();
    QSignalSpy notRemembered(&client->session, &models::Session::notRemembered);
    ApplicationController controller(client->context, {false, QLatin1String(kProfile)});
    controller.start();
    ui::MainWindow *window = signInThroughDialog(controller);
    QVERIFY(window);

    // libsecret reports a bus that is not there as QKeychain::OtherError.
    const QString expected =
        controllerText("%1 Engage will ask for your password the next time it starts.")
            .arg(QCoreApplication::translate("engage::models::ApiError",
                                             "The keychain reported an error, so your sign-in "
                                             "may not be remembered."));
    QVERIFY(waitFor(notRemembered));
    QTRY_COMPARE_WITH_TIMEOUT(window->banner()->text(), expected, kUiWaitMs);
    QVERIFY(window->banner()->isVisible());
    QVERIFY(!client->session.isRemembered());
    QCOMPARE(client->session.state(), models::Session::State::SignedIn);

    // The window works on: the people are listed, and listed again on request.
    ui::PeoplePage *people = loadedPeoplePage(*window);
    QVERIFY(people);
    QVERIFY(people->model().rowOf(client->session.person()->id) >= 0);
    QSignalSpy failed(&people->model(), &models::UserTableModel::failed);
    people->reloadAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!people->model().isLoading(), kUiWaitMs);
    QVERIFY(failed.isEmpty());
    QVERIFY(people->model().rowOf(client->session.person()->id) >= 0);
    QVERIFY(window->isVisible());
    QCOMPARE(notRemembered.size(), 1);
}

// Runs notRememberedWithoutKeychain in a child process of this test, the only
// way to take the session bus away from QtKeychain, with home and XDG folders
// of its own that must stay empty (the settings file is elsewhere, in m_dir).
void TestSessionNotices::runWithoutKeychain()
{
    QTemporaryDir root;
    QVERIFY(root.isValid());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QStringList directories;
    for (const char *variable : {"HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME",
                                 "XDG_STATE_HOME", "XDG_RUNTIME_DIR"}) {
        const QString directory = root.filePath(QString::fromLatin1(variable).toLower());
        QVERIFY(QDir().mkpath(directory));
        QVERIFY(QFile::setPermissions(directory,
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        environment.insert(QString::fromLatin1(variable), directory);
        directories << directory;
    }
    environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                       QStringLiteral("unix:path=") + root.filePath(QStringLiteral("no-bus")));
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.insert(QString::fromLatin1(kWithoutKeychain), QStringLiteral("1"));

    QProcess child;
    child.setProcessEnvironment(environment);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(QCoreApplication::applicationFilePath(),
                {QString::fromLatin1(QTest::currentTestFunction())});
    QVERIFY2(child.waitForFinished(240000), "the child did not finish");
    const QString output = QString::fromLocal8Bit(child.readAll());
    const bool passed =
        child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0 &&
        output.contains(u"PASS   : TestSessionNotices::notRememberedWithoutKeychain()");
    // In full: a failure message would cut the child's report short.
    if (!passed)
        qWarning().noquote() << "the child process reported:\n" << output;
    QVERIFY2(passed,
             "the test failed in the child process without a keychain (its report is above)");

    for (const QString &directory : std::as_const(directories)) {
        const QStringList found = entriesBelow(directory);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
    }
}

void TestSessionNotices::endedSessionAsksToSignInAgain_data()
{
    QTest::addColumn<bool>("signedOutElsewhere");
    // Another copy of the client renewed the session first: the old refresh
    // token, presented again by this client, counts as stolen.
    QTest::newRow("refresh token reused after another client renewed it") << false;
    QTest::newRow("signed out by another client") << true;
}

// The service ends the session behind the client's back (the family of tokens
// is revoked); the next call is refused, so is the renewal, and the person is
// asked to sign in again, with the reason.
void TestSessionNotices::endedSessionAsksToSignInAgain()
{
    QFETCH(bool, signedOutElsewhere);

    auto client = makeClient();
    ApplicationController controller(client->context, {false, QLatin1String(kProfile)});
    controller.start();
    ui::MainWindow *window = signInThroughDialog(controller);
    QVERIFY(window);
    ui::PeoplePage *people = loadedPeoplePage(*window);
    QVERIFY(people);
    // Another client takes over the session from the keychain entry.
    QVERIFY2(QTest::qWaitFor([&client] { return client->session.isRemembered(); }, 5000),
             "the keychain did not keep the session: run under dbus-run-session with an unlocked "
             "gnome-keyring, as scripts/test does");

    models::CredentialStore otherKeychain;
    Client other(m_server, otherKeychain, QLatin1String(kProfile));
    QSignalSpy otherSignedIn(&other.session, &models::Session::signedIn);
    other.session.resume(m_owner.tenant, m_owner.email);
    QVERIFY(waitFor(otherSignedIn));
    // Its rotated token is in the keychain before this client removes the entry.
    QTRY_VERIFY_WITH_TIMEOUT(other.session.isRemembered(), kWaitMs);
    if (signedOutElsewhere) {
        other.session.signOut();
        // The access token is kept until the service has answered the sign-out.
        QTRY_VERIFY_WITH_TIMEOUT(other.session.accessToken().isEmpty(), kWaitMs);
    }
    QVERIFY(window->isVisible());

    QSignalSpy signedOut(&client->session, &models::Session::signedOut);
    people->reloadAction()->trigger();
    QVERIFY(waitFor(signedOut));
    QCOMPARE(signedOut.constFirst().constFirst().toBool(), true); // expired

    QPointer<ui::LoginDialog> login = waitForModal<ui::LoginDialog>();
    QVERIFY(login);
    QVERIFY(login->banner()->isVisible());
    QCOMPARE(login->banner()->text(),
             controllerText("Your session has ended. Please sign in again."));
    QVERIFY(!controller.mainWindow());
    QCOMPARE(login->tenant(), m_owner.tenant);
    QCOMPARE(login->email(), m_owner.email);

    // The refused session left nothing in the keychain.
    bool read = false;
    std::optional<QString> stored;
    std::optional<models::ApiError> readError;
    client->credentials.read(
        models::CredentialStore::entryKey(QLatin1String(kProfile), m_owner.tenant, m_owner.email),
        [&](std::optional<QString> secret, std::optional<models::ApiError> error) {
            read = true;
            stored = std::move(secret);
            readError = std::move(error);
        });
    QTRY_VERIFY_WITH_TIMEOUT(read, kWaitMs);
    QVERIFY2(!readError, qPrintable(readError ? readError->detail : QString()));
    QVERIFY2(!stored, "the ended session is still in the keychain");

    // Signing in again works, into a new main window.
    auto *password = login->findChild<QLineEdit *>(QStringLiteral("password"));
    QVERIFY(password);
    QTest::keyClicks(password, m_owner.password);
    QTest::keyClick(password, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(controller.mainWindow() && controller.mainWindow()->isVisible(),
                             kUiWaitMs);
    QCOMPARE(client->session.state(), models::Session::State::SignedIn);
    QVERIFY(loadedPeoplePage(*controller.mainWindow()));
    QTRY_VERIFY(!login);
}

void TestSessionNotices::demoServiceStopped()
{
    auto client = makeClient();
    ApplicationController controller(client->context, {true, {}});
    controller.start();
    QTRY_VERIFY_WITH_TIMEOUT(controller.mainWindow() && controller.mainWindow()->isVisible(),
                             60000);
    ui::MainWindow *window = controller.mainWindow();
    models::DemoService *demo = controller.demoService();
    QVERIFY(demo && demo->isRunning());
    QVERIFY(!window->banner()->isVisible());

    QSignalSpy stopped(demo, &models::DemoService::stopped);
    QCOMPARE(::kill(static_cast<pid_t>(demo->processId()), SIGKILL), 0);
    QVERIFY(waitFor(stopped));

    QTRY_VERIFY_WITH_TIMEOUT(window->banner()->isVisible(), kUiWaitMs);
    QCOMPARE(window->banner()->text(),
             controllerText("The demo service has stopped. Quit Engage and start it again to go "
                            "on with the demo."));
    // The window stays, so that the person reads why nothing works any more.
    QVERIFY(window->isVisible());
    QCOMPARE(controller.mainWindow(), window);
}

QTEST_MAIN(TestSessionNotices)
#include "tst_sessionnotices.moc"
