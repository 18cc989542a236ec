#pragma once

namespace engage::server {
namespace http {
class Router;
}
namespace ops {
struct ServiceContext;
}

namespace domain {

// The attributes a tenant defines for its members:
//   GET    /api/v1/attributes       every live attribute, in the tenant's order
//   POST   /api/v1/attributes       create (201, Location, ETag); Idempotency-Key honoured
//   PUT    /api/v1/attributes/{id}  replace; If-Match required; removing a
//                                   choice members hold 409
//   DELETE /api/v1/attributes/{id}  logical; If-Match required
// Everyone of the tenant reads, owners and admins write.
void addAttributeRoutes(http::Router &router, const ops::ServiceContext &context);

} // namespace domain
} // namespace engage::server
