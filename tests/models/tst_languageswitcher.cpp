// LanguageSwitcher: our translations and Qt's own qtbase_ja installed and
// removed at run time, the default locale following, unknown languages
// refused. The system language is read in child processes with their own
// LANG.

#include "models/languageswitcher.h"

#include <QCoreApplication>
#include <QFile>
#include <QLocale>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using engage::models::LanguageSwitcher;

namespace {

// Set in the child process that checks systemLanguage().
constexpr char expectedVariable[] = "ENGAGE_TEST_EXPECTED_LANGUAGE";

// Strings that Debian's qtbase_ja.qm translates: a standard button, and a
// network error the client may show.
QString saveButton()
{
    return QCoreApplication::translate("QPlatformTheme", "Save");
}
QString sslNoError()
{
    return QCoreApplication::translate("QSslSocket", "No error");
}

class LanguageChangeCounter final : public QObject
{
public:
    int count = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::LanguageChange)
            ++count;
        return QObject::eventFilter(watched, event);
    }
};

} // namespace

class TestLanguageSwitcher final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void languages();
    void translationsAreEmbedded_data();
    void translationsAreEmbedded();
    void switchToJapaneseAndBack();
    void sameLanguageAgainChangesNothing();
    void unknownLanguageRefused_data();
    void unknownLanguageRefused();
    void translatorsLeaveWithTheSwitcher();
    void systemLanguage_data();
    void systemLanguage();
    // Runs only in the child processes that systemLanguage starts.
    void systemLanguageInChild();

private:
    static bool isChild() { return qEnvironmentVariableIsSet(expectedVariable); }
};

void TestLanguageSwitcher::init()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestLanguageSwitcher::languages()
{
    QCOMPARE(LanguageSwitcher::languages(),
             (QStringList{QStringLiteral("ja"), QStringLiteral("en")}));
    QVERIFY(LanguageSwitcher::languages().contains(LanguageSwitcher::systemLanguage()));
}

void TestLanguageSwitcher::translationsAreEmbedded_data()
{
    QTest::addColumn<QString>("language");
    for (const QString &language : LanguageSwitcher::languages())
        QTest::newRow(qPrintable(language)) << language;
}

void TestLanguageSwitcher::translationsAreEmbedded()
{
    QFETCH(QString, language);
    QVERIFY(QFile::exists(QStringLiteral(":/i18n/engage_%1.qm").arg(language)));
}

void TestLanguageSwitcher::switchToJapaneseAndBack()
{
    LanguageSwitcher switcher;
    QSignalSpy changed(&switcher, &LanguageSwitcher::languageChanged);
    LanguageChangeCounter events;
    QCoreApplication::instance()->installEventFilter(&events);
    QVERIFY(switcher.language().isEmpty());
    QCOMPARE(saveButton(), QStringLiteral("Save"));

    QVERIFY(switcher.setLanguage(QStringLiteral("ja")));
    QCOMPARE(switcher.language(), QStringLiteral("ja"));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toString(), QStringLiteral("ja"));
    QCOMPARE(saveButton(), QStringLiteral("保存"));
    QCOMPARE(sslNoError(), QStringLiteral("エラーはありません"));
    QCOMPARE(QLocale().language(), QLocale::Japanese);
    // What makes every open widget retranslate itself.
    QVERIFY(events.count > 0);

    const int eventsBefore = events.count;
    QVERIFY(switcher.setLanguage(QStringLiteral("en")));
    QCOMPARE(switcher.language(), QStringLiteral("en"));
    QCOMPARE(changed.count(), 2);
    QCOMPARE(changed.at(1).at(0).toString(), QStringLiteral("en"));
    QCOMPARE(saveButton(), QStringLiteral("Save"));
    QCOMPARE(sslNoError(), QStringLiteral("No error"));
    QCOMPARE(QLocale().language(), QLocale::English);
    QVERIFY(events.count > eventsBefore);
    QCoreApplication::instance()->removeEventFilter(&events);
}

void TestLanguageSwitcher::sameLanguageAgainChangesNothing()
{
    LanguageSwitcher switcher;
    QVERIFY(switcher.setLanguage(QStringLiteral("ja")));
    QSignalSpy changed(&switcher, &LanguageSwitcher::languageChanged);
    QVERIFY(switcher.setLanguage(QStringLiteral("ja")));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(saveButton(), QStringLiteral("保存"));
}

void TestLanguageSwitcher::unknownLanguageRefused_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("German") << QStringLiteral("de");
    QTest::newRow("empty") << QString();
    QTest::newRow("upper case") << QStringLiteral("JA");
    QTest::newRow("with territory") << QStringLiteral("ja_JP");
}

void TestLanguageSwitcher::unknownLanguageRefused()
{
    QFETCH(QString, language);
    LanguageSwitcher switcher;
    QVERIFY(switcher.setLanguage(QStringLiteral("ja")));
    QSignalSpy changed(&switcher, &LanguageSwitcher::languageChanged);

    QVERIFY(!switcher.setLanguage(language));
    QCOMPARE(changed.count(), 0);
    // Everything stays as it was.
    QCOMPARE(switcher.language(), QStringLiteral("ja"));
    QCOMPARE(saveButton(), QStringLiteral("保存"));
    QCOMPARE(QLocale().language(), QLocale::Japanese);
}

void TestLanguageSwitcher::translatorsLeaveWithTheSwitcher()
{
    {
        LanguageSwitcher switcher;
        QVERIFY(switcher.setLanguage(QStringLiteral("ja")));
        QCOMPARE(saveButton(), QStringLiteral("保存"));
    }
    QCOMPARE(saveButton(), QStringLiteral("Save"));
}

void TestLanguageSwitcher::systemLanguage_data()
{
    QTest::addColumn<QString>("lang");
    QTest::addColumn<QString>("expected");
    QTest::newRow("Japanese") << QStringLiteral("ja_JP.UTF-8") << QStringLiteral("ja");
    QTest::newRow("British English") << QStringLiteral("en_GB.UTF-8") << QStringLiteral("en");
    QTest::newRow("German: not ours") << QStringLiteral("de_DE.UTF-8") << QStringLiteral("en");
    QTest::newRow("C") << QStringLiteral("C") << QStringLiteral("en");
}

void TestLanguageSwitcher::systemLanguage()
{
    QFETCH(QString, lang);
    QFETCH(QString, expected);

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &variable : environment.keys()) {
        if (variable.startsWith(u"LC_") || variable == u"LANGUAGE")
            environment.remove(variable);
    }
    environment.insert(QStringLiteral("LANG"), lang);
    environment.insert(QString::fromLatin1(expectedVariable), expected);
    QProcess child;
    child.setProcessEnvironment(environment);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("systemLanguageInChild")});
    QVERIFY2(child.waitForFinished(60000), "the child did not finish");
    const QString output = QString::fromLocal8Bit(child.readAll());
    QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0,
             qPrintable(output));
    QVERIFY2(output.contains(u"PASS   : TestLanguageSwitcher::systemLanguageInChild()"),
             qPrintable(output));
}

void TestLanguageSwitcher::systemLanguageInChild()
{
    if (!isChild())
        QSKIP("runs in the child processes that systemLanguage starts");
    QCOMPARE(LanguageSwitcher::systemLanguage(), qEnvironmentVariable(expectedVariable));
}

QTEST_GUILESS_MAIN(TestLanguageSwitcher)
#include "tst_languageswitcher.moc"
