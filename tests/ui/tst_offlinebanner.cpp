// The offline banner in the main window, offscreen: hidden while the service
// answers; shown with "as of" in the user's time zone once a page's data
// comes from the offline cache (a real ApiClient whose service is not
// there, a real cache), keeping the oldest time; hidden when the real
// engage-server answers again; following the language. And the account
// menu's "Sign out and remove offline data…": asked first, cancelled keeps
// the cache, confirmed signs out and deletes it.

#include "../models/serviceclient.h"
#include "models/cache/offlinecache.h"
#include "models/cache/sealedrecord.h"
#include "ui/mainwindow.h"
#include "ui/widgets/offlinebanner.h"
#include "uitestsupport.h"

#include <QAction>
#include <QCoreApplication>
#include <QFile>
#include <QLocale>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QUuid>

using namespace engage;
using namespace engage::test;
using engage::ui::MainWindow;
using engage::ui::OfflineBanner;

namespace {

const QString kSummary = QStringLiteral("/api/v1/engagement/summary");

// A loopback port where nothing listens: connections are refused at once.
QUrl unreachable()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost);
    const quint16 port = probe.serverPort();
    probe.close();
    return QUrl(QStringLiteral("https://127.0.0.1:%1").arg(port));
}

QDateTime utc(const char *text)
{
    return QDateTime::fromString(QString::fromLatin1(text), Qt::ISODate);
}

bool getCached(models::ApiClient &client, const QString &key)
{
    models::ApiRequest request;
    request.path = kSummary;
    request.offlineKey = key;
    const Outcome outcome = call(client, request);
    return outcome.answered && outcome.ok;
}

} // namespace

class TestOfflineBanner final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void showsAsOfInTheUsersTimeZone();
    void signOutRemovingOfflineData_data();
    void signOutRemovingOfflineData();

private:
    ServerProcess m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<ClientUnderTest> m_client;
};

void TestOfflineBanner::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QVERIFY(m_dir.isValid());
}

void TestOfflineBanner::init()
{
    m_client = std::make_unique<ClientUnderTest>(m_dir.filePath(QStringLiteral("settings.ini")));
    m_client->language.setLanguage(QStringLiteral("en"));
    m_client->session.setOfflineCacheDirectory(m_dir.filePath(QStringLiteral("offline")));
}

void TestOfflineBanner::cleanup()
{
    m_client.reset();
    m_server.reportIfFailed();
}

