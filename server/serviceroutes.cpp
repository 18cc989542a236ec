#include "serviceroutes.h"

#include "ops/healthroutes.h"

namespace engage::server {

void addServiceRoutes(http::Router &router, const store::Database &database, QThreadPool &workers)
{
    ops::addHealthRoutes(router, database, workers);
}

} // namespace engage::server
