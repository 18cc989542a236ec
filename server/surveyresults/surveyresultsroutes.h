#pragma once

#include "http/router.h"

namespace engage::server {
namespace ops {
struct ServiceContext;
}

namespace surveyresults {

// The results of a custom survey's round (issue 7, api/surveyresults.h):
// GET /api/v1/rounds/{id}/results?group=&attribute=&value= for owners,
// admins and managers (managers within their groups' subtrees, their first
// group when the query names none; another group answers 404 like a missing
// one, as on the dashboards). Another tenant's round is 404; a pulse's
// round 409 (its results are the dashboards'), and so is a round not open
// yet. The request is in the access log like every dashboard's; the query
// string is not (it may name an attribute's value).
void addSurveyResultsRoutes(http::Router &router, const ops::ServiceContext &context);

} // namespace surveyresults
} // namespace engage::server
