#include "applicationcontroller.h"

#include "models/apiclient.h"
#include "models/demoservice.h"
#include "models/languageswitcher.h"
#include "models/session.h"
#include "models/settings.h"
#include "ui/dialogs/certificatedialog.h"
#include "ui/dialogs/errordialog.h"
#include "ui/dialogs/importwizard.h"
#include "ui/dialogs/logindialog.h"
#include "ui/dialogs/welcomedialog.h"
#include "ui/mainwindow.h"
#include "ui/pages/attributespage.h"
#include "ui/pages/dashboardpage.h"
#include "ui/pages/logspage.h"
#include "ui/pages/memberspage.h"
#include "ui/pages/peoplepage.h"
#include "ui/pages/settingspage.h"
#include "ui/pages/surveyspage.h"

#include <QIcon>
#include <QLoggingCategory>
#include <QProgressDialog>

Q_LOGGING_CATEGORY(lcController, "engage.ui.controller")

namespace engage::ui {

namespace {

constexpr int kResumeWithoutPaintMs = 500;

// The demo's two companies (see the service's demo seed): the one whose
// language the person reads is shown first.
QString demoTenantFor(const QString &language)
{
    return language == QLatin1String("ja") ? QStringLiteral("sakura-foods")
                                           : QStringLiteral("northwind");
}

// The service is not the one the profile trusts: asking for a password would
// send it to whoever answers.
bool trustFails(const models::ApiError &error)
{
    using Kind = models::ApiError::Kind;
    return error.kind == Kind::PinMismatch || error.kind == Kind::UntrustedCertificate ||
           error.kind == Kind::TlsFailure;
}

// Nothing answered: no error of the service's own.
bool unreachable(const models::ApiError &error)
{
    using Kind = models::ApiError::Kind;
    return error.kind == Kind::Network || error.kind == Kind::Timeout;
}

// The service cannot be used at all; a problem+json answer means it can.
bool stopsTheConnection(const models::ApiError &error)
{
    return trustFails(error) || unreachable(error);
}

} // namespace

// Error dialogs are not ours (they delete themselves) and may outlive us.
std::function<void()> ApplicationController::whenAlive(std::function<void()> action)
{
    return [guard = QPointer<ApplicationController>(this), action = std::move(action)] {
        if (guard)
            action();
    };
}

QString ApplicationController::demoProfileName()
{
    return QStringLiteral("Demo");
}

ApplicationController::ApplicationController(ClientContext &context, Options options,
                                             QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_options(std::move(options))
    , m_offlineSync(context.client, context.session)
{
    context.client.setCertificateDecider(this);
    m_progressDelay.setSingleShot(true);
    m_progressDelay.setInterval(400);
    connect(&m_progressDelay, &QTimer::timeout, this, &ApplicationController::onProgressDue);
    connect(&context.client, &models::ApiClient::pinnedFingerprintChanged, this,
            &ApplicationController::onPinnedFingerprintChanged);
    // Connected before any dialog: the controller hears the session first.
    connect(&context.session, &models::Session::signedIn, this, &ApplicationController::onSignedIn);
    connect(&context.session, &models::Session::passwordChangeRequired, this,
            &ApplicationController::onPasswordChangeRequired);
    connect(&context.session, &models::Session::failed, this,
            &ApplicationController::onSessionFailed);
    connect(&context.session, &models::Session::signedOut, this,
            &ApplicationController::onSignedOut);
    connect(&context.session, &models::Session::notRemembered, this,
            &ApplicationController::onNotRemembered);
    connect(&context.session, &models::Session::offlineChanged, this,
            &ApplicationController::onOfflineChanged);
}

ApplicationController::~ApplicationController()
{
    // The members below go away before QObject's destructor disconnects this
    // object: no signal may reach it half destroyed.
    m_context.session.disconnect(this);
    m_context.client.disconnect(this);
    m_context.client.setCertificateDecider(nullptr);
    if (m_demo)
        m_demo->disconnect(this);
    delete m_login;
    delete m_passwordChange;
    delete m_retiredWindow; // it uses the context, which may go next
}

MainWindow *ApplicationController::mainWindow() const
{
    return m_window.get();
}

MainWindow *ApplicationController::shownWindow() const
{
    return m_window && m_window->isVisible() ? m_window.get() : nullptr;
}

CertificateDialog *ApplicationController::certificateDialog() const
{
    return m_certificates.get();
}

models::DemoService *ApplicationController::demoService() const
{
    return m_demo.get();
}

void ApplicationController::start()
{
    if (m_options.demo) {
        startDemo();
        return;
    }
    const QString name =
        m_options.profile.isEmpty() ? m_context.settings.currentProfile() : m_options.profile;
    if (const auto profile = m_context.settings.profile(name)) {
        connectTo(*profile);
    } else if (!m_options.profile.isEmpty()) {
        showErrorDialog(nullptr, tr("There is no connection named “%1”.").arg(name),
                        tr("Choose a saved connection or add a new one."),
                        whenAlive([this] { showWelcome(); }));
    } else {
        showWelcome();
    }
}

void ApplicationController::showWelcome()
{
    QStringList names;
    const QList<models::ConnectionProfile> profiles = m_context.settings.profiles();
    for (const models::ConnectionProfile &profile : profiles)
        if (!profile.isDemo)
            names.append(profile.name);
    auto *dialog = new WelcomeDialog(names);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this, dialog](int result) {
        if (result != QDialog::Accepted) {
            Q_EMIT quitRequested();
            return;
        }
        switch (dialog->choice()) {
        case WelcomeDialog::Choice::Demo:
            startDemo();
            return;
        case WelcomeDialog::Choice::SavedProfile:
            if (const auto profile = m_context.settings.profile(dialog->profileName()))
                connectTo(*profile);
            return;
        case WelcomeDialog::Choice::NewService: {
            models::ConnectionProfile profile;
            profile.name = dialog->profileName();
            profile.url = dialog->serviceUrl();
            m_context.settings.saveProfile(profile);
            connectTo(profile);
            return;
        }
        }
    });
    dialog->open();
}

