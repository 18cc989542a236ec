#include "crypto/random.h"
#include "crypto/secretbytes.h"

#include <QCryptographicHash>
#include <QSet>
#include <QTest>
#include <optional>

using namespace engage::server::crypto;

class TestRandom final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void randomBytesSizes()
    {
        QCOMPARE(randomBytes(0).size(), 0);
        QCOMPARE(randomBytes(-1).size(), 0);
        QCOMPARE(randomBytes(1).size(), 1);
        const QByteArray a = randomBytes(32);
        const QByteArray b = randomBytes(32);
        QCOMPARE(a.size(), 32);
        QVERIFY(a != b);
        QVERIFY(a != QByteArray(32, '\0'));
    }

    void tokens()
    {
        QSet<QString> seen;
        constexpr int count = 10000;
        for (int i = 0; i < count; ++i) {
            const QString token = newToken();
            QCOMPARE(token.size(), 43);
            for (const QChar c : token) {
                const char16_t u = c.unicode();
                const bool ok = (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z') ||
                                (u >= u'0' && u <= u'9') || u == u'-' || u == u'_';
                if (!ok)
                    QFAIL(qPrintable(QStringLiteral("not base64url: ") + token));
            }
            seen.insert(token);
        }
        QCOMPARE(seen.size(), count);
        // 43 characters decode to the 32 bytes drawn.
        QCOMPARE(QByteArray::fromBase64(newToken().toLatin1(), QByteArray::Base64UrlEncoding |
                                                                   QByteArray::OmitTrailingEquals)
                     .size(),
                 32);
    }

    void tokenHash_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<QString>("hash");
        // FIPS 180-2, appendix B.1 and the SHA-256 of the empty string.
        QTest::newRow("abc")
            << QStringLiteral("abc")
            << QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        QTest::newRow("empty")
            << QString()
            << QStringLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        QTest::newRow("448-bit message")
            << QStringLiteral("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
            << QStringLiteral("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    }

    void tokenHash()
    {
        QFETCH(QString, token);
        QFETCH(QString, hash);
        QCOMPARE(engage::server::crypto::tokenHash(token), hash);
    }

    void tokenHashUsesUtf8()
    {
        const QString token = QStringLiteral("\u00e9\u20ac");
        QCOMPARE(engage::server::crypto::tokenHash(token),
                 QString::fromLatin1(
                     QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex()));
        const QString generated = newToken();
        QCOMPARE(engage::server::crypto::tokenHash(generated).size(), 64);
        QVERIFY(engage::server::crypto::tokenHash(generated) !=
                engage::server::crypto::tokenHash(newToken()));
    }

    void equalConstantTime_data()
    {
        QTest::addColumn<QByteArray>("a");
        QTest::addColumn<QByteArray>("b");
        QTest::addColumn<bool>("equal");
        QTest::newRow("equal") << QByteArray("secret-value") << QByteArray("secret-value") << true;
        QTest::newRow("both empty") << QByteArray() << QByteArray() << true;
        QTest::newRow("first byte")
            << QByteArray("secret-value") << QByteArray("Secret-value") << false;
        QTest::newRow("last byte")
            << QByteArray("secret-value") << QByteArray("secret-valuf") << false;
        QTest::newRow("one bit") << QByteArray(64, '\0') << QByteArray(63, '\0') + '\x80' << false;
        QTest::newRow("prefix") << QByteArray("secret") << QByteArray("secret-value") << false;
        QTest::newRow("empty vs one") << QByteArray() << QByteArray(1, '\0') << false;
    }

    void equalConstantTime()
    {
        QFETCH(QByteArray, a);
        QFETCH(QByteArray, b);
        QFETCH(bool, equal);
        QCOMPARE(engage::server::crypto::equalConstantTime(a, b), equal);
        QCOMPARE(engage::server::crypto::equalConstantTime(b, a), equal);
    }

    // SecretBytes lives here for want of its own test: copies are independent,
    // and wiping never reaches a buffer someone else still reads.
    void secretBytesCopies()
    {
        const QByteArray raw = QByteArrayLiteral("0123456789abcdef0123456789abcdef");
        std::optional<SecretBytes> original(std::in_place, raw);
        QCOMPARE(original->bytes(), raw);
        QCOMPARE(original->size(), 32);
        QVERIFY(!original->isEmpty());
        // The caller's array still shares its buffer with `raw`: left intact.
        QCOMPARE(raw, QByteArrayLiteral("0123456789abcdef0123456789abcdef"));

        SecretBytes copy = *original;
        const QByteArray shared = original->bytes(); // shares original's buffer
        original.reset();
        QCOMPARE(copy.bytes(), raw);
        QCOMPARE(shared, raw);

        SecretBytes moved = std::move(copy);
        QCOMPARE(moved.bytes(), raw);
        SecretBytes assigned;
        QVERIFY(assigned.isEmpty());
        assigned = moved;
        QCOMPARE(assigned.bytes(), raw);
        assigned = SecretBytes(QByteArray("x"));
        QCOMPARE(assigned.bytes(), QByteArray("x"));
        QCOMPARE(moved.bytes(), raw);
    }
};

QTEST_GUILESS_MAIN(TestRandom)
#include "tst_random.moc"
