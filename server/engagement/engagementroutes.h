#pragma once

#include "http/router.h"

namespace engage::server {
namespace ops {
struct ServiceContext;
}

namespace engagement {

// The dashboards' REST API (issue 6), as api/dashboard.h lists it.
void addEngagementRoutes(http::Router &router, const ops::ServiceContext &context);

} // namespace engagement
} // namespace engage::server