void ApplicationController::startDemo()
{
    if (!m_demo) {
        m_demo = std::make_unique<models::DemoService>();
        connect(m_demo.get(), &models::DemoService::ready, this,
                &ApplicationController::onDemoReady);
        connect(m_demo.get(), &models::DemoService::failed, this, [this](const QString &reason) {
            hideProgress();
            showErrorDialog(nullptr, tr("The demo service could not be started."), reason,
                            whenAlive([this] { showWelcome(); }));
        });
        connect(m_demo.get(), &models::DemoService::stopped, this, [this] {
            if (shownWindow() && m_profileName == demoProfileName())
                m_window->showMessage(MessageBanner::Level::Error,
                                      tr("The demo service has stopped. Quit Engage and start "
                                         "it again to go on with the demo."));
        });
    }
    if (m_demo->isRunning() && m_demo->url().isValid()) {
        onDemoReady();
        return;
    }
    showProgress(tr("Starting the demo service…"));
    m_demo->start();
}

void ApplicationController::onDemoReady()
{
    hideProgress();
    const QList<models::DemoService::Tenant> tenants = m_demo->tenants();
    if (tenants.isEmpty()) {
        showErrorDialog(nullptr, tr("The demo service could not be started."),
                        tr("It announced no demo company."), whenAlive([this] { showWelcome(); }));
        return;
    }
    const QString preferred = demoTenantFor(m_context.language.language());
    models::DemoService::Tenant tenant = tenants.constFirst();
    for (const models::DemoService::Tenant &candidate : tenants)
        if (candidate.slug == preferred)
            tenant = candidate;

    // We started the child and read its announcement ourselves: its
    // certificate is pinned without asking.
    models::ConnectionProfile profile =
        m_context.settings.profile(demoProfileName()).value_or(models::ConnectionProfile{});
    profile.name = demoProfileName();
    profile.isDemo = true;
    profile.url = m_demo->url();
    profile.fingerprint = m_demo->fingerprint();
    profile.lastTenant = tenant.slug;
    profile.lastEmail = tenant.ownerEmail;
    m_context.settings.saveProfile(profile);
    configureClient(profile);
    m_step = Step::DemoSignIn;
    m_context.session.signIn(tenant.slug, tenant.ownerEmail, tenant.ownerPassword);
    prepareMainWindow();
}

void ApplicationController::configureClient(const models::ConnectionProfile &profile)
{
    m_profileName = profile.name;
    m_offlineSync.setEnabled(!profile.isDemo);
    m_context.client.setBaseUrl(profile.url);
    m_context.client.setPinnedFingerprint(profile.fingerprint);
    m_context.session.setProfileName(profile.name);
    m_context.settings.setCurrentProfile(profile.name);
}

