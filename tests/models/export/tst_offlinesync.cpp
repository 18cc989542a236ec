// OfflineSync against the real engage-server and the real Secret Service:
// signed in online with an offline cache, the sync loads what the members,
// results and survey definitions exports read, and again when its interval
// comes round, until the sign-out. Then the service stops and a client that
// cannot reach it loads each export from the cache alone, with the cover's
// "as of", the members as the service listed them. A session without an
// offline cache (the command line's, the demo's) or with the sync disabled
// never syncs.

#include "models/apiclient.h"
#include "models/cache/cachekey.h"
#include "models/cache/offlinecache.h"
#include "models/export/memberexportsource.h"
#include "models/export/offlinesync.h"
#include "models/export/resultexportsource.h"
#include "models/export/surveyexportsource.h"
#include "serviceclient.h"

#include <QTemporaryDir>
#include <QUrl>
#include <QUuid>

using namespace engage;
using namespace engage::test;
using namespace std::chrono_literals;
using engage::models::OfflineSync;

namespace {

const QString kProfile = QStringLiteral("work");
constexpr auto kShortInterval = 1500ms;
// Read by every export and by nothing else.
const QString kSettingsKey = QStringLiteral("/api/v1/engagement/settings");

bool load(models::ExportSource &source)
{
    QSignalSpy loaded(&source, &models::ExportSource::loaded);
    QSignalSpy failed(&source, &models::ExportSource::failed);
    source.load();
    if (!QTest::qWaitFor([&] { return !loaded.isEmpty() || !failed.isEmpty(); }, kWaitMs))
        qWarning() << "the export did not finish loading";
    if (!failed.isEmpty())
        qWarning() << "the export failed:"
                   << failed.constFirst().constFirst().value<models::ApiError>().detail;
    return !loaded.isEmpty();
}

// Every member of the tenant, as the service lists them by the default query.
QStringList onlineMemberIds(models::ApiClient &client)
{
    QStringList ids;
    api::MemberQuery query;
    query.limit = api::kMemberPageMax;
    do {
        const Outcome page = get(client, QStringLiteral("/api/v1/members?") +
                                             api::toUrlQuery(query).toString(QUrl::FullyEncoded));
        if (!page.ok)
            return {};
        auto decoded = api::memberPageFromJson(page.json);
        if (!decoded)
            return {};
        for (const api::Member &member : decoded.value().page.items)
            ids.append(member.id);
        query.cursor = decoded.value().page.nextCursor;
    } while (query.cursor);
    return ids;
}

} // namespace

class TestOfflineSync final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void withoutCacheNoSync();
    void disabledNoSync();
    void syncsAtSignInAndAgainUntilSignOut();
    void exportsLoadFromTheSyncedCacheOffline();

private:
    ServerProcess m_server;
    QTemporaryDir m_offline;
    std::unique_ptr<models::CredentialStore> m_store;
    Account m_owner;
    QStringList m_memberIds;
    QDateTime m_syncFrom;
    QDateTime m_syncUntil;
};

void TestOfflineSync::initTestCase()
{
    QVERIFY(m_offline.isValid());
    QVERIFY2(m_server.startWithHistory(), qPrintable(m_server.errorString()));
    m_store = std::make_unique<models::CredentialStore>(QStringLiteral("Engage tst_offlinesync ") +
                                                        QUuid::createUuid().toString());
    m_owner = demoOwner(m_server, QStringLiteral("sakura-foods"));
    QVERIFY(!m_owner.password.isEmpty());
}

void TestOfflineSync::cleanup()
{
    m_server.reportIfFailed();
}

// As `engage-admin export` and the demo sign in: no offline cache.
void TestOfflineSync::withoutCacheNoSync()
{
    Client client(m_server, *m_store, kProfile);
    client.session.setOfflineCacheDirectory({});
    OfflineSync sync(client.api, client.session);
    sync.setFirstDelay(0ms);
    sync.setInterval(kShortInterval);
    QSignalSpy started(&sync, &OfflineSync::started);
    QVERIFY(signIn(client.session, m_owner));
    QTest::qWait(2 * kShortInterval.count());
    QVERIFY(!client.api.offlineCache());
    QCOMPARE(started.size(), 0);
    client.session.signOut();
    QTest::qWait(500);
}

void TestOfflineSync::disabledNoSync()
{
    Client client(m_server, *m_store, kProfile);
    client.session.setOfflineCacheDirectory(m_offline.path());
    OfflineSync sync(client.api, client.session);
    sync.setEnabled(false);
    sync.setFirstDelay(0ms);
    sync.setInterval(kShortInterval);
    QSignalSpy started(&sync, &OfflineSync::started);
    QVERIFY(signIn(client.session, m_owner));
    QVERIFY(QTest::qWaitFor([&client] { return client.api.offlineCache() != nullptr; }, kWaitMs));
    QTest::qWait(2 * kShortInterval.count());
    QCOMPARE(started.size(), 0);
    // Nothing of the exports is cached: the settings are read by every export only.
    QVERIFY(!client.api.offlineCache()->find(kSettingsKey));
    client.session.signOut();
    QTest::qWait(500);
}

