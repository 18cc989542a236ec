// The Settings page with real parts (Settings over an INI file of its own, the
// LanguageSwitcher with the embedded translations, the real Secret Service):
// the language switches at once and is saved, profiles are added (https only)
// and removed (not the one in use, after confirmation, with their keychain
// entry), switching asks the application, and About names the versions.

#include "models/apiclient.h"
#include "models/connectionprofile.h"
#include "models/credentialstore.h"
#include "models/languageswitcher.h"
#include "models/session.h"
#include "models/settings.h"
#include "ui/clientcontext.h"
#include "ui/pages/settingspage.h"
#include "ui/widgets/messagebanner.h"
#include "uitestsupport.h"

#include <QApplication>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QTreeWidget>
#include <memory>

using namespace engage;
using namespace engage::models;
using namespace engage::test;
using namespace engage::ui;

namespace {

ConnectionProfile profile(const QString &name, const QString &url, const QString &fingerprint = {})
{
    ConnectionProfile result;
    result.name = name;
    result.url = QUrl(url);
    result.fingerprint = fingerprint;
    return result;
}

// The secret under `key`, empty when there is none.
QString storedSecret(CredentialStore &store, const QString &key)
{
    bool answered = false;
    QString stored;
    store.read(key, [&](std::optional<QString> secret, std::optional<ApiError>) {
        answered = true;
        stored = secret.value_or(QString());
    });
    if (!QTest::qWaitFor([&] { return answered; }, kUiWaitMs))
        qWarning("the keychain did not answer");
    return stored;
}

} // namespace

class TestSettingsPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QCoreApplication::setApplicationVersion(QStringLiteral("9.8.7")); }

    void init()
    {
        QVERIFY(m_dir.isValid());
        m_ini = m_dir.filePath(QStringLiteral("settings-%1.ini").arg(++m_run));
        m_fixture = std::make_unique<ClientUnderTest>(m_ini);
        QVERIFY(m_fixture->language.setLanguage(QStringLiteral("en")));
        m_fixture->settings.saveProfile(
            profile(QStringLiteral("Head office"), QStringLiteral("https://engage.example.com")));
        m_fixture->settings.saveProfile(profile(
            QStringLiteral("Branch"), QStringLiteral("https://branch.example.com:8443"),
            QStringLiteral("AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:"
                           "67:89:AB:CD:EF:01:23:45:67:89")));
        m_fixture->settings.setCurrentProfile(QStringLiteral("Head office"));
        m_page = std::make_unique<SettingsPage>(m_fixture->context);
        m_page->resize(800, 700);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    }

    void cleanup()
    {
        m_page.reset();
        m_fixture.reset();
    }

    void languageSwitchesAtOnceAndIsSaved()
    {
        QCOMPARE(m_page->windowTitle(), QStringLiteral("Settings"));
        QVERIFY(m_page->englishButton()->isChecked());
        QCOMPARE(m_page->japaneseButton()->text(), QStringLiteral("日本語"));

        QSignalSpy changed(&m_fixture->language, &LanguageSwitcher::languageChanged);
        QTest::mouseClick(m_page->japaneseButton(), Qt::LeftButton);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(m_fixture->language.language(), QStringLiteral("ja"));
        QVERIFY(m_page->japaneseButton()->isChecked());
        QVERIFY(!m_page->englishButton()->isChecked());
        // LanguageChange is posted: the page shows the Japanese catalogue's text
        // as soon as the event loop delivers it.
        QTRY_COMPARE(m_page->windowTitle(),
                     QCoreApplication::translate("engage::ui::SettingsPage", "Settings"));
        QCOMPARE(m_page->windowTitle(), QStringLiteral("設定"));
        QCOMPARE(Settings(m_ini).language(), QStringLiteral("ja"));

        QTest::mouseClick(m_page->englishButton(), Qt::LeftButton);
        QCOMPARE(m_fixture->language.language(), QStringLiteral("en"));
        QTRY_COMPARE(m_page->windowTitle(), QStringLiteral("Settings"));
        QCOMPARE(Settings(m_ini).language(), QStringLiteral("en"));
        // The language's own names stay as they are in every language.
        QCOMPARE(m_page->englishButton()->text(), QStringLiteral("English"));
    }

    void everyLabelIsRetranslated()
    {
        MarkingTranslator marker;
        QVERIFY(QCoreApplication::installTranslator(&marker));
        QTRY_COMPARE(m_page->windowTitle(), QStringLiteral("[T] Settings"));
        for (const auto *group : m_page->findChildren<QGroupBox *>())
            QVERIFY2(group->title().startsWith(QStringLiteral("[T] ")), qPrintable(group->title()));
        for (const auto *button : m_page->findChildren<QPushButton *>()) {
            if (button->isVisibleTo(m_page.get()))
                QVERIFY2(button->text().startsWith(QStringLiteral("[T] ")),
                         qPrintable(button->text()));
        }
        for (const auto *label : m_page->findChildren<QLabel *>()) {
            // Selectable labels hold values (versions), not texts of ours.
            if (!label->isVisibleTo(m_page.get()) || label->text().isEmpty() ||
                (label->textInteractionFlags() & Qt::TextSelectableByMouse))
                continue;
            QVERIFY2(label->text().startsWith(QStringLiteral("[T] ")), qPrintable(label->text()));
        }
        QCOMPARE(m_page->profileList()->headerItem()->text(0), QStringLiteral("[T] Name"));
        QVERIFY(m_page->newProfileUrl()->placeholderText().startsWith(QStringLiteral("[T] ")));
        QVERIFY(QCoreApplication::removeTranslator(&marker));
        QTRY_COMPARE(m_page->windowTitle(), QStringLiteral("Settings"));
    }

    void listsProfilesWithTheCurrentOneMarked()
    {
        QTreeWidget *list = m_page->profileList();
        QCOMPARE(list->topLevelItemCount(), 2);
        QStringList names;
        for (int i = 0; i < list->topLevelItemCount(); ++i)
            names << list->topLevelItem(i)->text(0);
        QVERIFY2(names.contains(QStringLiteral("Head office (in use)")),
                 qPrintable(names.join(u',')));
        QVERIFY(names.contains(QStringLiteral("Branch")));
        QVERIFY(m_page->selectProfile(QStringLiteral("Branch")));
        QTreeWidgetItem *branch = list->currentItem();
        QCOMPARE(branch->text(1), QStringLiteral("https://branch.example.com:8443"));
        QVERIFY(branch->text(2).startsWith(QStringLiteral("AB:CD:EF")));
    }

    void addsOnlyHttpsProfiles_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<QString>("storedUrl");
        QTest::newRow("https") << "Lab"
                               << "https://lab.example.com/" << true << "https://lab.example.com";
        QTest::newRow("port") << "Lab"
                              << "https://lab.example.com:9443" << true
                              << "https://lab.example.com:9443";
        QTest::newRow("no scheme means https")
            << "Lab"
            << "lab.example.com" << true << "https://lab.example.com";
        QTest::newRow("http") << "Lab"
                              << "http://lab.example.com" << false << "";
        QTest::newRow("ftp") << "Lab"
                             << "ftp://lab.example.com" << false << "";
        QTest::newRow("path") << "Lab"
                              << "https://lab.example.com/api" << false << "";
        QTest::newRow("user") << "Lab"
                              << "https://me@lab.example.com" << false << "";
        QTest::newRow("query") << "Lab"
                               << "https://lab.example.com/?x=1" << false << "";
        QTest::newRow("no host") << "Lab"
                                 << "https://" << false << "";
        QTest::newRow("name taken") << "branch"
                                    << "https://lab.example.com" << false << "";
        QTest::newRow("name on two lines") << "La\nb"
                                           << "https://lab.example.com" << false << "";
        QTest::newRow("no name") << ""
                                 << "https://lab.example.com" << false << "";
    }

    void addsOnlyHttpsProfiles()
    {
        QFETCH(QString, name);
        QFETCH(QString, url);
        QFETCH(bool, accepted);
        QFETCH(QString, storedUrl);

        m_page->newProfileName()->setText(name);
        QTest::keyClicks(m_page->newProfileUrl(), url);
        QCOMPARE(m_page->addProfileButton()->isEnabled(), accepted);
        QTest::keyClick(m_page->newProfileUrl(), Qt::Key_Return);
        if (!accepted) {
            QCOMPARE(m_fixture->settings.profiles().size(), 2);
            return;
        }
        const auto added = m_fixture->settings.profile(name);
        QVERIFY(added);
        QCOMPARE(added->url, QUrl(storedUrl));
        QVERIFY(added->fingerprint.isEmpty());
        QCOMPARE(m_page->profileList()->topLevelItemCount(), 3);
        QVERIFY(m_page->newProfileName()->text().isEmpty());
    }

    void explainsARefusedAddress()
    {
        m_page->newProfileName()->setText(QStringLiteral("Lab"));
        m_page->newProfileUrl()->setText(QStringLiteral("http://lab.example.com"));
        const QList<QLabel *> labels = m_page->findChildren<QLabel *>();
        const bool explained = std::any_of(labels.cbegin(), labels.cend(), [](const QLabel *label) {
            return label->isVisible() && label->text().contains(QStringLiteral("https://"));
        });
        QVERIFY(explained);
    }

    void removesAnotherProfileAfterConfirmation()
    {
        // Not the one in use.
        QVERIFY(m_page->selectProfile(QStringLiteral("Head office")));
        QVERIFY(!m_page->removeProfileButton()->isEnabled());

        QVERIFY(m_page->selectProfile(QStringLiteral("Branch")));
        QVERIFY(m_page->removeProfileButton()->isEnabled());
        m_page->removeProfileButton()->click();
        QVERIFY(answerMessageBox(QMessageBox::RejectRole));
        QTRY_VERIFY(!QApplication::activeModalWidget());
        QVERIFY(m_fixture->settings.profile(QStringLiteral("Branch")));

        m_page->removeProfileButton()->click();
        QVERIFY(answerMessageBox(QMessageBox::DestructiveRole));
        QVERIFY(!m_fixture->settings.profile(QStringLiteral("Branch")));
        QVERIFY(Settings(m_ini).profile(QStringLiteral("Head office")));
        QCOMPARE(m_page->profileList()->topLevelItemCount(), 1);
    }

    void removingAProfileForgetsItsKeychainEntry()
    {
        auto branch = *m_fixture->settings.profile(QStringLiteral("Branch"));
        branch.lastTenant = QStringLiteral("northwind");
        branch.lastEmail = QStringLiteral("owner@northwind.example");
        m_fixture->settings.saveProfile(branch);
        const QString key =
            CredentialStore::entryKey(branch.name, branch.lastTenant, branch.lastEmail);
        bool written = false;
        std::optional<ApiError> writeError;
        m_fixture->credentials.write(key, QStringLiteral("refresh-token"),
                                     [&](std::optional<ApiError> error) {
                                         written = true;
                                         writeError = std::move(error);
                                     });
        QTRY_VERIFY_WITH_TIMEOUT(written, kUiWaitMs);
        QVERIFY2(!writeError, "this test needs a Secret Service (see scripts/test)");

        QCOMPARE(storedSecret(m_fixture->credentials, key), QStringLiteral("refresh-token"));
        QVERIFY(m_page->selectProfile(QStringLiteral("Branch")));
        m_page->removeProfileButton()->click();
        QVERIFY(answerMessageBox(QMessageBox::DestructiveRole));
        QTRY_VERIFY_WITH_TIMEOUT(storedSecret(m_fixture->credentials, key).isEmpty(), kUiWaitMs);
        QVERIFY(m_page->banner()->isHidden());
    }

    void switchingAsksTheApplication()
    {
        QSignalSpy switched(m_page.get(), &SettingsPage::profileSwitchRequested);
        QVERIFY(m_page->selectProfile(QStringLiteral("Head office")));
        QVERIFY(!m_page->switchProfileButton()->isEnabled());
        QVERIFY(m_page->selectProfile(QStringLiteral("Branch")));
        QVERIFY(m_page->switchProfileButton()->isEnabled());
        QTest::mouseClick(m_page->switchProfileButton(), Qt::LeftButton);
        QCOMPARE(switched.count(), 1);
        QCOMPARE(switched.constFirst().constFirst().toString(), QStringLiteral("Branch"));
        // The page only asks: the current profile is the application's to change.
        QCOMPARE(m_fixture->settings.currentProfile(), QStringLiteral("Head office"));

        QSignalSpy demo(m_page.get(), &SettingsPage::demoRequested);
        QVERIFY(m_page->demoButton()->isEnabled());
        QTest::mouseClick(m_page->demoButton(), Qt::LeftButton);
        QCOMPARE(demo.count(), 1);
    }

    void noDemoButtonWhileOnTheDemo()
    {
        auto demo = profile(QStringLiteral("Demo"), QStringLiteral("https://127.0.0.1:5443"));
        demo.isDemo = true;
        m_fixture->settings.saveProfile(demo);
        m_fixture->settings.setCurrentProfile(QStringLiteral("Demo"));
        m_page->hide();
        m_page->show();
        QVERIFY(!m_page->demoButton()->isEnabled());
        QVERIFY(m_page->selectProfile(QStringLiteral("Demo")));
        QCOMPARE(m_page->profileList()->currentItem()->text(2),
                 QStringLiteral("Pinned when the demo starts"));
    }

    void aboutNamesTheVersions()
    {
        const QString about = m_page->aboutLines().join(u'\n');
        QVERIFY2(about.contains(QStringLiteral("Qt version: ") + QString::fromLatin1(qVersion())),
                 qPrintable(about));
        const QString ssl = QSslSocket::sslLibraryVersionString();
        QVERIFY(ssl.startsWith(QStringLiteral("OpenSSL")));
        QVERIFY2(about.contains(QStringLiteral("TLS library: ") + ssl), qPrintable(about));
        QVERIFY2(about.contains(QRegularExpression(
                     QStringLiteral("Keychain library: QtKeychain \\d+\\.\\d+\\.\\d+"))),
                 qPrintable(about));
        QVERIFY2(!about.contains(QStringLiteral("QtKeychain 0.1.0")), "the header's stale macro");
        QVERIFY2(about.contains(QStringLiteral("Engage version: 9.8.7")), qPrintable(about));
        QVERIFY2(about.contains(QStringLiteral("Licence: MIT License")), qPrintable(about));
    }

private:
    QTemporaryDir m_dir;
    QString m_ini;
    int m_run = 0;
    std::unique_ptr<ClientUnderTest> m_fixture;
    std::unique_ptr<SettingsPage> m_page;
};

QTEST_MAIN(TestSettingsPage)
#include "tst_settingspage.moc"
