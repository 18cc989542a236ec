#include "healthroutes.h"

#include "http/router.h"
#include "store/database.h"

#include <QJsonObject>
#include <QThreadPool>

namespace engage::server::ops {

void addHealthRoutes(http::Router &router, const store::Database &database, QThreadPool &workers)
{
    router.add(http::Method::Get, "/healthz", [](http::Request, http::Responder respond) {
        respond(http::Response::json(200, {{QStringLiteral("status"), QStringLiteral("ok")}}));
    });
    router.add(http::Method::Get, "/readyz",
               [&database, &workers](http::Request, http::Responder respond) {
                   workers.start([&database, respond = std::move(respond)] {
                       if (database.isReachable()) {
                           respond(http::Response::json(
                               200, {{QStringLiteral("status"), QStringLiteral("ready")}}));
                       } else {
                           respond(http::Response::problem(
                               api::ProblemCode::Unavailable,
                               QStringLiteral("The database cannot be reached.")));
                       }
                   });
               });
}

} // namespace engage::server::ops