void TestOfflineSync::syncsAtSignInAndAgainUntilSignOut()
{
    Client client(m_server, *m_store, kProfile);
    client.session.setOfflineCacheDirectory(m_offline.path());
    OfflineSync sync(client.api, client.session);
    QCOMPARE(sync.interval(), std::chrono::milliseconds(6h));
    sync.setFirstDelay(0ms);
    sync.setInterval(kShortInterval);
    QSignalSpy started(&sync, &OfflineSync::started);
    QSignalSpy finished(&sync, &OfflineSync::finished);

    m_syncFrom = QDateTime::currentDateTimeUtc().addMSecs(-1);
    QVERIFY(signIn(client.session, m_owner));
    QVERIFY(client.api.offlineCache());
    QVERIFY(waitFor(finished));
    QCOMPARE(started.size(), 1);
    QCOMPARE(finished.constFirst().constFirst().toBool(), true);
    QVERIFY(!sync.isRunning());
    // Again when the interval comes round.
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() >= 2, kWaitMs);
    QCOMPARE(finished.constLast().constFirst().toBool(), true);
    QVERIFY(client.api.offlineCache()->find(kSettingsKey));
    QVERIFY(client.api.offlineCache()->flush());
    m_memberIds = onlineMemberIds(client.api);
    QVERIFY(!m_memberIds.isEmpty());

    client.session.signOut();
    QVERIFY(!sync.isRunning());
    // Not at the second sync's end: a third may have started and cached more
    // since (its interval is short), until the sign-out stopped it.
    m_syncUntil = QDateTime::currentDateTimeUtc().addMSecs(1);
    const qsizetype startedBefore = started.size();
    QTest::qWait(2 * kShortInterval.count());
    QCOMPARE(started.size(), startedBefore);
    // The sign-out's keychain removal ends before the client goes.
    QTest::qWait(500);
}

void TestOfflineSync::exportsLoadFromTheSyncedCacheOffline()
{
    const QUrl address = m_server.url();
    const QString fingerprint = m_server.fingerprint();
    m_server.terminate();
    QVERIFY(m_server.waitForExit(20000));

    std::unique_ptr<models::OfflineCache> cache;
    bool opened = false;
    models::openOfflineCache(*m_store, m_offline.path(),
                             models::OfflineScope{kProfile, m_owner.tenant, m_owner.email},
                             [&](std::unique_ptr<models::OfflineCache> made) {
                                 cache = std::move(made);
                                 opened = true;
                             });
    QVERIFY(QTest::qWaitFor([&opened] { return opened; }, kWaitMs));
    QVERIFY(cache);
    QVERIFY(QTest::qWaitFor([&cache] { return !cache->isLoading(); }, kWaitMs));
    models::ApiClient client;
    client.setBaseUrl(address);
    client.setPinnedFingerprint(fingerprint);
    client.setOfflineCache(cache.get());

    const auto cachedBetweenSyncs = [this](const models::ExportSource &source) {
        const QDateTime asOf = source.cover().asOf;
        return asOf.isValid() && asOf >= m_syncFrom && asOf <= m_syncUntil;
    };

    models::MemberExportSource members(client, QStringLiteral("ja"), api::MemberQuery{},
                                       m_owner.tenant, QString());
    QVERIFY(load(members));
    QVERIFY(cachedBetweenSyncs(members));
    QStringList exportedIds;
    for (int row = 0; row < members.table().rowCount(); ++row)
        exportedIds.append(members.table().data(members.table().index(row, 0)).toString());
    QCOMPARE(exportedIds, m_memberIds);

    models::ResultExportSource results(client, api::DashboardQuery{}, m_owner.tenant, QString());
    QVERIFY(load(results));
    QVERIFY(cachedBetweenSyncs(results));
    QVERIFY(results.summaryTable().rowCount() > 0);

    models::SurveyExportSource surveys(client, m_owner.tenant, QString());
    QVERIFY(load(surveys));
    QVERIFY(cachedBetweenSyncs(surveys));
    QVERIFY(surveys.surveyTable().rowCount() > 0);

    // What no sync read is not there: a query of its own fails offline.
    api::MemberQuery search;
    search.search = QStringLiteral("never synced");
    models::MemberExportSource searched(client, QStringLiteral("ja"), search, m_owner.tenant,
                                        QString());
    QVERIFY(!load(searched));

    client.setOfflineCache(nullptr);
    cache.reset();
    bool removed = false;
    models::removeOfflineCache(*m_store, m_offline.path(),
                               models::OfflineScope{kProfile, m_owner.tenant, m_owner.email},
                               [&removed](std::optional<models::ApiError>) { removed = true; });
    QTRY_VERIFY_WITH_TIMEOUT(removed, kWaitMs);
}

QTEST_GUILESS_MAIN(TestOfflineSync)
#include "tst_offlinesync.moc"
