#pragma once

namespace engage::server {

namespace http {
class Router;
}
namespace ops {
struct ServiceContext;
}

// Every route the service offers, in one place: what main() serves and what
// the test of docs/api/openapi.yaml compares against.
void addServiceRoutes(http::Router &router, const ops::ServiceContext &context);

} // namespace engage::server
