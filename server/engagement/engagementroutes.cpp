#include "engagementroutes.h"

#include "ops/servicecontext.h"

namespace engage::server::engagement {

void addEngagementRoutes(http::Router &router, const ops::ServiceContext &context)
{
    // Filled in by the dashboard routes (issue 6, in progress).
    Q_UNUSED(router)
    Q_UNUSED(context)
}

} // namespace engage::server::engagement