void ApplicationController::connectTo(const models::ConnectionProfile &profile)
{
    if (profile.isDemo) {
        startDemo();
        return;
    }
    configureClient(profile);
    if (!profile.lastTenant.isEmpty() && !profile.lastEmail.isEmpty())
        showWindowThenResume();
    else
        probeThenLogin();
}

// A returning user sees the window at once, as with any desktop application,
// and the session is resumed behind it: the keychain and the service are only
// waited for, and loading the keychain's and TLS's libraries before the first
// paint would hold it up. The pages stay inert and load nothing until the
// session is signed in.
void ApplicationController::showWindowThenResume()
{
    m_step = Step::ResumeDue;
    // The first page's shell is part of what the person sees first.
    while (!m_window || m_window->pageCount() == 0)
        buildMainWindowStep();
    m_window->setSignInPending(true);
    connect(m_window.get(), &MainWindow::firstPainted, this, &ApplicationController::startResume);
    // A window that is never exposed (minimised by the window manager) never
    // paints: the resume does not wait for it for long.
    QTimer::singleShot(kResumeWithoutPaintMs, this, &ApplicationController::startResume);
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
    Q_EMIT mainWindowShown(m_window.get());
}

// The resume goes before any other call: its refresh call checks the
// certificate (and the pin) on the way, before anyone could type a password.
void ApplicationController::startResume()
{
    if (m_step != Step::ResumeDue)
        return;
    const auto profile = m_context.settings.profile(m_profileName);
    if (!profile) {
        m_step = Step::Idle;
        probeThenLogin();
        return;
    }
    m_step = Step::Resuming;
    m_context.session.resume(profile->lastTenant, profile->lastEmail);
    prepareMainWindow();
}

// One unauthenticated call before the login dialog: the certificate is checked
// (and, the first time, shown to the person) before any password is typed.
void ApplicationController::probeThenLogin()
{
    showProgress(tr("Connecting to %1…").arg(m_profileName));
    models::ApiRequest request;
    request.path = QStringLiteral("/readyz");
    request.authenticated = false;
    models::ApiReply *reply = m_context.client.send(request);
    connect(reply, &models::ApiReply::finished, this, [this, reply] {
        hideProgress();
        if (reply->isOk() || !stopsTheConnection(reply->error()))
            showLogin();
        else
            showConnectionError(reply->error());
    });
}

void ApplicationController::showConnectionError(const models::ApiError &error)
{
    qCWarning(lcController) << "cannot connect to profile" << m_profileName << "kind"
                            << static_cast<int>(error.kind) << "request" << error.requestId;
    // The welcome dialog follows: a window shown for a sign-in that will not
    // happen goes first.
    if (m_context.session.state() == models::Session::State::SignedOut)
        retireMainWindow();
    showErrorDialog(shownWindow(), error, whenAlive([this] { showWelcome(); }));
}

void ApplicationController::showLogin(const QString &notice)
{
    if (m_login) {
        m_login->raise();
        return;
    }
    const auto profile = m_context.settings.profile(m_profileName);
    // Over the window when one is shown (a remembered session that could not
    // be resumed): window-modal, so that nothing in it can be reached.
    m_login = new LoginDialog(m_context.session, profile.value_or(models::ConnectionProfile{}),
                              shownWindow());
    m_login->setAttribute(Qt::WA_DeleteOnClose);
    if (!notice.isEmpty())
        m_login->showNotice(notice);
    connect(m_login, &QDialog::finished, this, [this, dialog = m_login](int result) {
        if (result == LoginDialog::ConnectionFailed && dialog->connectionError())
            showConnectionError(*dialog->connectionError());
        else if (result == QDialog::Rejected &&
                 m_context.session.state() != models::Session::State::SignedIn)
            Q_EMIT quitRequested();
    });
    m_login->open();
}

void ApplicationController::showPasswordChange(PasswordChangeDialog::Mode mode,
                                               const QString &currentPassword)
{
    if (m_passwordChange) {
        m_passwordChange->raise();
        return;
    }
    m_passwordChange = new PasswordChangeDialog(m_context.session, mode, shownWindow());
    m_passwordChange->setAttribute(Qt::WA_DeleteOnClose);
    m_passwordChange->setCurrentPassword(currentPassword);
    connect(m_passwordChange, &QDialog::finished, this, [this, mode](int result) {
        if (result == PasswordChangeDialog::SignOutRequested)
            signOutThen();
        else if (result == QDialog::Accepted && mode == PasswordChangeDialog::Mode::Voluntary &&
                 shownWindow())
            m_window->showMessage(MessageBanner::Level::Information,
                                  tr("Your password has been changed."));
    });
    m_passwordChange->open();
}

