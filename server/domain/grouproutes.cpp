#include "grouproutes.h"

#include "api/group.h"
#include "fieldchanges.h"
#include "http/router.h"
#include "ops/servicecontext.h"
#include "routesupport.h"
#include "store/grouprepository.h"
#include "store/operationlog.h"
#include "visiblegroups.h"

#include <QJsonDocument>
#include <QStringList>
#include <algorithm>
#include <functional>
#include <optional>

namespace engage::server::domain {

namespace {

const QString kGroups = QStringLiteral("/api/v1/groups");
const QString kTargetType = QStringLiteral("group");

// Missing, deleted, another tenant's and (for a manager) out-of-scope groups
// all answer this, word for word.
http::Response groupNotFound()
{
    return notFound(QStringLiteral("There is no such group."));
}

QByteArray locationOf(const QString &id)
{
    return QString(kGroups + QLatin1Char('/') + id).toLatin1();
}

// `group` as `visible` shows it: a manager's scope roots without their parent,
// which the manager does not see.
api::Group shownAs(api::Group group, const VisibleGroups &visible)
{
    if (visible && group.fields.parentId && !visible->contains(*group.fields.parentId))
        group.fields.parentId.reset();
    return group;
}

http::Response groupAnswer(int status, const api::Group &group)
{
    return jsonWithEtag(status, api::toJson(group), group.revision);
}

// The store's refusals of a group write that the client can act on.
http::Response groupFailure(const char *what, const store::StoreError &error)
{
    switch (error.kind) {
    case store::StoreErrorKind::NotFound:
        return groupNotFound();
    case store::StoreErrorKind::CodeTaken:
        return conflict(QStringLiteral("Another group of this company has this code."));
    case store::StoreErrorKind::Cycle:
        return conflict(
            QStringLiteral("A group cannot move under itself or under a group below it."));
    case store::StoreErrorKind::LimitReached:
        return conflict(QStringLiteral("This company has as many groups as it can have (%1).")
                            .arg(api::kGroupsMax));
    default:
        return storeFailure(what, error);
    }
}

// A group's code, name and parent are the tenant's organisation, not
// personal: the operation log keeps them in clear.
FieldChanges groupChanges(const api::GroupFields &a, const api::GroupFields &b)
{
    FieldChanges changes;
    changes.compare(QStringLiteral("code"), a.code, b.code);
    changes.compare(QStringLiteral("name"), a.name, b.name);
    changes.compare(QStringLiteral("parentId"), a.parentId, b.parentId);
    return changes;
}

// 400 when the new parent is not a live group of the tenant.
std::optional<http::Response> refuseParent(store::GroupRepository &groups,
                                           const auth::Identity &identity,
                                           const api::GroupFields &fields)
{
    if (!fields.parentId)
        return std::nullopt;
    const auto parent = groups.get(identity.scope, *fields.parentId);
    if (parent)
        return std::nullopt;
    if (parent.errorKind() == store::StoreErrorKind::NotFound)
        return invalidField(QStringLiteral("parentId"), QStringLiteral("There is no such group."));
    return storeFailure("cannot read a group:", parent.error());
}

store::StoreStatus logChange(const auth::Identity &identity, const http::Request &request,
                             const QSqlDatabase &connection, const QString &groupId,
                             const QString &action, const QString &summary, const QDateTime &at,
                             const FieldChanges &changes = {})
{
    return store::OperationLog::record(
        identity.scope, connection,
        {request.requestId, identity.personId, kTargetType, groupId, action, summary, at},
        changes.changes());
}

// Why a group the store calls NotEmpty cannot go, as precisely as we can say.
http::Response notEmpty(store::GroupRepository &groups, const auth::Identity &identity,
                        const api::Group &group)
{
    const auto tree = groups.list(identity.scope);
    const bool hasChildren = tree && std::any_of(tree.value().cbegin(), tree.value().cend(),
                                                 [&](const api::Group &other) {
                                                     return other.fields.parentId == group.id;
                                                 });
    if (hasChildren)
        return conflict(
            QStringLiteral("Other groups are placed under this group: move or delete them first."));
    if (group.memberCount > 0)
        return conflict(
            QStringLiteral("Members are placed in this group: move them to another group first."));
    return conflict(QStringLiteral("Members who left are still placed in this group: move them "
                                   "to another group first."));
}

// ---- handlers -------------------------------------------------------------

http::Response listGroups(const ops::ServiceContext &, const auth::Identity &identity,
                          const http::Request &, const QSqlDatabase &connection)
{
    const auto visible = visibleGroups(identity, connection);
    if (!visible)
        return storeFailure("cannot read a manager's groups:", visible.error());
    const auto tree = store::GroupRepository(connection).list(identity.scope);
    if (!tree)
        return storeFailure("cannot list groups:", tree.error());
    QList<api::Group> shown;
    for (const api::Group &group : tree.value()) {
        if (isVisible(visible.value(), group.id))
            shown.append(shownAs(group, visible.value()));
    }
    return http::Response::json(200, api::toJson(shown));
}

// The group `id` as the caller may see it: NotFound as well when a manager
// may not. `visible` receives what the caller sees.
store::StoreResult<api::Group> visibleGroup(store::GroupRepository &groups,
                                            const auth::Identity &identity,
                                            const QSqlDatabase &connection, const QString &id,
                                            VisibleGroups *visible)
{
    const auto seen = visibleGroups(identity, connection);
    if (!seen)
        return seen.error();
    *visible = seen.value();
    if (!isVisible(*visible, id))
        return store::StoreError{store::StoreErrorKind::NotFound,
                                 QStringLiteral("a group outside the manager's groups")};
    return groups.get(identity.scope, id);
}

http::Response getGroup(const ops::ServiceContext &, const auth::Identity &identity,
                        const http::Request &request, const QSqlDatabase &connection)
{
    const auto id = pathId(request);
    if (!id)
        return groupNotFound();
    store::GroupRepository groups(connection);
    VisibleGroups visible;
    const auto group = visibleGroup(groups, identity, connection, *id, &visible);
    if (!group)
        return groupFailure("cannot read a group:", group.error());
    return groupAnswer(200, shownAs(group.value(), visible));
}

http::Response groupHistory(const ops::ServiceContext &, const auth::Identity &identity,
                            const http::Request &request, const QSqlDatabase &connection)
{
    const auto id = pathId(request);
    if (!id)
        return groupNotFound();
    const auto visible = visibleGroups(identity, connection);
    if (!visible)
        return storeFailure("cannot read a manager's groups:", visible.error());
    // A deleted group keeps its history for owners, admins and viewers; it is
    // in no manager's subtree.
    if (!isVisible(visible.value(), *id))
        return groupNotFound();
    const auto versions = store::GroupRepository(connection).history(identity.scope, *id);
    if (!versions)
        return groupFailure("cannot read a group's history:", versions.error());
    if (versions.value().isEmpty())
        return groupNotFound();
    QList<api::Group> shown;
    for (const api::Group &version : versions.value())
        shown.append(shownAs(version, visible.value()));
    return http::Response::json(200, api::toJson(shown));
}

http::Response createGroup(const ops::ServiceContext &context, const auth::Identity &identity,
                           const http::Request &request, const QSqlDatabase &connection)
{
    const auto body = api::groupFieldsFromJson(request.json);
    if (!body)
        return badRequest(body.error());
    const api::GroupFields &fields = body.value();

    IdempotentCreate once(context, identity, request, connection, locationById(kGroups));
    if (auto refusal = once.refuseKey())
        return std::move(*refusal);
    if (auto earlier = once.earlierAnswer())
        return std::move(*earlier);

    const QDateTime now = QDateTime::currentDateTimeUtc();
    return inTransaction(connection, "the create of a group", [&]() -> http::Response {
        if (auto earlier = once.earlierAnswer())
            return std::move(*earlier);
        store::GroupRepository groups(connection);
        if (auto refusal = refuseParent(groups, identity, fields))
            return std::move(*refusal);
        const auto created = groups.create(identity.scope, fields, identity.personId);
        if (!created)
            return groupFailure("cannot create a group:", created.error());
        const api::Group &group = created.value();
        const QJsonObject json = api::toJson(group);
        const auto remembered =
            once.remember({201, QJsonDocument(json).toJson(QJsonDocument::Compact)}, now);
        if (!remembered)
            return storeFailure("cannot keep the idempotency key:", remembered.error());
        const FieldChanges changes = groupChanges(api::GroupFields(), fields);
        const auto logged =
            logChange(identity, request, connection, group.id, QStringLiteral("group.create"),
                      QStringLiteral("created with ") + changes.fields().join(QStringLiteral(", ")),
                      now, changes);
        if (!logged)
            return storeFailure("cannot log the create:", logged.error());
        http::Response response = groupAnswer(201, group);
        response.headers.emplace_back(QByteArrayLiteral("Location"), locationOf(group.id));
        return response;
    });
}

using GroupEdit =
    std::function<http::Response(store::GroupRepository &groups, const api::Group &current)>;

// One edit of group `id` (PUT, DELETE) in one transaction: read (404), then
// `refusal` (the body's), If-Match, `edit`.
http::Response editGroup(const auth::Identity &identity, const http::Request &request,
                         const QSqlDatabase &connection, const char *what,
                         const std::optional<http::Response> &refusal, const GroupEdit &edit)
{
    const auto id = pathId(request);
    if (!id)
        return groupNotFound();
    return inTransaction(connection, what, [&]() -> http::Response {
        store::GroupRepository groups(connection);
        const auto found = groups.get(identity.scope, *id);
        if (!found)
            return groupFailure("cannot read a group:", found.error());
        if (auto refused = refuseEdit(refusal, request, found.value().revision, kTargetType))
            return std::move(*refused);
        return edit(groups, found.value());
    });
}

http::Response updateGroup(const ops::ServiceContext &, const auth::Identity &identity,
                           const http::Request &request, const QSqlDatabase &connection)
{
    const auto body = api::groupFieldsFromJson(request.json);
    std::optional<http::Response> refusal;
    if (!body)
        refusal = badRequest(body.error());
    return editGroup(
        identity, request, connection, "an update of a group", refusal,
        [&](store::GroupRepository &groups, const api::Group &current) -> http::Response {
            const api::GroupFields &fields = body.value();
            const FieldChanges changes = groupChanges(current.fields, fields);
            if (changes.isEmpty())
                return groupAnswer(200, current);
            if (fields.parentId != current.fields.parentId) {
                if (auto refused = refuseParent(groups, identity, fields))
                    return std::move(*refused);
            }
            const auto updated = groups.update(identity.scope, current.id, current.revision, fields,
                                               identity.personId);
            if (!updated)
                return groupFailure("cannot update a group:", updated.error());
            const auto logged =
                logChange(identity, request, connection, current.id, QStringLiteral("group.update"),
                          QStringLiteral("changed: ") + changes.fields().join(QStringLiteral(", ")),
                          QDateTime::currentDateTimeUtc(), changes);
            if (!logged)
                return storeFailure("cannot log the update:", logged.error());
            return groupAnswer(200, updated.value());
        });
}

http::Response deleteGroup(const ops::ServiceContext &, const auth::Identity &identity,
                           const http::Request &request, const QSqlDatabase &connection)
{
    return editGroup(
        identity, request, connection, "the delete of a group", std::nullopt,
        [&](store::GroupRepository &groups, const api::Group &current) -> http::Response {
            const auto removed =
                groups.remove(identity.scope, current.id, current.revision, identity.personId);
            if (!removed) {
                if (removed.errorKind() == store::StoreErrorKind::NotEmpty)
                    return notEmpty(groups, identity, current);
                return groupFailure("cannot delete a group:", removed.error());
            }
            const auto logged =
                logChange(identity, request, connection, current.id, QStringLiteral("group.delete"),
                          QStringLiteral("deleted"), QDateTime::currentDateTimeUtc());
            if (!logged)
                return storeFailure("cannot log the delete:", logged.error());
            return noContent();
        });
}

} // namespace

void addGroupRoutes(http::Router &router, const ops::ServiceContext &context)
{
    http::RouteOptions json;
    json.takesJson = true;
    const QByteArrayView collection = "/api/v1/groups";
    const QByteArrayView item = "/api/v1/groups/{id}";
    router.add(http::Method::Get, collection, tenantRoute(context, api::Role::Viewer, listGroups));
    router.add(http::Method::Post, collection, tenantRoute(context, api::Role::Admin, createGroup),
               json);
    router.add(http::Method::Get, item, tenantRoute(context, api::Role::Viewer, getGroup));
    router.add(http::Method::Put, item, tenantRoute(context, api::Role::Admin, updateGroup), json);
    router.add(http::Method::Delete, item, tenantRoute(context, api::Role::Admin, deleteGroup));
    router.add(http::Method::Get, "/api/v1/groups/{id}/history",
               tenantRoute(context, api::Role::Viewer, groupHistory));
}

} // namespace engage::server::domain
