#include "crypto/internal.h"
#include "crypto/passwordhasher.h"

#include <QSet>
#include <QTest>

using namespace engage::server::crypto;

namespace {

// A cheap policy so that the tests that only need "some hash" stay fast under
// ASan; the default (19 MiB) is hashed once, in initTestCase.
const PasswordPolicy cheap{4096, 1, 1};

} // namespace

class TestPasswordHasher final : public QObject
{
    Q_OBJECT

private:
    const QString m_password = QStringLiteral("correct h\u00f6rse battery \u00e9");
    QString m_defaultHash;

private Q_SLOTS:
    void initTestCase()
    {
        m_defaultHash = hashPassword(m_password);
        QVERIFY(!m_defaultHash.isEmpty());
    }

    void defaultHashFormat()
    {
        QVERIFY2(m_defaultHash.startsWith(QLatin1String("$argon2id$v=19$m=19456,t=2,p=1$")),
                 qPrintable(m_defaultHash));
        const QStringList parts = m_defaultHash.split(QLatin1Char('$'));
        QCOMPARE(parts.size(), 6);
        // Unpadded base64 of a 16-byte salt and a 32-byte tag.
        QCOMPARE(parts[4].size(), 22);
        QCOMPARE(parts[5].size(), 43);
        QVERIFY(!engage::server::crypto::needsRehash(m_defaultHash));
    }

    void verifiesTheRightPassword() { QVERIFY(verifyPassword(m_password, m_defaultHash)); }

    void refusesAWrongPassword()
    {
        QVERIFY(!verifyPassword(QStringLiteral("correct horse battery e"), m_defaultHash));
    }

    void cheapPolicyRoundTrip()
    {
        const QString first = hashPassword(u"p\u00e4ssw\u00f6rd", cheap);
        QVERIFY2(first.startsWith(QLatin1String("$argon2id$v=19$m=4096,t=1,p=1$")),
                 qPrintable(first));
        QVERIFY(verifyPassword(u"p\u00e4ssw\u00f6rd", first));
        QVERIFY(!verifyPassword(u"passwort", first));
        // The password is hashed as given: NFD is another password.
        QVERIFY(!verifyPassword(u"pa\u0308ssw\u00f6rd", first));
        QVERIFY(!verifyPassword(u"", first));
        // A fresh salt each time.
        const QString second = hashPassword(u"p\u00e4ssw\u00f6rd", cheap);
        QVERIFY(first != second);
        QVERIFY(verifyPassword(u"p\u00e4ssw\u00f6rd", second));

        // Lower memory than the default policy: due for a rehash.
        QVERIFY(engage::server::crypto::needsRehash(first));
        QVERIFY(!engage::server::crypto::needsRehash(first, cheap));
    }

    void rehashDecision_data()
    {
        QTest::addColumn<QString>("encoded");
        QTest::addColumn<bool>("expected");
        const QString salt = QStringLiteral("c29tZXNhbHRzb21lc2FsdA"); // 16 bytes
        const QString tag =
            QStringLiteral("wWKIMhR9lyDFvRz9YTZweHKfbftvj+qf+YFY4NeBbtA"); // 32 bytes
        const auto make = [&](const char *head) -> QString {
            return QString::fromLatin1(head) + salt + QLatin1Char('$') + tag;
        };
        QTest::newRow("at policy") << make("$argon2id$v=19$m=19456,t=2,p=1$") << false;
        QTest::newRow("above policy") << make("$argon2id$v=19$m=47104,t=3,p=2$") << false;
        QTest::newRow("memory below") << make("$argon2id$v=19$m=19455,t=2,p=1$") << true;
        QTest::newRow("iterations below") << make("$argon2id$v=19$m=19456,t=1,p=1$") << true;
        QTest::newRow("more memory, fewer passes")
            << make("$argon2id$v=19$m=47104,t=1,p=1$") << true;
        QTest::newRow("argon2i") << make("$argon2i$v=19$m=65536,t=4,p=1$") << true;
        QTest::newRow("argon2d") << make("$argon2d$v=19$m=65536,t=4,p=1$") << true;
        QTest::newRow("version 16") << make("$argon2id$v=16$m=19456,t=2,p=1$") << true;
        QTest::newRow("short salt")
            << QStringLiteral("$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$") + tag << true;
        QTest::newRow("short tag") << make("$argon2id$v=19$m=19456,t=2,p=1$").chopped(11) << true;
        QTest::newRow("bcrypt")
            << QStringLiteral("$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW")
            << true;
        QTest::newRow("empty") << QString() << true;
        QTest::newRow("garbage") << QStringLiteral("plain text") << true;
    }

