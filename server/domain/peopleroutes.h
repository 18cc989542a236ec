#pragma once

namespace engage::server {
namespace http {
class Router;
}
namespace ops {
struct ServiceContext;
}

namespace domain {

// The People routes, for owners and admins of a tenant:
//   GET    /api/v1/users        a cursor page (?cursor=, ?limit= 1-200, default 50)
//   POST   /api/v1/users        create; a generated first password in the answer,
//                               shown once; Idempotency-Key honoured
//   GET    /api/v1/users/{id}   one person, with ETag
//   PATCH  /api/v1/users/{id}   edit; If-Match required (428 absent, 412 stale)
//   DELETE /api/v1/users/{id}   logical delete; If-Match as PATCH
// Every change writes its operation-log row in its own transaction. Another
// tenant's id answers 404 exactly like a missing one.
void addPeopleRoutes(http::Router &router, const ops::ServiceContext &context);

} // namespace domain
} // namespace engage::server
