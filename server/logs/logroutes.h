#pragma once

namespace engage::server {
namespace http {
class Router;
}
namespace ops {
struct ServiceContext;
}

namespace logs {

// The log routes (issue 8), for owners and admins of tenants with the
// security option (403 with an explanation otherwise):
//   GET  /api/v1/logs/{log}             a page, newest first (api::LogQuery)
//   GET  /api/v1/logs/{log}/histogram   counts by hour or day
//   GET  /api/v1/logs/{log}/export      NDJSON, newest first, streamed
//   GET  /api/v1/logs/{log}/tail        long poll for rows after ?after=
//   POST /api/v1/logs/verify            the caller's tenant's chains
// {log} is access, operation or error. Each page, histogram, export and
// verification leaves a "log.query" or "log.verify" operation row naming the
// filters used, never their values. Tail polls are in the access log only:
// an operation row per poll would feed the operation log's tail its own rows.
void addLogRoutes(http::Router &router, const ops::ServiceContext &context);

} // namespace logs
} // namespace engage::server
