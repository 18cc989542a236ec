// Every visible text of the client in Japanese: the main window with both
// pages and every dialog are built in English, the language is switched to
// Japanese through the LanguageSwitcher (as the Settings page does), and every
// widget is walked. A text still equal to what the same widget showed in
// English is either untranslated or not retranslated at run time; the test
// lists them all. Confirmation boxes, which live only while they are asked,
// are opened once in each language and compared by position.
//
// Allowed to stay the same, and why:
// - texts without a Latin letter (Japanese names, numbers, dates, "—"): they
//   cannot be an English source; likewise a text made only of such data and
//   the product name (the window title "sakura-foods — Engage");
// - data rather than texts of ours: e-mail addresses, URLs, fingerprints,
//   request ids, the tenant slug, the certificate's names, the versions in
//   About, and the service's detail, which is shown verbatim beneath our own
//   translated message by design;
// - "Engage" (the product name), "English" (a language's own name, so that
//   someone who cannot read Japanese finds it), and "OK", which Qt's own
//   Japanese catalogue keeps as it is.

#include "../models/serviceclient.h"
#include "models/certificateinfo.h"
#include "models/usertablemodel.h"
#include "ui/dialogs/certificatedialog.h"
#include "ui/dialogs/errordialog.h"
#include "ui/dialogs/initialpassworddialog.h"
#include "ui/dialogs/invitedialog.h"
#include "ui/dialogs/logindialog.h"
#include "ui/dialogs/passwordchangedialog.h"
#include "ui/dialogs/welcomedialog.h"
#include "ui/mainwindow.h"
#include "ui/pages/peoplepage.h"
#include "ui/pages/settingspage.h"
#include "ui/widgets/messagebanner.h"
#include "uitestsupport.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QComboBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslSocket>
#include <QTabWidget>
#include <QTextDocumentFragment>
#include <map>

using namespace engage;
using namespace engage::models;
using namespace engage::test;
using namespace engage::ui;

namespace {

const QString kTenant = QStringLiteral("sakura-foods");
const QString kDetail = QStringLiteral("Connection refused by the test");

// Where a text was seen, as a path of class names and sibling positions that
// stays the same for the same widget, and for a widget built the same way.
using Texts = std::map<QString, QString>;

QString pathOf(const QObject *object, const QObject *top, const QString &topName)
{
    QStringList parts;
    for (const QObject *at = object; at && at != top; at = at->parent()) {
        const QObject *parent = at->parent();
        int index = 0;
        if (parent) {
            for (const QObject *sibling : parent->children()) {
                if (sibling == at)
                    break;
                if (qstrcmp(sibling->metaObject()->className(), at->metaObject()->className()) == 0)
                    ++index;
            }
        }
        QString part = QString::fromLatin1(at->metaObject()->className());
        if (!at->objectName().isEmpty())
            part += QLatin1Char('#') + at->objectName();
        parts.prepend(part + QStringLiteral("[%1]").arg(index));
    }
    parts.prepend(topName);
    return parts.join(u'/');
}

class Collector
{
public:
    explicit Collector(Texts &texts)
        : m_texts(texts)
    {}

    void collect(QWidget *top, const QString &topName)
    {
        QList<QWidget *> widgets{top};
        widgets += top->findChildren<QWidget *>();
        for (QWidget *widget : widgets) {
            // Dialogs parented to the main window are walked as windows of their own.
            if (!widget->isVisible() || widget->window() != top)
                continue;
            const QString path = pathOf(widget, top, topName);
            add(path + QStringLiteral(" windowTitle"), widget->windowTitle());
            add(path + QStringLiteral(" toolTip"), widget->toolTip());
            if (auto *label = qobject_cast<QLabel *>(widget))
                add(path + QStringLiteral(" text"), label->text());
            if (auto *button = qobject_cast<QAbstractButton *>(widget))
                add(path + QStringLiteral(" text"), button->text());
            if (auto *group = qobject_cast<QGroupBox *>(widget))
                add(path + QStringLiteral(" title"), group->title());
            if (auto *edit = qobject_cast<QLineEdit *>(widget))
                add(path + QStringLiteral(" placeholder"), edit->placeholderText());
            if (auto *combo = qobject_cast<QComboBox *>(widget)) {
                for (int i = 0; i < combo->count(); ++i)
                    add(path + QStringLiteral(" item %1").arg(i), combo->itemText(i));
            }
            if (auto *tabs = qobject_cast<QTabWidget *>(widget)) {
                for (int i = 0; i < tabs->count(); ++i)
                    add(path + QStringLiteral(" tab %1").arg(i), tabs->tabText(i));
            }
            if (auto *view = qobject_cast<QAbstractItemView *>(widget))
                collectView(view, path);
            if (auto *bar = qobject_cast<QMenuBar *>(widget))
                collectActions(bar->actions(), path);
            collectActions(widget->actions(), path + QStringLiteral(" action"));
        }
    }

private:
    void add(const QString &where, const QString &text)
    {
        if (!text.trimmed().isEmpty())
            m_texts[where] = text;
    }