    void rehashDecision()
    {
        QFETCH(QString, encoded);
        QFETCH(bool, expected);
        QCOMPARE(engage::server::crypto::needsRehash(encoded), expected);
    }

    void needsRehashAgainstAStricterPolicy()
    {
        QVERIFY(engage::server::crypto::needsRehash(m_defaultHash, {19456, 3, 1}));
        QVERIFY(engage::server::crypto::needsRehash(m_defaultHash, {47104, 1, 1}));
        QVERIFY(engage::server::crypto::needsRehash(m_defaultHash, {19456, 2, 2}));
        QVERIFY(!engage::server::crypto::needsRehash(m_defaultHash, {19456, 1, 1}));
    }

    void malformedNeverVerifies_data()
    {
        QTest::addColumn<QString>("encoded");
        const QString valid = hashPassword(u"x", cheap);
        QVERIFY(verifyPassword(u"x", valid));
        QTest::newRow("empty") << QString();
        QTest::newRow("plain password") << QStringLiteral("x");
        QTest::newRow("prefix only") << QStringLiteral("$argon2id$");
        QTest::newRow("no salt or tag") << QStringLiteral("$argon2id$v=19$m=4096,t=1,p=1$");
        QTest::newRow("tag cut") << valid.chopped(10);
        QTest::newRow("tag removed") << valid.left(valid.lastIndexOf(QLatin1Char('$')) + 1);
        QTest::newRow("trailing junk") << valid + QStringLiteral("$x");
        QTest::newRow("bad base64 in tag") << valid.chopped(1) + QLatin1Char('!');
        QTest::newRow("argon2i label on an argon2id hash")
            << QString(valid).replace(QLatin1String("$argon2id$"), QLatin1String("$argon2i$"));
        QTest::newRow("negative memory")
            << QString(valid).replace(QLatin1String("m=4096"), QLatin1String("m=-4096"));
        QTest::newRow("zero lanes")
            << QString(valid).replace(QLatin1String("p=1"), QLatin1String("p=0"));
        // Would allocate 4 TiB if honoured.
        QTest::newRow("absurd memory")
            << QString(valid).replace(QLatin1String("m=4096"), QLatin1String("m=4294967295"));
        QTest::newRow("absurd passes")
            << QString(valid).replace(QLatin1String("t=1"), QLatin1String("t=4000000000"));
        QTest::newRow("non-Latin-1")
            << QString(valid).replace(QLatin1String("argon2id"), QStringLiteral("argon2\u0131d"));
        QTest::newRow("embedded NUL") << valid + QChar(u'\0');
    }

    void malformedNeverVerifies()
    {
        QFETCH(QString, encoded);
        QVERIFY(!verifyPassword(u"x", encoded));
    }

    void generatedPasswords()
    {
        const QString alphabet = detail::passwordAlphabet();
        QCOMPARE(alphabet.size(), 57);
        for (const QChar excluded : {u'0', u'O', u'1', u'l', u'I'})
            QVERIFY(!alphabet.contains(excluded));
        QCOMPARE(QSet<QChar>(alphabet.cbegin(), alphabet.cend()).size(), alphabet.size());
        for (const QChar c : alphabet)
            QVERIFY(c.isLetterOrNumber() && c.unicode() < 0x80);

        QSet<QString> seen;
        QHash<QChar, int> counts;
        constexpr int draws = 1000;
        for (int i = 0; i < draws; ++i) {
            const QString password = generatedPassword();
            QCOMPARE(password.size(), 16);
            for (const QChar c : password) {
                if (!alphabet.contains(c))
                    QFAIL(qPrintable(QStringLiteral("unexpected character in ") + password));
                ++counts[c];
            }
            seen.insert(password);
        }
        QCOMPARE(seen.size(), draws);

        // Every character occurs, and the first 256 % 57 = 28 of them are not
        // favoured: plain `byte % 57` would give them about 54.7 % of the draws
        // instead of 28/57 = 49.1 % (the bound is over 7 standard deviations).
        QCOMPARE(counts.size(), alphabet.size());
        int low = 0;
        for (int i = 0; i < 28; ++i)
            low += counts.value(alphabet.at(i));
        const double share = double(low) / (draws * 16);
        QVERIFY2(share > 0.46 && share < 0.52, qPrintable(QString::number(share)));
    }
};

QTEST_GUILESS_MAIN(TestPasswordHasher)
#include "tst_passwordhasher.moc"
