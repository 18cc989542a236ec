#pragma once

namespace engage::server {
namespace http {
class Router;
}
namespace ops {
struct ServiceContext;
}

namespace mail {

// The e-mail routes of issue 7, owners and admins only:
//   GET, PUT /api/v1/settings/smtp          the tenant's mail server (password write-only)
//   POST /api/v1/settings/smtp/test         a test message to the caller
//   POST /api/v1/surveys/{id}/test          a preview invitation to the caller
//   GET /api/v1/rounds/{id}/links.csv       printed links: a CSV for HR
//   GET /api/v1/rounds/{id}/links.html      printed links: a sheet of QR codes
// Mail goes through an SmtpMailer whose policy follows the context
// (smtpPrivateHosts); links start with the context's public URL.
void addMailRoutes(http::Router &router, const ops::ServiceContext &context);

} // namespace mail
} // namespace engage::server
