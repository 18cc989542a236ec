#include "session.h"

#include "api/credentials.h"
#include "api/session.h"
#include "cache/cachekey.h"
#include "cache/offlinecache.h"
#include "credentialstore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QLoggingCategory>
#include <QPointer>
#include <QStandardPaths>
#include <utility>
#include <vector>

namespace engage::models {

namespace {

Q_LOGGING_CATEGORY(lcSession, "engage.session")

// Renewing earlier than this after a sign-in would only hammer the service
// (a very short-lived token is renewed on its 401 anyway).
constexpr std::chrono::seconds kMinRenewalDelay{3};
// After a renewal that failed for a passing reason (network, 5xx, 429).
constexpr std::chrono::seconds kRenewalRetryDelay{30};

// The offline cache's record of who was signed in (the key is no request
// path, so no answer of the service overwrites it): what an offline start
// shows the person as. Sealed like every record, never in plain text on disk.
const QString kIdentityRecord = QStringLiteral("engage/session/identity");

// The service turned the token down for good: signing in again is the only way
// on. Anything else (no answer, 5xx, throttling) may pass.
bool isRefusal(const ApiError &error)
{
    return error.kind == ApiError::Kind::Problem && error.httpStatus >= 400 &&
           error.httpStatus < 500 && error.code != api::ProblemCode::TooManyRequests;
}

// The session a sign-in, refresh or password change answered; `error` is set
// when the answer is not one.
std::optional<api::Session> decodeSession(const ApiReply &reply, ApiError *error)
{
    auto decoded = api::sessionFromJson(reply.json().object());
    if (decoded)
        return decoded.takeValue();
    qCWarning(lcSession) << "unreadable session answer, request" << reply.requestId();
    *error = reply.unreadable(decoded.error().detail);
    return std::nullopt;
}

} // namespace

struct Session::Private
{
    Private(Session &owner, ApiClient &apiClient, CredentialStore &store)
        : q(owner)
        , client(apiClient)
        , credentials(store)
    {}

    // One keychain change: a write, or a removal when `secret` is empty.
    struct KeychainChange
    {
        QString key;
        std::optional<QString> secret;
        quint64 generation = 0;
    };

    Session &q;
    ApiClient &client;
    CredentialStore &credentials;
    QString profile;
    QString email;
    QString accessToken;
    QString refreshToken;
    std::chrono::seconds renewalMargin{60};
    QTimer renewal;
    QString offlineDirectory =
        QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) +
        QLatin1String("/offline");
    std::unique_ptr<OfflineCache> offlineCache;
    std::chrono::seconds offlineRetryInterval{30};

    // Bumped whenever a sign-in, resume or sign-out starts over: answers to the
    // calls of an earlier generation are dropped.
    quint64 generation = 0;

    // One refresh at a time: a refresh token is single use, so a second
    // refresh with the same one would revoke the whole session.
    bool refreshing = false;
    std::vector<std::function<void(bool)>> refreshWaiters;

    // Keychain changes run one after the other, in order: a rotated token must
    // never be overwritten by an older one that finished later. The head is in
    // flight.
    QList<KeychainChange> keychainChanges;
    bool toldNotRemembered = false;

    QString entryKey() const { return CredentialStore::entryKey(profile, q.m_tenant, email); }

    void setState(State state)
    {
        if (q.m_state == state)
            return;
        q.m_state = state;
        Q_EMIT q.stateChanged(state);
    }

    void startOver()
    {
        ++generation;
        renewal.stop();
        failWaiters();
        closeOfflineCache();
        // Quietly: a session that ends or starts over has not come back
        // online, and its state change says what happened.
        q.m_offline = false;
    }

    void setOffline(bool offline)
    {
        if (q.m_offline == offline)
            return;
        q.m_offline = offline;
        Q_EMIT q.offlineChanged(offline);
    }

    OfflineScope offlineScope() const { return {profile, q.m_tenant, email}; }

