#pragma once

#include "api/role.h"
#include "http/router.h"
#include "identity.h"
#include "identitycache.h"

#include <QByteArrayView>
#include <QString>
#include <chrono>
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

// Where the handler runs once the caller is known. A handler that reaches the
// database (or does anything slow) runs on a worker. One that only shapes what
// the guard hands it (GET /api/v1/me) may run on whatever thread verified the
// caller: a network thread when the caller came from the IdentityCache.
enum class HandlerThread
{
    Worker,
    Any,
};

struct GuardOptions
{
    PasswordChange passwordChange = PasswordChange::MustBeDone;
    HandlerThread handlerThread = HandlerThread::Worker;
    // How long a caller verified against the database is trusted without
    // another read (changes made by this process count at once).
    std::chrono::milliseconds cacheTimeToLive = IdentityCache::defaultTimeToLive;
};

// Runs after the guard verified the caller (on a worker thread unless the
// route allows HandlerThread::Any); the responder stamps the caller as the
// response's actor.
using AuthenticatedHandler =
    std::function<void(http::Request request, Identity identity, http::Responder respond)>;

// Whether `role` may do what `minimum` may: owner > admin > manager > viewer.
bool roleAtLeast(api::Role role, api::Role minimum);

// The token of an `Authorization: Bearer <token>` header (scheme
// case-insensitive, RFC 9110 11.1), or nothing for any other form, another
// scheme, or a token outside api::validateToken.
std::optional<QString> bearerToken(QByteArrayView authorization);

// Wraps `handler` so that it runs only for a verified caller:
//   no or malformed credentials, unknown, expired or revoked token, a person
//   deleted or disabled            -> 401 unauthenticated, WWW-Authenticate: Bearer
//   role below `minimumRole`       -> 403 forbidden
//   generated password not changed -> 403 password-change-required (unless allowed)
// Every response from the moment the caller is known carries its actor.
//
// GET, HEAD and OPTIONS requests are verified from the route's IdentityCache
// when it holds the token, otherwise against the database on
// `context.workers`. Every other method is verified against the database
// (writes never rest on a cached verification), and whatever its handler
// changed of its tenant's credentials reaches every cache once it answered.
// Handlers of GET, HEAD and OPTIONS must not change people or sessions.
http::Handler authenticated(const ops::ServiceContext &context, api::Role minimumRole,
                            AuthenticatedHandler handler, const GuardOptions &options);
http::Handler authenticated(const ops::ServiceContext &context, api::Role minimumRole,
                            AuthenticatedHandler handler,
                            PasswordChange rule = PasswordChange::MustBeDone);

// A responder that stamps `identity` as the actor on whatever passes through.
http::Responder actingAs(const Identity &identity, http::Responder respond);

// 401 with the challenge RFC 6750 asks for.
http::Response unauthenticated();

} // namespace engage::server::auth