// One part of the main window at a time; true once it is complete.
bool ApplicationController::buildMainWindowStep()
{
    if (!m_window) {
        m_window = std::make_unique<MainWindow>(m_context);
        connect(m_window.get(), &MainWindow::passwordChangeRequested, this,
                [this] { showPasswordChange(PasswordChangeDialog::Mode::Voluntary); });
        connect(m_window.get(), &MainWindow::signOutRequested, this,
                &ApplicationController::signOutThen);
        connect(m_window.get(), &MainWindow::closed, this, &ApplicationController::quitRequested);
        connect(m_window->offlineBanner(), &OfflineBanner::retryRequested, &m_context.session,
                &models::Session::reconnect);
        m_window->offlineBanner()->setRetryAvailable(m_context.session.isOffline());
        return false;
    }
    switch (m_window->pageCount()) {
    case 0:
        m_window->addPage(new DashboardPage(m_context.client, m_context.session),
                          QIcon(QStringLiteral(":/icons/dashboard.svg")));
        return false;
    case 1:
        m_window->addPage(new SurveysPage(m_context.client, m_context.session),
                          QIcon(QStringLiteral(":/icons/surveys.svg")));
        return false;
    case 2:
        m_window->addPage(new PeoplePage(m_context.client, m_context.session),
                          QIcon(QStringLiteral(":/icons/people.svg")));
        return false;
    case 3: {
        auto *membersPage = new MembersPage(m_context.client, m_context.session);
        m_window->addPage(membersPage, QIcon(QStringLiteral(":/icons/members.svg")));
        connect(membersPage, &MembersPage::importRequested, this,
                [this, membersPage] { showImportWizard(membersPage); });
        return false;
    }
    case 4:
        m_window->addPage(new AttributesPage(m_context.client, m_context.session),
                          QIcon(QStringLiteral(":/icons/attributes.svg")));
        return false;
    case 5:
        // Owners and admins only: the page tells the others why it is empty.
        m_window->addPage(new LogsPage(m_context.client, m_context.session),
                          QIcon(QStringLiteral(":/icons/logs.svg")));
        return false;
    case 6: {
        auto *settingsPage = new SettingsPage(m_context);
        m_window->addPage(settingsPage, QIcon(QStringLiteral(":/icons/settings.svg")));
        connect(settingsPage, &SettingsPage::profileSwitchRequested, this,
                [this](const QString &name) {
                    m_switchToProfile = name;
                    signOutThen();
                });
        connect(settingsPage, &SettingsPage::demoRequested, this, [this] {
            m_switchToDemo = true;
            signOutThen();
        });
        return true;
    }
    default:
        return true;
    }
}

// Made ahead, hidden, while the session is resumed or signed in: the keychain
// and the service are waited for, not computed, so the window is built in
// steps, one per pass of the event loop, and their answers are taken up (and
// the next request sent) between the steps. The pages follow the session and
// load nothing until it is signed in.
void ApplicationController::prepareMainWindow()
{
    QTimer::singleShot(0, this, [this] {
        if (!buildMainWindowStep())
            prepareMainWindow();
    });
}

void ApplicationController::showMainWindow()
{
    while (!buildMainWindowStep()) {
    }
    if (m_notRememberedNotice)
        m_window->showMessage(MessageBanner::Level::Warning,
                              *std::exchange(m_notRememberedNotice, {}));
    if (m_window->isVisible())
        return; // shown while the session was resumed
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
    Q_EMIT mainWindowShown(m_window.get());
}

// One import at a time, over the main window; the members page reloads once
// an import (or its undo) changed the members.
void ApplicationController::showImportWizard(MembersPage *membersPage)
{
    if (m_importWizard) {
        m_importWizard->raise();
        m_importWizard->activateWindow();
        return;
    }
    m_importWizard = new ImportWizard(m_context.client, m_window.get());
    m_importWizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_importWizard, &ImportWizard::membersChanged, membersPage, &MembersPage::reload);
    m_importWizard->open();
}

void ApplicationController::retireMainWindow()
{
    if (!m_window)
        return;
    // Signing out may have started in one of the window's own menus.
    m_window->hide();
    m_retiredWindow = m_window.release();
    m_retiredWindow->deleteLater();
}