    // Opens the person's cache, then `then()`: the pages a sign-in opens read
    // with the cache in place, so what they show first is kept already.
    void attachOfflineCache(std::function<void()> then)
    {
        if (offlineDirectory.isEmpty() || !credentials.isAvailable()) {
            then();
            return;
        }
        openOfflineCache(credentials, offlineDirectory, offlineScope(),
                         [this, guard = QPointer<Session>(&q), current = generation,
                          then = std::move(then)](std::unique_ptr<OfflineCache> cache) {
                             if (!guard || current != generation)
                                 return;
                             if (cache) {
                                 offlineCache = std::move(cache);
                                 client.setOfflineCache(offlineCache.get());
                                 storeIdentity();
                             }
                             then();
                         });
    }

    void storeIdentity()
    {
        if (!offlineCache || !q.m_person)
            return;
        offlineCache->store(
            kIdentityRecord,
            QJsonDocument(QJsonObject{{QStringLiteral("tenant"), q.m_tenant},
                                      {QStringLiteral("person"), api::toJson(*q.m_person)}}));
    }

    // The person as the offline cache last knew them, when it is the one
    // being resumed.
    std::optional<api::Person> storedIdentity()
    {
        const std::optional<OfflineCache::Entry> entry = offlineCache->find(kIdentityRecord);
        if (!entry)
            return std::nullopt;
        const QJsonObject record = entry->json.object();
        if (record.value(QStringLiteral("tenant")).toString() != q.m_tenant)
            return std::nullopt;
        auto person = api::personFromJson(record.value(QStringLiteral("person")).toObject());
        // A generated first password must be changed online first.
        if (!person || person.value().email.compare(email, Qt::CaseInsensitive) != 0 ||
            person.value().mustChangePassword)
            return std::nullopt;
        return person.takeValue();
    }

    // The stored session could not be resumed because the service cannot be
    // reached: signed in from the offline cache when it knows the person,
    // else the failure as it was.
    void resumeOffline(const ApiError &unreachable)
    {
        if (offlineDirectory.isEmpty() || !credentials.isAvailable()) {
            fail(unreachable);
            return;
        }
        openOfflineCache(credentials, offlineDirectory, offlineScope(),
                         [this, guard = QPointer<Session>(&q), current = generation,
                          unreachable](std::unique_ptr<OfflineCache> cache) {
                             if (!guard || current != generation)
                                 return;
                             if (!cache) {
                                 fail(unreachable);
                                 return;
                             }
                             offlineCache = std::move(cache);
                             if (!offlineCache->isLoading()) {
                                 signInOffline(unreachable);
                                 return;
                             }
                             QObject::connect(
                                 offlineCache.get(), &OfflineCache::loaded, &q,
                                 [this, current, unreachable] {
                                     if (current == generation)
                                         signInOffline(unreachable);
                                 },
                                 Qt::SingleShotConnection);
                         });
    }

    void signInOffline(const ApiError &unreachable)
    {
        std::optional<api::Person> person = storedIdentity();
        if (!person) {
            qCInfo(lcSession) << "the service cannot be reached and the offline cache does not "
                                 "know the person";
            closeOfflineCache();
            fail(unreachable);
            return;
        }
        qCInfo(lcSession) << "the service cannot be reached: signed in from the offline cache";
        client.setOfflineCache(offlineCache.get());
        q.m_person = std::move(person);
        renewal.start(offlineRetryInterval);
        setOffline(true);
        setState(State::SignedIn);
        Q_EMIT q.signedIn();
    }

    // Writes what is left (the destructor waits for it).
    void closeOfflineCache()
    {
        if (!offlineCache)
            return;
        if (client.offlineCache() == offlineCache.get())
            client.setOfflineCache(nullptr);
        offlineCache.reset();
    }

    void failWaiters()
    {
        refreshing = false;
        for (const auto &waiter : std::exchange(refreshWaiters, {}))
            waiter(false);
    }

    // Whatever was going on, a sign-in (with a password or from the keychain)
    // to `tenant` as `signingInAs` starts now.
    void beginSigningIn(const QString &tenant, const QString &signingInAs)
    {
        startOver();
        forgetTokens();
        q.m_tenant = tenant;
        email = signingInAs;
        q.m_remembered = false;
        toldNotRemembered = false;
        setState(State::SigningIn);
    }

