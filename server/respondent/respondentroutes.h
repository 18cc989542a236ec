#pragma once

#include "http/router.h"

namespace engage::server {
namespace ops {
struct ServiceContext;
}

namespace respondent {

// The respondent page (issue 7): GET and POST /r/{token}, the page a
// round's one-time link opens (or a survey's preview link, which shows the
// survey as it is now and records nothing), and its stylesheet and script
// under /r/assets/. No session: the token is the credential and names the
// tenant.
void addRespondentRoutes(http::Router &router, const ops::ServiceContext &context);

// The largest form or JSON body the page sends: every question of the
// largest survey answered with the longest free text, percent-encoded.
inline constexpr qint64 kMaxSubmissionBytes = 1536 * 1024;

} // namespace respondent
} // namespace engage::server
