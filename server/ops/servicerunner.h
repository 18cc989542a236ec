#pragma once

#include "servicecontext.h"

#include <QString>
#include <functional>

class QThreadPool;

namespace engage::server {
namespace http {
class Router;
}
namespace store {
class Database;
}
} // namespace engage::server

namespace engage::server::ops {

using RouteInstaller = std::function<void(http::Router &router, const ServiceContext &context)>;

// Runs the service from its command line until SIGTERM or SIGINT (or, with
// --exit-with-stdin, the end of stdin): the data directory, the demo
// certificate, the database, the routes `installRoutes` adds, HTTPS, the
// announcement line on stdout, and a graceful stop.
// Returns the process exit code.
int runService(int argc, char *argv[], const QString &applicationName,
               const RouteInstaller &installRoutes);

} // namespace engage::server::ops
