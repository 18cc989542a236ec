#pragma once

namespace engage::server {
namespace http {
class Router;
}
namespace ops {
struct ServiceContext;
}

namespace domain {

// The group tree (departments):
//   GET    /api/v1/groups               the whole tree, parents first
//   POST   /api/v1/groups               create (201, Location, ETag); Idempotency-Key honoured
//   GET    /api/v1/groups/{id}          one group, with ETag
//   PUT    /api/v1/groups/{id}          rename, recode or move; If-Match required;
//                                       a move under itself or its subtree 409
//   DELETE /api/v1/groups/{id}          logical; If-Match; 409 while it has members or groups
//   GET    /api/v1/groups/{id}/history  every version, oldest first
// Everyone of the tenant reads, owners and admins write. A manager sees only
// the subtrees they are scoped to, each root without its parent.
void addGroupRoutes(http::Router &router, const ops::ServiceContext &context);

} // namespace domain
} // namespace engage::server
