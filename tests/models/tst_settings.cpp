// Settings: the typed façade over QSettings, on an INI file of the test's own.

#include "models/settings.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using engage::models::ConnectionProfile;
using engage::models::Settings;

namespace {

ConnectionProfile makeProfile(const QString &name, const QString &url, bool isDemo = false)
{
    ConnectionProfile profile;
    profile.name = name;
    profile.url = QUrl(url);
    profile.fingerprint = isDemo ? QString() : QStringLiteral("AB:CD:EF:01");
    profile.lastTenant = QStringLiteral("sakura-foods");
    profile.lastEmail = QStringLiteral("owner@sakura.example");
    profile.isDemo = isDemo;
    return profile;
}

} // namespace

class TestSettings final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void emptyOnFirstRun();
    void profilesRoundTrip();
    void saveReplacesByName();
    void removeProfile();
    void removingCurrentProfileClearsIt();
    void scalarValuesRoundTrip_data();
    void scalarValuesRoundTrip();
    void valuesSurviveANewInstance();

private:
    QString iniFile() const { return m_dir->filePath(QStringLiteral("engage.ini")); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestSettings::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestSettings::emptyOnFirstRun()
{
    const Settings settings(iniFile());
    QVERIFY(settings.language().isEmpty());
    QVERIFY(settings.profiles().isEmpty());
    QVERIFY(!settings.profile(QStringLiteral("anything")).has_value());
    QVERIFY(settings.currentProfile().isEmpty());
    QVERIFY(settings.windowGeometry().isEmpty());
    QVERIFY(settings.windowState().isEmpty());
}

void TestSettings::profilesRoundTrip()
{
    Settings settings(iniFile());
    const ConnectionProfile company =
        makeProfile(QStringLiteral("本社 (Tokyo)"), QStringLiteral("https://engage.example.co.jp"));
    const ConnectionProfile demo =
        makeProfile(QStringLiteral("Demo"), QStringLiteral("https://127.0.0.1:40123"), true);
    settings.saveProfile(company);
    settings.saveProfile(demo);

    const QList<ConnectionProfile> expected{company, demo};
    QCOMPARE(settings.profiles(), expected);
    QCOMPARE(settings.profile(company.name), company);
    QCOMPARE(settings.profile(demo.name), demo);
    QVERIFY(settings.profile(demo.name)->isDemo);
    QCOMPARE(settings.profile(demo.name)->url.port(), 40123);
    QVERIFY(!settings.profile(QStringLiteral("demo")).has_value()); // names are exact
}

void TestSettings::saveReplacesByName()
{
    Settings settings(iniFile());
    const ConnectionProfile first =
        makeProfile(QStringLiteral("Company"), QStringLiteral("https://one.example"));
    const ConnectionProfile second =
        makeProfile(QStringLiteral("Other"), QStringLiteral("https://two.example"));
    settings.saveProfile(first);
    settings.saveProfile(second);

    ConnectionProfile changed = first;
    changed.url = QUrl(QStringLiteral("https://moved.example:8443"));
    changed.fingerprint.clear();
    changed.lastEmail = QStringLiteral("someone@example.com");
    settings.saveProfile(changed);

    // Replaced in place, not appended.
    const QList<ConnectionProfile> expected{changed, second};
    QCOMPARE(settings.profiles(), expected);
}

void TestSettings::removeProfile()
{
    Settings settings(iniFile());
    const ConnectionProfile a =
        makeProfile(QStringLiteral("A"), QStringLiteral("https://a.example"));
    const ConnectionProfile b =
        makeProfile(QStringLiteral("B"), QStringLiteral("https://b.example"));
    const ConnectionProfile c =
        makeProfile(QStringLiteral("C"), QStringLiteral("https://c.example"));
    settings.saveProfile(a);
    settings.saveProfile(b);
    settings.saveProfile(c);

    settings.removeProfile(QStringLiteral("B"));
    QCOMPARE(settings.profiles(), (QList<ConnectionProfile>{a, c}));
    settings.removeProfile(QStringLiteral("missing"));
    QCOMPARE(settings.profiles(), (QList<ConnectionProfile>{a, c}));
    settings.removeProfile(QStringLiteral("C"));
    settings.sync();

    // Nothing of the removed entries stays in the file.
    const QSettings raw(iniFile(), QSettings::IniFormat);
    const QStringList keys = raw.allKeys();
    for (const QString &key : keys) {
        QVERIFY2(!raw.value(key).toString().contains(u"b.example") &&
                     !raw.value(key).toString().contains(u"c.example"),
                 qPrintable(key));
    }
    QCOMPARE(Settings(iniFile()).profiles(), QList<ConnectionProfile>{a});
}

void TestSettings::removingCurrentProfileClearsIt()
{
    Settings settings(iniFile());
    settings.saveProfile(makeProfile(QStringLiteral("A"), QStringLiteral("https://a.example")));
    settings.saveProfile(makeProfile(QStringLiteral("B"), QStringLiteral("https://b.example")));
    settings.setCurrentProfile(QStringLiteral("A"));
    QCOMPARE(settings.currentProfile(), QStringLiteral("A"));

    settings.removeProfile(QStringLiteral("B"));
    QCOMPARE(settings.currentProfile(), QStringLiteral("A"));
    settings.removeProfile(QStringLiteral("A"));
    QVERIFY(settings.currentProfile().isEmpty());
}

void TestSettings::scalarValuesRoundTrip_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QByteArray>("geometry");
    QTest::addColumn<QByteArray>("state");

    QTest::newRow("japanese") << QStringLiteral("ja") << QByteArray("\x01\xd9\xd0\xcb\0\x03", 6)
                              << QByteArray("\0\0\0\xff", 4);
    QTest::newRow("english") << QStringLiteral("en") << QByteArray("geometry")
                             << QByteArray("state");
}

void TestSettings::scalarValuesRoundTrip()
{
    QFETCH(QString, language);
    QFETCH(QByteArray, geometry);
    QFETCH(QByteArray, state);

    Settings settings(iniFile());
    settings.setLanguage(language);
    settings.setWindowGeometry(geometry);
    settings.setWindowState(state);
    QCOMPARE(settings.language(), language);
    QCOMPARE(settings.windowGeometry(), geometry);
    QCOMPARE(settings.windowState(), state);
}

void TestSettings::valuesSurviveANewInstance()
{
    const ConnectionProfile company =
        makeProfile(QStringLiteral("Company"), QStringLiteral("https://engage.example.co.jp"));
    const ConnectionProfile demo =
        makeProfile(QStringLiteral("Demo"), QStringLiteral("https://127.0.0.1:40123"), true);
    const QByteArray geometry("\x01\xd9\xd0\xcb\0\x03", 6);
    {
        Settings settings(iniFile());
        settings.setLanguage(QStringLiteral("ja"));
        settings.saveProfile(company);
        settings.saveProfile(demo);
        settings.setCurrentProfile(demo.name);
        settings.setWindowGeometry(geometry);
        settings.setWindowState(QByteArray("state"));
        settings.sync();
    }
    QVERIFY(QFile::exists(iniFile()));

    const Settings reopened(iniFile());
    QCOMPARE(reopened.language(), QStringLiteral("ja"));
    QCOMPARE(reopened.profiles(), (QList<ConnectionProfile>{company, demo}));
    QCOMPARE(reopened.currentProfile(), demo.name);
    QCOMPARE(reopened.windowGeometry(), geometry);
    QCOMPARE(reopened.windowState(), QByteArray("state"));
}

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
