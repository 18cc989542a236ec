// CredentialStore against the real Secret Service (scripts/test runs the suite
// in a D-Bus session with an unlocked gnome-keyring), and without any
// keychain, in a child process whose session bus is missing and whose home and
// XDG directories are empty temporary ones that must stay empty.

#include "models/credentialstore.h"

#include <QDeadlineTimer>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <qt6keychain/keychain.h>

using engage::models::ApiError;
using engage::models::CredentialStore;

namespace {

// Set in the child process that runs without a keychain.
constexpr char childVariable[] = "ENGAGE_TEST_KEYCHAIN_CHILD";
constexpr int jobTimeoutMs = 20000;

struct ReadResult
{
    std::optional<QString> secret;
    std::optional<ApiError> error;
};

std::optional<ReadResult> readNow(CredentialStore &store, const QString &key)
{
    std::optional<ReadResult> result;
    store.read(key, [&result](std::optional<QString> secret, std::optional<ApiError> error) {
        result = ReadResult{std::move(secret), std::move(error)};
    });
    const QDeadlineTimer deadline(jobTimeoutMs);
    while (!result && !deadline.hasExpired())
        QTest::qWait(10);
    return result;
}

// The outer optional is empty when the job did not finish in time.
std::optional<std::optional<ApiError>> writeNow(CredentialStore &store, const QString &key,
                                                const QString &secret)
{
    std::optional<std::optional<ApiError>> result;
    store.write(key, secret, [&result](std::optional<ApiError> error) { result = error; });
    const QDeadlineTimer deadline(jobTimeoutMs);
    while (!result && !deadline.hasExpired())
        QTest::qWait(10);
    return result;
}

std::optional<std::optional<ApiError>> removeNow(CredentialStore &store, const QString &key)
{
    std::optional<std::optional<ApiError>> result;
    store.remove(key, [&result](std::optional<ApiError> error) { result = error; });
    const QDeadlineTimer deadline(jobTimeoutMs);
    while (!result && !deadline.hasExpired())
        QTest::qWait(10);
    return result;
}

QString describe(const std::optional<ApiError> &error)
{
    return error
               ? QStringLiteral("keychain error %1: %2").arg(error->keychainCode).arg(error->detail)
               : QStringLiteral("no error");
}

} // namespace

class TestCredentialStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void entryKey_data();
    void entryKey();
    void writeReadOverwriteRemove();
    void readMissingEntry();
    void removeMissingEntry();
    void profilesDoNotShareEntries();
    void servicesDoNotShareEntries();
    void noKeychainWritesNothing_data();
    void noKeychainWritesNothing();
    // Runs only in the child process that noKeychainWritesNothing starts.
    void unavailableInChild();

private:
    static bool isChild() { return qEnvironmentVariableIsSet(childVariable); }
    QString otherService() const { return m_service + QStringLiteral("-other"); }

    // One service name per run, so that runs never see each other's entries.
    const QString m_service =
        QStringLiteral("EngageTest-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QStringList m_written; // keys to remove in cleanup(), whatever failed
};

void TestCredentialStore::initTestCase()
{
    if (isChild())
        return;
    QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
             "needs a D-Bus session with an unlocked gnome-keyring: run under dbus-run-session "
             "as scripts/test does");
}

void TestCredentialStore::cleanup()
{
    for (const QString &service : QStringList{m_service, otherService()}) {
        CredentialStore store(service);
        for (const QString &key : std::as_const(m_written))
            removeNow(store, key);
    }
    m_written.clear();
}

void TestCredentialStore::entryKey_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("tenant");
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("expected");

    QTest::newRow("lower-case already") << QStringLiteral("Demo") << QStringLiteral("northwind")
                                        << QStringLiteral("owner@northwind.example")
                                        << QStringLiteral("Demo/northwind/owner@northwind.example");
    QTest::newRow("e-mail lower-cased, profile kept")
        << QStringLiteral("本社") << QStringLiteral("sakura-foods")
        << QStringLiteral("Hanako.Yamada@Sakura.Example")
        << QStringLiteral("本社/sakura-foods/hanako.yamada@sakura.example");
}

void TestCredentialStore::entryKey()
{
    QFETCH(QString, profile);
    QFETCH(QString, tenant);
    QFETCH(QString, email);
    QFETCH(QString, expected);
    QCOMPARE(CredentialStore::entryKey(profile, tenant, email), expected);
}

