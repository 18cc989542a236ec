#include "guard.h"

#include "api/validators.h"
#include "ops/servicecontext.h"
#include "store/database.h"
#include "store/personrepository.h"
#include "store/sessionrepository.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QThreadPool>

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

http::Handler authenticated(const ops::ServiceContext &context, api::Role minimumRole,
                            AuthenticatedHandler handler, PasswordChange rule)
{
    // A copy: the context holds only references to what outlives the routes,
    // so a caller may pass a temporary.
    return [context, minimumRole, handler = std::move(handler), rule](http::Request request,
                                                                      http::Responder respond) {
        // Refused before any thread hop: a request without credentials costs
        // no worker.
        const std::optional<QString> token = bearerToken(request.header("authorization"));
        if (!token) {
            respond(unauthenticated());
            return;
        }
        context.workers.start([context, minimumRole, handler, rule, token = *token,
                               request = std::move(request),
                               respond = std::move(respond)]() mutable {
            QString error;
            QSqlDatabase connection = context.database.connection(&error);
            if (!connection.isOpen()) {
                qCWarning(lcGuard) << "no database connection:" << error;
                respond(http::Response::internalError());
                return;
            }
            const QDateTime now = QDateTime::currentDateTimeUtc();
            const auto found = store::SessionRepository(connection)
                                   .findToken(token, store::TokenKind::Access, now);
            if (!found) {
                if (found.errorKind() == store::StoreErrorKind::NotFound ||
                    found.errorKind() == store::StoreErrorKind::Expired) {
                    respond(unauthenticated());
                } else {
                    qCWarning(lcGuard) << "token lookup failed:" << found.error().message;
                    respond(http::Response::internalError());
                }
                return;
            }
            const store::SessionToken &session = found.value();
            store::TenantScope scope(session.tenantId);
            // The person's row as it is now, not as it was at sign-in: a
            // role taken away or an account disabled counts at once.
            const auto person =
                store::PersonRepository(connection, context.keyring).get(scope, session.personId);
            if (!person) {
                if (person.errorKind() == store::StoreErrorKind::NotFound) {
                    respond(unauthenticated());
                } else {
                    qCWarning(lcGuard) << "person lookup failed:" << person.error().message;
                    respond(http::Response::internalError());
                }
                return;
            }
            if (person.value().person.status != api::PersonStatus::Active) {
                respond(unauthenticated());
                return;
            }
            Identity identity{std::move(scope),
                              session.personId,
                              session.familyId,
                              person.value().person.role,
                              person.value().person.mustChangePassword,
                              person.value().person};
            http::Responder acting = actingAs(identity, std::move(respond));
            if (!roleAtLeast(identity.role, minimumRole)) {
                acting(http::Response::problem(api::ProblemCode::Forbidden,
                                               QStringLiteral("Your role does not allow this.")));
                return;
            }
            if (identity.mustChangePassword && rule == PasswordChange::MustBeDone) {
                acting(http::Response::problem(
                    api::ProblemCode::PasswordChangeRequired,
                    QStringLiteral("Choose a new password before anything else.")));
                return;
            }
            handler(std::move(request), std::move(identity), std::move(acting));
        });
    };
}

} // namespace engage::server::auth
