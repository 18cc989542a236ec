#include "serviceroutes.h"

#include "auth/authroutes.h"
#include "domain/attributeroutes.h"
#include "domain/grouproutes.h"
#include "domain/groupscoperoutes.h"
#include "domain/memberroutes.h"
#include "domain/peopleroutes.h"
#include "engagement/engagementroutes.h"
#include "import/importroutes.h"
#include "jobs/roundroutes.h"
#include "logs/logroutes.h"
#include "mail/mailroutes.h"
#include "ops/healthroutes.h"
#include "ops/servicecontext.h"
#include "respondent/respondentroutes.h"
#include "surveyresults/surveyresultsroutes.h"
#include "surveys/surveyroutes.h"

namespace engage::server {

void addServiceRoutes(http::Router &router, const ops::ServiceContext &context)
{
    ops::addHealthRoutes(router, context.database, context.workers);
    auth::addAuthRoutes(router, context);
    domain::addPeopleRoutes(router, context);
    domain::addGroupScopeRoutes(router, context);
    domain::addMemberRoutes(router, context);
    domain::addGroupRoutes(router, context);
    domain::addAttributeRoutes(router, context);
    import::addImportRoutes(router, context);
    logs::addLogRoutes(router, context);
    engagement::addEngagementRoutes(router, context);
    mail::addMailRoutes(router, context);
    jobs::addRoundRoutes(router, context);
    respondent::addRespondentRoutes(router, context);
    surveys::addSurveyRoutes(router, context);
    surveyresults::addSurveyResultsRoutes(router, context);
}

} // namespace engage::server
