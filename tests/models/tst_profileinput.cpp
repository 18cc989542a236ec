// A connection profile as typed: the one check behind the welcome dialog and
// the Settings page.

#include "models/profileinput.h"

#include <QTest>

using engage::models::ProfileInput;

class TestProfileInput final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void check_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("url"); // empty: refused
        QTest::addColumn<bool>("explained");

        QTest::newRow("https") << "Head office"
                               << "https://engage.example.com"
                               << "https://engage.example.com" << false;
        QTest::newRow("port") << "Branch"
                              << "https://engage.example.com:8443/"
                              << "https://engage.example.com:8443" << false;
        QTest::newRow("no scheme means https") << "Head office"
                                               << "  engage.example.com "
                                               << "https://engage.example.com" << false;
        QTest::newRow("http") << "Head office"
                              << "http://engage.example.com"
                              << "" << true;
        QTest::newRow("path") << "Head office"
                              << "https://engage.example.com/app"
                              << "" << true;
        QTest::newRow("user") << "Head office"
                              << "https://me@engage.example.com"
                              << "" << true;
        QTest::newRow("query") << "Head office"
                               << "https://engage.example.com?x=1"
                               << "" << true;
        QTest::newRow("no host") << "Head office"
                                 << "https://"
                                 << "" << true;
        QTest::newRow("name taken, other case") << "DEMO"
                                                << "https://engage.example.com"
                                                << "" << true;
        QTest::newRow("name on two lines") << "Head\noffice"
                                           << "https://engage.example.com"
                                           << "" << true;
        QTest::newRow("still typing the name") << "  "
                                               << "https://engage.example.com"
                                               << "" << false;
        QTest::newRow("still typing the address") << "Head office"
                                                  << ""
                                                  << "" << false;
    }

    void check()
    {
        QFETCH(QString, name);
        QFETCH(QString, address);
        QFETCH(QString, url);
        QFETCH(bool, explained);

        const auto result = ProfileInput::check(name, address, {QStringLiteral("Demo")});
        QCOMPARE(result.profile.has_value(), !url.isEmpty());
        if (result.profile) {
            QCOMPARE(result.profile->url.toString(), url);
            QCOMPARE(result.profile->name, name.trimmed());
            QVERIFY(result.problem.isEmpty());
        }
        QCOMPARE(!result.problem.isEmpty(), explained);
    }
};

QTEST_GUILESS_MAIN(TestProfileInput)
#include "tst_profileinput.moc"
