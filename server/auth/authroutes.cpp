#include "authroutes.h"

#include "api/credentials.h"
#include "api/session.h"
#include "crypto/blindindex.h"
#include "guard.h"
#include "http/router.h"
#include "ops/servicecontext.h"
#include "store/database.h"
#include "store/operationlog.h"
#include "store/personrepository.h"
#include "store/tenantrepository.h"
#include "store/transaction.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QThreadPool>
#include <memory>

namespace engage::server::auth {

namespace {

Q_LOGGING_CATEGORY(lcAuth, "engage.auth")

// One sentence for every way a sign-in can fail, so that the answer does not
// tell which of company, e-mail or password was wrong (ASVS 6.3.8).
const QString &signInFailedDetail()
{
    static const QString detail = QStringLiteral("The company, e-mail or password is not right.");
    return detail;
}

// What every route of this file shares, alive as long as the router's handlers.
struct AuthState
{
    AuthState(const ops::ServiceContext &serviceContext, const AuthSettings &authSettings)
        : context(serviceContext)
        , settings(authSettings)
        , throttle(authSettings.throttle)
        // A real hash of a random password at our policy: verifying against
        // it costs what verifying a real account costs, so an unknown e-mail
        // or company takes as long to refuse as a wrong password.
        , dummyHash(crypto::hashPassword(crypto::generatedPassword(), authSettings.passwords))
    {
        if (dummyHash.isEmpty())
            qFatal("engage.auth: cannot make the dummy password hash");
    }