void ApplicationController::signOutThen()
{
    if (m_context.session.state() == models::Session::State::SignedOut)
        onSignedOut(false);
    else
        m_context.session.signOut(); // signedOut() follows at once
}

// Quick steps show nothing: the progress dialog appears only when a step
// takes long enough to wonder about.
void ApplicationController::showProgress(const QString &text)
{
    m_progressText = text;
    if (m_progress && m_progress->isVisible())
        m_progress->setLabelText(text);
    else
        m_progressDelay.start();
}

void ApplicationController::onProgressDue()
{
    if (!m_progress) {
        m_progress = std::make_unique<QProgressDialog>();
        m_progress->setRange(0, 0);
        m_progress->setMinimumDuration(0);
        m_progress->setAutoReset(false);
        m_progress->setWindowTitle(tr("Engage"));
        connect(m_progress.get(), &QProgressDialog::canceled, this,
                &ApplicationController::quitRequested);
    }
    m_progress->setLabelText(m_progressText);
    m_progress->setCancelButtonText(tr("&Quit"));
    m_progress->show();
}

void ApplicationController::hideProgress()
{
    m_progressDelay.stop();
    if (m_progress)
        m_progress->hide();
}

void ApplicationController::askToTrust(const models::CertificateInfo &certificate,
                                       std::function<void(bool pin)> answer)
{
    hideProgress();
    if (!m_certificates)
        m_certificates = std::make_unique<CertificateDialog>();
    m_certificates->askToTrust(certificate, std::move(answer));
}

void ApplicationController::onSignedIn()
{
    m_step = Step::Idle;
    if (auto profile = m_context.settings.profile(m_profileName)) {
        profile->lastTenant = m_context.session.tenant();
        if (m_context.session.person())
            profile->lastEmail = m_context.session.person()->email;
        m_context.settings.saveProfile(*profile);
    }
    showMainWindow();
}

void ApplicationController::onPasswordChangeRequired()
{
    m_step = Step::Idle;
    showPasswordChange(PasswordChangeDialog::Mode::Forced,
                       m_login ? m_login->password() : QString());
}

void ApplicationController::onSessionFailed(const models::ApiError &error)
{
    const Step step = std::exchange(m_step, Step::Idle);
    switch (step) {
    case Step::Idle:
    case Step::ResumeDue:
        return; // the dialog that asked shows it
    case Step::Resuming:
        if (trustFails(error))
            showConnectionError(error);
        else if (unreachable(error))
            // Nothing of this person's is kept on this computer (a first
            // start, or removed at a sign-out): there is nothing to show offline.
            showLogin(tr("Engage cannot reach the service of %1, and this computer holds no "
                         "offline data of yours to show until it can. Sign in once the "
                         "service is reachable again.")
                          .arg(m_profileName));
        else
            probeThenLogin();
        return;
    case Step::DemoSignIn:
        showConnectionError(error);
        return;
    }
}

void ApplicationController::onSignedOut(bool expired)
{
    retireMainWindow();
    if (m_passwordChange)
        m_passwordChange->deleteLater();
    if (const auto name = std::exchange(m_switchToProfile, std::nullopt)) {
        if (const auto profile = m_context.settings.profile(*name)) {
            connectTo(*profile);
            return;
        }
    }
    if (std::exchange(m_switchToDemo, false)) {
        startDemo();
        return;
    }
    showLogin(expired ? tr("Your session has ended. Please sign in again.") : QString());
}

// Offline: the window shows the cache and the banner offers "Retry"; back
// online, the pages still show what the cache gave until read again.
void ApplicationController::onOfflineChanged(bool offline)
{
    if (!m_window)
        return;
    m_window->offlineBanner()->setRetryAvailable(offline);
    if (!offline && shownWindow())
        m_window->showMessage(MessageBanner::Level::Information,
                              tr("The service can be reached again. Reload a page to see its "
                                 "latest data."));
}

void ApplicationController::onNotRemembered(const models::ApiError &error)
{
    const QString notice =
        tr("%1 Engage will ask for your password the next time it starts.").arg(error.message());
    if (shownWindow())
        m_window->showMessage(MessageBanner::Level::Warning, notice);
    else
        m_notRememberedNotice = notice;
}

void ApplicationController::onPinnedFingerprintChanged(const QString &fingerprint)
{
    if (auto profile = m_context.settings.profile(m_profileName)) {
        profile->fingerprint = fingerprint;
        m_context.settings.saveProfile(*profile);
    }
}

} // namespace engage::ui