    void forgetTokens()
    {
        accessToken.clear();
        refreshToken.clear();
        q.m_person.reset();
        renewal.stop();
    }

    // Takes over what a sign-in, refresh or password change returned.
    void adopt(const api::Session &session)
    {
        accessToken = session.accessToken;
        refreshToken = session.refreshToken;
        q.m_person = session.user;
        storeIdentity();
        const std::chrono::seconds lifetime{session.expiresIn};
        renewal.start(std::max(lifetime - renewalMargin, kMinRenewalDelay));
        changeKeychain({entryKey(), refreshToken, generation});
    }

    // After a sign-in or a resume: the UI learns whether it may go on.
    void finishSigningIn()
    {
        attachOfflineCache([this] {
            if (q.m_person->mustChangePassword) {
                setState(State::PasswordChangeRequired);
                Q_EMIT q.passwordChangeRequired();
            } else {
                setState(State::SignedIn);
                Q_EMIT q.signedIn();
            }
        });
    }

    void fail(const ApiError &error)
    {
        setState(State::SignedOut);
        Q_EMIT q.failed(error);
    }

    // `keptAccessToken`: what the sign-out call still needs (see signOut()).
    void endSession(bool expired, const QString &keptAccessToken = {})
    {
        startOver();
        if (!refreshToken.isEmpty())
            changeKeychain({entryKey(), std::nullopt, generation});
        forgetTokens();
        accessToken = keptAccessToken;
        setState(State::SignedOut);
        Q_EMIT q.signedOut(expired);
    }

    // ---- refresh ----------------------------------------------------------

    void startRefresh()
    {
        refreshing = true;
        renewal.stop();
        ApiRequest request;
        request.method = "POST";
        request.path = QStringLiteral("/api/v1/auth/refresh");
        request.body = api::toJson(api::RefreshRequest{refreshToken});
        request.authenticated = false;
        ApiReply *reply = client.send(request);
        QObject::connect(reply, &ApiReply::finished, &q,
                         [this, reply, sent = refreshToken, current = generation] {
                             if (current == generation)
                                 onRefreshed(*reply, sent);
                         });
    }

    void onRefreshed(const ApiReply &reply, const QString &sent)
    {
        refreshing = false;
        auto waiters = std::exchange(refreshWaiters, {});
        auto notify = [&waiters](bool renewed) {
            for (const auto &waiter : waiters)
                waiter(renewed);
        };
        // A password change replaced the tokens while this refresh was under
        // way (and revoked the one it sent): what is in place now is newer.
        if (sent != refreshToken) {
            notify(true);
            return;
        }
        const bool resuming = q.m_state == State::SigningIn;
        ApiError error;
        std::optional<api::Session> session;
        if (reply.isOk())
            session = decodeSession(reply, &error);
        else
            error = reply.error();
        if (session) {
            qCDebug(lcSession) << "access token renewed, request" << reply.requestId();
            adopt(*session);
            if (resuming)
                finishSigningIn();
            else if (q.m_offline)
                qCInfo(lcSession) << "the service answers again: the session goes on online";
            setOffline(false);
            notify(true);
            return;
        }
        // An unreadable answer to a refresh still spent the token.
        const bool spent = reply.isOk() || isRefusal(error);
        // Passing failures that an offline start outlasts; an HTTP error means
        // the service is there and has its say.
        if (resuming && error.isUnreachable()) {
            qCInfo(lcSession) << "the service cannot be reached to resume the session, request"
                              << reply.requestId();
            resumeOffline(error);
        } else if (resuming) {
            qCInfo(lcSession) << "the stored session could not be resumed, request"
                              << reply.requestId();
            if (spent)
                changeKeychain({entryKey(), std::nullopt, generation});
            forgetTokens();
            fail(error);
        } else if (spent) {
            qCInfo(lcSession) << "the service ended the session, request" << reply.requestId();
            endSession(true);
        } else {
            qCInfo(lcSession) << "renewal failed for now, request" << reply.requestId();
            renewal.start(q.m_offline ? offlineRetryInterval : kRenewalRetryDelay);
        }
        notify(false);
    }

