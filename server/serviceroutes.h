#pragma once

class QThreadPool;

namespace engage::server {

namespace http {
class Router;
}
namespace store {
class Database;
}

// Every route the service offers, in one place: what main() serves and what
// the test of docs/api/openapi.yaml compares against.
void addServiceRoutes(http::Router &router, const store::Database &database, QThreadPool &workers);

} // namespace engage::server