    void collectView(QAbstractItemView *view, const QString &path)
    {
        const QAbstractItemModel *model = view->model();
        if (!model)
            return;
        for (int column = 0; column < model->columnCount(); ++column) {
            add(path + QStringLiteral(" header %1").arg(column),
                model->headerData(column, Qt::Horizontal).toString());
            for (int row = 0; row < model->rowCount(); ++row)
                add(path + QStringLiteral(" cell %1,%2").arg(row).arg(column),
                    model->index(row, column).data().toString());
        }
    }

    void collectActions(const QList<QAction *> &actions, const QString &path)
    {
        int index = 0;
        for (QAction *action : actions) {
            const QString where = path + QStringLiteral("/action[%1]").arg(index++);
            if (!action->isVisible() || action->isSeparator())
                continue;
            add(where + QStringLiteral(" text"), action->text());
            if (action->toolTip() != QString(action->text()).remove(u'&'))
                add(where + QStringLiteral(" toolTip"), action->toolTip());
            if (QMenu *menu = action->menu())
                collectActions(menu->actions(), where);
        }
    }

    Texts &m_texts;
};

} // namespace

class TestTranslations final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void everyVisibleTextIsJapanese();

private:
    Texts collectAll();
    bool isAllowed(const QString &text) const;

    ServerProcess m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<ClientUnderTest> m_client;
    std::unique_ptr<MainWindow> m_window;
    PeoplePage *m_people = nullptr;
    // Every top-level widget walked, by a name for the report.
    QList<QPair<QString, QPointer<QWidget>>> m_windows;
    QStringList m_data; // texts that are data, not ours
};

void TestTranslations::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    m_client = std::make_unique<ClientUnderTest>(m_dir.filePath(QStringLiteral("settings.ini")));
    QVERIFY(m_client->language.setLanguage(QStringLiteral("en")));
    ConnectionProfile profile = serverProfile(m_server, QStringLiteral("本社"));
    profile.lastTenant = kTenant;
    m_client->settings.saveProfile(profile);
    m_client->settings.setCurrentProfile(profile.name);
    m_client->client.setBaseUrl(m_server.url());
    m_client->client.setPinnedFingerprint(m_server.fingerprint());
    m_client->session.setProfileName(profile.name);
    const Account owner = demoOwner(m_server, kTenant);
    QVERIFY(signIn(m_client->session, owner));

    m_window = std::make_unique<MainWindow>(m_client->context);
    m_people = new PeoplePage(m_client->client, m_client->session);
    m_window->addPage(m_people, QIcon());
    m_window->addPage(new SettingsPage(m_client->context), QIcon());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_VERIFY_WITH_TIMEOUT(!m_people->model().isLoading() && m_people->model().rowCount() > 1,
                             kWaitMs);
    // Someone other than the owner: every action is offered.
    for (int row = 0; row < m_people->model().rowCount(); ++row) {
        if (m_people->model().personAt(row).id != m_client->session.person()->id) {
            QVERIFY(m_people->selectPerson(m_people->model().personAt(row).id));
            break;
        }
    }
    m_windows.append({QStringLiteral("main"), m_window.get()});

    const auto show = [this](const QString &name, QWidget *widget) {
        widget->setAttribute(Qt::WA_DeleteOnClose, false);
        widget->show();
        m_windows.append({name, widget});
    };
    ConnectionProfile signInProfile = profile;
    signInProfile.lastEmail = owner.email;
    show(QStringLiteral("login"),
         new LoginDialog(m_client->session, signInProfile, m_window.get()));
    show(QStringLiteral("password-voluntary"),
         new PasswordChangeDialog(m_client->session, PasswordChangeDialog::Mode::Voluntary,
                                  m_window.get()));
    show(QStringLiteral("password-forced"),
         new PasswordChangeDialog(m_client->session, PasswordChangeDialog::Mode::Forced,
                                  m_window.get()));
    show(QStringLiteral("welcome"), new WelcomeDialog({profile.name}, m_window.get()));
    show(QStringLiteral("invite"), new InviteDialog({api::Role::Owner, api::Role::Admin,
                                                     api::Role::Manager, api::Role::Viewer},
                                                    m_window.get()));
    api::Person newcomer = m_people->model().personAt(0);
    show(QStringLiteral("initial-password"),
         new InitialPasswordDialog(newcomer, kTenant, QStringLiteral("0123-4567-89"),
                                   m_window.get()));

    const auto certificates = QSslCertificate::fromPath(m_server.certificatePath());
    QVERIFY(!certificates.isEmpty());
    const CertificateInfo info =
        CertificateInfo::from(certificates.constFirst(), m_server.url().host());
    auto *certificate = new CertificateDialog(m_window.get());
    certificate->askToTrust(info, [](bool) {});
    show(QStringLiteral("certificate"), certificate);

    ApiError error;
    error.kind = ApiError::Kind::Problem;
    error.httpStatus = 409;
    error.code = api::ProblemCode::Conflict;
    error.detail = kDetail;
    error.requestId = QStringLiteral("8a6c1f0e-2b4d-4c3e-9f00-123456789abc");
    auto *banner = new MessageBanner;
    banner->showError(error);
    show(QStringLiteral("banner"), banner);
    showErrorDialog(m_window.get(), error);
    auto *errorDialog = m_window->findChild<QWidget *>(QStringLiteral("errorDialog"));
    QVERIFY(errorDialog);
    m_windows.append({QStringLiteral("error"), errorDialog});

    m_data = {kTenant,
              kDetail,
              info.subject,
              info.issuer,
              info.host,
              QString::fromLatin1(qVersion()),
              QSslSocket::sslLibraryVersionString(),
              QCoreApplication::applicationVersion()};
}

