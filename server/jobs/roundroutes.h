#pragma once

#include "http/router.h"

namespace engage::server {
namespace ops {
struct ServiceContext;
}

namespace jobs {

// Running a round (issue 7), for owners and administrators:
// GET /api/v1/rounds/{id}/progress (api::RoundProgress: targets and
// respondents per group of the targets' placement, the respondents withheld
// for a group with fewer targets than the tenant's anonymity threshold; the
// delivery log's totals) and POST /api/v1/rounds/{id}/remind {"groupId"?}
// ("remind now": a reminder due at once for the non-respondents of the
// group's subtree, or of the whole round; 202 with the number planned) and
// GET /api/v1/rounds/{id}/deliveries (api::DeliveryLogPage: the delivery
// log, newest first, by keyset pages; api/deliverylog.h).
void addRoundRoutes(http::Router &router, const ops::ServiceContext &context);

} // namespace jobs
} // namespace engage::server
