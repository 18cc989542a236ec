#pragma once

namespace engage::server {
namespace http {
class Router;
}
namespace ops {
struct ServiceContext;
}

namespace domain {

// The member routes (the employees who answer surveys):
//   GET    /api/v1/members       a page of api::MemberQuery (search, group
//                                subtree, status, attribute, sort, cursor)
//   POST   /api/v1/members       create (201, Location, ETag); Idempotency-Key honoured
//   GET    /api/v1/members/{id}  one member, with ETag
//   PUT    /api/v1/members/{id}  replace the editable fields; If-Match required
//   DELETE /api/v1/members/{id}  logical delete; If-Match required
// Everyone of the tenant reads; owners, admins and managers write. A manager
// sees and changes only members of the subtrees they are scoped to: anyone
// else answers 404 exactly like a missing member, and a create or a move
// into a group outside answers 403. Every change commits with its
// operation-log row (field names, never values) and then updates the
// in-memory member index.
void addMemberRoutes(http::Router &router, const ops::ServiceContext &context);

} // namespace domain
} // namespace engage::server
