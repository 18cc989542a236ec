// Starting offline (issue 9), through ApplicationController against the real
// engage-server (with the demo's year of results) and the real Secret
// Service: signed in once and the dashboard read; the service stopped; the
// next start opens the main window for the same person from the offline
// cache (the identity sealed in it, never in plain text on disk), the
// dashboard as the service gave it, the banner saying "as of" and offering
// "Retry"; the service started again, "Retry" resumes the session online. A
// refresh token the service refuses once back ends the session; without
// offline data the sign-in dialog says the service cannot be reached.

#include "../models/serviceclient.h"
#include "models/cache/offlinecache.h"
#include "models/dashboard/dashboardloader.h"
#include "models/membertablemodel.h"
#include "ui/applicationcontroller.h"
#include "ui/dialogs/logindialog.h"
#include "ui/mainwindow.h"
#include "ui/pages/dashboardpage.h"
#include "ui/widgets/offlinebanner.h"
#include "uitestsupport.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace engage;
using namespace engage::test;
using engage::models::DashboardLoader;
using engage::ui::ApplicationController;

namespace {

// A profile name of its own: the tests share one keychain, and this one writes
// refresh tokens into its entry.
constexpr const char *kProfile = "Offline start";

void fill(QWidget *dialog, const char *field, const QString &text)
{
    auto *edit = dialog->findChild<QLineEdit *>(QLatin1String(field));
    QVERIFY2(edit, field);
    edit->clear();
    QTest::keyClicks(edit, text);
}

DashboardLoader *dashboardOf(ui::MainWindow *window)
{
    auto *page = window ? window->findChild<ui::DashboardPage *>() : nullptr;
    return page ? &page->loader() : nullptr;
}

bool summaryReady(ui::MainWindow *window)
{
    const DashboardLoader *loader = dashboardOf(window);
    return loader &&
           loader->state(DashboardLoader::Panel::Summary) == DashboardLoader::State::Ready;
}

models::MemberTableModel *membersOf(ui::MainWindow *window)
{
    return window ? window->findChild<models::MemberTableModel *>() : nullptr;
}

bool membersLoaded(ui::MainWindow *window)
{
    const models::MemberTableModel *members = membersOf(window);
    return members && !members->isLoading() && members->rowCount() > 0;
}

QPushButton *retryButton(ui::OfflineBanner *banner)
{
    const QList<QPushButton *> buttons = banner->findChildren<QPushButton *>();
    for (QPushButton *button : buttons)
        if (button->isVisible() && button->text() == QLatin1String("&Retry"))
            return button;
    return nullptr;
}

} // namespace

class TestOfflineStart final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void offlineStartThenOnlineAgain();
    void refusedTokenOnceOnlineSignsOut();
    void withoutOfflineDataAsksToSignIn();

private:
    std::unique_ptr<ClientUnderTest> makeClient(const QString &offlineDirectory);
    bool restartServer();

    ServerProcess m_server;
    Account m_owner;
    QTemporaryDir m_dir;
    QString m_offline;
    quint16 m_port = 0;
    QJsonObject m_summary;
    QString m_displayName;
    int m_members = 0;
};

std::unique_ptr<ClientUnderTest> TestOfflineStart::makeClient(const QString &offlineDirectory)
{
    auto client = std::make_unique<ClientUnderTest>(m_dir.filePath(QStringLiteral("settings.ini")));
    client->language.setLanguage(QStringLiteral("en"));
    client->session.setOfflineCacheDirectory(offlineDirectory);
    // Refused at once by a stopped service, no retries to wait for.
    client->client.setOptions({std::chrono::milliseconds(5000), 1, std::chrono::milliseconds(10)});
    return client;
}

// On the same data and port: the profile's address stays right.
bool TestOfflineStart::restartServer()
{
    return m_server.startWithArguments(
        {QStringLiteral("--data-dir"), m_server.dataDir(), QStringLiteral("--listen"),
         QStringLiteral("127.0.0.1:%1").arg(m_port), QStringLiteral("--demo")},
        ServerProcess::historyStartTimeoutMs);
}