    ops::ServiceContext context;
    AuthSettings settings;
    SignInThrottle throttle;
    QString dummyHash;
};

using StatePointer = std::shared_ptr<AuthState>;

QString throttleAccount(const QString &slug, const QString &email)
{
    return slug + QLatin1Char('\n') + crypto::normalizedEmail(email);
}

http::Response badRequest(const api::Error &error)
{
    return http::Response::problem(api::Problem::fromError(error));
}

http::Response tooManyRequests(std::chrono::seconds wait)
{
    http::Response response =
        http::Response::problem(api::ProblemCode::TooManyRequests,
                                QStringLiteral("Too many failed attempts. Try again later."));
    response.headers.emplace_back(QByteArrayLiteral("Retry-After"),
                                  QByteArray::number(qint64(wait.count())));
    return response;
}

http::Response signInFailed()
{
    http::Response response =
        http::Response::problem(api::ProblemCode::Unauthenticated, signInFailedDetail());
    response.headers.emplace_back(QByteArrayLiteral("WWW-Authenticate"),
                                  QByteArrayLiteral("Bearer"));
    return response;
}

http::Response storeFailure(const char *what, const store::StoreError &error)
{
    qCWarning(lcAuth) << what << error.message;
    return http::Response::internalError();
}

http::Response sessionResponse(const store::IssuedTokens &tokens, const api::Person &person,
                               const QDateTime &now, const store::TenantScope &scope)
{
    api::Session session;
    session.accessToken = tokens.accessToken;
    session.refreshToken = tokens.refreshToken;
    session.expiresIn = qBound<qint64>(1, now.secsTo(tokens.accessExpiresAt), api::kMaxExpiresIn);
    session.user = person;
    http::Response response = http::Response::json(200, api::toJson(session));
    response.actor = {scope.tenantId(), person.id};
    return response;
}

// Moves `work` to a worker thread with this thread's database connection.
template<typename Work>
void onWorker(const StatePointer &state, http::Responder respond, Work work)
{
    state->context.workers.start(
        [state, respond = std::move(respond), work = std::move(work)]() mutable {
            QString error;
            QSqlDatabase connection = state->context.database.connection(&error);
            if (!connection.isOpen()) {
                qCWarning(lcAuth) << "no database connection:" << error;
                respond(http::Response::internalError());
                return;
            }
            respond(work(connection));
        });
}

http::Response login(AuthState &state, const http::Request &request, QSqlDatabase connection)
{
    const auto body = api::loginRequestFromJson(request.json);
    if (!body)
        return badRequest(body.error());
    const api::LoginRequest &login = body.value();

    const QString account = throttleAccount(login.tenant, login.email);
    const QString address = request.peer.toString();
    const auto wait = state.throttle.retryAfter(account, address, SignInThrottle::Clock::now());
    if (wait.count() > 0)
        return tooManyRequests(wait);

    std::optional<store::TenantScope> scope;
    std::optional<store::StoredPerson> person;
    const auto tenant =
        store::TenantRepository(connection, state.context.keyring).findBySlug(login.tenant);
    if (tenant) {
        scope.emplace(tenant.value().tenant.id);
        auto found = store::PersonRepository(connection, state.context.keyring)
                         .findByEmail(*scope, login.email);
        if (found)
            person = std::move(found.value());
        else if (found.errorKind() != store::StoreErrorKind::NotFound)
            return storeFailure("person lookup failed:", found.error());
    } else if (tenant.errorKind() != store::StoreErrorKind::NotFound) {
        return storeFailure("tenant lookup failed:", tenant.error());
    }

    // Always one Argon2id verification, whatever was wrong: the time of the
    // answer must not tell an unknown account from a wrong password.
    const bool passwordMatches =
        crypto::verifyPassword(login.password, person ? person->passwordHash : state.dummyHash);
    if (!person || !passwordMatches || person->person.status != api::PersonStatus::Active) {
        state.throttle.recordFailure(account, address, SignInThrottle::Clock::now());
        return signInFailed();
    }
    state.throttle.recordSuccess(account);

    // Hashed before the transaction, so that no write lock waits for Argon2.
    QString newHash;
    if (crypto::needsRehash(person->passwordHash, state.settings.passwords))
        newHash = crypto::hashPassword(login.password, state.settings.passwords);

    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString &personId = person->person.id;
    store::PersonRepository people(connection, state.context.keyring);
    store::Transaction transaction(connection);
    if (!transaction.isActive())
        return storeFailure("cannot begin:",
                            store::databaseError(QStringLiteral("begin"), transaction.error()));
    if (!newHash.isEmpty()) {
        const auto rehashed =
            people.setPassword(*scope, personId, newHash, person->person.mustChangePassword);
        if (!rehashed)
            return storeFailure("rehash failed:", rehashed.error());
    }
    const auto tokens = store::SessionRepository(connection, state.settings.lifetimes)
                            .createFamily(*scope, personId, now);
    if (!tokens)
        return storeFailure("cannot create a session:", tokens.error());
    const auto signedIn = people.recordSignIn(*scope, personId, now);
    if (!signedIn)
        return storeFailure("cannot record the sign-in:", signedIn.error());
    const auto logged = store::OperationLog::record(
        *scope, connection,
        {request.requestId, personId, QStringLiteral("person"), personId, QStringLiteral("sign-in"),
         newHash.isEmpty() ? QStringLiteral("new session")
                           : QStringLiteral("new session; password hash upgraded"),
         now});
    if (!logged)
        return storeFailure("cannot log the sign-in:", logged.error());
    const auto committed = transaction.commit();
    if (!committed)
        return storeFailure("cannot commit the sign-in:", committed.error());
    // The sign-in time (and a new hash) were marked before this commit, when a
    // concurrent read could still cache the old row: mark again now.
    store::CredentialChanges::mark(scope->tenantId());

    api::Person user = person->person;
    user.lastSignInAt = now;
    return sessionResponse(tokens.value(), user, now, *scope);
}

http::Response refresh(AuthState &state, const http::Request &request, QSqlDatabase connection)
{
    const auto body = api::refreshRequestFromJson(request.json);
    if (!body)
        return badRequest(body.error());
    const QString &token = body.value().refreshToken;

    const QDateTime now = QDateTime::currentDateTimeUtc();
    store::SessionRepository sessions(connection, state.settings.lifetimes);
    // The token names its tenant; nothing else in the request may.
    const auto found = sessions.findToken(token, store::TokenKind::Refresh, now);
    if (!found) {
        if (found.errorKind() == store::StoreErrorKind::NotFound ||
            found.errorKind() == store::StoreErrorKind::Expired)
            return unauthenticated();
        return storeFailure("refresh token lookup failed:", found.error());
    }
    const store::TenantScope scope(found.value().tenantId);
    const QString personId = found.value().personId;

    // A disabled or deleted person's clients stop here even if revoking their
    // sessions was missed.
    const auto person =
        store::PersonRepository(connection, state.context.keyring).get(scope, personId);
    if (!person && person.errorKind() != store::StoreErrorKind::NotFound)
        return storeFailure("person lookup failed:", person.error());
    if (!person || person.value().person.status != api::PersonStatus::Active) {
        const auto revoked = sessions.revokeFamily(scope, found.value().familyId, now);
        if (!revoked && revoked.errorKind() != store::StoreErrorKind::NotFound)
            qCWarning(lcAuth) << "cannot revoke a session family:" << revoked.error().message;
        return unauthenticated();
    }

    // Reuse of a rotated token comes back as Reused, its family already revoked.
    const auto rotated = sessions.rotate(scope, token, now);
    if (!rotated) {
        switch (rotated.errorKind()) {
        case store::StoreErrorKind::Reused:
            qCInfo(lcAuth) << "a rotated refresh token was presented again; family revoked";
            [[fallthrough]];
        case store::StoreErrorKind::NotFound:
        case store::StoreErrorKind::Expired:
            return unauthenticated();
        default:
            return storeFailure("rotation failed:", rotated.error());
        }
    }
    return sessionResponse(rotated.value(), person.value().person, now, scope);
}

http::Response logout(const Identity &identity, const http::Request &request,
                      QSqlDatabase connection)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    store::Transaction transaction(connection);
    if (!transaction.isActive())
        return storeFailure("cannot begin:",
                            store::databaseError(QStringLiteral("begin"), transaction.error()));
    const auto revoked =
        store::SessionRepository(connection).revokeFamily(identity.scope, identity.familyId, now);
    if (!revoked && revoked.errorKind() != store::StoreErrorKind::NotFound)
        return storeFailure("cannot revoke the session:", revoked.error());
    const auto logged = store::OperationLog::record(
        identity.scope, connection,
        {request.requestId, identity.personId, QStringLiteral("person"), identity.personId,
         QStringLiteral("sign-out"), QStringLiteral("session revoked"), now});
    if (!logged)
        return storeFailure("cannot log the sign-out:", logged.error());
    const auto committed = transaction.commit();
    if (!committed)
        return storeFailure("cannot commit the sign-out:", committed.error());
    http::Response response;
    response.status = 204;
    return response;
}

// The guard has the caller's row, read in this request or trusted from its
// cache (see IdentityCache), and already serialised: no second read, no
// serialising per request.
http::Response me(const Identity &identity)
{
    http::Response response;
    response.body = identity.personJson;
    response.contentType = QByteArrayLiteral("application/json; charset=utf-8");
    return response;
}

http::Response changePassword(AuthState &state, const Identity &identity,
                              const http::Request &request, QSqlDatabase connection)
{
    const auto body = api::passwordChangeRequestFromJson(request.json);
    if (!body)
        return badRequest(body.error());
    const api::PasswordChangeRequest &change = body.value();

    store::PersonRepository people(connection, state.context.keyring);
    const auto person = people.get(identity.scope, identity.personId);
    if (!person) {
        if (person.errorKind() == store::StoreErrorKind::NotFound)
            return unauthenticated();
        return storeFailure("person lookup failed:", person.error());
    }
    const auto tenant =
        store::TenantRepository(connection, state.context.keyring).get(identity.scope);
    if (!tenant)
        return storeFailure("tenant lookup failed:", tenant.error());

    // The same account key as sign-in: a stolen access token must not turn
    // this route into an unthrottled password oracle.
    const QString account =
        throttleAccount(tenant.value().tenant.slug, person.value().person.email);
    const QString address = request.peer.toString();
    const auto wait = state.throttle.retryAfter(account, address, SignInThrottle::Clock::now());
    if (wait.count() > 0)
        return tooManyRequests(wait);
    if (!crypto::verifyPassword(change.currentPassword, person.value().passwordHash)) {
        state.throttle.recordFailure(account, address, SignInThrottle::Clock::now());
        return badRequest({api::ProblemCode::InvalidField, QStringLiteral("currentPassword"),
                           QStringLiteral("This is not your current password.")});
    }
    state.throttle.recordSuccess(account);
    if (change.newPassword == change.currentPassword) {
        return badRequest({api::ProblemCode::InvalidField, QStringLiteral("newPassword"),
                           QStringLiteral("Must differ from the current password.")});
    }

    const QString newHash = crypto::hashPassword(change.newPassword, state.settings.passwords);
    if (newHash.isEmpty()) {
        qCWarning(lcAuth) << "cannot hash a new password";
        return http::Response::internalError();
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    store::SessionRepository sessions(connection, state.settings.lifetimes);
    store::Transaction transaction(connection);
    if (!transaction.isActive())
        return storeFailure("cannot begin:",
                            store::databaseError(QStringLiteral("begin"), transaction.error()));
    const auto stored = people.setPassword(identity.scope, identity.personId, newHash, false);
    if (!stored)
        return storeFailure("cannot store the password:", stored.error());
    // Every client of the person is signed out (whoever else knew the old
    // password), and this one gets a fresh family.
    const auto revoked = sessions.revokePerson(identity.scope, identity.personId, now);
    if (!revoked)
        return storeFailure("cannot revoke the sessions:", revoked.error());
    const auto tokens = sessions.createFamily(identity.scope, identity.personId, now);
    if (!tokens)
        return storeFailure("cannot create a session:", tokens.error());
    const auto logged = store::OperationLog::record(
        identity.scope, connection,
        {request.requestId, identity.personId, QStringLiteral("person"), identity.personId,
         QStringLiteral("password-change"),
         QStringLiteral("password replaced; every session revoked, a new one issued"), now});
    if (!logged)
        return storeFailure("cannot log the password change:", logged.error());
    const auto committed = transaction.commit();
    if (!committed)
        return storeFailure("cannot commit the password change:", committed.error());

    api::Person user = person.value().person;
    user.mustChangePassword = false;
    return sessionResponse(tokens.value(), user, now, identity.scope);
}

} // namespace

void addAuthRoutes(http::Router &router, const ops::ServiceContext &context,
                   const AuthSettings &settings)
{
    const auto state = std::make_shared<AuthState>(context, settings);
    http::RouteOptions json;
    json.takesJson = true;

    router.add(
        http::Method::Post, "/api/v1/auth/login",
        [state](http::Request request, http::Responder respond) {
            onWorker(state, std::move(respond),
                     [state, request = std::move(request)](QSqlDatabase connection) {
                         return login(*state, request, std::move(connection));
                     });
        },
        json);
    router.add(
        http::Method::Post, "/api/v1/auth/refresh",
        [state](http::Request request, http::Responder respond) {
            onWorker(state, std::move(respond),
                     [state, request = std::move(request)](QSqlDatabase connection) {
                         return refresh(*state, request, std::move(connection));
                     });
        },
        json);

    // The guard runs these handlers on a worker thread.
    auto onConnection = [state](const http::Responder &respond) -> std::optional<QSqlDatabase> {
        QString error;
        QSqlDatabase connection = state->context.database.connection(&error);
        if (connection.isOpen())
            return connection;
        qCWarning(lcAuth) << "no database connection:" << error;
        respond(http::Response::internalError());
        return std::nullopt;
    };
    const auto guarded = [&context, &settings](AuthenticatedHandler handler,
                                               HandlerThread thread = HandlerThread::Worker) {
        GuardOptions options;
        options.passwordChange = PasswordChange::Allowed;
        options.handlerThread = thread;
        options.cacheTimeToLive = settings.identityCacheTimeToLive;
        return authenticated(context, api::Role::Viewer, std::move(handler), options);
    };
    router.add(
        http::Method::Post, "/api/v1/auth/logout",
        guarded([onConnection](http::Request request, Identity identity, http::Responder respond) {
            if (auto connection = onConnection(respond))
                respond(logout(identity, request, *connection));
        }));
    // Answers what the guard holds, serialised already: no reason to leave the
    // thread the guard ran on.
    router.add(http::Method::Get, "/api/v1/me",
               guarded([](http::Request, Identity identity,
                          http::Responder respond) { respond(me(identity)); },
                       HandlerThread::Any));
    router.add(http::Method::Post, "/api/v1/me/password",
               guarded([state, onConnection](http::Request request, Identity identity,
                                             http::Responder respond) {
                   if (auto connection = onConnection(respond))
                       respond(changePassword(*state, identity, request, *connection));
               }),
               json);
}

} // namespace engage::server::auth
