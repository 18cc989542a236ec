// The start-up and sign-in flow of ApplicationController against a real
// engage-server over TLS: the login dialog driven with the keyboard, a wrong
// password in the banner, the certificate dialog on a first connection, a
// changed certificate refused, the session resumed from the keychain, sign-out
// back to the login dialog, and the demo started as a child.

#include "../models/serviceclient.h"
#include "models/demoservice.h"
#include "ui/applicationcontroller.h"
#include "ui/dialogs/certificatedialog.h"
#include "ui/dialogs/logindialog.h"
#include "ui/dialogs/welcomedialog.h"
#include "ui/mainwindow.h"
#include "ui/pages/settingspage.h"
#include "ui/widgets/messagebanner.h"
#include "uitestsupport.h"

#include <QAction>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace engage;
using namespace engage::test;
using engage::ui::ApplicationController;

namespace {

constexpr const char *kProfile = "Login flow";

void fill(QWidget *dialog, const char *field, const QString &text)
{
    auto *edit = dialog->findChild<QLineEdit *>(QLatin1String(field));
    QVERIFY2(edit, field);
    edit->clear();
    QTest::keyClicks(edit, text);
}

// Types the account into the login dialog and presses Enter in the password field.
void signInWithKeyboard(ui::LoginDialog *dialog, const Account &account)
{
    fill(dialog, "tenant", account.tenant);
    fill(dialog, "email", account.email);
    fill(dialog, "password", account.password);
    QTest::keyClick(dialog->findChild<QLineEdit *>(QStringLiteral("password")), Qt::Key_Return);
}

// The message label of the error dialog on screen.
QStringList errorDialogTexts(QWidget *dialog)
{
    QStringList texts;
    const QList<QLabel *> labels = dialog->findChildren<QLabel *>();
    for (const QLabel *label : labels)
        if (label->isVisible())
            texts.append(label->text());
    return texts;
}

} // namespace

class TestLoginFlow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void signInWithPassword();
    void wrongPasswordShowsBanner();
    void firstConnectionAsksAboutTheCertificate();
    void refusedCertificateDoesNotConnect();
    void changedCertificateIsRefused_data();
    void changedCertificateIsRefused();
    void sessionResumesWithoutPassword();
    void nothingToResumeAsksForPassword();
    void signOutReturnsToLogin();
    void profileSwitchFromSettingsPage();
    void demoSignsInAsOwner();

private:
    std::unique_ptr<ClientUnderTest> makeClient();

    ServerProcess m_server;
    Account m_owner;
    QTemporaryDir m_dir;
    QString m_ini;
    int m_clients = 0;
};

void TestLoginFlow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    m_owner = demoOwner(m_server, QStringLiteral("northwind"));
    QVERIFY(!m_owner.password.isEmpty());
    QVERIFY(m_dir.isValid());
}

void TestLoginFlow::init()
{
    m_ini = m_dir.filePath(QStringLiteral("settings-%1.ini").arg(++m_clients));
}

void TestLoginFlow::cleanup()
{
    m_server.reportIfFailed();
    // Nothing a failed test left open may answer the next one's questions.
    const QWidgetList windows = QApplication::topLevelWidgets();
    for (QWidget *window : windows)
        window->close();
}

std::unique_ptr<ClientUnderTest> TestLoginFlow::makeClient()
{
    auto client = std::make_unique<ClientUnderTest>(m_ini);
    client->language.setLanguage(QStringLiteral("en"));
    return client;
}

void TestLoginFlow::signInWithPassword()
{
    auto client = makeClient();
    client->settings.saveProfile(serverProfile(m_server, QLatin1String(kProfile)));
    ApplicationController controller(client->context, {false, QLatin1String(kProfile)});
    controller.start();

    QPointer<ui::LoginDialog> login = waitForModal<ui::LoginDialog>();
    QVERIFY(login);
    signInWithKeyboard(login, m_owner);

    QTRY_VERIFY_WITH_TIMEOUT(controller.mainWindow() && controller.mainWindow()->isVisible(),
                             kUiWaitMs);
    ui::MainWindow *window = controller.mainWindow();
    QVERIFY(client->session.person());
    const QString name = client->session.person()->displayName;
    QVERIFY(!name.isEmpty());
    QVERIFY2(window->personText().contains(name), qPrintable(window->personText()));
    QVERIFY2(window->tenantText().contains(m_owner.tenant), qPrintable(window->tenantText()));
    QTRY_VERIFY(!login); // closed and deleted

    // The profile remembers who signed in, for the next login dialog.
    const auto profile = client->settings.profile(QLatin1String(kProfile));
    QVERIFY(profile);
    QCOMPARE(profile->lastTenant, m_owner.tenant);
    QCOMPARE(profile->lastEmail, m_owner.email);
    QCOMPARE(client->settings.currentProfile(), QLatin1String(kProfile));
}

