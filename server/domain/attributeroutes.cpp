#include "attributeroutes.h"

#include "api/attribute.h"
#include "fieldchanges.h"
#include "http/router.h"
#include "ops/servicecontext.h"
#include "routesupport.h"
#include "store/attributerepository.h"
#include "store/operationlog.h"

#include <QJsonDocument>
#include <QStringList>
#include <functional>
#include <optional>

namespace engage::server::domain {

namespace {

const QString kAttributes = QStringLiteral("/api/v1/attributes");
const QString kTargetType = QStringLiteral("attribute");

http::Response attributeNotFound()
{
    return notFound(QStringLiteral("There is no such attribute."));
}

http::Response attributeAnswer(int status, const api::Attribute &attribute)
{
    return jsonWithEtag(status, api::toJson(attribute), attribute.revision);
}

// The store's refusals of an attribute write that the client can act on.
http::Response attributeFailure(const char *what, const store::StoreError &error)
{
    switch (error.kind) {
    case store::StoreErrorKind::NotFound:
        return attributeNotFound();
    case store::StoreErrorKind::InUse:
        return conflict(QStringLiteral("Members hold a value this change would take away: give "
                                       "them another value first."));
    case store::StoreErrorKind::LimitReached:
        return conflict(QStringLiteral("This company has as many attributes as it can have (%1).")
                            .arg(api::kAttributesMax));
    default:
        return storeFailure(what, error);
    }
}

// An attribute's definition is the tenant's, not personal: the operation
// log keeps it in clear (the choices one per line).
FieldChanges attributeChanges(const api::AttributeFields &a, const api::AttributeFields &b)
{
    FieldChanges changes;
    changes.compare(QStringLiteral("nameJa"), a.nameJa, b.nameJa);
    changes.compare(QStringLiteral("nameEn"), a.nameEn, b.nameEn);
    changes.compare(QStringLiteral("type"), api::attributeTypeName(a.type),
                    api::attributeTypeName(b.type));
    changes.compare(QStringLiteral("choices"), a.choices.join(QLatin1Char('\n')),
                    b.choices.join(QLatin1Char('\n')));
    return changes;
}

store::StoreStatus logChange(const auth::Identity &identity, const http::Request &request,
                             const QSqlDatabase &connection, const QString &attributeId,
                             const QString &action, const QString &summary,
                             const FieldChanges &changes = {})
{
    return store::OperationLog::record(identity.scope, connection,
                                       {request.requestId, identity.personId, kTargetType,
                                        attributeId, action, summary,
                                        QDateTime::currentDateTimeUtc()},
                                       changes.changes());
}

// ---- handlers -------------------------------------------------------------

http::Response listAttributes(const ops::ServiceContext &, const auth::Identity &identity,
                              const http::Request &, const QSqlDatabase &connection)
{
    const auto attributes = store::AttributeRepository(connection).list(identity.scope);
    if (!attributes)
        return storeFailure("cannot list attributes:", attributes.error());
    return http::Response::json(200, api::toJson(attributes.value()));
}

http::Response createAttribute(const ops::ServiceContext &context, const auth::Identity &identity,
                               const http::Request &request, const QSqlDatabase &connection)
{
    const auto body = api::attributeFieldsFromJson(request.json);
    if (!body)
        return badRequest(body.error());
    const api::AttributeFields &fields = body.value();

    IdempotentCreate once(context, identity, request, connection, locationById(kAttributes));
    if (auto refusal = once.refuseKey())
        return std::move(*refusal);
    if (auto earlier = once.earlierAnswer())
        return std::move(*earlier);

    return inTransaction(connection, "the create of an attribute", [&]() -> http::Response {
        if (auto earlier = once.earlierAnswer())
            return std::move(*earlier);
        const auto created = store::AttributeRepository(connection).create(identity.scope, fields);
        if (!created)
            return attributeFailure("cannot create an attribute:", created.error());
        const api::Attribute &attribute = created.value();
        const QJsonObject json = api::toJson(attribute);
        const auto remembered =
            once.remember({201, QJsonDocument(json).toJson(QJsonDocument::Compact)},
                          QDateTime::currentDateTimeUtc());
        if (!remembered)
            return storeFailure("cannot keep the idempotency key:", remembered.error());
        const auto logged = logChange(
            identity, request, connection, attribute.id, QStringLiteral("attribute.create"),
            QStringLiteral("created of type %1").arg(api::attributeTypeName(fields.type)),
            attributeChanges(api::AttributeFields(), fields));
        if (!logged)
            return storeFailure("cannot log the create:", logged.error());
        http::Response response = attributeAnswer(201, attribute);
        response.headers.emplace_back(
            QByteArrayLiteral("Location"),
            QString(kAttributes + QLatin1Char('/') + attribute.id).toLatin1());
        return response;
    });
}

using AttributeEdit = std::function<http::Response(store::AttributeRepository &attributes,
                                                   const api::Attribute &current)>;

// One edit of attribute `id` (PUT, DELETE) in one transaction: read (404),
// then `refusal` (the body's), If-Match, `edit`.
http::Response editAttribute(const auth::Identity &identity, const http::Request &request,
                             const QSqlDatabase &connection, const char *what,
                             const std::optional<http::Response> &refusal,
                             const AttributeEdit &edit)
{
    const auto id = pathId(request);
    if (!id)
        return attributeNotFound();
    return inTransaction(connection, what, [&]() -> http::Response {
        store::AttributeRepository attributes(connection);
        const auto found = attributes.get(identity.scope, *id);
        if (!found)
            return attributeFailure("cannot read an attribute:", found.error());
        if (auto refused = refuseEdit(refusal, request, found.value().revision, kTargetType))
            return std::move(*refused);
        return edit(attributes, found.value());
    });
}

http::Response updateAttribute(const ops::ServiceContext &, const auth::Identity &identity,
                               const http::Request &request, const QSqlDatabase &connection)
{
    const auto body = api::attributeFieldsFromJson(request.json);
    std::optional<http::Response> refusal;
    if (!body)
        refusal = badRequest(body.error());
    return editAttribute(
        identity, request, connection, "an update of an attribute", refusal,
        [&](store::AttributeRepository &attributes,
            const api::Attribute &current) -> http::Response {
            const api::AttributeFields &fields = body.value();
            const FieldChanges changes = attributeChanges(current.fields, fields);
            if (changes.isEmpty())
                return attributeAnswer(200, current);
            const auto updated =
                attributes.update(identity.scope, current.id, current.revision, fields);
            if (!updated)
                return attributeFailure("cannot update an attribute:", updated.error());
            const auto logged = logChange(
                identity, request, connection, current.id, QStringLiteral("attribute.update"),
                QStringLiteral("changed: ") + changes.fields().join(QStringLiteral(", ")), changes);
            if (!logged)
                return storeFailure("cannot log the update:", logged.error());
            return attributeAnswer(200, updated.value());
        });
}

http::Response deleteAttribute(const ops::ServiceContext &, const auth::Identity &identity,
                               const http::Request &request, const QSqlDatabase &connection)
{
    return editAttribute(
        identity, request, connection, "the delete of an attribute", std::nullopt,
        [&](store::AttributeRepository &attributes,
            const api::Attribute &current) -> http::Response {
            const auto removed = attributes.remove(identity.scope, current.id, current.revision);
            if (!removed)
                return attributeFailure("cannot delete an attribute:", removed.error());
            const auto logged =
                logChange(identity, request, connection, current.id,
                          QStringLiteral("attribute.delete"), QStringLiteral("deleted"));
            if (!logged)
                return storeFailure("cannot log the delete:", logged.error());
            return noContent();
        });
}

} // namespace

void addAttributeRoutes(http::Router &router, const ops::ServiceContext &context)
{
    http::RouteOptions json;
    json.takesJson = true;
    const QByteArrayView collection = "/api/v1/attributes";
    const QByteArrayView item = "/api/v1/attributes/{id}";
    router.add(http::Method::Get, collection,
               tenantRoute(context, api::Role::Viewer, listAttributes));
    router.add(http::Method::Post, collection,
               tenantRoute(context, api::Role::Admin, createAttribute), json);
    router.add(http::Method::Put, item, tenantRoute(context, api::Role::Admin, updateAttribute),
               json);
    router.add(http::Method::Delete, item, tenantRoute(context, api::Role::Admin, deleteAttribute));
}

} // namespace engage::server::domain
