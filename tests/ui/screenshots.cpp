// Renders every page and dialog of the client, in Japanese and in English, to
// PNG files for docs/screenshots (run through docs/screenshots/render.sh under
// Xvfb). Real parts throughout: the engage-server demo, signed in as each demo
// tenant's owner (sakura-foods in Japanese, northwind in English), and the
// pages as the application composes them.
//
// engage_screenshots OUTPUT_DIR

#include "api/person.h"
#include "api/personrequests.h"
#include "models/apiclient.h"
#include "models/certificateinfo.h"
#include "models/credentialstore.h"
#include "models/languageswitcher.h"
#include "models/session.h"
#include "models/settings.h"
#include "models/usertablemodel.h"
#include "serverprocess.h"
#include "ui/applicationcontroller.h"
#include "ui/clientcontext.h"
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

#include <QAction>
#include <QApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QLineEdit>
#include <QPixmap>
#include <QSslCertificate>
#include <QStyleFactory>
#include <QTableView>
#include <QTemporaryDir>
#include <QThread>
#include <QUuid>
#include <cstdio>
#include <functional>
#include <memory>

using namespace engage;
using namespace engage::models;
using namespace engage::ui;

namespace {

constexpr int kWaitMs = 30000;

[[noreturn]] void fail(const QString &what)
{
    std::fprintf(stderr, "engage_screenshots: %s\n", qPrintable(what));
    std::exit(1);
}

// Runs the event loop until `done` or the deadline; false on the deadline.
bool waitUntil(const std::function<bool()> &done, int timeoutMs = kWaitMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(10);
    }
    return true;
}

// Lets layouts settle and a first paint happen.
void settle()
{
    QDeadlineTimer deadline(300);
    waitUntil([&] { return deadline.hasExpired(); });
}

class Renderer
{
public:
    Renderer(const QString &outputDir, const test::ServerProcess &server)
        : m_output(outputDir)
        , m_server(server)
    {}

    void render(const QString &language, const QString &tenant);

private:
    void save(QWidget *widget, const QString &name)
    {
        settle();
        const QString path =
            m_output.filePath(name + QLatin1Char('-') + m_language + QStringLiteral(".png"));
        if (!widget->grab().save(path, "PNG"))
            fail(QStringLiteral("cannot write %1").arg(path));
        std::printf("%s\n", qPrintable(path));
    }

    template<typename Dialog>
    void saveDialog(Dialog *dialog, const QString &name)
    {
        dialog->show();
        save(dialog, name);
        dialog->close();
        delete dialog;
    }

    // The modal dialog that `open` brings up, saved and then dismissed.
    void saveModal(const std::function<void()> &open, const QString &name)
    {
        open();
        QWidget *modal = nullptr;
        if (!waitUntil([&] { return (modal = QApplication::activeModalWidget()); }))
            fail(QStringLiteral("no dialog for %1").arg(name));
        save(modal, name);
        modal->close();
        waitUntil([] { return !QApplication::activeModalWidget(); });
    }

    bool signIn(Session &session, const QString &tenant);
    void renameBehindTheBack(ApiClient &client, const QString &personId);

    QDir m_output;
    const test::ServerProcess &m_server;
    QString m_language;
    LanguageSwitcher m_switcher;
};

bool Renderer::signIn(Session &session, const QString &tenant)
{
    for (const auto &value : m_server.announcement().value(QLatin1String("tenants")).toArray()) {
        const QJsonObject entry = value.toObject();
        if (entry.value(QLatin1String("slug")).toString() != tenant)
            continue;
        bool signedIn = false;
        QObject::connect(&session, &Session::signedIn, &session, [&] { signedIn = true; });
        session.signIn(tenant, entry.value(QLatin1String("adminEmail")).toString(),
                       entry.value(QLatin1String("adminPassword")).toString());
        return waitUntil([&] { return signedIn; });
    }
    return false;
}

// Another administrator renames the person, so that the page's next edit is stale.
void Renderer::renameBehindTheBack(ApiClient &client, const QString &personId)
{
    const auto call = [&client](const ApiRequest &request, QByteArray *etag) {
        bool done = false;
        ApiReply *reply = client.send(request);
        QObject::connect(reply, &ApiReply::finished, reply, [&done, etag, reply] {
            if (etag)
                *etag = reply->etag();
            done = reply->isOk();
        });
        if (!waitUntil([&done] { return done; }))
            fail(QStringLiteral("the service did not answer %1").arg(request.path));
    };
    ApiRequest read;
    read.path = QStringLiteral("/api/v1/users/") + personId;
    QByteArray etag;
    call(read, &etag);
    ApiRequest rename;
    rename.method = "PATCH";
    rename.path = read.path;
    api::PersonPatch patch;
    patch.displayName = QStringLiteral("%1 (2)").arg(personId.left(4));
    rename.body = api::toJson(patch);
    rename.ifMatch = etag;
    call(rename, nullptr);
}

