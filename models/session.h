#pragma once

#include "api/person.h"
#include "apiclient.h"
#include "apierror.h"

#include <QObject>
#include <QString>
#include <QTimer>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace engage::models {

class CredentialStore;

// Who is signed in, to which tenant, on which profile. Keeps the access token
// in memory only and the refresh token in the keychain (CredentialStore);
// renews the access token silently a minute before it expires and on a 401
// (as the ApiClient's Authenticator). A refresh token that the service refuses
// ends the session: signedOut(true) tells the UI to ask for a password again.
// One Session per ApiClient: it is the client's Authenticator from construction
// to destruction, and the client must outlive it.
class Session final : public QObject, public Authenticator
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Session)

public:
    // What a sign-out does with the person's offline cache.
    enum class OfflineData
    {
        Keep,
        Remove, // its file and its key in the keychain
    };
    Q_ENUM(OfflineData)
    enum class State
    {
        SignedOut,
        SigningIn,
        PasswordChangeRequired, // signed in with a generated first password
        SignedIn,
    };
    Q_ENUM(State)

    Session(ApiClient &client, CredentialStore &credentials, QObject *parent = nullptr);
    ~Session() override;

    // The profile whose keychain entries this session uses.
    void setProfileName(const QString &profile);
    // How long before its expiry the access token is renewed (default one
    // minute; a few seconds after a sign-in at the earliest). Tests shorten the wait.
    void setRenewalMargin(std::chrono::seconds margin);
    // Where the signed-in person's offline cache is kept (cache/offlinecache.h):
    // by default "offline" in the application's local data folder; empty for
    // none. Opened at each sign-in, before signedIn() (its key from the keychain, so never
    // without one) and handed to the ApiClient; closed at sign-out.
    void setOfflineCacheDirectory(const QString &directory);
    QString offlineCacheDirectory() const;

    State state() const { return m_state; }
    QString tenant() const { return m_tenant; }
    const std::optional<api::Person> &person() const { return m_person; }
    // Whether the refresh token could be stored (false without a keychain).
    bool isRemembered() const { return m_remembered; }
    // Signed in from the offline cache: resume() found the service unreachable
    // and the person's sealed identity (kept at the last sign-in or resume)
    // in the cache. The state is SignedIn with no access token, so pages read
    // the cache; the session retries the refresh token every
    // offlineRetryInterval(), on reconnect() and whenever the ApiClient finds
    // the service reachable, and once the service takes it goes on online; a
    // token it refuses then ends the session. A sign-out while offline cannot
    // tell the service: the token's family lapses there by itself.
    bool isOffline() const { return m_offline; }
    // Tries the service now while offline (the offline banner's "Retry").
    void reconnect();
    // Default 30 seconds; tests shorten it.
    void setOfflineRetryInterval(std::chrono::seconds interval);
    std::chrono::seconds offlineRetryInterval() const;

    // POST /api/v1/auth/login. signedIn() or passwordChangeRequired() or failed().
    void signIn(const QString &tenant, const QString &email, const QString &password);
    // Silent sign-in from the keychain entry of (profile, tenant, email).
    // signedIn() or failed() (Kind::Unauthenticated when there is no usable token).
    void resume(const QString &tenant, const QString &email);
    // POST /api/v1/me/password; passwordChanged() or failed().
    void changePassword(const QString &currentPassword, const QString &newPassword);
    // POST /api/v1/auth/logout, forget the tokens and the keychain entry; signedOut(false).
    // OfflineData::Remove deletes the person's offline cache too.
    void signOut(OfflineData offlineData = OfflineData::Keep);

    // Authenticator
    QString accessToken() const override;
    void refreshAccessToken(std::function<void(bool renewed)> done) override;

Q_SIGNALS:
    void stateChanged(engage::models::Session::State state);
    void signedIn();
    void passwordChangeRequired();
    void passwordChanged();
    void signedOut(bool expired);
    void failed(const engage::models::ApiError &error);
    // Entered offline mode (true, right before signedIn()), or left it because
    // the service took the refresh token again (false; not at a sign-out).
    void offlineChanged(bool offline);
    // The keychain could not keep the session: the user is told it will not be remembered.
    void notRemembered(const engage::models::ApiError &error);

private:
    struct Private;
    std::unique_ptr<Private> d;
    State m_state = State::SignedOut;
    QString m_tenant;
    std::optional<api::Person> m_person;
    bool m_remembered = false;
    bool m_offline = false;
};

} // namespace engage::models
