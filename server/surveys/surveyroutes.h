#pragma once

#include "http/router.h"

namespace engage::server {
namespace ops {
struct ServiceContext;
}

namespace surveys {

// /api/v1/surveys (issue 7, api/survey.h): owners and administrators build,
// publish, close and extend surveys; managers and viewers read them.
void addSurveyRoutes(http::Router &router, const ops::ServiceContext &context);

} // namespace surveys
} // namespace engage::server
