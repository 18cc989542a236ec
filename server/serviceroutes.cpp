#include "serviceroutes.h"

#include "auth/authroutes.h"
#include "domain/peopleroutes.h"
#include "ops/healthroutes.h"
#include "ops/servicecontext.h"

namespace engage::server {

void addServiceRoutes(http::Router &router, const ops::ServiceContext &context)
{
    ops::addHealthRoutes(router, context.database, context.workers);
    auth::addAuthRoutes(router, context);
    domain::addPeopleRoutes(router, context);
}

} // namespace engage::server
