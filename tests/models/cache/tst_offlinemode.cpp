// Offline mode end to end: the real engage-server (with the demo's year of
// results) and the real Secret Service. Signed in to sakura-foods (the
// dashboards, the members) and northwind (the access log, which needs the
// security option), the client reads while online; then the service stops,
// the same models read again and show the same data from the offline
// cache, marked with when the service gave it. An HTTP error is never
// answered from the cache. A sign-out keeps the cache, or removes its file
// and key when asked to.

#include "../serviceclient.h"
#include "models/cache/offlinecache.h"
#include "models/dashboard/dashboardloader.h"
#include "models/logwindowmodel.h"
#include "models/membertablemodel.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QUuid>

using namespace engage;
using namespace engage::test;
using engage::models::DashboardLoader;
using engage::models::LogWindowModel;
using engage::models::MemberTableModel;
using engage::models::OfflineCache;
using Panel = engage::models::DashboardLoader::Panel;

namespace {

constexpr int kPageSize = 25;

bool openCache(Client &client)
{
    return QTest::qWaitFor(
        [&client] { return client.api.offlineCache() && !client.api.offlineCache()->isLoading(); },
        kWaitMs);
}

// What a dashboard showed, as the service's JSON.
QJsonObject dashboardState(const DashboardLoader &loader)
{
    return {{QStringLiteral("rounds"), api::toJson(loader.rounds())},
            {QStringLiteral("summary"), api::toJson(loader.summary())},
            {QStringLiteral("trend"), api::toJson(loader.trend())},
            {QStringLiteral("factors"), api::toJson(loader.factors())},
            {QStringLiteral("heatmap"), api::toJson(loader.heatmap())},
            {QStringLiteral("priority"), api::toJson(loader.priority())},
            {QStringLiteral("memos"), api::toJson(loader.memos())},
            {QStringLiteral("benchmarks"), api::toJson(loader.benchmarks())}};
}

QList<Panel> loadedPanels()
{
    return {Panel::Rounds,  Panel::Summary,  Panel::Trend, Panel::Factors,
            Panel::Heatmap, Panel::Priority, Panel::Memos, Panel::Benchmarks};
}

bool reloadAndWait(DashboardLoader &loader)
{
    QSignalSpy finished(&loader, &DashboardLoader::finished);
    loader.reload();
    return finished.wait(kWaitMs);
}

// Two pages of members, in order.
QStringList twoPages(MemberTableModel &members)
{
    if (!QTest::qWaitFor([&members] { return members.total() >= 0 && !members.isLoading(); },
                         kWaitMs))
        return {};
    members.fetchMore({});
    if (!QTest::qWaitFor([&members] { return !members.isLoading(); }, kWaitMs))
        return {};
    QStringList ids;
    for (int row = 0; row < members.rowCount(); ++row)
        ids.append(members.memberAt(row).id);
    return ids;
}

// The sequence numbers of the log's first rows, once loaded.
QList<qint64> firstRows(LogWindowModel &log, int rows)
{
    if (!QTest::qWaitFor([&log] { return log.total() >= 0 && !log.isLoading(); }, kWaitMs))
        return {};
    // As a view asks for what it paints.
    for (int row = 0; row < rows; ++row)
        log.data(log.index(row, 0));
    if (!QTest::qWaitFor([&log, rows] { return log.isLoaded(rows - 1); }, kWaitMs))
        return {};
    QList<qint64> seqs;
    for (int row = 0; row < rows; ++row)
        seqs.append(log.data(log.index(row, 0), LogWindowModel::SeqRole).toLongLong());
    return seqs;
}

enum class Entry
{
    Present,
    Missing,
    NoAnswer,
};

Entry entryState(models::CredentialStore &store, const QString &key)
{
    auto state = std::make_shared<Entry>(Entry::NoAnswer);
    auto answered = std::make_shared<bool>(false);
    store.read(key, [state, answered](std::optional<QString> secret,
                                      std::optional<models::ApiError> error) {
        *answered = true;
        if (!error)
            *state = secret ? Entry::Present : Entry::Missing;
    });
    if (!QTest::qWaitFor([&answered] { return *answered; }, kWaitMs))
        qWarning() << "the keychain did not answer";
    return *state;
}

} // namespace

