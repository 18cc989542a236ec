#include "groupscoperoutes.h"

#include "api/group.h"
#include "http/router.h"
#include "ops/servicecontext.h"
#include "routesupport.h"
#include "store/grouprepository.h"
#include "store/operationlog.h"
#include "store/personrepository.h"

#include <optional>

namespace engage::server::domain {

namespace {

http::Response personNotFound()
{
    return notFound(QStringLiteral("There is no such person."));
}

// The 404 or 409 for a person who has no group scope; nothing for a manager.
std::optional<http::Response> refuseTarget(const ops::ServiceContext &context,
                                           const auth::Identity &identity,
                                           const http::Request &request,
                                           const QSqlDatabase &connection)
{
    const auto id = pathId(request);
    if (!id)
        return personNotFound();
    const auto person =
        store::PersonRepository(connection, context.keyring).get(identity.scope, *id);
    if (!person) {
        if (person.errorKind() == store::StoreErrorKind::NotFound)
            return personNotFound();
        return storeFailure("cannot read a person:", person.error());
    }
    if (person.value().person.role != api::Role::Manager)
        return conflict(QStringLiteral("Only a manager sees a chosen set of groups: owners, admins "
                                       "and viewers see every group. Make this person a manager "
                                       "first."));
    return std::nullopt;
}

http::Response scopeAnswer(const auth::Identity &identity, const QSqlDatabase &connection,
                           const QString &personId)
{
    const auto scope = store::GroupRepository(connection).scopeOf(identity.scope, personId);
    if (!scope)
        return storeFailure("cannot read a manager's groups:", scope.error());
    return http::Response::json(200, api::toJson(api::GroupScope{scope.value()}));
}

http::Response getScope(const ops::ServiceContext &context, const auth::Identity &identity,
                        const http::Request &request, const QSqlDatabase &connection)
{
    if (auto refusal = refuseTarget(context, identity, request, connection))
        return std::move(*refusal);
    return scopeAnswer(identity, connection, *pathId(request));
}

http::Response putScope(const ops::ServiceContext &context, const auth::Identity &identity,
                        const http::Request &request, const QSqlDatabase &connection)
{
    return inTransaction(connection, "a manager's groups", [&]() -> http::Response {
        if (auto refusal = refuseTarget(context, identity, request, connection))
            return std::move(*refusal);
        const auto body = api::groupScopeFromJson(request.json);
        if (!body)
            return badRequest(body.error());
        const QString personId = *pathId(request);
        const auto set = store::GroupRepository(connection)
                             .setScope(identity.scope, personId, body.value().groupIds);
        if (!set) {
            if (set.errorKind() == store::StoreErrorKind::NotFound)
                return invalidField(QStringLiteral("groupIds"),
                                    QStringLiteral("There is no such group."));
            return storeFailure("cannot set a manager's groups:", set.error());
        }
        const auto logged = store::OperationLog::record(
            identity.scope, connection,
            {request.requestId, identity.personId, QStringLiteral("person"), personId,
             QStringLiteral("person.groups"),
             QStringLiteral("groups set: %1").arg(body.value().groupIds.size()),
             QDateTime::currentDateTimeUtc()});
        if (!logged)
            return storeFailure("cannot log a manager's groups:", logged.error());
        return scopeAnswer(identity, connection, personId);
    });
}

} // namespace

void addGroupScopeRoutes(http::Router &router, const ops::ServiceContext &context)
{
    http::RouteOptions json;
    json.takesJson = true;
    const QByteArrayView path = "/api/v1/users/{id}/groups";
    router.add(http::Method::Get, path, tenantRoute(context, api::Role::Admin, getScope));
    router.add(http::Method::Put, path, tenantRoute(context, api::Role::Admin, putScope), json);
}

} // namespace engage::server::domain