void TestOfflineStart::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_offline = m_dir.filePath(QStringLiteral("offline"));
    QVERIFY2(m_server.startWithHistory(), qPrintable(m_server.errorString()));
    m_port = m_server.port();
    m_owner = demoOwner(m_server, QStringLiteral("northwind"));
    QVERIFY(!m_owner.password.isEmpty());

    // Signed in once with a password; the dashboard read while online.
    auto client = makeClient(m_offline);
    client->settings.saveProfile(serverProfile(m_server, QLatin1String(kProfile)));
    ApplicationController controller(client->context, {false, QLatin1String(kProfile)});
    controller.start();
    auto *login = waitForModal<ui::LoginDialog>();
    QVERIFY(login);
    fill(login, "tenant", m_owner.tenant);
    fill(login, "email", m_owner.email);
    fill(login, "password", m_owner.password);
    QTest::keyClick(login->findChild<QLineEdit *>(QStringLiteral("password")), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(client->session.state(), models::Session::State::SignedIn, kUiWaitMs);
    if (!QTest::qWaitFor([&client] { return client->session.isRemembered(); }, 5000))
        QSKIP("No keychain in this session (run under dbus-run-session with an unlocked "
              "gnome-keyring, as scripts/test does).");
    QVERIFY(!client->session.isOffline());
    QTRY_VERIFY_WITH_TIMEOUT(summaryReady(controller.mainWindow()), kUiWaitMs);
    m_summary = api::toJson(dashboardOf(controller.mainWindow())->summary());
    QVERIFY(!m_summary.isEmpty());
    m_displayName = client->session.person()->displayName;
    QTRY_VERIFY_WITH_TIMEOUT(membersLoaded(controller.mainWindow()), kUiWaitMs);
    m_members = membersOf(controller.mainWindow())->rowCount();
    QTRY_VERIFY_WITH_TIMEOUT(client->client.offlineCache(), kUiWaitMs);
    QVERIFY(client->client.offlineCache()->flush());
}

void TestOfflineStart::cleanup()
{
    m_server.reportIfFailed();
    const QWidgetList windows = QApplication::topLevelWidgets();
    for (QWidget *window : windows)
        window->close();
}