    // ---- keychain ---------------------------------------------------------

    void changeKeychain(KeychainChange change)
    {
        // A change still waiting behind the one in flight is superseded by a
        // newer one for the same entry.
        if (keychainChanges.size() > 1 && keychainChanges.last().key == change.key)
            keychainChanges.last() = std::move(change);
        else
            keychainChanges.append(std::move(change));
        if (keychainChanges.size() == 1)
            startKeychainChange();
    }

    void startKeychainChange()
    {
        const KeychainChange &change = keychainChanges.constFirst();
        auto done = [this, guard = QPointer<Session>(&q)](std::optional<ApiError> error) {
            if (guard)
                onKeychainChanged(std::move(error));
        };
        if (change.secret)
            credentials.write(change.key, *change.secret, std::move(done));
        else
            credentials.remove(change.key, std::move(done));
    }

    void onKeychainChanged(std::optional<ApiError> error)
    {
        const KeychainChange change = keychainChanges.takeFirst();
        if (!keychainChanges.isEmpty())
            startKeychainChange();
        if (!change.secret) {
            if (error)
                qCInfo(lcSession) << "could not remove a keychain entry, keychain error"
                                  << error->keychainCode;
            return;
        }
        // The outcome for a session that has ended no longer concerns the UI.
        if (change.generation != generation)
            return;
        if (!error) {
            q.m_remembered = true;
            toldNotRemembered = false;
            return;
        }
        qCWarning(lcSession) << "the keychain did not keep the session, keychain error"
                             << error->keychainCode;
        q.m_remembered = false;
        if (!toldNotRemembered) {
            toldNotRemembered = true;
            Q_EMIT q.notRemembered(*error);
        }
    }
};

Session::Session(ApiClient &client, CredentialStore &credentials, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(*this, client, credentials))
{
    d->renewal.setSingleShot(true);
    connect(&d->renewal, &QTimer::timeout, this, [this] { refreshAccessToken([](bool) {}); });
    client.setAuthenticator(this);
    // The status bar's health probe or any page may find the service back
    // before the next retry is due.
    connect(&client, &ApiClient::reachabilityChanged, this, [this](bool reachable) {
        if (reachable)
            reconnect();
    });
}

Session::~Session()
{
    d->client.setAuthenticator(nullptr);
    d->closeOfflineCache();
    // Calls of the client waiting for a renewal fail now instead of never.
    d->failWaiters();
}

void Session::setProfileName(const QString &profile)
{
    d->profile = profile;
}

void Session::setRenewalMargin(std::chrono::seconds margin)
{
    d->renewalMargin = margin;
}

void Session::setOfflineCacheDirectory(const QString &directory)
{
    d->offlineDirectory = directory;
}

QString Session::offlineCacheDirectory() const
{
    return d->offlineDirectory;
}

void Session::reconnect()
{
    if (m_offline)
        refreshAccessToken([](bool) {});
}

void Session::setOfflineRetryInterval(std::chrono::seconds interval)
{
    d->offlineRetryInterval = interval;
}

std::chrono::seconds Session::offlineRetryInterval() const
{
    return d->offlineRetryInterval;
}

void Session::signIn(const QString &tenant, const QString &email, const QString &password)
{
    d->beginSigningIn(tenant, email);
    qCInfo(lcSession) << "signing in to tenant" << tenant;

    ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/api/v1/auth/login");
    request.body = api::toJson(api::LoginRequest{tenant, email, password});
    request.authenticated = false;
    ApiReply *reply = d->client.send(request);
    connect(reply, &ApiReply::finished, this, [this, reply, current = d->generation] {
        if (current != d->generation)
            return;
        if (!reply->isOk()) {
            qCInfo(lcSession) << "sign-in refused, request" << reply->requestId();
            d->fail(reply->error());
            return;
        }
        ApiError error;
        const auto session = decodeSession(*reply, &error);
        if (!session) {
            d->fail(error);
            return;
        }
        d->adopt(*session);
        d->finishSigningIn();
    });
}

