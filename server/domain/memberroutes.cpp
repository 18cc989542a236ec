#include "memberroutes.h"

#include "api/attribute.h"
#include "api/member.h"
#include "fieldchanges.h"
#include "http/router.h"
#include "ops/servicecontext.h"
#include "routesupport.h"
#include "store/attributerepository.h"
#include "store/grouprepository.h"
#include "store/memberindex.h"
#include "store/memberrepository.h"
#include "store/operationlog.h"
#include "visiblegroups.h"

#include <QHash>
#include <QJsonDocument>
#include <QSet>
#include <QStringList>
#include <functional>
#include <optional>

namespace engage::server::domain {

namespace {

const QString kMembers = QStringLiteral("/api/v1/members");
const QString kTargetType = QStringLiteral("member");

// Missing, deleted, another tenant's and (for a manager) out-of-scope
// members all answer this, word for word.
http::Response memberNotFound()
{
    return notFound(QStringLiteral("There is no such member."));
}

http::Response memberAnswer(int status, const store::StoredMember &stored)
{
    return jsonWithEtag(status, api::toJson(stored.member), stored.revision);
}

QByteArray locationOf(const QString &id)
{
    return QString(kMembers + QLatin1Char('/') + id).toLatin1();
}

// The store's refusals of a member write that the client can act on; the rest
// is ours.
http::Response memberFailure(const char *what, const store::StoreError &error)
{
    switch (error.kind) {
    case store::StoreErrorKind::CodeTaken:
        return conflictOn(QStringLiteral("employeeCode"),
                          QStringLiteral("Another member of this company has this employee code."));
    case store::StoreErrorKind::EmailTaken:
        return conflictOn(QStringLiteral("email"),
                          QStringLiteral("Another member of this company has this e-mail."));
    case store::StoreErrorKind::NotFound:
        return memberNotFound();
    default:
        return storeFailure(what, error);
    }
}

std::optional<QString> dateText(const std::optional<QDate> &date)
{
    return date ? std::optional<QString>(date->toString(Qt::ISODate)) : std::nullopt;
}

// What the operation log says of a change from `a` to `b`: work data with
// its values, what identifies or describes the person (code, e-mail, names,
// birth date, memo, language) and the tenant's attributes (union
// membership, ...) only as changed.
FieldChanges memberChanges(const api::MemberFields &a, const api::MemberFields &b)
{
    FieldChanges changes;
    changes.compareMasked(QStringLiteral("employeeCode"), a.employeeCode, b.employeeCode);
    changes.compareMasked(QStringLiteral("email"), a.email, b.email);
    changes.compareMasked(QStringLiteral("familyName"), a.familyName, b.familyName);
    changes.compareMasked(QStringLiteral("givenName"), a.givenName, b.givenName);
    changes.compare(QStringLiteral("groupId"), a.groupId, b.groupId);
    QStringList attributeIds = a.attributes.keys() + b.attributes.keys();
    attributeIds.removeDuplicates();
    attributeIds.sort();
    const auto valueOf = [](const api::AttributeValues &values, const QString &id) {
        return values.contains(id) ? std::optional<QString>(values.value(id)) : std::nullopt;
    };
    for (const QString &id : attributeIds)
        changes.compareMasked(QStringLiteral("attributes.") + id, valueOf(a.attributes, id),
                              valueOf(b.attributes, id));
    changes.compare(QStringLiteral("hireDate"), dateText(a.hireDate), dateText(b.hireDate));
    changes.compareMasked(QStringLiteral("birthDate"), dateText(a.birthDate),
                          dateText(b.birthDate));
    changes.compare(QStringLiteral("employmentType"), a.employmentType, b.employmentType);
    changes.compare(QStringLiteral("grade"), a.grade, b.grade);
    changes.compare(QStringLiteral("position"), a.position, b.position);
    changes.compare(QStringLiteral("jobCategory"), a.jobCategory, b.jobCategory);
    changes.compare(QStringLiteral("status"), api::memberStatusName(a.status),
                    api::memberStatusName(b.status));
    const auto flag = [](bool on) {
        return on ? QStringLiteral("true") : QStringLiteral("false");
    };
    changes.compare(QStringLiteral("deliver"), flag(a.deliver), flag(b.deliver));
    changes.compareMasked(QStringLiteral("memo"), a.memo, b.memo);
    // A language can hint at where someone comes from: named, not told.
    const auto code = [](const std::optional<api::Language> &language) {
        return language ? std::optional<QString>(api::languageCode(*language)) : std::nullopt;
    };
    changes.compareMasked(QStringLiteral("language"), code(a.language), code(b.language));
    return changes;
}

// The 400 for fields that name what the tenant does not have: a group that is
// not live, an attribute it does not define, a value its attribute does not
// take. Values the member already holds for attributes since deleted are kept
// as they are (the store keeps them), so that a member read and sent back is
// accepted.
std::optional<http::Response> refuseReferences(const auth::Identity &identity,
                                               const QSqlDatabase &connection,
                                               const api::MemberFields &fields,
                                               const api::AttributeValues &held)
{
    if (fields.groupId) {
        const auto group = store::GroupRepository(connection).get(identity.scope, *fields.groupId);
        if (!group) {
            if (group.errorKind() == store::StoreErrorKind::NotFound)
                return invalidField(QStringLiteral("groupId"),
                                    QStringLiteral("There is no such group."));
            return storeFailure("cannot read a group:", group.error());
        }
    }
    if (fields.attributes.isEmpty())
        return std::nullopt;
    const auto defined = store::AttributeRepository(connection).list(identity.scope);
    if (!defined)
        return storeFailure("cannot list attributes:", defined.error());
    QHash<QString, const api::Attribute *> byId;
    for (const api::Attribute &attribute : defined.value())
        byId.insert(attribute.id, &attribute);
    for (auto it = fields.attributes.cbegin(); it != fields.attributes.cend(); ++it) {
        const QString field = QStringLiteral("attributes.") + it.key();
        const api::Attribute *attribute = byId.value(it.key());
        if (!attribute) {
            if (held.contains(it.key()) && held.value(it.key()) == it.value())
                continue;
            return invalidField(field, QStringLiteral("There is no such attribute."));
        }
        if (auto error = api::validateAttributeValue(attribute->fields, it.value()))
            return badRequest({error->code, field, error->detail});
    }
    return std::nullopt;
}

// A member write of this request, for the member index once committed.
struct Written
{
    store::StoredMember member;
    bool deleted = false;
};

using MemberWrite = std::function<http::Response(store::MemberRepository &members,
                                                 std::optional<Written> &written)>;

// Runs `write` in one transaction; once it committed a change (`written`),
// the member index follows it.
http::Response writeMember(const ops::ServiceContext &context, const auth::Identity &identity,
                           const QSqlDatabase &connection, const char *what,
                           const MemberWrite &write)
{
    store::MemberRepository members(connection, context.keyring);
    std::optional<Written> written;
    http::Response answer =
        inTransaction(connection, what, [&]() { return write(members, written); });
    if (answer.status < 300 && written)
        context.memberIndex.noteWritten(identity.scope, written->member, written->deleted,
                                        written->member.changeCounter);
    return answer;
}

store::StoreStatus logChange(const auth::Identity &identity, const http::Request &request,
                             const QSqlDatabase &connection, const QString &memberId,
                             const QString &action, const QString &summary, const QDateTime &at,
                             const FieldChanges &changes = {})
{
    return store::OperationLog::record(
        identity.scope, connection,
        {request.requestId, identity.personId, kTargetType, memberId, action, summary, at},
        changes.changes());
}

// ---- handlers -------------------------------------------------------------

http::Response listMembers(const ops::ServiceContext &context, const auth::Identity &identity,
                           const http::Request &request, const QSqlDatabase &connection)
{
    const auto parsed = api::memberQueryFromUrl(request.query);
    if (!parsed)
        return badRequest(parsed.error());
    const api::MemberQuery &query = parsed.value();

    const auto visible = visibleGroups(identity, connection);
    if (!visible)
        return storeFailure("cannot read a manager's groups:", visible.error());
    VisibleGroups groupIds = visible.value();
    if (query.groupId) {
        // A group that is not live (or not the caller's) has no subtree: an
        // empty list, the same whether it exists elsewhere or not at all.
        const auto subtree =
            store::GroupRepository(connection).subtreeIds(identity.scope, {*query.groupId});
        if (!subtree)
            return storeFailure("cannot read a subtree:", subtree.error());
        QSet<QString> wanted(subtree.value().cbegin(), subtree.value().cend());
        if (groupIds)
            wanted.intersect(*groupIds);
        groupIds = std::move(wanted);
    }

    const auto page = context.memberIndex.page(identity.scope, connection, query, groupIds);
    if (!page) {
        if (page.errorKind() == store::StoreErrorKind::NotFound)
            return badCursor();
        return storeFailure("cannot page members:", page.error());
    }
    const auto rows = store::MemberRepository(connection, context.keyring)
                          .getMany(identity.scope, page.value().ids);
    if (!rows)
        return storeFailure("cannot read members:", rows.error());
    api::MemberPage answer;
    for (const store::StoredMember &stored : rows.value())
        answer.page.items.append(stored.member);
    answer.page.nextCursor = page.value().nextCursor;
    answer.total = page.value().total;
    return http::Response::json(200, api::toJson(answer));
}

http::Response createMember(const ops::ServiceContext &context, const auth::Identity &identity,
                            const http::Request &request, const QSqlDatabase &connection)
{
    const auto body = api::memberFieldsFromJson(request.json);
    if (!body)
        return badRequest(body.error());
    const api::MemberFields &fields = body.value();
    const auto visible = visibleGroups(identity, connection);
    if (!visible)
        return storeFailure("cannot read a manager's groups:", visible.error());
    if (!isVisible(visible.value(), fields.groupId))
        return forbidden(QStringLiteral("You can add members only to the groups you manage."));

    IdempotentCreate once(context, identity, request, connection, locationById(kMembers));
    if (auto refusal = once.refuseKey())
        return std::move(*refusal);
    if (auto earlier = once.earlierAnswer())
        return std::move(*earlier);

    const QDateTime now = QDateTime::currentDateTimeUtc();
    return writeMember(
        context, identity, connection, "the create of a member",
        [&](store::MemberRepository &members, std::optional<Written> &written) -> http::Response {
            // Again under the write lock: a concurrent retry may have won meanwhile.
            if (auto earlier = once.earlierAnswer())
                return std::move(*earlier);
            if (auto refusal = refuseReferences(identity, connection, fields, {}))
                return std::move(*refusal);
            const auto created = members.create(identity.scope, fields, now);
            if (!created)
                return memberFailure("cannot create a member:", created.error());
            const store::StoredMember &stored = created.value();
            const QJsonObject json = api::toJson(stored.member);
            const auto remembered =
                once.remember({201, QJsonDocument(json).toJson(QJsonDocument::Compact)}, now);
            if (!remembered)
                return storeFailure("cannot keep the idempotency key:", remembered.error());
            // Against a member of defaults: the fields the create set.
            const FieldChanges changes = memberChanges(api::MemberFields(), fields);
            const QString summary =
                QStringLiteral("created with ") + changes.fields().join(QStringLiteral(", "));
            const auto logged = logChange(identity, request, connection, stored.member.id,
                                          QStringLiteral("member.create"), summary, now, changes);
            if (!logged)
                return storeFailure("cannot log the create:", logged.error());
            written = Written{stored, false};
            http::Response response = jsonWithEtag(201, json, stored.revision);
            response.headers.emplace_back(QByteArrayLiteral("Location"),
                                          locationOf(stored.member.id));
            return response;
        });
}

// The member `id` as the caller may see it: NotFound as well when a manager
// may not.
store::StoreResult<store::StoredMember> visibleMember(store::MemberRepository &members,
                                                      const auth::Identity &identity,
                                                      const QSqlDatabase &connection,
                                                      const QString &id)
{
    auto found = members.get(identity.scope, id);
    if (!found)
        return found;
    const auto visible = visibleGroups(identity, connection);
    if (!visible)
        return visible.error();
    if (!isVisible(visible.value(), found.value().member.fields.groupId))
        return store::StoreError{store::StoreErrorKind::NotFound,
                                 QStringLiteral("a member outside the manager's groups")};
    return found;
}

http::Response getMember(const ops::ServiceContext &context, const auth::Identity &identity,
                         const http::Request &request, const QSqlDatabase &connection)
{
    const auto id = pathId(request);
    if (!id)
        return memberNotFound();
    store::MemberRepository members(connection, context.keyring);
    const auto found = visibleMember(members, identity, connection, *id);
    if (!found)
        return memberFailure("cannot read a member:", found.error());
    return memberAnswer(200, found.value());
}

// What an edit does once the member is read, visible to the caller, and the
// caller's If-Match holds.
using MemberEdit = std::function<http::Response(store::MemberRepository &members,
                                                const store::StoredMember &current,
                                                std::optional<Written> &written)>;

// One edit of member `id` (PUT, DELETE) in one transaction: read, 404 for
// what the caller may not see, then `refusal` (the body's), If-Match, `edit`.
http::Response editMember(const ops::ServiceContext &context, const auth::Identity &identity,
                          const http::Request &request, const QSqlDatabase &connection,
                          const char *what, const std::optional<http::Response> &refusal,
                          const MemberEdit &edit)
{
    const auto id = pathId(request);
    if (!id)
        return memberNotFound();
    return writeMember(
        context, identity, connection, what,
        [&](store::MemberRepository &members, std::optional<Written> &written) -> http::Response {
            const auto found = visibleMember(members, identity, connection, *id);
            if (!found)
                return memberFailure("cannot read a member:", found.error());
            if (auto refused = refuseEdit(refusal, request, found.value().revision, kTargetType))
                return std::move(*refused);
            return edit(members, found.value(), written);
        });
}

http::Response updateMember(const ops::ServiceContext &context, const auth::Identity &identity,
                            const http::Request &request, const QSqlDatabase &connection)
{
    const auto body = api::memberFieldsFromJson(request.json);
    // Whether the id names a member the caller sees comes first: what they may
    // not see answers 404 whatever they sent.
    std::optional<http::Response> refusal;
    if (!body)
        refusal = badRequest(body.error());
    return editMember(
        context, identity, request, connection, "an update of a member", refusal,
        [&](store::MemberRepository &members, const store::StoredMember &current,
            std::optional<Written> &written) -> http::Response {
            const api::MemberFields &fields = body.value();
            const FieldChanges changes = memberChanges(current.member.fields, fields);
            if (changes.isEmpty())
                return memberAnswer(200, current);
            if (fields.groupId != current.member.fields.groupId) {
                const auto visible = visibleGroups(identity, connection);
                if (!visible)
                    return storeFailure("cannot read a manager's groups:", visible.error());
                if (!isVisible(visible.value(), fields.groupId))
                    return forbidden(
                        QStringLiteral("You can move members only into the groups you manage."));
            }
            if (auto refused = refuseReferences(identity, connection, fields,
                                                current.member.fields.attributes))
                return std::move(*refused);
            const QDateTime now = QDateTime::currentDateTimeUtc();
            const auto updated =
                members.update(identity.scope, current.member.id, current.revision, fields, now);
            if (!updated)
                return memberFailure("cannot update a member:", updated.error());
            const auto logged = logChange(
                identity, request, connection, current.member.id, QStringLiteral("member.update"),
                QStringLiteral("changed: ") + changes.fields().join(QStringLiteral(", ")), now,
                changes);
            if (!logged)
                return storeFailure("cannot log the update:", logged.error());
            written = Written{updated.value(), false};
            return memberAnswer(200, updated.value());
        });
}

http::Response deleteMember(const ops::ServiceContext &context, const auth::Identity &identity,
                            const http::Request &request, const QSqlDatabase &connection)
{
    return editMember(
        context, identity, request, connection, "the delete of a member", std::nullopt,
        [&](store::MemberRepository &members, const store::StoredMember &current,
            std::optional<Written> &written) -> http::Response {
            const QDateTime now = QDateTime::currentDateTimeUtc();
            qint64 counter = 0;
            const auto removed =
                members.remove(identity.scope, current.member.id, current.revision, now, &counter);
            if (!removed)
                return memberFailure("cannot delete a member:", removed.error());
            const auto logged =
                logChange(identity, request, connection, current.member.id,
                          QStringLiteral("member.delete"), QStringLiteral("deleted"), now);
            if (!logged)
                return storeFailure("cannot log the delete:", logged.error());
            written = Written{current, true};
            written->member.changeCounter = counter;
            return noContent();
        });
}

} // namespace

void addMemberRoutes(http::Router &router, const ops::ServiceContext &context)
{
    http::RouteOptions json;
    json.takesJson = true;
    const QByteArrayView collection = "/api/v1/members";
    const QByteArrayView item = "/api/v1/members/{id}";
    router.add(http::Method::Get, collection, tenantRoute(context, api::Role::Viewer, listMembers));
    router.add(http::Method::Post, collection,
               tenantRoute(context, api::Role::Manager, createMember), json);
    router.add(http::Method::Get, item, tenantRoute(context, api::Role::Viewer, getMember));
    router.add(http::Method::Put, item, tenantRoute(context, api::Role::Manager, updateMember),
               json);
    router.add(http::Method::Delete, item, tenantRoute(context, api::Role::Manager, deleteMember));
}

} // namespace engage::server::domain
