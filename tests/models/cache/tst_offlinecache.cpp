// The offline cache without the service: AES-256-GCM records (round trip,
// nonces, associated data), the file (records kept across a reopen, every
// single changed byte dropped or harmless, another tenant's records refused,
// a foreign version started afresh), the key in the real Secret Service
// (scripts/test runs the suite in a D-Bus session with an unlocked
// gnome-keyring: made once and reused, made anew when it is gone or spoilt,
// removed with the file) and a writer killed with SIGKILL in the middle of
// a write, which leaves the old file or the new one.

#include "models/cache/cachekey.h"
#include "models/cache/offlinecache.h"
#include "models/cache/sealedrecord.h"
#include "models/credentialstore.h"
#include "offlinecachewritershared.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <memory>

using namespace engage;
using engage::models::CredentialStore;
using engage::models::OfflineCache;
using engage::models::OfflineScope;

Q_DECLARE_METATYPE(engage::models::OfflineScope)
Q_DECLARE_METATYPE(std::optional<QString>)

namespace {

constexpr int kWaitMs = 20000;

OfflineScope sakura()
{
    return {QStringLiteral("work"), QStringLiteral("sakura-foods"),
            QStringLiteral("Owner@Sakura.example")};
}

// A member page as the service sends it, Japanese included.
QJsonDocument memberPage(int page)
{
    const QJsonObject member{{QStringLiteral("id"), QStringLiteral("m-%1").arg(page)},
                             {QStringLiteral("name"), QStringLiteral("山田 花子")},
                             {QStringLiteral("hireDate"), QStringLiteral("2020-04-01")}};
    return QJsonDocument(
        QJsonObject{{QStringLiteral("items"), QJsonArray{member}}, {QStringLiteral("total"), 1}});
}

// A cache with its file read, as it is before use.
std::unique_ptr<OfflineCache> loaded(const QString &directory, const OfflineScope &scope,
                                     const QByteArray &key)
{
    auto cache = std::make_unique<OfflineCache>(directory, scope, key);
    QSignalSpy done(cache.get(), &OfflineCache::loaded);
    cache->load();
    if (!done.wait(kWaitMs))
        qWarning() << "the cache file was not read";
    return cache;
}

struct Opened
{
    bool answered = false;
    std::unique_ptr<OfflineCache> cache;
};

Opened openNow(CredentialStore &store, const QString &directory, const OfflineScope &scope)
{
    auto opened = std::make_shared<Opened>();
    models::openOfflineCache(store, directory, scope,
                             [opened](std::unique_ptr<OfflineCache> cache) {
                                 opened->answered = true;
                                 opened->cache = std::move(cache);
                             });
    if (!QTest::qWaitFor([&opened] { return opened->answered; }, kWaitMs))
        qWarning() << "the cache did not open";
    if (opened->cache && opened->cache->isLoading()) {
        QSignalSpy done(opened->cache.get(), &OfflineCache::loaded);
        if (!done.wait(kWaitMs))
            qWarning() << "the cache file was not read";
    }
    return std::move(*opened);
}

std::optional<QString> readNow(CredentialStore &store, const QString &entry)
{
    auto result = std::make_shared<std::optional<std::optional<QString>>>();
    store.read(entry, [result](std::optional<QString> secret, std::optional<models::ApiError>) {
        *result = secret;
    });
    if (!QTest::qWaitFor([&result] { return result->has_value(); }, kWaitMs))
        qWarning() << "the keychain did not answer";
    return result->value_or(std::nullopt);
}

bool changeNow(CredentialStore &store, const QString &entry, const std::optional<QString> &secret)
{
    auto result = std::make_shared<std::optional<bool>>();
    auto done = [result](std::optional<models::ApiError> error) {
        *result = !error;
    };
    if (secret)
        store.write(entry, *secret, done);
    else
        store.remove(entry, done);
    if (!QTest::qWaitFor([&result] { return result->has_value(); }, kWaitMs))
        qWarning() << "the keychain did not answer";
    return result->value_or(false);
}

} // namespace

