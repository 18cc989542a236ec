#pragma once

namespace engage::server {
namespace http {
class Router;
}
namespace ops {
struct ServiceContext;
}

namespace mail {

// GET /api/v1/rounds/{id}/links.csv and .../links.html (owners and admins):
// a fresh one-time link for each target of the open round who has not
// answered and has no e-mail address (?all=true: every such target), as a
// CSV for HR or a printable sheet of QR codes. Handing them out settles
// those members' invitations as 'printed', with an operation-log row.
void addPrintedLinkRoutes(http::Router &router, const ops::ServiceContext &context);

} // namespace mail
} // namespace engage::server