void Renderer::render(const QString &language, const QString &tenant)
{
    m_language = language;
    if (!m_switcher.setLanguage(language))
        fail(QStringLiteral("no translation for %1").arg(language));

    QTemporaryDir home;
    Settings settings(home.filePath(QStringLiteral("settings.ini")));
    ConnectionProfile demo;
    demo.name = ApplicationController::demoProfileName();
    demo.url = m_server.url();
    demo.fingerprint = m_server.fingerprint();
    demo.lastTenant = tenant;
    demo.isDemo = true;
    settings.saveProfile(demo);
    ConnectionProfile office;
    office.name = language == QLatin1String("ja") ? QStringLiteral("東京本社")
                                                  : QStringLiteral("Tokyo office");
    office.url = QUrl(QStringLiteral("https://engage.example.com"));
    settings.saveProfile(office);
    settings.setCurrentProfile(demo.name);
    settings.setLanguage(language);

    ApiClient client;
    client.setBaseUrl(m_server.url());
    client.setPinnedFingerprint(m_server.fingerprint());
    CredentialStore credentials(QStringLiteral("Engage screenshots"));
    Session session(client, credentials);
    session.setProfileName(demo.name);
    ClientContext context{client, session, settings, credentials, m_switcher};
    if (!signIn(session, tenant))
        fail(QStringLiteral("cannot sign in to %1").arg(tenant));

    MainWindow window(context);
    auto *people = new PeoplePage(client, session);
    window.addPage(people, QIcon(QStringLiteral(":/icons/people.svg")));
    window.addPage(new SettingsPage(context), QIcon(QStringLiteral(":/icons/settings.svg")));
    window.resize(1100, 680);
    window.show();
    if (!waitUntil([&] { return !people->model().isLoading() && people->model().rowCount() > 1; }))
        fail(QStringLiteral("the People page did not load"));
    // Someone other than the owner, so that the edit buttons are enabled.
    const QAbstractItemModel *rows = people->view()->model();
    QString selected;
    for (int row = 0; row < rows->rowCount() && selected.isEmpty(); ++row) {
        const QString id = rows->index(row, 0).data(UserTableModel::PersonIdRole).toString();
        if (id != session.person()->id)
            selected = id;
    }
    people->selectPerson(selected);
    save(&window, QStringLiteral("people"));

    saveModal([people] { people->deletePersonAction()->trigger(); },
              QStringLiteral("delete-confirmation"));

    ApiClient otherClient;
    otherClient.setBaseUrl(m_server.url());
    otherClient.setPinnedFingerprint(m_server.fingerprint());
    Session other(otherClient, credentials);
    other.setProfileName(QStringLiteral("other"));
    if (!signIn(other, tenant))
        fail(QStringLiteral("cannot sign in twice to %1").arg(tenant));
    renameBehindTheBack(otherClient, selected);
    people->statusAction()->trigger();
    if (!waitUntil([people] { return people->banner()->isVisible(); }))
        fail(QStringLiteral("no stale-edit banner"));
    save(&window, QStringLiteral("people-stale-edit"));
    people->reloadAction()->trigger();

    window.setCurrentPageIndex(1);
    save(&window, QStringLiteral("settings"));
    window.setCurrentPageIndex(0);

    auto *invite = new InviteDialog(
        {api::Role::Owner, api::Role::Admin, api::Role::Manager, api::Role::Viewer}, &window);
    const bool ja = language == QLatin1String("ja");
    invite->findChild<QLineEdit *>(QStringLiteral("displayName"))
        ->setText(ja ? QStringLiteral("山本 彩") : QStringLiteral("Aya Yamamoto"));
    invite->findChild<QLineEdit *>(QStringLiteral("email"))
        ->setText(QStringLiteral("aya.yamamoto@example.com"));
    saveDialog(invite, QStringLiteral("invite"));

    api::Person newcomer;
    newcomer.displayName = ja ? QStringLiteral("山本 彩") : QStringLiteral("Aya Yamamoto");
    newcomer.email = QStringLiteral("aya.yamamoto@example.com");
    newcomer.role = api::Role::Manager;
    // A sample shaped like a generated first password; it opens nothing.
    saveDialog(
        new InitialPasswordDialog(newcomer, tenant, QStringLiteral("tQ7m-Vr3k-9cXa-Lp2e"), &window),
        QStringLiteral("initial-password"));

    ConnectionProfile signInProfile = demo;
    signInProfile.lastEmail = session.person()->email;
    saveDialog(new LoginDialog(session, signInProfile, &window), QStringLiteral("login"));
    saveDialog(new PasswordChangeDialog(session, PasswordChangeDialog::Mode::Forced, &window),
               QStringLiteral("password-change"));
    saveDialog(new WelcomeDialog({office.name}, &window), QStringLiteral("welcome"));

    const auto certificates = QSslCertificate::fromPath(m_server.certificatePath());
    if (certificates.isEmpty())
        fail(QStringLiteral("cannot read %1").arg(m_server.certificatePath()));
    CertificateDialog certificate(&window);
    saveModal(
        [&] {
            certificate.askToTrust(
                CertificateInfo::from(certificates.constFirst(), m_server.url().host()),
                [](bool) {});
        },
        QStringLiteral("certificate"));

    ApiError error;
    error.kind = ApiError::Kind::Network;
    error.detail = QStringLiteral("Connection refused");
    error.requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    saveModal([&] { showErrorDialog(&window, error); }, QStringLiteral("error"));

    session.signOut();
    other.signOut();
    waitUntil([&] {
        return session.state() == Session::State::SignedOut &&
               other.state() == Session::State::SignedOut;
    });
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication application(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Engage"));
    QCoreApplication::setApplicationName(QStringLiteral("engage-admin"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ENGAGE_VERSION));
    // The same look on every machine that renders them.
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() != 2)
        fail(QStringLiteral("usage: engage_screenshots OUTPUT_DIR"));
    if (!QDir().mkpath(arguments.at(1)))
        fail(QStringLiteral("cannot create %1").arg(arguments.at(1)));

    test::ServerProcess server;
    if (!server.start())
        fail(server.errorString());
    Renderer renderer(arguments.at(1), server);
    renderer.render(QStringLiteral("ja"), QStringLiteral("sakura-foods"));
    renderer.render(QStringLiteral("en"), QStringLiteral("northwind"));
    return 0;
}
