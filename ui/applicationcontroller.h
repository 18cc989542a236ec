#pragma once

#include "models/certificateinfo.h"
#include "models/export/offlinesync.h"
#include "ui/clientcontext.h"
#include "ui/dialogs/passwordchangedialog.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <functional>
#include <memory>
#include <optional>

class QProgressDialog;

namespace engage::models {
struct ApiError;
struct ConnectionProfile;
class DemoService;
} // namespace engage::models

namespace engage::ui {

class CertificateDialog;
class ImportWizard;
class LoginDialog;
class MainWindow;
class MembersPage;

// The start-up and connection flow: the demo (start the child, pin what it
// announced, sign in as the owner), or a saved profile (check the service and
// its certificate, resume the session from the keychain, else ask for a
// password), or the welcome dialog on a first run. Owns the main window while
// someone is signed in (and while a remembered session is resumed: a returning
// user sees the window at once, inert, "Signing in…"), and returns to the
// login dialog on sign-out. A remembered session the service cannot be
// reached to resume opens from the offline cache when it knows the person
// (Session::isOffline): the window with the cached pages and the offline
// banner's "Retry", until the service takes the session again.
class ApplicationController final : public QObject, public models::CertificateDecider
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApplicationController)

public:
    struct Options
    {
        bool demo = false; // --demo
        QString profile;   // --profile NAME; empty: the current one
    };

    // The name of the demo's connection profile.
    static QString demoProfileName();

    ApplicationController(ClientContext &context, Options options, QObject *parent = nullptr);
    ~ApplicationController() override;

    void start();

    // Shows the certificate dialog, made when first needed.
    void askToTrust(const models::CertificateInfo &certificate,
                    std::function<void(bool pin)> answer) override;

    // Shown, inert, while a remembered session is resumed; built hidden while
    // the demo's owner signs in; shown once signed in.
    MainWindow *mainWindow() const;
    CertificateDialog *certificateDialog() const; // null until a certificate was shown
    models::DemoService *demoService() const;

Q_SIGNALS:
    // The main window went on screen: before the sign-in when a remembered
    // session is resumed, else once signed in.
    void mainWindowShown(engage::ui::MainWindow *window);
    // The person closed the main window, or quit in a dialog before signing
    // in: the application should quit. (Closing the last window does not quit
    // by itself: between two dialogs there may be none.)
    void quitRequested();

private:
    enum class Step
    {
        Idle,
        ResumeDue,  // the window is shown; the resume starts once it has painted
        Resuming,   // Session::resume on behalf of a saved profile
        DemoSignIn, // signing in as the demo's owner
    };

    std::function<void()> whenAlive(std::function<void()> action);
    void showWelcome();
    void startDemo();
    void onDemoReady();
    void connectTo(const models::ConnectionProfile &profile);
    void configureClient(const models::ConnectionProfile &profile);
    void probeThenLogin();
    void showLogin(const QString &notice = {});
    void showPasswordChange(PasswordChangeDialog::Mode mode, const QString &currentPassword = {});
    bool buildMainWindowStep();
    void prepareMainWindow();
    void showWindowThenResume();
    void startResume();
    void showMainWindow();
    void showImportWizard(MembersPage *membersPage);
    void retireMainWindow();
    MainWindow *shownWindow() const; // null while there is none or it is hidden
    void showConnectionError(const models::ApiError &error);
    void signOutThen();
    void showProgress(const QString &text);
    void hideProgress();
    void onProgressDue();

    void onSignedIn();
    void onPasswordChangeRequired();
    void onSessionFailed(const models::ApiError &error);
    void onSignedOut(bool expired);
    void onNotRemembered(const models::ApiError &error);
    void onOfflineChanged(bool offline);
    void onPinnedFingerprintChanged(const QString &fingerprint);

    ClientContext &m_context;
    Options m_options;
    // Fills the offline cache with what the exports read while signed in
    // online; never for the demo, whose service runs on this computer.
    models::OfflineSync m_offlineSync;
    QString m_profileName; // the profile connected to (or being connected to)
    Step m_step = Step::Idle;
    std::unique_ptr<CertificateDialog> m_certificates;
    std::unique_ptr<models::DemoService> m_demo;
    std::unique_ptr<MainWindow> m_window;
    QPointer<MainWindow> m_retiredWindow; // after sign-out, until deleteLater() ran
    std::unique_ptr<QProgressDialog> m_progress;
    QTimer m_progressDelay;
    QString m_progressText;
    QPointer<LoginDialog> m_login;
    QPointer<PasswordChangeDialog> m_passwordChange;
    QPointer<ImportWizard> m_importWizard;
    // What to do once the current session has ended (profile switch, demo).
    std::optional<QString> m_switchToProfile;
    bool m_switchToDemo = false;
    std::optional<QString> m_notRememberedNotice;
};

} // namespace engage::ui