void TestTranslations::cleanupTestCase()
{
    for (const auto &[name, widget] : m_windows) {
        if (widget && widget != m_window.get())
            delete widget.data();
    }
    m_window.reset();
    m_client.reset();
}

Texts TestTranslations::collectAll()
{
    Texts texts;
    Collector collector(texts);
    for (int page = 0; page < m_window->pageCount(); ++page) {
        m_window->setCurrentPageIndex(page);
        for (const auto &[name, widget] : m_windows) {
            if (widget)
                collector.collect(widget, name);
        }
    }
    m_window->setCurrentPageIndex(0);
    // Asked only while it is open, so built anew in each language.
    m_people->deletePersonAction()->trigger();
    if (auto *box = waitForModal<QMessageBox>()) {
        collector.collect(box, QStringLiteral("delete-confirmation"));
        box->reject();
    } else {
        texts[QStringLiteral("delete-confirmation")] = QStringLiteral("did not open");
    }
    return texts;
}

bool TestTranslations::isAllowed(const QString &text) const
{
    static const QRegularExpression latin(QStringLiteral("[A-Za-z]"));
    static const QList<QRegularExpression> data{
        QRegularExpression(QStringLiteral("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$")), // e-mail
        QRegularExpression(QStringLiteral("^https://\\S+$")),                 // URL
        QRegularExpression(QStringLiteral("^([0-9A-F]{2}:)+[0-9A-F]{2}$")),   // fingerprint
        QRegularExpression(QStringLiteral("^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$")),
        QRegularExpression(QStringLiteral("^QtKeychain \\d+\\.\\d+\\.\\d+$")),
    };
    const QString plain = QTextDocumentFragment::fromHtml(text).toPlainText().remove(u'&');
    // A text made only of data and the product name ("sakura-foods — Engage").
    QString rest = plain;
    for (const QString &allowed : m_data)
        rest.remove(allowed);
    if (!rest.remove(QLatin1String("Engage")).contains(latin))
        return true;
    if (plain == QLatin1String("Engage") || plain == QLatin1String("English") ||
        plain == QLatin1String("OK") || m_data.contains(plain))
        return true;
    return std::any_of(data.cbegin(), data.cend(), [&plain](const QRegularExpression &rule) {
        return rule.match(plain).hasMatch();
    });
}

void TestTranslations::everyVisibleTextIsJapanese()
{
    const Texts english = collectAll();
    QVERIFY2(english.size() > 150, "the walk found too little to be a walk of every widget");

    QVERIFY(m_client->language.setLanguage(QStringLiteral("ja")));
    // LanguageChange is posted: let every widget have it.
    QTest::qWait(200);
    const Texts japanese = collectAll();

    QStringList same;
    for (const auto &[where, text] : english) {
        const auto found = japanese.find(where);
        if (found != japanese.end() && found->second == text && !isAllowed(text))
            same << QStringLiteral("%1: \"%2\"").arg(where, text);
    }
    const QString report = same.join(u'\n');
    if (!same.isEmpty())
        qWarning().noquote() << same.size() << "texts are the same in Japanese as in English:\n"
                             << report;
    QVERIFY2(
        same.isEmpty(),
        qPrintable(
            QStringLiteral("%1 of %2 texts not in Japanese").arg(same.size()).arg(english.size())));
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
