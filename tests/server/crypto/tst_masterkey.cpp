#include "crypto/masterkey.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using namespace engage::server::crypto;

namespace {

const char envName[] = "ENGAGE_MASTER_KEY";

QString keyPath(const QTemporaryDir &dir)
{
    return dir.filePath(QStringLiteral("master.key"));
}

int modeOf(const QString &path)
{
    struct stat info;
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return static_cast<int>(info.st_mode & 07777);
}

bool writeFile(const QString &path, const QByteArray &bytes, int mode)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return false;
    file.close();
    return ::chmod(QFile::encodeName(path).constData(), static_cast<mode_t>(mode)) == 0;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestMasterKey final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { qunsetenv(envName); }
    void cleanup() { qunsetenv(envName); }

    void createsPrivateFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(!QFile::exists(keyPath(dir)));
        QString error;
        const auto key = MasterKey::load(dir.path(), &error);
        QVERIFY2(key, qPrintable(error));
        QCOMPARE(modeOf(keyPath(dir)), 0600);
        const QByteArray bytes = readFile(keyPath(dir));
        QCOMPARE(bytes.size(), 32);
        QVERIFY(bytes != QByteArray(32, '\0'));
        // No temporary file left behind.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("master.key")});

        // The file holds the key that load() returned.
        const SecretBytes dataKey = newDataKey();
        const QByteArray wrapped = key->wrap(dataKey, u"t1", 1);
        const auto unwrapped = MasterKey::fromBytes(SecretBytes(bytes)).unwrap(wrapped, u"t1", 1);
        QVERIFY(unwrapped);
        QCOMPARE(unwrapped->bytes(), dataKey.bytes());
    }

    void reloadGivesTheSameKey()
    {
        QTemporaryDir dir;
        QString error;
        const auto first = MasterKey::load(dir.path(), &error);
        QVERIFY2(first, qPrintable(error));
        const QByteArray before = readFile(keyPath(dir));
        const SecretBytes dataKey = newDataKey();
        const QByteArray wrapped = first->wrap(dataKey, u"tenant", 3);

        const auto second = MasterKey::load(dir.path(), &error);
        QVERIFY2(second, qPrintable(error));
        QCOMPARE(readFile(keyPath(dir)), before);
        const auto unwrapped = second->unwrap(wrapped, u"tenant", 3);
        QVERIFY(unwrapped);
        QCOMPARE(unwrapped->bytes(), dataKey.bytes());

        // Another directory gets another key.
        QTemporaryDir otherDir;
        const auto other = MasterKey::load(otherDir.path(), &error);
        QVERIFY2(other, qPrintable(error));
        QVERIFY(!other->unwrap(wrapped, u"tenant", 3));
    }

    void environmentWins()
    {
        QTemporaryDir dir;
        QString error;
        // A key file exists, yet the variable is used.
        const auto fileKey = MasterKey::load(dir.path(), &error);
        QVERIFY2(fileKey, qPrintable(error));

        const QByteArray raw =
            QByteArray::fromHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        qputenv(envName, raw.toBase64());
        const auto envKey = MasterKey::load(dir.path(), &error);
        QVERIFY2(envKey, qPrintable(error));

        const SecretBytes dataKey = newDataKey();
        const QByteArray wrapped = envKey->wrap(dataKey, u"t", 1);
        QVERIFY(MasterKey::fromBytes(SecretBytes(raw)).unwrap(wrapped, u"t", 1));
        QVERIFY(!fileKey->unwrap(wrapped, u"t", 1));

        // With the variable set, no file is needed or created.
        QTemporaryDir empty;
        QVERIFY(MasterKey::load(empty.path(), &error));
        QVERIFY(!QFile::exists(keyPath(empty)));
    }

    void badEnvironmentRefused_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("not base64") << QByteArray("not base64 at all!!");
        QTest::newRow("31 bytes") << QByteArray(31, 'k').toBase64();
        QTest::newRow("33 bytes") << QByteArray(33, 'k').toBase64();
        QTest::newRow("hex instead") << QByteArray(32, 'k').toHex();
        QTest::newRow("empty") << QByteArray();
    }

    void badEnvironmentRefused()
    {
        QFETCH(QByteArray, value);
        QTemporaryDir dir;
        qputenv(envName, value);
        QString error;
        QVERIFY(!MasterKey::load(dir.path(), &error));
        QVERIFY(error.contains(QLatin1String(envName)));
        // A bad variable is not silently replaced by a file.
        QVERIFY(!QFile::exists(keyPath(dir)));
    }

    void openPermissionsRefused_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("0644") << 0644;
        QTest::newRow("0640") << 0640;
        QTest::newRow("0604") << 0604;
        QTest::newRow("0610") << 0610;
        QTest::newRow("0601") << 0601;
    }

    void openPermissionsRefused()
    {
        QFETCH(int, mode);
        QTemporaryDir dir;
        QVERIFY(writeFile(keyPath(dir), QByteArray(32, 'k'), mode));
        QString error;
        QVERIFY(!MasterKey::load(dir.path(), &error));
        QVERIFY2(error.contains(QLatin1String("group or others")), qPrintable(error));
        // The same file with mode 0600 (or 0400) is accepted.
        QVERIFY(::chmod(QFile::encodeName(keyPath(dir)).constData(), 0400) == 0);
        QVERIFY2(MasterKey::load(dir.path(), &error), qPrintable(error));
    }

    void wrongSizeRefused_data()
    {
        QTest::addColumn<int>("size");
        QTest::newRow("empty") << 0;
        QTest::newRow("31") << 31;
        QTest::newRow("33") << 33;
        QTest::newRow("base64 text") << 44;
    }

    void wrongSizeRefused()
    {
        QFETCH(int, size);
        QTemporaryDir dir;
        QVERIFY(writeFile(keyPath(dir), QByteArray(size, 'k'), 0600));
        QString error;
        QVERIFY(!MasterKey::load(dir.path(), &error));
        QVERIFY2(error.contains(QLatin1String("32 bytes")), qPrintable(error));
        // Never replaced: data may be sealed under whatever the operator put there.
        QCOMPARE(readFile(keyPath(dir)), QByteArray(size, 'k'));
    }

    void symlinkRefused()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("elsewhere"));
        QVERIFY(writeFile(target, QByteArray(32, 'k'), 0600));
        QVERIFY(QFile::link(target, keyPath(dir)));
        QString error;
        QVERIFY(!MasterKey::load(dir.path(), &error));
        QVERIFY(!error.isEmpty());
    }

    void missingDirectoryRefused()
    {
        QTemporaryDir dir;
        QString error;
        QVERIFY(!MasterKey::load(dir.filePath(QStringLiteral("absent")), &error));
        QVERIFY(!error.isEmpty());
    }

    void unwrapBindsTenantAndVersion_data()
    {
        QTest::addColumn<QString>("tenant");
        QTest::addColumn<int>("version");
        QTest::addColumn<bool>("opens");
        QTest::newRow("same") << QStringLiteral("tenant-a") << 4 << true;
        QTest::newRow("other tenant") << QStringLiteral("tenant-b") << 4 << false;
        QTest::newRow("tenant prefix") << QStringLiteral("tenant-") << 4 << false;
        QTest::newRow("older version") << QStringLiteral("tenant-a") << 3 << false;
        QTest::newRow("newer version") << QStringLiteral("tenant-a") << 5 << false;
    }

    void unwrapBindsTenantAndVersion()
    {
        QFETCH(QString, tenant);
        QFETCH(int, version);
        QFETCH(bool, opens);
        const MasterKey master = MasterKey::fromBytes(newDataKey());
        const SecretBytes dataKey = newDataKey();
        const QByteArray wrapped = master.wrap(dataKey, u"tenant-a", 4);
        QVERIFY(!wrapped.contains(dataKey.bytes()));
        const auto unwrapped = master.unwrap(wrapped, tenant, version);
        QCOMPARE(bool(unwrapped), opens);
        if (opens)
            QCOMPARE(unwrapped->bytes(), dataKey.bytes());
    }

    void tamperedWrapRefused()
    {
        const MasterKey master = MasterKey::fromBytes(newDataKey());
        QByteArray wrapped = master.wrap(newDataKey(), u"t", 1);
        QVERIFY(master.unwrap(wrapped, u"t", 1));
        wrapped[20] = static_cast<char>(wrapped[20] ^ 0x10);
        QVERIFY(!master.unwrap(wrapped, u"t", 1));
        QVERIFY(!master.unwrap(QByteArray(), u"t", 1));
    }

    void newDataKeysDiffer()
    {
        const SecretBytes a = newDataKey();
        const SecretBytes b = newDataKey();
        QCOMPARE(a.size(), 32);
        QCOMPARE(b.size(), 32);
        QVERIFY(a.bytes() != b.bytes());
    }
};

QTEST_GUILESS_MAIN(TestMasterKey)
#include "tst_masterkey.moc"