void TestOfflineStart::offlineStartThenOnlineAgain()
{
    m_server.terminate();
    QVERIFY(m_server.waitForExit(10000));

    // Who the person is was sealed into the cache, not written out.
    const QDir offline(m_offline);
    const QStringList files = offline.entryList({QStringLiteral("*.offline")}, QDir::Files);
    QCOMPARE(files.size(), 1);
    QFile file(offline.filePath(files.constFirst()));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(!bytes.contains(m_displayName.toUtf8()));
    QVERIFY(!bytes.contains(m_owner.email.toUtf8()));
    QVERIFY(!bytes.contains(m_owner.tenant.toUtf8()));

    auto client = makeClient(m_offline);
    ApplicationController controller(client->context, {});
    controller.start();
    ui::MainWindow *window = controller.mainWindow();
    QVERIFY(window && window->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(client->session.isOffline(), kUiWaitMs);
    QCOMPARE(client->session.state(), models::Session::State::SignedIn);
    QCOMPARE(controller.mainWindow(), window);
    QVERIFY2(window->personText().contains(m_displayName), qPrintable(window->personText()));
    QVERIFY2(window->tenantText().contains(m_owner.tenant), qPrintable(window->tenantText()));
    QVERIFY(window->centralWidget()->isEnabled());
    for (QWidget *widget : QApplication::topLevelWidgets())
        QVERIFY(!(qobject_cast<ui::LoginDialog *>(widget) && widget->isVisible()));

    // The dashboard as the service last gave it, and said to be so.
    QTRY_VERIFY_WITH_TIMEOUT(summaryReady(window), kUiWaitMs);
    DashboardLoader *loader = dashboardOf(window);
    QCOMPARE(api::toJson(loader->summary()), m_summary);
    const auto asOf = loader->asOf(DashboardLoader::Panel::Summary);
    QVERIFY(asOf);
    QVERIFY(*asOf <= QDateTime::currentDateTimeUtc());
    ui::OfflineBanner *banner = window->offlineBanner();
    QTRY_VERIFY(banner->isVisible());
    QVERIFY(banner->asOf() && *banner->asOf() <= *asOf);
    QVERIFY2(banner->text().startsWith(QStringLiteral("Offline — as of ")),
             qPrintable(banner->text()));
    QVERIFY(banner->isRetryAvailable());
    // A password changes only on the service.
    auto *changePassword = window->findChild<QAction *>(QStringLiteral("changePasswordAction"));
    QVERIFY(changePassword);
    QVERIFY(!changePassword->isEnabled());
    // The members too.
    QTRY_VERIFY_WITH_TIMEOUT(membersLoaded(window), kUiWaitMs);
    QCOMPARE(membersOf(window)->rowCount(), m_members);
    QVERIFY(membersOf(window)->asOf());

    // "Retry" while the service is still away: still offline.
    QPushButton *retry = retryButton(banner);
    QVERIFY(retry);
    retry->click();
    QTest::qWait(300);
    QVERIFY(client->session.isOffline());
    QCOMPARE(client->session.state(), models::Session::State::SignedIn);

    // Back: "Retry" resumes the session with the refresh token.
    QVERIFY2(restartServer(), qPrintable(m_server.errorString()));
    QSignalSpy offlineChanged(&client->session, &models::Session::offlineChanged);
    retry = retryButton(banner);
    QVERIFY(retry);
    retry->click();
    QTRY_VERIFY_WITH_TIMEOUT(!client->session.isOffline(), kUiWaitMs);
    QCOMPARE(offlineChanged.size(), 1);
    QCOMPARE(offlineChanged.constFirst().constFirst().toBool(), false);
    QCOMPARE(client->session.state(), models::Session::State::SignedIn);
    QVERIFY(!client->session.accessToken().isEmpty());
    QVERIFY(!banner->isVisible());
    QVERIFY(!banner->isRetryAvailable());
    QVERIFY(changePassword->isEnabled());
    QVERIFY2(window->banner()->text().contains(QLatin1String("reached again")),
             qPrintable(window->banner()->text()));
    // Read again, from the service this time.
    QVERIFY(QTest::qWaitFor(
        [loader] {
            return loader->state(DashboardLoader::Panel::Summary) == DashboardLoader::State::Ready;
        },
        kUiWaitMs));
    QSignalSpy finished(loader, &DashboardLoader::finished);
    loader->reload();
    QVERIFY(finished.wait(kUiWaitMs));
    QVERIFY(!loader->asOf(DashboardLoader::Panel::Summary));
    QCOMPARE(api::toJson(loader->summary()), m_summary);
    // The rotated refresh token reaches the keychain before the next start.
    QTest::qWait(500);
}

void TestOfflineStart::refusedTokenOnceOnlineSignsOut()
{
    m_server.terminate();
    QVERIFY(m_server.waitForExit(10000));
    {
        // A refresh token the service will not know (revoked meanwhile, say).
        auto client = makeClient(m_offline);
        bool written = false;
        client->credentials.write(models::CredentialStore::entryKey(QLatin1String(kProfile),
                                                                    m_owner.tenant, m_owner.email),
                                  QStringLiteral("not-a-token-the-service-gave"),
                                  [&written](std::optional<models::ApiError> error) {
                                      QVERIFY(!error);
                                      written = true;
                                  });
        QTRY_VERIFY_WITH_TIMEOUT(written, kUiWaitMs);
    }
    auto client = makeClient(m_offline);
    client->session.setOfflineRetryInterval(std::chrono::seconds(1));
    ApplicationController controller(client->context, {});
    controller.start();
    QTRY_VERIFY_WITH_TIMEOUT(client->session.isOffline(), kUiWaitMs);
    QPointer<ui::MainWindow> window = controller.mainWindow();
    QVERIFY(window);

    // The retry timer finds the service back; the token is refused.
    QSignalSpy signedOut(&client->session, &models::Session::signedOut);
    QVERIFY2(restartServer(), qPrintable(m_server.errorString()));
    QVERIFY(signedOut.wait(kUiWaitMs));
    QCOMPARE(signedOut.constFirst().constFirst().toBool(), true);
    QCOMPARE(client->session.state(), models::Session::State::SignedOut);
    QVERIFY(!client->session.isOffline());
    QVERIFY(!client->client.offlineCache());
    auto *login = waitForModal<ui::LoginDialog>();
    QVERIFY(login);
    QVERIFY2(login->banner()->text().contains(QLatin1String("session has ended")),
             qPrintable(login->banner()->text()));
}

void TestOfflineStart::withoutOfflineDataAsksToSignIn()
{
    // A remembered session (the last test's token) but no offline data here.
    m_server.terminate();
    QVERIFY(m_server.waitForExit(10000));
    {
        auto client = makeClient(m_offline);
        bool written = false;
        client->credentials.write(models::CredentialStore::entryKey(QLatin1String(kProfile),
                                                                    m_owner.tenant, m_owner.email),
                                  QStringLiteral("a-remembered-token"),
                                  [&written](std::optional<models::ApiError> error) {
                                      QVERIFY(!error);
                                      written = true;
                                  });
        QTRY_VERIFY_WITH_TIMEOUT(written, kUiWaitMs);
    }
    QTemporaryDir empty;
    QVERIFY(empty.isValid());
    auto client = makeClient(empty.path());
    ApplicationController controller(client->context, {});
    controller.start();
    auto *login = waitForModal<ui::LoginDialog>();
    QVERIFY(login);
    QCOMPARE(client->session.state(), models::Session::State::SignedOut);
    QVERIFY(!client->session.isOffline());
    QVERIFY2(login->banner()->text().contains(QLatin1String("cannot reach the service")),
             qPrintable(login->banner()->text()));
    QCOMPARE(login->parentWidget(), controller.mainWindow());
}

QTEST_MAIN(TestOfflineStart)
#include "tst_offlinestart.moc"
