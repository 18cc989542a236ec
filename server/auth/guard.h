#pragma once

#include "api/role.h"
#include "http/router.h"
#include "identity.h"

#include <QByteArrayView>
#include <QString>
#include <functional>
#include <optional>

namespace engage::server::ops {
struct ServiceContext;
}

namespace engage::server::auth {

// Whether a route serves a person who still has to replace a generated first
// password. Only the routes that let them do so (and see who they are, and
// sign out) allow it.
enum class PasswordChange
{
    MustBeDone,
    Allowed,
};

// Runs on a worker thread, after the guard verified the caller; the responder
// stamps the caller as the response's actor.
using AuthenticatedHandler =
    std::function<void(http::Request request, Identity identity, http::Responder respond)>;

// Whether `role` may do what `minimum` may: owner > admin > manager > viewer.
bool roleAtLeast(api::Role role, api::Role minimum);

// The token of an `Authorization: Bearer <token>` header (scheme
// case-insensitive, RFC 9110 11.1), or nothing for any other form, another
// scheme, or a token outside api::validateToken.
std::optional<QString> bearerToken(QByteArrayView authorization);

// Wraps `handler` so that it runs only for a verified caller, on
// `context.workers` (the token lookup is a database call):
//   no or malformed credentials, unknown, expired or revoked token, a person
//   deleted or disabled            -> 401 unauthenticated, WWW-Authenticate: Bearer
//   role below `minimumRole`       -> 403 forbidden
//   generated password not changed -> 403 password-change-required (unless `rule` allows)
// Every response from the moment the caller is known carries its actor.
http::Handler authenticated(const ops::ServiceContext &context, api::Role minimumRole,
                            AuthenticatedHandler handler,
                            PasswordChange rule = PasswordChange::MustBeDone);

// A responder that stamps `identity` as the actor on whatever passes through.
http::Responder actingAs(const Identity &identity, http::Responder respond);

// 401 with the challenge RFC 6750 asks for.
http::Response unauthenticated();

} // namespace engage::server::auth
