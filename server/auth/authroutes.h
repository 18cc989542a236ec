#pragma once

#include "crypto/passwordhasher.h"
#include "identitycache.h"
#include "signinthrottle.h"
#include "store/sessionrepository.h"

namespace engage::server::http {
class Router;
}
namespace engage::server::ops {
struct ServiceContext;
}

namespace engage::server::auth {

// What sign-in may be tuned by; the defaults are the service's. Tests shorten
// lifetimes and loosen the throttle.
struct AuthSettings
{
    store::SessionLifetimes lifetimes;
    SignInThrottle::Policy throttle;
    crypto::PasswordPolicy passwords;
    // How long the guards of these routes trust a verified caller (GuardOptions).
    std::chrono::milliseconds identityCacheTimeToLive = IdentityCache::defaultTimeToLive;
};

// Sign-in and the caller's own account:
//   POST /api/v1/auth/login    {tenant, email, password} -> Session
//   POST /api/v1/auth/refresh  {refreshToken}            -> Session (rotated)
//   POST /api/v1/auth/logout                             -> 204, this client signed out
//   GET  /api/v1/me                                      -> Person
//   POST /api/v1/me/password   {currentPassword, newPassword} -> Session (others signed out)
// Database and Argon2 work runs on context.workers; GET /api/v1/me answers on
// the network thread when its guard's cache knows the caller. Makes the dummy hash that
// unknown accounts are verified against (one Argon2id hash) before returning.
void addAuthRoutes(http::Router &router, const ops::ServiceContext &context,
                   const AuthSettings &settings = {});

} // namespace engage::server::auth
