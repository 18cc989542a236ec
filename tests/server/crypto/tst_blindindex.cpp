#include "crypto/blindindex.h"
#include "crypto/internal.h"

#include <QRegularExpression>
#include <QTest>

using namespace engage::server::crypto;

class TestBlindIndex final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // RFC 4231, "Identifiers and Test Vectors for HMAC-SHA-224, HMAC-SHA-256,
    // HMAC-SHA-384, and HMAC-SHA-512", section 4, HMAC-SHA-256 results.
    // (Test case 5 checks truncation, which we do not do.)
    void hmacRfc4231_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QByteArray>("mac");
        QTest::newRow("4.2 test case 1")
            << QByteArray(20, '\x0b') << QByteArray("Hi There")
            << QByteArray("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
        QTest::newRow("4.3 test case 2")
            << QByteArray("Jefe") << QByteArray("what do ya want for nothing?")
            << QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        QTest::newRow("4.4 test case 3")
            << QByteArray(20, '\xaa') << QByteArray(50, '\xdd')
            << QByteArray("773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
        QTest::newRow("4.5 test case 4")
            << QByteArray::fromHex("0102030405060708090a0b0c0d0e0f10111213141516171819")
            << QByteArray(50, '\xcd')
            << QByteArray("82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
        QTest::newRow("4.7 test case 6")
            << QByteArray(131, '\xaa')
            << QByteArray("Test Using Larger Than Block-Size Key - Hash Key First")
            << QByteArray("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
        QTest::newRow("4.8 test case 7")
            << QByteArray(131, '\xaa')
            << QByteArray("This is a test using a larger than block-size key and a larger than "
                          "block-size data. The key needs to be hashed before being used by the "
                          "HMAC algorithm.")
            << QByteArray("9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
    }

    void hmacRfc4231()
    {
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, data);
        QFETCH(QByteArray, mac);
        QCOMPARE(detail::hmacSha256(key, data).toHex(), mac);
        // The public function is the same HMAC over the UTF-8 of the text; the
        // ASCII messages go through it unchanged.
        const bool ascii =
            std::all_of(data.cbegin(), data.cend(), [](char c) { return c >= 0x20 && c < 0x7f; });
        if (ascii)
            QCOMPARE(blindIndex(SecretBytes(key), QString::fromLatin1(data)),
                     QString::fromLatin1(mac));
    }

    void blindIndexHashesUtf8()
    {
        const SecretBytes key(QByteArray(32, 'k'));
        const QString value = QStringLiteral("j\u00fcrgen@example.de");
        QCOMPARE(blindIndex(key, value),
                 QString::fromLatin1(detail::hmacSha256(key.bytes(), value.toUtf8()).toHex()));
        QVERIFY(blindIndex(key, value) != blindIndex(key, QStringLiteral("jurgen@example.de")));
        QCOMPARE(blindIndex(key, value).size(), 64);
        QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{64}$"))
                    .match(blindIndex(key, value))
                    .hasMatch());
        // Keyed: another key gives another index for the same value.
        QVERIFY(blindIndex(key, value) != blindIndex(SecretBytes(QByteArray(32, 'j')), value));
        QCOMPARE(blindIndex(key, value), blindIndex(key, value));
    }

    // RFC 5869, "HMAC-based Extract-and-Expand Key Derivation Function (HKDF)",
    // appendix A, test cases 1-3 (SHA-256).
    void hkdfRfc5869_data()
    {
        QTest::addColumn<QByteArray>("ikm");
        QTest::addColumn<QByteArray>("salt");
        QTest::addColumn<QByteArray>("info");
        QTest::addColumn<int>("length");
        QTest::addColumn<QByteArray>("okm");
        QTest::newRow("A.1 test case 1")
            << QByteArray(22, '\x0b') << QByteArray::fromHex("000102030405060708090a0b0c")
            << QByteArray::fromHex("f0f1f2f3f4f5f6f7f8f9") << 42
            << QByteArray("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
                          "34007208d5b887185865");
        QByteArray ikm2, salt2, info2;
        for (int i = 0; i < 80; ++i) {
            ikm2.append(static_cast<char>(i));
            salt2.append(static_cast<char>(0x60 + i));
            info2.append(static_cast<char>(0xb0 + i));
        }
        QTest::newRow("A.2 test case 2")
            << ikm2 << salt2 << info2 << 82
            << QByteArray("b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c"
                          "59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71"
                          "cc30c58179ec3e87c14c01d5c1f3434f1d87");
        QTest::newRow("A.3 test case 3")
            << QByteArray(22, '\x0b') << QByteArray() << QByteArray() << 42
            << QByteArray("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d"
                          "9d201395faa4b61a96c8");
    }

    void hkdfRfc5869()
    {
        QFETCH(QByteArray, ikm);
        QFETCH(QByteArray, salt);
        QFETCH(QByteArray, info);
        QFETCH(int, length);
        QFETCH(QByteArray, okm);
        QCOMPARE(detail::hkdfSha256(ikm, salt, info, length).bytes().toHex(), okm);
    }

    void deriveKeyIsHkdfWithoutSalt()
    {
        // Test case 3 has no salt and no info, which is deriveKey with an empty
        // purpose; HKDF output of 32 bytes is the first 32 of the 42.
        const SecretBytes derived = deriveKey(SecretBytes(QByteArray(22, '\x0b')), {});
        QCOMPARE(derived.bytes().toHex(),
                 QByteArray("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d"));

        const SecretBytes dataKey(QByteArray(32, 'd'));
        const SecretBytes email = deriveKey(dataKey, "email-index");
        QCOMPARE(email.size(), 32);
        QCOMPARE(email.bytes(), detail::hkdfSha256(dataKey.bytes(), {}, "email-index", 32).bytes());
        QVERIFY(email.bytes() != deriveKey(dataKey, "email-index2").bytes());
        QVERIFY(email.bytes() != deriveKey(dataKey, "").bytes());
        QVERIFY(email.bytes() != dataKey.bytes());
        QCOMPARE(deriveKey(dataKey, "email-index").bytes(), email.bytes());
    }

    void normalizedEmail_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("already normal")
            << QStringLiteral("alice@example.org") << QStringLiteral("alice@example.org");
        QTest::newRow("case") << QStringLiteral("Alice@Example.ORG")
                              << QStringLiteral("alice@example.org");
        QTest::newRow("surrounding whitespace")
            << QStringLiteral(" \t alice@example.org\r\n ") << QStringLiteral("alice@example.org");
        QTest::newRow("inner whitespace kept")
            << QStringLiteral("\"a b\"@example.org") << QStringLiteral("\"a b\"@example.org");
        QTest::newRow("decomposed to composed")
            << QStringLiteral("Joe\u0301l@example.fr") << QStringLiteral("jo\u00e9l@example.fr");
        QTest::newRow("composed upper case")
            << QStringLiteral("J\u00dcRGEN@example.de") << QStringLiteral("j\u00fcrgen@example.de");
        QTest::newRow("decomposed upper case") << QStringLiteral("JU\u0308RGEN@example.de")
                                               << QStringLiteral("j\u00fcrgen@example.de");
        QTest::newRow("Greek final sigma folds like sigma")
            << QStringLiteral("\u039f\u0394\u03a5\u03a3\u03a3\u0395\u03a5\u03a3@example.gr")
            << QStringLiteral("\u03bf\u03b4\u03c5\u03c3\u03c3\u03b5\u03c5\u03c3@example.gr");
        QTest::newRow("final sigma lower") << QStringLiteral("\u03bf\u03c2@example.gr")
                                           << QStringLiteral("\u03bf\u03c3@example.gr");
        QTest::newRow("Cyrillic") << QStringLiteral("\u0418\u0412\u0410\u041d@example.ru")
                                  << QStringLiteral("\u0438\u0432\u0430\u043d@example.ru");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("only whitespace") << QStringLiteral("   ") << QString();
    }

    void normalizedEmail()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        const QString normalized = engage::server::crypto::normalizedEmail(input);
        QCOMPARE(normalized, expected);
        // Idempotent: normalising a stored form never changes its index.
        QCOMPARE(engage::server::crypto::normalizedEmail(normalized), normalized);
    }

    void sameAddressSameIndex()
    {
        const SecretBytes key = deriveKey(SecretBytes(QByteArray(32, 'd')), "email");
        QCOMPARE(blindIndex(key, engage::server::crypto::normalizedEmail(u" Joe\u0301l@X.fr")),
                 blindIndex(key, engage::server::crypto::normalizedEmail(u"jo\u00e9l@x.FR")));
    }
};

QTEST_GUILESS_MAIN(TestBlindIndex)
#include "tst_blindindex.moc"