class TestOfflineMode final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void onlineReadsAreNotMarked();
    void httpErrorsAreNotAnsweredFromTheCache();
    void serviceStoppedDataServedFromCache();
    void signOutKeepsOrRemovesTheCache();

private:
    ServerProcess m_server;
    QTemporaryDir m_offline;
    std::unique_ptr<models::CredentialStore> m_store;
    std::unique_ptr<Client> m_sakura;
    std::unique_ptr<Client> m_northwind;
    std::unique_ptr<DashboardLoader> m_dashboard;
    std::unique_ptr<MemberTableModel> m_members;
    std::unique_ptr<LogWindowModel> m_log;
    QJsonObject m_dashboardOnline;
    QStringList m_membersOnline;
    QList<qint64> m_logOnline;
    QDateTime m_readFrom;
    QDateTime m_readUntil;
};

void TestOfflineMode::initTestCase()
{
    QVERIFY(m_offline.isValid());
    QVERIFY2(m_server.startWithHistory(), qPrintable(m_server.errorString()));
    m_store = std::make_unique<models::CredentialStore>(QStringLiteral("Engage tst_offlinemode ") +
                                                        QUuid::createUuid().toString());
    m_sakura = std::make_unique<Client>(m_server, *m_store, QStringLiteral("work"));
    m_northwind = std::make_unique<Client>(m_server, *m_store, QStringLiteral("work"));
    for (Client *client : {m_sakura.get(), m_northwind.get()})
        client->session.setOfflineCacheDirectory(m_offline.path());
    QVERIFY(signIn(m_sakura->session, demoOwner(m_server, QStringLiteral("sakura-foods"))));
    QVERIFY(signIn(m_northwind->session, demoOwner(m_server, QStringLiteral("northwind"))));
    QVERIFY(openCache(*m_sakura));
    QVERIFY(openCache(*m_northwind));
    QVERIFY(m_sakura->api.offlineCache()->filePath() !=
            m_northwind->api.offlineCache()->filePath());
}

void TestOfflineMode::cleanupTestCase()
{
    m_log.reset();
    m_members.reset();
    m_dashboard.reset();
    m_sakura.reset();
    m_northwind.reset();
    // The keychain's answers to the sign-outs arrive before the store goes.
    QTest::qWait(500);
}

void TestOfflineMode::cleanup()
{
    m_server.reportIfFailed();
}

void TestOfflineMode::onlineReadsAreNotMarked()
{
    m_readFrom = QDateTime::currentDateTimeUtc().addMSecs(-1);

    m_dashboard = std::make_unique<DashboardLoader>(m_sakura->api);
    QSignalSpy finished(m_dashboard.get(), &DashboardLoader::finished);
    m_dashboard->load(api::DashboardQuery());
    QVERIFY(finished.wait(kWaitMs));
    for (const Panel panel : loadedPanels()) {
        QVERIFY2(m_dashboard->state(panel) == DashboardLoader::State::Ready,
                 QMetaEnum::fromType<Panel>().valueToKey(int(panel)));
        QVERIFY(!m_dashboard->asOf(panel));
    }
    QVERIFY(!m_dashboard->rounds().rounds.isEmpty());
    m_dashboardOnline = dashboardState(*m_dashboard);

    m_members = std::make_unique<MemberTableModel>(m_sakura->api);
    m_members->setPageSize(kPageSize);
    m_members->setQuery(api::MemberQuery());
    m_membersOnline = twoPages(*m_members);
    QCOMPARE(m_membersOnline.size(), 2 * kPageSize);
    QVERIFY(!m_members->asOf());

    // Rows for the access log to show, older than its snapshot (a second
    // before it is counted) by the time it is read.
    for (int request = 0; request < 12; ++request)
        QVERIFY(get(m_northwind->api, QStringLiteral("/api/v1/me")).ok);
    QTest::qWait(1500);
    m_log = std::make_unique<LogWindowModel>(m_northwind->api);
    m_log->setPageSize(kPageSize);
    m_log->setQuery(api::LogKind::Access, api::LogQuery());
    m_logOnline = firstRows(*m_log, 10);
    QCOMPARE(m_logOnline.size(), 10);
    QVERIFY(!m_log->asOf());

    m_readUntil = QDateTime::currentDateTimeUtc().addMSecs(1);
    // On disk a moment later, without a word from anyone.
    for (Client *client : {m_sakura.get(), m_northwind.get()}) {
        const QString path = client->api.offlineCache()->filePath();
        QVERIFY(QTest::qWaitFor([&path] { return QFile::exists(path); }, kWaitMs));
    }
}

