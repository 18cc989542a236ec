#pragma once

namespace engage::server {
namespace http {
class Router;
}
namespace ops {
struct ServiceContext;
}

namespace domain {

// The group subtrees a manager sees, set by owners and admins:
//   GET /api/v1/users/{id}/groups  the manager's api::GroupScope
//   PUT /api/v1/users/{id}/groups  replace it (each id a live group)
// Only a person of role manager has one: anyone else answers 409.
void addGroupScopeRoutes(http::Router &router, const ops::ServiceContext &context);

} // namespace domain
} // namespace engage::server
