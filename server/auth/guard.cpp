#include "guard.h"

#include "api/validators.h"
#include "crypto/random.h"
#include "ops/servicecontext.h"
#include "store/database.h"
#include "store/personrepository.h"
#include "store/sessionrepository.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QThreadPool>
#include <atomic>
#include <memory>
#include <variant>

namespace engage::server::auth {

namespace {

Q_LOGGING_CATEGORY(lcGuard, "engage.auth.guard")

int rank(api::Role role)
{
    switch (role) {
    case api::Role::Owner:
        return 4;
    case api::Role::Admin:
        return 3;
    case api::Role::Manager:
        return 2;
    case api::Role::Viewer:
        return 1;
    }
    return 0; // a value from outside the enum ranks below everyone
}

} // namespace

bool roleAtLeast(api::Role role, api::Role minimum)
{
    return rank(role) >= rank(minimum) && rank(role) > 0;
}

std::optional<QString> bearerToken(QByteArrayView authorization)
{
    constexpr QByteArrayView scheme("bearer ");
    if (authorization.size() <= scheme.size() ||
        QByteArrayView(authorization.first(scheme.size())).compare(scheme, Qt::CaseInsensitive) !=
            0)
        return std::nullopt;
    const QString token = QString::fromLatin1(authorization.sliced(scheme.size()));
    if (api::validateToken(token))
        return std::nullopt;
    return token;
}

http::Response unauthenticated()
{
    http::Response response = http::Response::problem(
        api::ProblemCode::Unauthenticated, QStringLiteral("Sign in to use this service."));
    response.headers.emplace_back(QByteArrayLiteral("WWW-Authenticate"),
                                  QByteArrayLiteral("Bearer"));
    return response;
}

http::Responder actingAs(const Identity &identity, http::Responder respond)
{
    return [actor = http::Response::Actor{identity.scope.tenantId(), identity.personId},
            respond = std::move(respond)](http::Response response) {
        response.actor = actor;
        respond(std::move(response));
    };
}

namespace {

// Methods whose handlers change nothing (RFC 9110 9.2.1), so a cached
// verification may admit them.
bool isSafe(http::Method method)
{
    return method == http::Method::Get || method == http::Method::Head ||
           method == http::Method::Options;
}

// What one guarded route holds for all its requests.
struct Route
{
    Route(const ops::ServiceContext &serviceContext, api::Role minimum,
          AuthenticatedHandler routeHandler, const GuardOptions &guardOptions)
        : context(serviceContext)
        , minimumRole(minimum)
        , handler(std::move(routeHandler))
        , options(guardOptions)
        , cache(guardOptions.cacheTimeToLive)
    {}