void TestCredentialStore::writeReadOverwriteRemove()
{
    CredentialStore store(m_service);
    QSignalSpy unavailable(&store, &CredentialStore::keychainUnavailable);
    const QString key =
        CredentialStore::entryKey(QStringLiteral("Demo"), QStringLiteral("northwind"),
                                  QStringLiteral("Owner@Northwind.example"));
    m_written << key;

    auto written = writeNow(store, key, QStringLiteral("refresh-token-1 ✓"));
    QVERIFY2(written, "write did not finish");
    QVERIFY2(!*written, qPrintable(describe(*written)));
    auto read = readNow(store, key);
    QVERIFY2(read, "read did not finish");
    QVERIFY2(!read->error, qPrintable(describe(read->error)));
    QCOMPARE(read->secret, std::optional<QString>(QStringLiteral("refresh-token-1 ✓")));

    // A rotated refresh token replaces the old one.
    written = writeNow(store, key, QStringLiteral("refresh-token-2"));
    QVERIFY2(written && !*written, "overwrite failed");
    read = readNow(store, key);
    QVERIFY(read && !read->error);
    QCOMPARE(read->secret, std::optional<QString>(QStringLiteral("refresh-token-2")));

    const auto removed = removeNow(store, key);
    QVERIFY2(removed, "remove did not finish");
    QVERIFY2(!*removed, qPrintable(describe(*removed)));
    read = readNow(store, key);
    QVERIFY(read);
    QVERIFY2(!read->error, qPrintable(describe(read->error)));
    QVERIFY(!read->secret);

    QVERIFY(store.isAvailable());
    QCOMPARE(unavailable.count(), 0);
}

void TestCredentialStore::readMissingEntry()
{
    CredentialStore store(m_service);
    const auto read = readNow(store, QStringLiteral("Demo/northwind/nobody@northwind.example"));
    QVERIFY2(read, "read did not finish");
    QVERIFY2(!read->error, qPrintable(describe(read->error)));
    QVERIFY(!read->secret);
    QVERIFY(store.isAvailable());
}

void TestCredentialStore::removeMissingEntry()
{
    // Signing out twice, or after the entry was lost, is no failure.
    CredentialStore store(m_service);
    const auto removed =
        removeNow(store, QStringLiteral("Demo/northwind/nobody@northwind.example"));
    QVERIFY2(removed, "remove did not finish");
    QVERIFY2(!*removed, qPrintable(describe(*removed)));
    QVERIFY(store.isAvailable());
}

void TestCredentialStore::profilesDoNotShareEntries()
{
    CredentialStore store(m_service);
    const QString tenant = QStringLiteral("sakura-foods");
    const QString email = QStringLiteral("owner@sakura.example");
    const QString companyKey = CredentialStore::entryKey(QStringLiteral("Company"), tenant, email);
    const QString demoKey = CredentialStore::entryKey(QStringLiteral("Demo"), tenant, email);
    m_written << companyKey << demoKey;

    auto written = writeNow(store, companyKey, QStringLiteral("company-token"));
    QVERIFY2(written && !*written, "write failed");
    auto read = readNow(store, demoKey);
    QVERIFY(read && !read->error);
    QVERIFY2(!read->secret, "the demo profile sees the company profile's entry");

    written = writeNow(store, demoKey, QStringLiteral("demo-token"));
    QVERIFY2(written && !*written, "write failed");
    read = readNow(store, companyKey);
    QVERIFY(read && !read->error);
    QCOMPARE(read->secret, std::optional<QString>(QStringLiteral("company-token")));

    const auto removed = removeNow(store, demoKey);
    QVERIFY(removed && !*removed);
    read = readNow(store, companyKey);
    QVERIFY(read && !read->error);
    QCOMPARE(read->secret, std::optional<QString>(QStringLiteral("company-token")));
}

void TestCredentialStore::servicesDoNotShareEntries()
{
    CredentialStore store(m_service);
    CredentialStore other(otherService());
    const QString key =
        CredentialStore::entryKey(QStringLiteral("Demo"), QStringLiteral("northwind"),
                                  QStringLiteral("owner@northwind.example"));
    m_written << key;

    const auto written = writeNow(store, key, QStringLiteral("token"));
    QVERIFY2(written && !*written, "write failed");
    const auto read = readNow(other, key);
    QVERIFY(read && !read->error);
    QVERIFY(!read->secret);
}