void TestLoginFlow::wrongPasswordShowsBanner()
{
    auto client = makeClient();
    client->settings.saveProfile(serverProfile(m_server, QLatin1String(kProfile)));
    ApplicationController controller(client->context, {false, QLatin1String(kProfile)});
    QSignalSpy failed(&client->session, &models::Session::failed);
    controller.start();

    ui::LoginDialog *login = waitForModal<ui::LoginDialog>();
    QVERIFY(login);
    Account wrong = m_owner;
    wrong.password = QStringLiteral("not-the-password-1");
    signInWithKeyboard(login, wrong);

    QVERIFY(waitFor(failed));
    const auto error = failed.constFirst().constFirst().value<models::ApiError>();
    QCOMPARE(error.kind, models::ApiError::Kind::Problem);
    QTRY_VERIFY(login->banner()->isVisible());
    QCOMPARE(login->banner()->text(), error.message());
    QVERIFY(login->banner()->text() != error.detail);
    QVERIFY(!login->banner()->requestId().isEmpty());
    QCOMPARE(login->banner()->requestId(), error.requestId);
    // Still there, ready for another try: the password cleared, the rest kept.
    QVERIFY(login->isVisible());
    QVERIFY(login->findChild<QLineEdit *>(QStringLiteral("password"))->text().isEmpty());
    QCOMPARE(login->email(), m_owner.email);
    QVERIFY(!controller.mainWindow());

    // Then the right password goes through.
    fill(login, "password", m_owner.password);
    QTest::keyClick(login->findChild<QLineEdit *>(QStringLiteral("password")), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(controller.mainWindow() && controller.mainWindow()->isVisible(),
                             kUiWaitMs);
}

void TestLoginFlow::firstConnectionAsksAboutTheCertificate()
{
    auto client = makeClient();
    client->settings.saveProfile(serverProfile(m_server, QLatin1String(kProfile), false));
    ApplicationController controller(client->context, {false, QLatin1String(kProfile)});
    controller.start();

    ui::CertificateDialog *question = waitForModal<ui::CertificateDialog>();
    QVERIFY(question);
    QCOMPARE(question->findChild<QLabel *>(QStringLiteral("fingerprint"))->text(),
             m_server.fingerprint());
    QCOMPARE(question->findChild<QLabel *>(QStringLiteral("host"))->text(), m_server.url().host());
    QVERIFY(!question->trustButton()->isEnabled());
    QTest::mouseClick(question->confirmation(), Qt::LeftButton);
    QTest::mouseClick(question->trustButton(), Qt::LeftButton);

    QVERIFY(waitForModal<ui::LoginDialog>());
    QCOMPARE(client->settings.profile(QLatin1String(kProfile))->fingerprint,
             m_server.fingerprint());
}

void TestLoginFlow::refusedCertificateDoesNotConnect()
{
    auto client = makeClient();
    client->settings.saveProfile(serverProfile(m_server, QLatin1String(kProfile), false));
    ApplicationController controller(client->context, {false, QLatin1String(kProfile)});
    controller.start();

    ui::CertificateDialog *question = waitForModal<ui::CertificateDialog>();
    QVERIFY(question);
    question->reject();

    QTRY_VERIFY_WITH_TIMEOUT(QApplication::activeModalWidget() &&
                                 QApplication::activeModalWidget()->objectName() ==
                                     QLatin1String("errorDialog"),
                             kUiWaitMs);
    QVERIFY(client->settings.profile(QLatin1String(kProfile))->fingerprint.isEmpty());
    QApplication::activeModalWidget()->close();
    QVERIFY(waitForModal<ui::WelcomeDialog>()); // choose again
    QVERIFY(!controller.mainWindow());
}

void TestLoginFlow::changedCertificateIsRefused_data()
{
    QTest::addColumn<bool>("remembered");
    QTest::newRow("first sign-in") << false;
    QTest::newRow("someone signed in before") << true;
}

void TestLoginFlow::changedCertificateIsRefused()
{
    QFETCH(bool, remembered);
    auto client = makeClient();
    models::ConnectionProfile profile = serverProfile(m_server, QLatin1String(kProfile));
    profile.fingerprint = QStringLiteral(
        "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:"
        "DD:EE:FF");
    if (remembered) {
        profile.lastTenant = m_owner.tenant;
        profile.lastEmail = m_owner.email;
    }
    client->settings.saveProfile(profile);
    ApplicationController controller(client->context, {false, QLatin1String(kProfile)});
    controller.start();

    QTRY_VERIFY_WITH_TIMEOUT(QApplication::activeModalWidget() &&
                                 QApplication::activeModalWidget()->objectName() ==
                                     QLatin1String("errorDialog"),
                             kUiWaitMs);
    models::ApiError mismatch;
    mismatch.kind = models::ApiError::Kind::PinMismatch;
    QVERIFY2(errorDialogTexts(QApplication::activeModalWidget()).contains(mismatch.message()),
             qPrintable(errorDialogTexts(QApplication::activeModalWidget()).join(u'|')));
    // Neither asked about the certificate nor for a password (a window shown
    // for the resume is gone); the pin stays.
    QVERIFY(!controller.mainWindow());
    QVERIFY(!controller.certificateDialog() || !controller.certificateDialog()->isVisible());
    for (QWidget *window : QApplication::topLevelWidgets())
        QVERIFY(!(qobject_cast<ui::LoginDialog *>(window) && window->isVisible()));
    QCOMPARE(client->settings.profile(QLatin1String(kProfile))->fingerprint, profile.fingerprint);
}

void TestLoginFlow::sessionResumesWithoutPassword()
{
    {
        auto client = makeClient();
        client->settings.saveProfile(serverProfile(m_server, QLatin1String(kProfile)));
        ApplicationController controller(client->context, {false, QLatin1String(kProfile)});
        controller.start();
        ui::LoginDialog *login = waitForModal<ui::LoginDialog>();
        QVERIFY(login);
        signInWithKeyboard(login, m_owner);
        QTRY_VERIFY_WITH_TIMEOUT(controller.mainWindow(), kUiWaitMs);
        // The refresh token reaches the keychain asynchronously.
        if (!QTest::qWaitFor([&client] { return client->session.isRemembered(); }, 5000))
            QSKIP("No keychain in this session (run under dbus-run-session with an unlocked "
                  "gnome-keyring, as scripts/test does).");
    }
    // A second start with the same settings: the main window at once, inert
    // and signing in, then signed in without a password.
    auto client = makeClient();
    ApplicationController controller(client->context, {});
    QSignalSpy shown(&controller, &ApplicationController::mainWindowShown);
    controller.start();
    QCOMPARE(shown.count(), 1);
    ui::MainWindow *window = controller.mainWindow();
    QVERIFY(window && window->isVisible());
    QCOMPARE(window->personText(), QStringLiteral("Signing in…"));
    QVERIFY(!window->centralWidget()->isEnabled());
    QVERIFY(!window->findChild<QAction *>(QStringLiteral("signOutAction"))->isEnabled());

    QTRY_COMPARE_WITH_TIMEOUT(client->session.state(), models::Session::State::SignedIn, kUiWaitMs);
    QCOMPARE(controller.mainWindow(), window);
    QCOMPARE(shown.count(), 1);
    QCOMPARE(client->session.tenant(), m_owner.tenant);
    QCOMPARE(client->session.person()->email, m_owner.email);
    const QString name = client->session.person()->displayName;
    QVERIFY2(window->personText().contains(name), qPrintable(window->personText()));
    QVERIFY2(window->tenantText().contains(m_owner.tenant), qPrintable(window->tenantText()));
    QVERIFY(window->centralWidget()->isEnabled());
    QVERIFY(window->findChild<QAction *>(QStringLiteral("signOutAction"))->isEnabled());
    for (QWidget *widget : QApplication::topLevelWidgets())
        QVERIFY(!(qobject_cast<ui::LoginDialog *>(widget) && widget->isVisible()));
}

void TestLoginFlow::nothingToResumeAsksForPassword()
{
    auto client = makeClient();
    models::ConnectionProfile profile =
        serverProfile(m_server, QStringLiteral("Never signed in here"));
    profile.lastTenant = m_owner.tenant;
    profile.lastEmail = m_owner.email; // but no keychain entry for this profile
    client->settings.saveProfile(profile);
    ApplicationController controller(client->context, {false, profile.name});
    controller.start();

    QPointer<ui::LoginDialog> login = waitForModal<ui::LoginDialog>();
    QVERIFY(login);
    // The window shown for the resume stays, inert, under the login dialog,
    // with nothing of anyone's in it.
    ui::MainWindow *window = controller.mainWindow();
    QVERIFY(window && window->isVisible());
    QCOMPARE(login->parentWidget(), window);
    QCOMPARE(login->windowModality(), Qt::WindowModal);
    QCOMPARE(client->session.state(), models::Session::State::SignedOut);
    QCOMPARE(window->personText(), QStringLiteral("Not signed in"));
    QVERIFY(window->tenantText().isEmpty());
    QVERIFY(!window->centralWidget()->isEnabled());
    const QList<QTableView *> tables = window->findChildren<QTableView *>();
    QVERIFY(!tables.isEmpty());
    for (const QTableView *table : tables)
        QCOMPARE(table->model()->rowCount(), 0);

    QCOMPARE(login->tenant(), m_owner.tenant);
    QCOMPARE(login->email(), m_owner.email);
    QVERIFY(login->findChild<QLineEdit *>(QStringLiteral("password"))->hasFocus());
    QTest::keyClicks(login->findChild<QLineEdit *>(QStringLiteral("password")), m_owner.password);
    QTest::keyClick(login->findChild<QLineEdit *>(QStringLiteral("password")), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(client->session.state(), models::Session::State::SignedIn, kUiWaitMs);
    QCOMPARE(controller.mainWindow(), window);
    QVERIFY(window->isVisible());
    QVERIFY(window->centralWidget()->isEnabled());
    QVERIFY2(window->personText().contains(client->session.person()->displayName),
             qPrintable(window->personText()));
    QTRY_VERIFY(!login);
}

void TestLoginFlow::signOutReturnsToLogin()
{
    auto client = makeClient();
    client->settings.saveProfile(serverProfile(m_server, QLatin1String(kProfile)));
    ApplicationController controller(client->context, {false, QLatin1String(kProfile)});
    controller.start();
    ui::LoginDialog *login = waitForModal<ui::LoginDialog>();
    QVERIFY(login);
    signInWithKeyboard(login, m_owner);
    QTRY_VERIFY_WITH_TIMEOUT(controller.mainWindow(), kUiWaitMs);

    auto *signOut = controller.mainWindow()->findChild<QAction *>(QStringLiteral("signOutAction"));
    QVERIFY(signOut);
    signOut->trigger();
    QCOMPARE(client->session.state(), models::Session::State::SignedOut);
    login = waitForModal<ui::LoginDialog>();
    QVERIFY(login);
    QVERIFY(!controller.mainWindow());
    QCOMPARE(login->tenant(), m_owner.tenant); // remembered
    QCOMPARE(login->email(), m_owner.email);
}

void TestLoginFlow::profileSwitchFromSettingsPage()
{
    auto client = makeClient();
    client->settings.saveProfile(serverProfile(m_server, QLatin1String(kProfile)));
    client->settings.saveProfile(serverProfile(m_server, QStringLiteral("Branch office")));
    ApplicationController controller(client->context, {false, QLatin1String(kProfile)});
    controller.start();
    ui::LoginDialog *login = waitForModal<ui::LoginDialog>();
    QVERIFY(login);
    signInWithKeyboard(login, m_owner);
    QTRY_VERIFY_WITH_TIMEOUT(controller.mainWindow() && controller.mainWindow()->isVisible(),
                             kUiWaitMs);

    auto *settingsPage = controller.mainWindow()->findChild<ui::SettingsPage *>();
    QVERIFY(settingsPage);
    Q_EMIT settingsPage->profileSwitchRequested(QStringLiteral("Branch office"));
    QCOMPARE(client->session.state(), models::Session::State::SignedOut);
    login = waitForModal<ui::LoginDialog>();
    QVERIFY(login);
    QCOMPARE(client->settings.currentProfile(), QStringLiteral("Branch office"));
    QVERIFY(login->tenant().isEmpty()); // nobody signed in there yet
    QVERIFY(!controller.mainWindow() || !controller.mainWindow()->isVisible());
}

void TestLoginFlow::demoSignsInAsOwner()
{
    auto client = makeClient();
    ApplicationController controller(client->context, {true, {}});
    controller.start();
    QTRY_VERIFY_WITH_TIMEOUT(controller.mainWindow() && controller.mainWindow()->isVisible(),
                             60000);
    QVERIFY(controller.demoService() && controller.demoService()->isRunning());
    QCOMPARE(client->session.tenant(), QStringLiteral("northwind")); // the English one
    const auto profile = client->settings.profile(ApplicationController::demoProfileName());
    QVERIFY(profile && profile->isDemo);
    QCOMPARE(profile->fingerprint, controller.demoService()->fingerprint());
    QCOMPARE(client->client.pinnedFingerprint(), controller.demoService()->fingerprint());
}

QTEST_MAIN(TestLoginFlow)
#include "tst_loginflow.moc"