class TestOfflineCache final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void sealOpensOnlyWithItsKeyAndAssociatedData_data();
    void sealOpensOnlyWithItsKeyAndAssociatedData();
    void recordsSurviveReopening();
    void keptWithinItsSize();
    void everyChangedByteIsDroppedOrHarmless();
    void anotherTenantsRecordsDoNotOpen_data();
    void anotherTenantsRecordsDoNotOpen();
    void foreignVersionStartsAfresh();
    void keyIsMadeOnceAndKept();
    void keyGoneFromKeychainStartsAfresh_data();
    void keyGoneFromKeychainStartsAfresh();
    void removeDeletesFileAndKey();
    void killedWriterLeavesOldOrNewFile_data();
    void killedWriterLeavesOldOrNewFile();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestOfflineCache::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestOfflineCache::sealOpensOnlyWithItsKeyAndAssociatedData_data()
{
    QTest::addColumn<QByteArray>("plaintext");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("short") << QByteArray("{\"total\":0}");
    QTest::newRow("japanese") << QStringLiteral("{\"name\":\"山田 花子\"}").toUtf8();
    QTest::newRow("one megabyte") << QByteArray(1 << 20, 'm');
}

void TestOfflineCache::sealOpensOnlyWithItsKeyAndAssociatedData()
{
    QFETCH(QByteArray, plaintext);
    const QByteArray key = models::randomCacheKey();
    QCOMPARE(key.size(), models::kCacheKeySize);
    QVERIFY(key != models::randomCacheKey());
    const QByteArray ad("tenant-a/members");

    const QByteArray sealed = models::sealRecord(key, plaintext, ad);
    QCOMPARE(sealed.size(), plaintext.size() + 12 + 16);
    QCOMPARE(models::openRecord(key, sealed, ad), std::optional<QByteArray>(plaintext));
    // A fresh nonce each time: the same text never seals the same way twice.
    const QByteArray again = models::sealRecord(key, plaintext, ad);
    QVERIFY(again.left(12) != sealed.left(12));
    QVERIFY(again != sealed);

    QVERIFY(!models::openRecord(key, sealed, QByteArray("tenant-b/members")));
    QVERIFY(!models::openRecord(key, sealed, QByteArray()));
    QVERIFY(!models::openRecord(models::randomCacheKey(), sealed, ad));
    QVERIFY(!models::openRecord(key.left(16), sealed, ad));
    QVERIFY(!models::openRecord(key, sealed.left(27), ad));
    for (const int at : {0, 11, 12, int(sealed.size()) / 2, int(sealed.size()) - 1}) {
        QByteArray changed = sealed;
        changed[at] = char(changed.at(at) ^ 0x01);
        QVERIFY2(!models::openRecord(key, changed, ad), qPrintable(QString::number(at)));
    }
}

void TestOfflineCache::recordsSurviveReopening()
{
    const QByteArray key = models::randomCacheKey();
    const QDateTime fetchedAt =
        QDateTime::fromString(QStringLiteral("2024-05-01T09:30:15.250Z"), Qt::ISODateWithMs);
    {
        OfflineCache cache(m_dir->path(), sakura(), key);
        for (int page = 0; page < 3; ++page)
            cache.store(QStringLiteral("/api/v1/members#page=%1").arg(page), memberPage(page),
                        fetchedAt.addSecs(page));
        QCOMPARE(cache.size(), 3);
        // Written when it goes.
    }
    const QString path = OfflineCache::filePath(m_dir->path(), sakura());
    QVERIFY(QFile::exists(path));
    QVERIFY(!(QFile::permissions(path) & (QFileDevice::ReadOther | QFileDevice::ReadGroup)));
    // No name, address or path in the file.
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    for (const char *plain : {"members", "sakura", "Owner", "owner", "items"})
        QVERIFY2(!bytes.contains(plain), plain);
    QVERIFY(!bytes.contains(QStringLiteral("山田").toUtf8()));
    QVERIFY(!path.contains(QLatin1String("sakura")));

    auto cache = loaded(m_dir->path(), sakura(), key);
    QCOMPARE(cache->size(), 3);
    for (int page = 0; page < 3; ++page) {
        const auto entry = cache->find(QStringLiteral("/api/v1/members#page=%1").arg(page));
        QVERIFY(entry);
        QCOMPARE(entry->json, memberPage(page));
        QCOMPARE(entry->asOf, fetchedAt.addSecs(page));
        QCOMPARE(entry->asOf.timeSpec(), Qt::UTC);
    }
    QVERIFY(!cache->find(QStringLiteral("/api/v1/members#page=3")));
    // The e-mail address is one scope in any case.
    OfflineScope upper = sakura();
    upper.email = upper.email.toUpper();
    QCOMPARE(OfflineCache::filePath(m_dir->path(), upper), path);
    QVERIFY(loaded(m_dir->path(), upper, key)->find(QStringLiteral("/api/v1/members#page=0")));
}