void TestCredentialStore::noKeychainWritesNothing_data()
{
    QTest::addColumn<bool>("setBusAddress");

    QTest::newRow("the session bus socket does not exist") << true;
    QTest::newRow("no session bus address, no display to autolaunch one") << false;
}

void TestCredentialStore::noKeychainWritesNothing()
{
    QFETCH(bool, setBusAddress);

    QTemporaryDir root;
    QVERIFY(root.isValid());
    const QStringList variables{
        QStringLiteral("HOME"),           QStringLiteral("XDG_CONFIG_HOME"),
        QStringLiteral("XDG_DATA_HOME"),  QStringLiteral("XDG_CACHE_HOME"),
        QStringLiteral("XDG_STATE_HOME"), QStringLiteral("XDG_RUNTIME_DIR")};
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QStringList directories;
    for (const QString &variable : variables) {
        const QString directory = root.filePath(variable.toLower());
        QVERIFY(QDir().mkpath(directory));
        QVERIFY(QFile::setPermissions(directory,
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        environment.insert(variable, directory);
        directories << directory;
    }
    environment.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    if (setBusAddress) {
        environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                           QStringLiteral("unix:path=") + root.filePath(QStringLiteral("no-bus")));
    }
    environment.insert(QString::fromLatin1(childVariable), QStringLiteral("1"));

    QProcess child;
    child.setProcessEnvironment(environment);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("unavailableInChild")});
    QVERIFY2(child.waitForFinished(120000), "the child did not finish");
    const QString output = QString::fromLocal8Bit(child.readAll());
    QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0,
             qPrintable(output));
    QVERIFY2(output.contains(u"PASS   : TestCredentialStore::unavailableInChild()"),
             qPrintable(output));

    // No plaintext fallback, no autolaunched bus, no cache: nothing at all.
    for (const QString &directory : std::as_const(directories)) {
        QDirIterator entries(directory,
                             QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                             QDirIterator::Subdirectories);
        QStringList found;
        while (entries.hasNext())
            found << entries.next();
        QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
    }
}

void TestCredentialStore::unavailableInChild()
{
    if (!isChild())
        QSKIP("runs in the child process that noKeychainWritesNothing starts");

    CredentialStore store(QStringLiteral("EngageTest-no-keychain"));
    QSignalSpy unavailable(&store, &CredentialStore::keychainUnavailable);
    QVERIFY(store.isAvailable());
    const QString key =
        CredentialStore::entryKey(QStringLiteral("Demo"), QStringLiteral("northwind"),
                                  QStringLiteral("owner@northwind.example"));

    QElapsedTimer elapsed;
    elapsed.start();
    const auto written = writeNow(store, key, QStringLiteral("refresh-token"));
    QVERIFY2(written, "write did not finish");
    QVERIFY2(*written, "a write without a keychain succeeded");
    QCOMPARE((*written)->kind, ApiError::Kind::Keychain);
    QVERIFY((*written)->keychainCode != QKeychain::NoError);
    QVERIFY(!(*written)->detail.isEmpty());
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
    // The keyring might have been starting late: one retry after a second.
    QVERIFY2(
        elapsed.elapsed() >= 900,
        qPrintable(QStringLiteral("failed after %1 ms, without a retry").arg(elapsed.elapsed())));
#endif
    QVERIFY(!store.isAvailable());
    QCOMPARE(unavailable.count(), 1);

    // Later calls fail the same way; the signal is not repeated.
    const auto read = readNow(store, key);
    QVERIFY2(read, "read did not finish");
    QVERIFY(read->error);
    QCOMPARE(read->error->kind, ApiError::Kind::Keychain);
    QVERIFY(!read->secret);
    const auto removed = removeNow(store, key);
    QVERIFY2(removed, "remove did not finish");
    QVERIFY(*removed);
    QCOMPARE((*removed)->kind, ApiError::Kind::Keychain);
    QCOMPARE(unavailable.count(), 1);
    QVERIFY(!store.isAvailable());
}

QTEST_GUILESS_MAIN(TestCredentialStore)
#include "tst_credentialstore.moc"
