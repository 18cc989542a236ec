#include "crypto/aead.h"
#include "crypto/internal.h"

#include <QTest>

using namespace engage::server::crypto;

namespace {

SecretBytes keyFrom(const char *hex)
{
    return SecretBytes(QByteArray::fromHex(hex));
}

SecretBytes sampleKey()
{
    return keyFrom("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
}

QByteArray sampleAd()
{
    return associatedData(u"tenant-1", u"people", u"email", u"42", 1);
}

} // namespace

class TestAead final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Known answers from McGrew & Viega, "The Galois/Counter Mode of Operation
    // (GCM)", revised 2005, Appendix B, test cases 13-16 (AES-256, 96-bit IV).
    // Cases 17 and 18 use 64- and 480-bit IVs, which the sealed form does not allow.
    void knownAnswers_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("iv");
        QTest::addColumn<QByteArray>("plaintext");
        QTest::addColumn<QByteArray>("aad");
        QTest::addColumn<QByteArray>("ciphertext");
        QTest::addColumn<QByteArray>("tag");

        const QByteArray zeroKey(32, '\0');
        const QByteArray zeroIv(12, '\0');
        const QByteArray key =
            QByteArray::fromHex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308");
        const QByteArray iv = QByteArray::fromHex("cafebabefacedbaddecaf888");
        const QByteArray plaintext =
            QByteArray::fromHex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
                                "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255");
        const QByteArray ciphertext =
            QByteArray::fromHex("522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
                                "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad");

        QTest::newRow("test case 13")
            << zeroKey << zeroIv << QByteArray() << QByteArray() << QByteArray()
            << QByteArray::fromHex("530f8afbc74536b9a963b4f1c4cb738b");
        QTest::newRow("test case 14") << zeroKey << zeroIv << QByteArray(16, '\0') << QByteArray()
                                      << QByteArray::fromHex("cea7403d4d606b6e074ec5d3baf39d18")
                                      << QByteArray::fromHex("d0d1c8a799996bf0265b98b5d48ab919");
        QTest::newRow("test case 15") << key << iv << plaintext << QByteArray() << ciphertext
                                      << QByteArray::fromHex("b094dac5d93471bdec1a502270e3cc6c");
        QTest::newRow("test case 16")
            << key << iv << plaintext.first(60)
            << QByteArray::fromHex("feedfacedeadbeeffeedfacedeadbeefabaddad2")
            << ciphertext.first(60) << QByteArray::fromHex("76fc6ece0f4e1768cddf8853bb2d551b");
    }

    void knownAnswers()
    {
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, iv);
        QFETCH(QByteArray, plaintext);
        QFETCH(QByteArray, aad);
        QFETCH(QByteArray, ciphertext);
        QFETCH(QByteArray, tag);

        const SecretBytes secret(key);
        const QByteArray expected = QByteArray(1, '\x01') + iv + ciphertext + tag;
        QCOMPARE(detail::sealWithIv(secret, iv, plaintext, aad).toHex(), expected.toHex());

        const auto opened = open(secret, expected, aad);
        QVERIFY(opened);
        QCOMPARE(*opened, plaintext);
    }

    void roundTrip_data()
    {
        QTest::addColumn<QByteArray>("plaintext");
        QTest::addColumn<QByteArray>("aad");
        QTest::newRow("empty, no AD") << QByteArray() << QByteArray();
        QTest::newRow("empty, AD") << QByteArray() << sampleAd();
        QTest::newRow("short") << QByteArrayLiteral("alice@example.org") << sampleAd();
        QTest::newRow("binary, 1000 bytes") << QByteArray(1000, '\xa5') << sampleAd();
        QTest::newRow("NUL bytes") << QByteArray(17, '\0') << QByteArray();
    }

    void roundTrip()
    {
        QFETCH(QByteArray, plaintext);
        QFETCH(QByteArray, aad);
        const SecretBytes key = sampleKey();

        const QByteArray sealed = seal(key, plaintext, aad);
        QCOMPARE(sealed.size(), 1 + 12 + plaintext.size() + 16);
        QCOMPARE(sealed.at(0), '\x01');
        if (!plaintext.isEmpty())
            QVERIFY(!sealed.contains(plaintext));
        const auto opened = open(key, sealed, aad);
        QVERIFY(opened);
        QCOMPARE(*opened, plaintext);

        // A fresh IV every time: the same input never seals the same way twice.
        const QByteArray again = seal(key, plaintext, aad);
        QVERIFY(again != sealed);
        QVERIFY(again.mid(1, 12) != sealed.mid(1, 12));
    }

    void everyBitFlipFails()
    {
        const SecretBytes key = sampleKey();
        const QByteArray aad = sampleAd();
        const QByteArray sealed = seal(key, "ten bytes!", aad);
        QVERIFY(open(key, sealed, aad));
        // The version byte, every IV bit, every ciphertext bit, every tag bit.
        for (int byte = 0; byte < sealed.size(); ++byte) {
            for (int bit = 0; bit < 8; ++bit) {
                QByteArray changed = sealed;
                changed[byte] = static_cast<char>(changed[byte] ^ (1 << bit));
                if (open(key, changed, aad))
                    QFAIL(qPrintable(
                        QStringLiteral("flip of byte %1 bit %2 still opened").arg(byte).arg(bit)));
            }
        }
    }

    void wrongAssociatedData_data()
    {
        QTest::addColumn<QByteArray>("aad");
        QTest::newRow("tenant") << associatedData(u"tenant-2", u"people", u"email", u"42", 1);
        QTest::newRow("table") << associatedData(u"tenant-1", u"answers", u"email", u"42", 1);
        QTest::newRow("column") << associatedData(u"tenant-1", u"people", u"name", u"42", 1);
        QTest::newRow("row") << associatedData(u"tenant-1", u"people", u"email", u"43", 1);
        QTest::newRow("key version") << associatedData(u"tenant-1", u"people", u"email", u"42", 2);
        QTest::newRow("none") << QByteArray();
        QTest::newRow("one byte more") << sampleAd() + '\0';
    }

    void wrongAssociatedData()
    {
        QFETCH(QByteArray, aad);
        const SecretBytes key = sampleKey();
        const QByteArray sealed = seal(key, "secret", sampleAd());
        QVERIFY(open(key, sealed, sampleAd()));
        QVERIFY(aad != sampleAd());
        QVERIFY(!open(key, sealed, aad));
    }

    void wrongKey()
    {
        const QByteArray sealed = seal(sampleKey(), "secret", sampleAd());
        QByteArray other = sampleKey().bytes();
        other[31] = static_cast<char>(other[31] ^ 1);
        QVERIFY(open(sampleKey(), sealed, sampleAd()));
        QVERIFY(!open(SecretBytes(other), sealed, sampleAd()));
        QVERIFY(!open(SecretBytes(QByteArray(32, '\0')), sealed, sampleAd()));
        // A key of the wrong size is refused, not padded or truncated.
        QVERIFY(!open(SecretBytes(sampleKey().bytes().first(16)), sealed, sampleAd()));
        QVERIFY(!open(SecretBytes(), sealed, sampleAd()));
    }

    void malformed_data()
    {
        const QByteArray sealed = seal(sampleKey(), "secret", sampleAd());
        QByteArray version2 = sealed;
        version2[0] = '\x02';
        const QByteArray emptySealed = seal(sampleKey(), QByteArray(), sampleAd());

        QTest::addColumn<QByteArray>("input");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("version only") << QByteArray(1, '\x01');
        QTest::newRow("one byte short of the minimum") << emptySealed.chopped(1);
        QTest::newRow("last byte cut") << sealed.chopped(1);
        QTest::newRow("first tag byte gone") << sealed.left(sealed.size() - 16) + sealed.right(15);
        QTest::newRow("byte appended") << sealed + 'x';
        QTest::newRow("version 2") << version2;
        QTest::newRow("no version byte") << sealed.mid(1);
        QTest::newRow("zeros") << QByteArray(sealed.size(), '\0');
    }

    void malformed()
    {
        QFETCH(QByteArray, input);
        QVERIFY(!open(sampleKey(), input, sampleAd()));
    }

    void minimumOpens()
    {
        // The boundary the malformed cases sit next to: an empty plaintext opens.
        const QByteArray sealed = seal(sampleKey(), QByteArray(), sampleAd());
        QCOMPARE(sealed.size(), 29);
        const auto opened = open(sampleKey(), sealed, sampleAd());
        QVERIFY(opened);
        QVERIFY(opened->isEmpty());
    }

    void associatedDataIsUnambiguous_data()
    {
        QTest::addColumn<QByteArray>("a");
        QTest::addColumn<QByteArray>("b");
        QTest::newRow("tenant|table") << associatedData(u"ab", u"c", u"x", u"1", 1)
                                      << associatedData(u"a", u"bc", u"x", u"1", 1);
        QTest::newRow("table|column") << associatedData(u"t", u"ab", u"c", u"1", 1)
                                      << associatedData(u"t", u"a", u"bc", u"1", 1);
        QTest::newRow("column|row") << associatedData(u"t", u"x", u"ab", u"c", 1)
                                    << associatedData(u"t", u"x", u"a", u"bc", 1);
        QTest::newRow("empty fields")
            << associatedData(u"", u"ab", u"", u"", 1) << associatedData(u"ab", u"", u"", u"", 1);
        QTest::newRow("version") << associatedData(u"t", u"x", u"c", u"1", 1)
                                 << associatedData(u"t", u"x", u"c", u"1", 256);
        QTest::newRow("separator-like content")
            << associatedData(u"a\u0000\u0000\u0000\u0001b", u"c", u"x", u"1", 1)
            << associatedData(u"a", u"b", u"x", u"1", 1);
    }

    void associatedDataIsUnambiguous()
    {
        QFETCH(QByteArray, a);
        QFETCH(QByteArray, b);
        QVERIFY(a != b);
        // And the difference matters to open().
        const QByteArray sealed = seal(sampleKey(), "v", a);
        QVERIFY(open(sampleKey(), sealed, a));
        QVERIFY(!open(sampleKey(), sealed, b));
    }

    void associatedDataIsStable()
    {
        // Stored ciphertexts depend on this encoding: it must never change.
        QCOMPARE(associatedData(u"t", u"ab", u"", u"\u00e9", 7).toHex(),
                 QByteArray("00000010656e676167652f636f6c756d6e2f7631"
                            "0000000174"
                            "000000026162"
                            "00000000"
                            "00000002c3a9"
                            "00000007"));
    }
};

QTEST_GUILESS_MAIN(TestAead)
#include "tst_aead.moc"