void TestOfflineBanner::showsAsOfInTheUsersTimeZone()
{
    models::ApiClient &client = m_client->client;
    client.setBaseUrl(unreachable());
    client.setOptions({std::chrono::milliseconds(5000), 1, std::chrono::milliseconds(10)});
    models::OfflineCache cache(m_dir.filePath(QStringLiteral("banner")),
                               {QStringLiteral("p"), QStringLiteral("northwind"),
                                QStringLiteral("owner@northwind.example")},
                               models::randomCacheKey());
    client.setOfflineCache(&cache);
    const QJsonDocument summary(QJsonObject{{QStringLiteral("respondents"), 12}});
    cache.store(QStringLiteral("older"), summary, utc("2024-04-30T23:45:00Z"));
    cache.store(QStringLiteral("newer"), summary, utc("2024-05-01T03:00:00Z"));

    MainWindow window(m_client->context);
    QVERIFY(showActive(window, QSize(1000, 700)));
    OfflineBanner *banner = window.findChild<OfflineBanner *>(QStringLiteral("offlineBanner"));
    QVERIFY(banner);
    QCOMPARE(banner, window.offlineBanner());
    QVERIFY(!banner->isVisible());
    banner->setTimeZone(QTimeZone("Asia/Tokyo"));

    // Nothing cached under the key: an error, no banner.
    QVERIFY(!getCached(client, QStringLiteral("never read")));
    QVERIFY(!banner->isVisible());

    QVERIFY(getCached(client, QStringLiteral("newer")));
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->asOf(), utc("2024-05-01T03:00:00Z"));
    const QString newer = QLocale().toString(
        utc("2024-05-01T03:00:00Z").toTimeZone(QTimeZone("Asia/Tokyo")), QLocale::ShortFormat);
    QVERIFY2(banner->text().contains(newer), qPrintable(banner->text()));
    QVERIFY(banner->text().startsWith(QStringLiteral("Offline — as of ")));
    // 03:00 UTC is noon in Tokyo.
    QVERIFY2(newer.contains(QLatin1String("12:00")), qPrintable(newer));

    // Data read earlier on screen too: the oldest time is the one to heed.
    QVERIFY(getCached(client, QStringLiteral("older")));
    const QString older = QLocale().toString(
        utc("2024-04-30T23:45:00Z").toTimeZone(QTimeZone("Asia/Tokyo")), QLocale::ShortFormat);
    QVERIFY2(banner->text().contains(older), qPrintable(banner->text()));
    QVERIFY2(older.contains(QLatin1String("8:45")), qPrintable(older));
    QVERIFY(getCached(client, QStringLiteral("newer")));
    QCOMPARE(banner->asOf(), utc("2024-04-30T23:45:00Z"));

    // Another zone, another clock.
    banner->setTimeZone(QTimeZone("UTC"));
    QVERIFY2(banner->text().contains(
                 QLocale().toString(utc("2024-04-30T23:45:00Z"), QLocale::ShortFormat)),
             qPrintable(banner->text()));

    // The language follows.
    MarkingTranslator marking;
    QCoreApplication::installTranslator(&marking);
    QTRY_VERIFY(banner->text().startsWith(QLatin1String("[T] Offline")));
    QCoreApplication::removeTranslator(&marking);
    QTRY_VERIFY(banner->text().startsWith(QLatin1String("Offline")));

    // The service answers again: the banner goes.
    client.setBaseUrl(m_server.url());
    client.setPinnedFingerprint(m_server.fingerprint());
    QVERIFY(get(client, QStringLiteral("/readyz")).ok);
    QVERIFY(!banner->isVisible());
    QVERIFY(!banner->asOf());
    client.setOfflineCache(nullptr);
}

void TestOfflineBanner::signOutRemovingOfflineData_data()
{
    QTest::addColumn<bool>("confirm");
    QTest::newRow("cancelled") << false;
    QTest::newRow("confirmed") << true;
}

void TestOfflineBanner::signOutRemovingOfflineData()
{
    QFETCH(bool, confirm);
    models::ApiClient &client = m_client->client;
    client.setBaseUrl(m_server.url());
    client.setPinnedFingerprint(m_server.fingerprint());
    m_client->session.setProfileName(QStringLiteral("Offline banner"));
    QVERIFY(signIn(m_client->session, demoOwner(m_server, QStringLiteral("northwind"))));
    QVERIFY(QTest::qWaitFor([&client] { return client.offlineCache(); }, kUiWaitMs));
    QVERIFY(getCached(client, kSummary));
    QVERIFY(client.offlineCache()->flush());
    const QString path = client.offlineCache()->filePath();
    QVERIFY(QFile::exists(path));

    MainWindow window(m_client->context);
    QVERIFY(showActive(window, QSize(1000, 700)));
    QSignalSpy signedOut(&m_client->session, &models::Session::signedOut);
    QAction *action = window.findChild<QAction *>(QStringLiteral("signOutRemovingOfflineAction"));
    QVERIFY(action);
    QVERIFY(action->isEnabled());
    action->trigger();
    QVERIFY(answerMessageBox(confirm ? QMessageBox::DestructiveRole : QMessageBox::RejectRole));
    if (!confirm) {
        QTest::qWait(100);
        QVERIFY(signedOut.isEmpty());
        QCOMPARE(m_client->session.state(), models::Session::State::SignedIn);
        QVERIFY(client.offlineCache());
        QVERIFY(QFile::exists(path));
        m_client->session.signOut(models::Session::OfflineData::Remove);
        return;
    }
    QCOMPARE(signedOut.size(), 1);
    QCOMPARE(m_client->session.state(), models::Session::State::SignedOut);
    QVERIFY(!client.offlineCache());
    QVERIFY(!QFile::exists(path));
    QVERIFY(!action->isEnabled());
}

QTEST_MAIN(TestOfflineBanner)
#include "tst_offlinebanner.moc"