void TestOfflineMode::httpErrorsAreNotAnsweredFromTheCache()
{
    // A member that does not exist, under the key of a page that is cached:
    // the service's 404 stands.
    models::ApiRequest request;
    request.path =
        QStringLiteral("/api/v1/members/") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    request.offlineKey = QStringLiteral("/api/v1/engagement/summary");
    QVERIFY(m_sakura->api.offlineCache()->find(request.offlineKey));
    const Outcome outcome = call(m_sakura->api, request);
    QVERIFY(outcome.answered);
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.error.httpStatus, 404);
}

void TestOfflineMode::serviceStoppedDataServedFromCache()
{
    m_server.terminate();
    QVERIFY(m_server.waitForExit(20000));
    QSignalSpy served(&m_sakura->api, &models::ApiClient::servedFromCache);

    QVERIFY(reloadAndWait(*m_dashboard));
    for (const Panel panel : loadedPanels()) {
        const char *name = QMetaEnum::fromType<Panel>().valueToKey(int(panel));
        QVERIFY2(m_dashboard->state(panel) == DashboardLoader::State::Ready, name);
        const std::optional<QDateTime> asOf = m_dashboard->asOf(panel);
        QVERIFY2(asOf, name);
        QVERIFY2(*asOf >= m_readFrom && *asOf <= m_readUntil, name);
    }
    QCOMPARE(dashboardState(*m_dashboard), m_dashboardOnline);
    QVERIFY(served.size() >= loadedPanels().size());
    QVERIFY(served.constFirst().constFirst().toDateTime() >= m_readFrom);

    m_members->reload();
    QCOMPARE(twoPages(*m_members), m_membersOnline);
    QVERIFY(m_members->asOf());
    QVERIFY(*m_members->asOf() >= m_readFrom && *m_members->asOf() <= m_readUntil);

    m_log->reload();
    QCOMPARE(firstRows(*m_log, 10), m_logOnline);
    QVERIFY(m_log->asOf());
    QVERIFY(*m_log->asOf() >= m_readFrom && *m_log->asOf() <= m_readUntil);

    // What was never read fails as before.
    QSignalSpy failed(m_members.get(), &MemberTableModel::failed);
    api::MemberQuery search;
    search.search = QStringLiteral("never searched");
    m_members->setQuery(search);
    QVERIFY(failed.wait(kWaitMs));
    QCOMPARE(failed.constFirst().constFirst().value<models::ApiError>().kind,
             models::ApiError::Kind::Network);
    QVERIFY(!m_members->asOf());
}

void TestOfflineMode::signOutKeepsOrRemovesTheCache()
{
    const QString kept = m_sakura->api.offlineCache()->filePath();
    const QString removed = m_northwind->api.offlineCache()->filePath();
    const models::OfflineScope northwind{QStringLiteral("work"), QStringLiteral("northwind"),
                                         demoOwner(m_server, QStringLiteral("northwind")).email};
    const QString northwindKey = models::CredentialStore::offlineCacheEntryKey(
        northwind.profile, northwind.tenant, northwind.email);

    m_sakura->session.signOut();
    QVERIFY(!m_sakura->api.offlineCache());
    QVERIFY(QFile::exists(kept));

    m_northwind->session.signOut(models::Session::OfflineData::Remove);
    QVERIFY(!m_northwind->api.offlineCache());
    QVERIFY(!QFile::exists(removed));
    QCOMPARE(OfflineCache::filePath(m_offline.path(), northwind), removed);
    // The key went too: nothing is left that opens the file, should a copy
    // exist. The other person's stays.
    QTRY_VERIFY_WITH_TIMEOUT(entryState(*m_store, northwindKey) == Entry::Missing, kWaitMs);
    QCOMPARE(entryState(*m_store, models::CredentialStore::offlineCacheEntryKey(
                                      QStringLiteral("work"), QStringLiteral("sakura-foods"),
                                      demoOwner(m_server, QStringLiteral("sakura-foods")).email)),
             Entry::Present);
    QCOMPARE(QDir(m_offline.path()).entryList(QDir::Files),
             QStringList{QFileInfo(kept).fileName()});
}

QTEST_GUILESS_MAIN(TestOfflineMode)
#include "tst_offlinemode.moc"
