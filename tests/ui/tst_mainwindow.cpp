// MainWindow over a signed-in session on the real server: pages reached with
// the keyboard, navigation text following the page titles, the status bar
// (tenant, person, service health from /readyz), the account actions,
// geometry restored by a second window on the same settings, retranslation,
// and the first-paint signal the start-up benchmark relies on.

#include "../models/serviceclient.h"
#include "ui/mainwindow.h"
#include "uitestsupport.h"

#include <QAction>
#include <QListWidget>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTest>

using namespace engage;
using namespace engage::test;
using engage::ui::MainWindow;

namespace {

QWidget *page(const QString &title)
{
    auto *widget = new QWidget;
    widget->setWindowTitle(title);
    widget->setFocusPolicy(Qt::StrongFocus);
    return widget;
}

QListWidget *navigation(const MainWindow &window)
{
    return window.findChild<QListWidget *>(QStringLiteral("navigation"));
}

} // namespace

class TestMainWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void pagesByKeyboard();
    void navigationFollowsPageTitles();
    void statusBarShowsWhoWhereAndHealth();
    void accountActionsAskTheController();
    void geometryRestoredInNextWindow();
    void retranslatesOnLanguageChange();
    void reportsFirstPaint();

private:
    ServerProcess m_server;
    Account m_owner;
    QTemporaryDir m_dir;
    std::unique_ptr<ClientUnderTest> m_client;
};

void TestMainWindow::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    m_owner = demoOwner(m_server, QStringLiteral("northwind"));
    QVERIFY(m_dir.isValid());
}

void TestMainWindow::init()
{
    m_client.reset();
    m_client = std::make_unique<ClientUnderTest>(m_dir.filePath(QStringLiteral("settings.ini")));
    m_client->language.setLanguage(QStringLiteral("en"));
    const models::ConnectionProfile profile = serverProfile(m_server, QStringLiteral("Main window"));
    m_client->settings.saveProfile(profile);
    m_client->settings.setCurrentProfile(profile.name);
    m_client->client.setBaseUrl(profile.url);
    m_client->client.setPinnedFingerprint(profile.fingerprint);
    m_client->session.setProfileName(profile.name);
    QVERIFY(signIn(m_client->session, m_owner));
}

void TestMainWindow::pagesByKeyboard()
{
    MainWindow window(m_client->context);
    window.addPage(page(QStringLiteral("Alpha")), {});
    window.addPage(page(QStringLiteral("Beta")), {});
    window.addPage(page(QStringLiteral("Gamma")), {});
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QCOMPARE(window.currentPageIndex(), 0);

    QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
    QCOMPARE(window.currentPageIndex(), 2);
    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(window.currentPageIndex(), 1);
    QCOMPARE(QApplication::focusWidget()->windowTitle(), QStringLiteral("Beta"));

    // Up and down in the side list move between pages too.
    navigation(window)->setFocus();
    QTest::keyClick(navigation(window), Qt::Key_Up);
    QCOMPARE(window.currentPageIndex(), 0);
    QTest::keyClick(navigation(window), Qt::Key_Down);
    QTest::keyClick(navigation(window), Qt::Key_Down);
    QCOMPARE(window.currentPageIndex(), 2);
}

void TestMainWindow::navigationFollowsPageTitles()
{
    MainWindow window(m_client->context);
    QWidget *people = page(QStringLiteral("People"));
    window.addPage(people, {});
    QCOMPARE(navigation(window)->item(0)->text(), QStringLiteral("People"));
    people->setWindowTitle(QStringLiteral("Administrators"));
    QCOMPARE(navigation(window)->item(0)->text(), QStringLiteral("Administrators"));
}

void TestMainWindow::statusBarShowsWhoWhereAndHealth()
{
    MainWindow window(m_client->context);
    window.show();
    QVERIFY(m_client->session.person());
    QVERIFY(window.personText().contains(m_client->session.person()->displayName));
    QVERIFY(window.tenantText().contains(m_owner.tenant));
    QVERIFY(window.connectionText().contains(QStringLiteral("Main window")));
    QTRY_COMPARE_WITH_TIMEOUT(window.healthText(), QStringLiteral("Service: ready"), kUiWaitMs);
}

void TestMainWindow::accountActionsAskTheController()
{
    MainWindow window(m_client->context);
    QSignalSpy password(&window, &MainWindow::passwordChangeRequested);
    QSignalSpy signOut(&window, &MainWindow::signOutRequested);
    window.findChild<QAction *>(QStringLiteral("changePasswordAction"))->trigger();
    window.findChild<QAction *>(QStringLiteral("signOutAction"))->trigger();
    QCOMPARE(password.count(), 1);
    QCOMPARE(signOut.count(), 1);
    // The menus have mnemonics for keyboard access.
    const QList<QAction *> menus = window.menuBar()->actions();
    QVERIFY(!menus.isEmpty());
    for (const QAction *menu : menus)
        QVERIFY2(menu->text().contains(QLatin1Char('&')), qPrintable(menu->text()));
}

void TestMainWindow::geometryRestoredInNextWindow()
{
    {
        MainWindow first(m_client->context);
        first.show();
        QVERIFY(QTest::qWaitForWindowExposed(&first));
        first.resize(812, 603);
        QTRY_COMPARE(first.size(), QSize(812, 603));
        first.close();
    }
    MainWindow second(m_client->context);
    QCOMPARE(second.size(), QSize(812, 603));
    {
        MainWindow third(m_client->context);
        third.resize(900, 640);
    } // saved on destruction too (a sign-out deletes the window)
    MainWindow fourth(m_client->context);
    QCOMPARE(fourth.size(), QSize(900, 640));
}

void TestMainWindow::retranslatesOnLanguageChange()
{
    MainWindow window(m_client->context);
    window.addPage(page(QStringLiteral("Alpha")), {});
    window.show();
    const auto menuTexts = [&window] {
        QStringList texts;
        const QList<QAction *> menus = window.menuBar()->actions();
        for (const QAction *menu : menus)
            texts.append(menu->text());
        return texts;
    };
    const QStringList english = menuTexts();
    const QString health = window.healthText();

    MarkingTranslator marking;
    QCoreApplication::installTranslator(&marking);
    QTRY_VERIFY(menuTexts().constFirst().startsWith(QLatin1String("[T] ")));
    for (const QString &text : menuTexts())
        QVERIFY2(text.startsWith(QLatin1String("[T] ")), qPrintable(text));
    QVERIFY(window.healthText().startsWith(QLatin1String("[T] ")));
    QVERIFY(window.personText().startsWith(QLatin1String("[T] ")));
    QCoreApplication::removeTranslator(&marking);
    QTRY_COMPARE(menuTexts(), english);
    QCOMPARE(window.healthText(), health);
}

void TestMainWindow::reportsFirstPaint()
{
    MainWindow window(m_client->context);
    QSignalSpy painted(&window, &MainWindow::firstPainted);
    window.show();
    QTRY_COMPARE(painted.count(), 1);
    window.update();
    QTest::qWait(100);
    QCOMPARE(painted.count(), 1);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
