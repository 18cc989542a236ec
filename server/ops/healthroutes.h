#pragma once

class QThreadPool;

namespace engage::server::http {
class Router;
}
namespace engage::server::store {
class Database;
}

namespace engage::server::ops {

// GET /healthz: the process answers. GET /readyz: it can also reach its
// database (checked on a worker thread, never on a network thread).
void addHealthRoutes(http::Router &router, const store::Database &database, QThreadPool &workers);

} // namespace engage::server::ops
