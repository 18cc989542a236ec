#pragma once

namespace engage::server {
namespace http {
class Router;
}
namespace ops {
struct ServiceContext;
}

namespace import {

// Member imports, for owners and admins (managers and viewers get 403):
//   POST /api/v1/member-imports?name=<file name>   the raw file as the body
//        (text/csv or the .xlsx type, at most api::kImportMaxBytes), read on a
//        worker, kept sealed until applied; 201 with the proposed mapping
//   GET  /api/v1/member-imports/{id}               the import as read
//   PUT  /api/v1/member-imports/{id}/mapping       confirm the columns; the
//        tenant's own headers are remembered for the next file
//   GET  /api/v1/member-imports/{id}/preview       the dry run (?offset=, ?limit=)
//   POST /api/v1/member-imports/{id}/apply         carry it out (once)
//   POST /api/v1/member-imports/{id}/undo          ({}) while nobody changed its members
// Another tenant's import answers 404 exactly like a missing one.
void addImportRoutes(http::Router &router, const ops::ServiceContext &context);

} // namespace import
} // namespace engage::server