    // A copy: the context holds only references to what outlives the routes,
    // so a caller may pass a temporary.
    const ops::ServiceContext context;
    const api::Role minimumRole;
    const AuthenticatedHandler handler;
    const GuardOptions options;
    IdentityCache cache;
};

struct Verified
{
    Identity identity;
    QDateTime tokenExpiresAt;
};

// The caller the token stands for as the database says now, or the answer
// that refuses it. On a worker thread.
std::variant<Verified, http::Response> verify(const Route &route, const QString &token)
{
    QString error;
    QSqlDatabase connection = route.context.database.connection(&error);
    if (!connection.isOpen()) {
        qCWarning(lcGuard) << "no database connection:" << error;
        return http::Response::internalError();
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto found =
        store::SessionRepository(connection).findToken(token, store::TokenKind::Access, now);
    if (!found) {
        if (found.errorKind() == store::StoreErrorKind::NotFound ||
            found.errorKind() == store::StoreErrorKind::Expired)
            return unauthenticated();
        qCWarning(lcGuard) << "token lookup failed:" << found.error().message;
        return http::Response::internalError();
    }
    const store::SessionToken &session = found.value();
    store::TenantScope scope(session.tenantId);
    // The person's row as it is now, not as it was at sign-in: a role taken
    // away or an account disabled counts at once.
    auto person =
        store::PersonRepository(connection, route.context.keyring).get(scope, session.personId);
    if (!person) {
        if (person.errorKind() == store::StoreErrorKind::NotFound)
            return unauthenticated();
        qCWarning(lcGuard) << "person lookup failed:" << person.error().message;
        return http::Response::internalError();
    }
    if (person.value().person.status != api::PersonStatus::Active)
        return unauthenticated();
    api::Person &current = person.value().person;
    QByteArray personJson = QJsonDocument(api::toJson(current)).toJson(QJsonDocument::Compact);
    return Verified{Identity{std::move(scope), session.personId, session.familyId, current.role,
                             current.mustChangePassword, std::move(current), std::move(personJson)},
                    session.expiresAt};
}

// A responder that marks the caller's tenant again, before the answer leaves,
// if its credentials changed while the handler ran: a change the handler made
// inside its transaction was marked before the commit, and a cache may have
// read the old row in between. Also when the responder is dropped unanswered.
http::Responder markingChanges(const QString &tenantId, http::Responder respond)
{
    class Remark final
    {
    public:
        explicit Remark(const QString &tenant)
            : m_tenantId(tenant)
            , m_before(store::CredentialChanges::latest(tenant))
        {}
        ~Remark() { apply(); }
        Remark(const Remark &) = delete;
        Remark &operator=(const Remark &) = delete;

        void apply()
        {
            if (!m_applied.exchange(true) &&
                store::CredentialChanges::latest(m_tenantId) != m_before)
                store::CredentialChanges::mark(m_tenantId);
        }

    private:
        const QString m_tenantId;
        const quint64 m_before;
        std::atomic<bool> m_applied{false};
    };
    auto remark = std::make_shared<Remark>(tenantId);
    return [remark, respond = std::move(respond)](http::Response response) {
        remark->apply();
        respond(std::move(response));
    };
}

// Lets a verified caller through to the handler if the route allows its role
// and its password state; on the calling thread.
void admit(const Route &route, Identity identity, http::Request request, http::Responder respond)
{
    http::Responder acting = actingAs(identity, std::move(respond));
    if (!roleAtLeast(identity.role, route.minimumRole)) {
        acting(http::Response::problem(api::ProblemCode::Forbidden,
                                       QStringLiteral("Your role does not allow this.")));
        return;
    }
    if (identity.mustChangePassword && route.options.passwordChange == PasswordChange::MustBeDone) {
        acting(
            http::Response::problem(api::ProblemCode::PasswordChangeRequired,
                                    QStringLiteral("Choose a new password before anything else.")));
        return;
    }
    route.handler(std::move(request), std::move(identity), std::move(acting));
}

// admit() on a worker thread, where handlers may write.
void admitOnWorker(const Route &route, Identity identity, http::Request request,
                   http::Responder respond)
{
    http::Responder marking = markingChanges(identity.scope.tenantId(), std::move(respond));
    admit(route, std::move(identity), std::move(request), std::move(marking));
}

} // namespace

http::Handler authenticated(const ops::ServiceContext &context, api::Role minimumRole,
                            AuthenticatedHandler handler, const GuardOptions &options)
{
    const auto route = std::make_shared<Route>(context, minimumRole, std::move(handler), options);
    return [route](http::Request request, http::Responder respond) {
        // Refused before any thread hop: a request without credentials costs
        // no worker.
        std::optional<QString> token = bearerToken(request.header("authorization"));
        if (!token) {
            respond(unauthenticated());
            return;
        }
        const bool cacheable = isSafe(request.method);
        QString tokenHash;
        if (cacheable) {
            tokenHash = crypto::tokenHash(*token);
            if (std::optional<Identity> identity =
                    route->cache.find(tokenHash, IdentityCache::Clock::now())) {
                if (route->options.handlerThread == HandlerThread::Any) {
                    admit(*route, std::move(*identity), std::move(request), std::move(respond));
                    return;
                }
                route->context.workers.start([route, identity = std::move(*identity),
                                              request = std::move(request),
                                              respond = std::move(respond)]() mutable {
                    admitOnWorker(*route, std::move(identity), std::move(request),
                                  std::move(respond));
                });
                return;
            }
        }
        route->context.workers.start(
            [route, cacheable, token = std::move(*token), tokenHash = std::move(tokenHash),
             request = std::move(request), respond = std::move(respond)]() mutable {
                const quint64 ticket = IdentityCache::ticket();
                auto verified = verify(*route, token);
                if (auto *refusal = std::get_if<http::Response>(&verified)) {
                    respond(std::move(*refusal));
                    return;
                }
                Verified &caller = std::get<Verified>(verified);
                if (cacheable) {
                    const auto now = IdentityCache::Clock::now();
                    const std::chrono::milliseconds tokenLeft(
                        QDateTime::currentDateTimeUtc().msecsTo(caller.tokenExpiresAt));
                    route->cache.remember(ticket, tokenHash, caller.identity, now, now + tokenLeft);
                }
                admitOnWorker(*route, std::move(caller.identity), std::move(request),
                              std::move(respond));
            });
    };
}

http::Handler authenticated(const ops::ServiceContext &context, api::Role minimumRole,
                            AuthenticatedHandler handler, PasswordChange rule)
{
    GuardOptions options;
    options.passwordChange = rule;
    return authenticated(context, minimumRole, std::move(handler), options);
}

} // namespace engage::server::auth