// Past its size the cache drops the records least recently stored or read,
// never the one just stored, and the file keeps what is left.
void TestOfflineCache::keptWithinItsSize()
{
    const QByteArray key = models::randomCacheKey();
    const auto page = [](int n) {
        return QStringLiteral("/api/v1/members#page=%1").arg(n);
    };
    qint64 pageBytes = 0;
    {
        OfflineCache cache(m_dir->path(), sakura(), key);
        QCOMPARE(cache.sizeLimit(), qint64(256) << 20);
        cache.store(page(0), memberPage(0));
        pageBytes = cache.sizeInBytes();
        QVERIFY(pageBytes > 0);
        // Room for three pages.
        cache.setSizeLimit(3 * pageBytes + pageBytes / 2);
        cache.store(page(1), memberPage(1));
        cache.store(page(2), memberPage(2));
        QVERIFY(cache.find(page(0))); // read: now newer than page 1
        cache.store(page(3), memberPage(3));
        QCOMPARE(cache.size(), 3);
        QVERIFY(!cache.find(page(1)));
        for (const int kept : {0, 2, 3})
            QVERIFY2(cache.find(page(kept)), qPrintable(page(kept)));
        QVERIFY(cache.sizeInBytes() <= cache.sizeLimit());
        // A record larger than the limit is kept, alone.
        cache.setSizeLimit(pageBytes / 2);
        QCOMPARE(cache.size(), 0);
        cache.store(page(4), memberPage(4));
        QCOMPARE(cache.size(), 1);
        QVERIFY(cache.find(page(4)));
        QVERIFY(cache.flush());
    }
    auto reopened = loaded(m_dir->path(), sakura(), key);
    QCOMPARE(reopened->size(), 1);
    QVERIFY(reopened->find(page(4)));
    QCOMPARE(reopened->sizeInBytes(), pageBytes);
    // Read back over a smaller limit, the file's records go too.
    reopened->setSizeLimit(pageBytes - 1);
    QCOMPARE(reopened->size(), 0);
}