void Session::resume(const QString &tenant, const QString &email)
{
    d->beginSigningIn(tenant, email);

    auto done = [this, guard = QPointer<Session>(this), current = d->generation](
                    std::optional<QString> secret, std::optional<ApiError> error) {
        if (!guard || current != d->generation)
            return;
        if (error) {
            qCInfo(lcSession) << "no session from the keychain, keychain error"
                              << error->keychainCode;
            d->fail(*error);
            return;
        }
        if (!secret || secret->isEmpty()) {
            ApiError none;
            none.kind = ApiError::Kind::Problem;
            none.code = api::ProblemCode::Unauthenticated;
            none.detail = QStringLiteral("No session is stored for this person.");
            d->fail(none);
            return;
        }
        // The stored token is the one that counts until a refresh replaces it.
        m_remembered = true;
        d->refreshToken = *secret;
        d->startRefresh();
    };
    d->credentials.read(d->entryKey(), std::move(done));
}

void Session::changePassword(const QString &currentPassword, const QString &newPassword)
{
    if (m_state != State::SignedIn && m_state != State::PasswordChangeRequired) {
        ApiError error;
        error.kind = ApiError::Kind::Problem;
        error.code = api::ProblemCode::Unauthenticated;
        error.detail = QStringLiteral("Sign in before changing the password.");
        Q_EMIT failed(error);
        return;
    }
    ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/api/v1/me/password");
    request.body = api::toJson(api::PasswordChangeRequest{currentPassword, newPassword});
    ApiReply *reply = d->client.send(request);
    connect(reply, &ApiReply::finished, this, [this, reply, current = d->generation] {
        if (current != d->generation)
            return;
        if (!reply->isOk()) {
            Q_EMIT failed(reply->error());
            return;
        }
        ApiError error;
        const auto session = decodeSession(*reply, &error);
        if (!session) {
            // The old tokens were revoked with the change: this session is over.
            d->endSession(true);
            Q_EMIT failed(error);
            return;
        }
        const bool forced = m_state == State::PasswordChangeRequired;
        qCInfo(lcSession) << "password changed, request" << reply->requestId();
        d->adopt(*session);
        d->setState(State::SignedIn);
        Q_EMIT passwordChanged();
        if (forced)
            Q_EMIT signedIn();
    });
}

void Session::signOut(OfflineData offlineData)
{
    if (m_state == State::SignedOut)
        return;
    qCInfo(lcSession) << "signing out of tenant" << m_tenant;
    if (offlineData == OfflineData::Remove && !d->offlineDirectory.isEmpty()) {
        // Emptied first, so that closing it writes nothing.
        if (d->offlineCache)
            d->offlineCache->clear();
        removeOfflineCache(d->credentials, d->offlineDirectory, d->offlineScope(),
                           [](std::optional<ApiError> error) {
                               if (error)
                                   qCWarning(lcSession)
                                       << "could not remove the offline cache key, keychain error"
                                       << error->keychainCode;
                           });
    }
    const QString token = d->accessToken;
    if (token.isEmpty()) {
        d->endSession(false);
        return;
    }
    // Best effort: the session ends here whatever the service says. The client
    // reads the token only when the call leaves (on a later pass of the event
    // loop), so the access token alone stays until the service answered; the
    // refresh token is gone at once, so nothing renews it.
    ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/api/v1/auth/logout");
    ApiReply *reply = d->client.send(request);
    connect(reply, &ApiReply::finished, this, [this, reply, token] {
        if (!reply->isOk())
            qCInfo(lcSession) << "sign-out not confirmed by the service, request"
                              << reply->requestId();
        if (d->accessToken == token)
            d->accessToken.clear();
    });
    d->endSession(false, token);
}

QString Session::accessToken() const
{
    return d->accessToken;
}

void Session::refreshAccessToken(std::function<void(bool renewed)> done)
{
    if (d->refreshToken.isEmpty()) {
        done(false);
        return;
    }
    d->refreshWaiters.push_back(std::move(done));
    if (!d->refreshing)
        d->startRefresh();
}

} // namespace engage::models