void TestOfflineCache::everyChangedByteIsDroppedOrHarmless()
{
    const QByteArray key = models::randomCacheKey();
    const QStringList keys{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
    {
        OfflineCache cache(m_dir->path(), sakura(), key);
        for (int i = 0; i < keys.size(); ++i)
            cache.store(keys.at(i), memberPage(i));
        QVERIFY(cache.flush());
    }
    const QString path = OfflineCache::filePath(m_dir->path(), sakura());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray original = file.readAll();
    file.close();

    // Every byte of the file changed in turn: a record either opens as it
    // was stored or is not there; never another value, never a crash. Only
    // the record count may change unnoticed (the records are read until the
    // file ends).
    QLoggingCategory::setFilterRules(QStringLiteral("engage.cache.warning=false"));
    int harmless = 0;
    for (int at = 0; at < original.size(); ++at) {
        QByteArray changed = original;
        changed[at] = char(changed.at(at) ^ 0x20);
        QSaveFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(changed);
        QVERIFY(out.commit());
        auto cache = loaded(m_dir->path(), sakura(), key);
        int found = 0;
        for (int i = 0; i < keys.size(); ++i) {
            if (const auto entry = cache->find(keys.at(i))) {
                QCOMPARE(entry->json, memberPage(i));
                ++found;
            }
        }
        if (found == keys.size())
            ++harmless;
    }
    QLoggingCategory::setFilterRules(QString());
    QVERIFY2(harmless <= 4, qPrintable(QString::number(harmless)));
}

void TestOfflineCache::anotherTenantsRecordsDoNotOpen_data()
{
    QTest::addColumn<OfflineScope>("other");
    OfflineScope tenant = sakura();
    tenant.tenant = QStringLiteral("northwind");
    OfflineScope profile = sakura();
    profile.profile = QStringLiteral("home");
    OfflineScope person = sakura();
    person.email = QStringLiteral("viewer@sakura.example");
    QTest::newRow("tenant") << tenant;
    QTest::newRow("profile") << profile;
    QTest::newRow("person") << person;
}

void TestOfflineCache::anotherTenantsRecordsDoNotOpen()
{
    QFETCH(OfflineScope, other);
    const QByteArray key = models::randomCacheKey();
    {
        OfflineCache cache(m_dir->path(), sakura(), key);
        cache.store(QStringLiteral("/api/v1/engagement/summary"), memberPage(0));
    }
    // The same key even: this scope's file moved to the other's place.
    const QString otherPath = OfflineCache::filePath(m_dir->path(), other);
    QVERIFY(otherPath != OfflineCache::filePath(m_dir->path(), sakura()));
    QVERIFY(QFile::copy(OfflineCache::filePath(m_dir->path(), sakura()), otherPath));
    auto cache = loaded(m_dir->path(), other, key);
    QCOMPARE(cache->size(), 1);
    QTest::ignoreMessage(QtWarningMsg, "dropped an offline cache record that does not open");
    QVERIFY(!cache->find(QStringLiteral("/api/v1/engagement/summary")));
    QCOMPARE(cache->size(), 0);
}

void TestOfflineCache::foreignVersionStartsAfresh()
{
    const QByteArray key = models::randomCacheKey();
    {
        OfflineCache cache(m_dir->path(), sakura(), key);
        cache.store(QStringLiteral("x"), memberPage(0));
    }
    const QString path = OfflineCache::filePath(m_dir->path(), sakura());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QByteArray bytes = file.readAll();
    bytes[11] = 2; // the version, after the 8-byte magic: big-endian 1 -> 2
    QVERIFY(file.seek(0));
    QCOMPARE(file.write(bytes), bytes.size());
    file.close();

    QTest::ignoreMessage(QtWarningMsg,
                         "the offline cache file is not one this client reads; starting afresh");
    auto cache = loaded(m_dir->path(), sakura(), key);
    QCOMPARE(cache->size(), 0);
    cache->store(QStringLiteral("y"), memberPage(1));
    QVERIFY(cache->flush());
    QVERIFY(loaded(m_dir->path(), sakura(), key)->find(QStringLiteral("y")));
}

void TestOfflineCache::keyIsMadeOnceAndKept()
{
    CredentialStore store(QStringLiteral("EngageTest-") + QUuid::createUuid().toString());
    const QString entry =
        CredentialStore::offlineCacheEntryKey(sakura().profile, sakura().tenant, sakura().email);
    QVERIFY(!readNow(store, entry));
    {
        Opened first = openNow(store, m_dir->path(), sakura());
        QVERIFY(first.cache);
        first.cache->store(QStringLiteral("/api/v1/members#page=0"), memberPage(0));
    }
    const std::optional<QString> stored = readNow(store, entry);
    QVERIFY(stored);
    QCOMPARE(QByteArray::fromBase64(stored->toLatin1()).size(), models::kCacheKeySize);
    // Beside the person's refresh token, never in its place.
    QVERIFY(entry != CredentialStore::entryKey(sakura().profile, sakura().tenant, sakura().email));

    Opened second = openNow(store, m_dir->path(), sakura());
    QVERIFY(second.cache);
    QVERIFY(readNow(store, entry) == stored);
    const auto entryFound = second.cache->find(QStringLiteral("/api/v1/members#page=0"));
    QVERIFY(entryFound);
    QCOMPARE(entryFound->json, memberPage(0));
    second.cache.reset();
    QVERIFY(changeNow(store, entry, std::nullopt));
}

void TestOfflineCache::keyGoneFromKeychainStartsAfresh_data()
{
    QTest::addColumn<std::optional<QString>>("replacement");
    QTest::newRow("removed") << std::optional<QString>();
    QTest::newRow("not base64") << std::optional<QString>(QStringLiteral("not a key!"));
    QTest::newRow("too short") << std::optional<QString>(QStringLiteral("c2hvcnQ="));
}

void TestOfflineCache::keyGoneFromKeychainStartsAfresh()
{
    QFETCH(std::optional<QString>, replacement);
    CredentialStore store(QStringLiteral("EngageTest-") + QUuid::createUuid().toString());
    const QString entry =
        CredentialStore::offlineCacheEntryKey(sakura().profile, sakura().tenant, sakura().email);
    const QString path = OfflineCache::filePath(m_dir->path(), sakura());
    {
        Opened first = openNow(store, m_dir->path(), sakura());
        QVERIFY(first.cache);
        first.cache->store(QStringLiteral("/api/v1/engagement/summary"), memberPage(0));
        QVERIFY(first.cache->flush());
    }
    QVERIFY(QFile::exists(path));
    const std::optional<QString> old = readNow(store, entry);
    QVERIFY(old);
    QVERIFY(changeNow(store, entry, replacement));

    // The file cannot be opened without its key: a new key, an empty cache.
    QTest::ignoreMessage(
        QtWarningMsg, "the offline cache key is gone from the keychain; the cache starts afresh");
    if (replacement)
        QTest::ignoreMessage(QtWarningMsg,
                             "the offline cache key in the keychain is not one; making anew");
    Opened again = openNow(store, m_dir->path(), sakura());
    QVERIFY(again.cache);
    QCOMPARE(again.cache->size(), 0);
    QVERIFY(!QFile::exists(path));
    QVERIFY(!again.cache->find(QStringLiteral("/api/v1/engagement/summary")));
    const std::optional<QString> made = readNow(store, entry);
    QVERIFY(made);
    QVERIFY(made != old);
    QCOMPARE(QByteArray::fromBase64(made->toLatin1()).size(), models::kCacheKeySize);
    again.cache->store(QStringLiteral("/api/v1/engagement/summary"), memberPage(1));
    QVERIFY(again.cache->flush());
    again.cache.reset();
    QCOMPARE(openNow(store, m_dir->path(), sakura())
                 .cache->find(QStringLiteral("/api/v1/engagement/summary"))
                 ->json,
             memberPage(1));
    QVERIFY(changeNow(store, entry, std::nullopt));
}

void TestOfflineCache::removeDeletesFileAndKey()
{
    CredentialStore store(QStringLiteral("EngageTest-") + QUuid::createUuid().toString());
    const QString entry =
        CredentialStore::offlineCacheEntryKey(sakura().profile, sakura().tenant, sakura().email);
    const QString path = OfflineCache::filePath(m_dir->path(), sakura());
    {
        Opened opened = openNow(store, m_dir->path(), sakura());
        QVERIFY(opened.cache);
        opened.cache->store(QStringLiteral("k"), memberPage(0));
    }
    QVERIFY(QFile::exists(path));
    QVERIFY(readNow(store, entry));

    auto removed = std::make_shared<std::optional<bool>>();
    models::removeOfflineCache(
        store, m_dir->path(), sakura(),
        [removed](std::optional<models::ApiError> error) { *removed = !error; });
    QVERIFY(!QFile::exists(path));
    QVERIFY(QTest::qWaitFor([&removed] { return removed->has_value(); }, kWaitMs));
    QVERIFY(removed->value());
    QVERIFY(!readNow(store, entry));
}

void TestOfflineCache::killedWriterLeavesOldOrNewFile_data()
{
    QTest::addColumn<int>("round");
    for (int round = 1; round <= 8; ++round)
        QTest::addRow("kill %d", round) << round;
}

void TestOfflineCache::killedWriterLeavesOldOrNewFile()
{
    const QByteArray key = models::randomCacheKey();
    const QString binDir = qEnvironmentVariableIsSet("ENGAGE_BIN_DIR")
                               ? qEnvironmentVariable("ENGAGE_BIN_DIR")
                               : QCoreApplication::applicationDirPath();
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(binDir + QLatin1String("/offlinecachewriter"),
                {m_dir->path(), QString::fromLatin1(key.toHex())});
    QVERIFY2(child.waitForStarted(), qPrintable(child.errorString()));

    // A first round on disk, then a kill at a random moment of the rounds after.
    QByteArray output;
    const QDeadlineTimer startup(30000);
    while (!output.contains('\n') && !startup.hasExpired()) {
        child.waitForReadyRead(10);
        output += child.readAllStandardOutput();
    }
    QVERIFY2(output.contains('\n'), "the child wrote nothing");
    QElapsedTimer since;
    since.start();
    const int delayMs = QRandomGenerator::global()->bounded(20, 400);
    while (since.elapsed() < delayMs) {
        child.waitForReadyRead(2);
        output += child.readAllStandardOutput();
    }
    child.kill(); // SIGKILL
    QVERIFY(child.waitForFinished(10000));
    output += child.readAllStandardOutput();
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);

    qint64 written = 0;
    const QList<QByteArray> lines = output.left(output.lastIndexOf('\n')).split('\n');
    for (const QByteArray &line : lines) {
        QVERIFY(line.startsWith("written "));
        written = line.mid(8).toLongLong();
    }
    QVERIFY(written >= 1);

    // Every record from one round: the last one reported, or the one under
    // way if its rename came before the kill.
    auto cache = loaded(m_dir->path(), test::offlineCacheWriterScope(), key);
    QCOMPARE(cache->size(), test::kWriterRecords);
    qint64 round = -1;
    for (int record = 0; record < test::kWriterRecords; ++record) {
        const auto entry = cache->find(test::writerRecordKey(record));
        QVERIFY(entry);
        const qint64 got = entry->json.object().value(QLatin1String("round")).toInteger();
        if (round < 0)
            round = got;
        QCOMPARE(got, round);
        QCOMPARE(entry->json.object(), test::writerRecord(round, record));
    }
    QVERIFY2(round == written || round == written + 1,
             qPrintable(QStringLiteral("round %1 after %2 written").arg(round).arg(written)));
    qInfo() << "killed after" << delayMs << "ms," << written << "rounds written, the file holds"
            << round;
}

QTEST_GUILESS_MAIN(TestOfflineCache)
#include "tst_offlinecache.moc"
