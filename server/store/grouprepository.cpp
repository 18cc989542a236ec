#include "grouprepository.h"

#include "api/id.h"
#include "memberrepository.h"
#include "rowsupport.h"
#include "scopedquery.h"
#include "sqlerrors.h"
#include "transaction.h"

#include <QHash>
#include <QSet>
#include <algorithm>

namespace engage::server::store {

namespace {

const QString kColumns =
    QStringLiteral("id, code, name, parent_id, revision, created_at, updated_at");

QVariant nullableText(const std::optional<QString> &text)
{
    return text ? QVariant(*text) : QVariant(QMetaType(QMetaType::QString));
}

api::Group groupFrom(const ScopedQuery &query)
{
    api::Group group;
    group.id = query.value(0).toString();
    group.fields.code = query.value(1).toString();
    group.fields.name = query.value(2).toString();
    if (!query.value(3).isNull())
        group.fields.parentId = query.value(3).toString();
    group.revision = query.value(4).toLongLong();
    group.createdAt = rows::fromMsecs(query.value(5));
    group.updatedAt = rows::fromMsecs(query.value(6));
    return group;
}

StoreError notFound()
{
    return StoreError{StoreErrorKind::NotFound, QStringLiteral("no such group")};
}

StoreError codeTaken()
{
    return StoreError{StoreErrorKind::CodeTaken,
                      QStringLiteral("another group of the tenant has this code")};
}

StoreError changed()
{
    return StoreError{StoreErrorKind::Conflict, QStringLiteral("the group changed")};
}

// Live groups, parents before children, siblings by code.
QList<api::Group> treeOrder(const QList<api::Group> &groups)
{
    QHash<QString, QList<const api::Group *>> children;
    QSet<QString> ids;
    for (const api::Group &group : groups)
        ids.insert(group.id);
    for (const api::Group &group : groups) {
        const QString parent = group.fields.parentId && ids.contains(*group.fields.parentId)
                                   ? *group.fields.parentId
                                   : QString();
        children[parent].append(&group);
    }
    for (auto &siblings : children) {
        std::sort(siblings.begin(), siblings.end(), [](const api::Group *a, const api::Group *b) {
            return a->fields.code < b->fields.code;
        });
    }
    QList<api::Group> ordered;
    ordered.reserve(groups.size());
    // Depth first, so that a subtree reads as one block under its parent.
    QList<const api::Group *> stack(children.value(QString()).crbegin(),
                                    children.value(QString()).crend());
    while (!stack.isEmpty()) {
        const api::Group *group = stack.takeLast();
        ordered.append(*group);
        const QList<const api::Group *> below = children.value(group->id);
        for (auto it = below.crbegin(); it != below.crend(); ++it)
            stack.append(*it);
    }
    return ordered;
}

} // namespace

GroupRepository::GroupRepository(QSqlDatabase database)
    : m_database(std::move(database))
{}

StoreResult<QList<api::Group>> GroupRepository::live(const TenantScope &scope)
{
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral("SELECT ") + kColumns +
                  QStringLiteral(" FROM org_groups WHERE tenant_id = :tenant_id AND "
                                 "deleted_at IS NULL"));
    if (!query.exec())
        return databaseError(QStringLiteral("reading groups"), query.errorText());
    QList<api::Group> groups;
    while (query.next())
        groups.append(groupFrom(query));
    return groups;
}

StoreResult<QList<api::Group>> GroupRepository::list(const TenantScope &scope)
{
    auto groups = live(scope);
    if (!groups)
        return groups.error();
    const auto counts = MemberRepository::countsByGroup(scope, m_database);
    if (!counts)
        return counts.error();
    for (api::Group &group : groups.value())
        group.memberCount = counts.value().value(group.id);
    return treeOrder(groups.value());
}

StoreResult<QList<api::Group>> GroupRepository::tree(const TenantScope &scope)
{
    auto groups = live(scope);
    if (!groups)
        return groups.error();
    return treeOrder(groups.value());
}

StoreResult<api::Group> GroupRepository::get(const TenantScope &scope, const QString &id)
{
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral("SELECT ") + kColumns +
                  QStringLiteral(" FROM org_groups WHERE tenant_id = :tenant_id AND id = :id AND "
                                 "deleted_at IS NULL"));
    query.bindValue(QStringLiteral(":id"), id);
    if (!query.exec())
        return databaseError(QStringLiteral("reading a group"), query.errorText());
    if (!query.next())
        return notFound();
    api::Group group = groupFrom(query);
    query.finish();
    const auto counts = MemberRepository::countsByGroup(scope, m_database);
    if (!counts)
        return counts.error();
    group.memberCount = counts.value().value(group.id);
    return group;
}

StoreStatus GroupRepository::recordVersion(const TenantScope &scope, const QString &id,
                                           const api::GroupFields &fields, qint64 at,
                                           const QString &actorId, bool deleted)
{
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral(
        "INSERT INTO org_group_history (tenant_id, group_id, at, actor_id, code, name, "
        "parent_id, deleted) VALUES (:tenant_id, :group_id, :at, :actor_id, :code, :name, "
        ":parent_id, :deleted)"));
    query.bindValue(QStringLiteral(":group_id"), id);
    query.bindValue(QStringLiteral(":at"), at);
    query.bindValue(
        QStringLiteral(":actor_id"),
        nullableText(actorId.isEmpty() ? std::nullopt : std::optional<QString>(actorId)));
    query.bindValue(QStringLiteral(":code"), fields.code);
    query.bindValue(QStringLiteral(":name"), fields.name);
    query.bindValue(QStringLiteral(":parent_id"), nullableText(fields.parentId));
    query.bindValue(QStringLiteral(":deleted"), deleted ? 1 : 0);
    if (!query.exec())
        return databaseError(QStringLiteral("recording a group version"), query.errorText());
    return Done{};
}

StoreStatus GroupRepository::checkParent(const TenantScope &scope, const QString &id,
                                         const std::optional<QString> &parentId)
{
    if (!parentId)
        return Done{};
    const auto groups = live(scope);
    if (!groups)
        return groups.error();
    QHash<QString, std::optional<QString>> parents;
    for (const api::Group &group : groups.value())
        parents.insert(group.id, group.fields.parentId);
    if (!parents.contains(*parentId))
        return StoreError{StoreErrorKind::NotFound, QStringLiteral("no such parent group")};
    // Up from the new parent: meeting the group itself means a cycle. The
    // walk is bounded in case the stored tree already has one.
    std::optional<QString> at = parentId;
    for (qsizetype steps = 0; at && steps <= parents.size(); ++steps) {
        if (*at == id)
            return StoreError{StoreErrorKind::Cycle,
                              QStringLiteral("a group cannot move under its own subtree")};
        at = parents.value(*at);
    }
    return Done{};
}

StoreResult<api::Group> GroupRepository::create(const TenantScope &scope,
                                                const api::GroupFields &fields,
                                                const QString &actorId, const QString &id)
{
    api::Group group;
    group.id = id.isEmpty() ? api::createId() : id;
    group.fields = fields;
    group.revision = 1;
    const qint64 now = rows::nowMsecs();
    group.createdAt = rows::fromMsecs(now);
    group.updatedAt = group.createdAt;

    Transaction transaction(m_database);
    if (!transaction.isActive())
        return databaseError(QStringLiteral("creating a group"), transaction.error());
    const auto groups = count(scope,
                              QStringLiteral("SELECT COUNT(*) FROM org_groups WHERE tenant_id = "
                                             ":tenant_id AND deleted_at IS NULL AND id <> :id"),
                              group.id);
    if (!groups)
        return groups.error();
    if (groups.value() >= api::kGroupsMax)
        return StoreError{StoreErrorKind::LimitReached,
                          QStringLiteral("the tenant has as many groups as it may")};
    const StoreStatus parent = checkParent(scope, group.id, fields.parentId);
    if (!parent)
        return parent.error();
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral(
        "INSERT INTO org_groups (id, tenant_id, code, name, parent_id, revision, created_at, "
        "updated_at) VALUES (:id, :tenant_id, :code, :name, :parent_id, 1, :created_at, "
        ":updated_at)"));
    query.bindValue(QStringLiteral(":id"), group.id);
    query.bindValue(QStringLiteral(":code"), fields.code);
    query.bindValue(QStringLiteral(":name"), fields.name);
    query.bindValue(QStringLiteral(":parent_id"), nullableText(fields.parentId));
    query.bindValue(QStringLiteral(":created_at"), now);
    query.bindValue(QStringLiteral(":updated_at"), now);
    if (!query.exec()) {
        // PostgreSQL: end the aborted transaction before the statement is freed.
        transaction.rollback();
        if (isUniqueViolation(query))
            return codeTaken();
        return databaseError(QStringLiteral("creating a group"), query.errorText());
    }
    const StoreStatus recorded = recordVersion(scope, group.id, fields, now, actorId, false);
    if (!recorded)
        return recorded.error();
    const StoreStatus committed = transaction.commit();
    if (!committed)
        return committed.error();
    return group;
}

StoreResult<api::Group> GroupRepository::update(const TenantScope &scope, const QString &id,
                                                qint64 expectedRevision,
                                                const api::GroupFields &fields,
                                                const QString &actorId)
{
    Transaction transaction(m_database);
    if (!transaction.isActive())
        return databaseError(QStringLiteral("updating a group"), transaction.error());
    auto current = get(scope, id);
    if (!current)
        return current.error();
    if (current.value().revision != expectedRevision)
        return changed();
    const StoreStatus parent = checkParent(scope, id, fields.parentId);
    if (!parent)
        return parent.error();
    const qint64 now = rows::nowMsecs();
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral(
        "UPDATE org_groups SET code = :code, name = :name, parent_id = :parent_id, "
        "updated_at = :updated_at, revision = revision + 1 WHERE tenant_id = :tenant_id AND "
        "id = :id AND revision = :revision AND deleted_at IS NULL"));
    query.bindValue(QStringLiteral(":code"), fields.code);
    query.bindValue(QStringLiteral(":name"), fields.name);
    query.bindValue(QStringLiteral(":parent_id"), nullableText(fields.parentId));
    query.bindValue(QStringLiteral(":updated_at"), now);
    query.bindValue(QStringLiteral(":id"), id);
    query.bindValue(QStringLiteral(":revision"), expectedRevision);
    if (!query.exec()) {
        transaction.rollback();
        if (isUniqueViolation(query))
            return codeTaken();
        return databaseError(QStringLiteral("updating a group"), query.errorText());
    }
    if (query.numRowsAffected() != 1)
        return changed();
    const StoreStatus recorded = recordVersion(scope, id, fields, now, actorId, false);
    if (!recorded)
        return recorded.error();
    const StoreStatus committed = transaction.commit();
    if (!committed)
        return committed.error();
    api::Group group = current.value();
    group.fields = fields;
    group.revision = expectedRevision + 1;
    group.updatedAt = rows::fromMsecs(now);
    return group;
}

StoreResult<qint64> GroupRepository::count(const TenantScope &scope, const QString &sql,
                                           const QString &id)
{
    ScopedQuery query(scope, m_database);
    query.prepare(sql);
    query.bindValue(QStringLiteral(":id"), id);
    if (!query.exec() || !query.next())
        return databaseError(QStringLiteral("counting what a group holds"), query.errorText());
    return query.value(0).toLongLong();
}

StoreStatus GroupRepository::remove(const TenantScope &scope, const QString &id,
                                    qint64 expectedRevision, const QString &actorId)
{
    Transaction transaction(m_database);
    if (!transaction.isActive())
        return databaseError(QStringLiteral("deleting a group"), transaction.error());
    const auto current = get(scope, id);
    if (!current)
        return current.error();
    if (current.value().revision != expectedRevision)
        return changed();
    // Left members count too: they still point at the group.
    const auto members = count(scope,
                               QStringLiteral("SELECT COUNT(*) FROM members WHERE tenant_id = "
                                              ":tenant_id AND group_id = :id AND "
                                              "deleted_at IS NULL"),
                               id);
    const auto children = count(scope,
                                QStringLiteral("SELECT COUNT(*) FROM org_groups WHERE tenant_id = "
                                               ":tenant_id AND parent_id = :id AND "
                                               "deleted_at IS NULL"),
                                id);
    if (!members)
        return members.error();
    if (!children)
        return children.error();
    if (members.value() > 0 || children.value() > 0)
        return StoreError{StoreErrorKind::NotEmpty,
                          QStringLiteral("the group still has members or groups below it")};

    const qint64 now = rows::nowMsecs();
    // The code is given up for a new group; the history keeps it.
    const auto marked =
        rows::markDeleted(scope, m_database, QStringLiteral("org_groups"), QStringLiteral("code"),
                          id, expectedRevision, now, QStringLiteral("deleting a group"));
    if (!marked)
        return marked.error();
    if (!marked.value())
        return changed();
    ScopedQuery scopes(scope, m_database);
    scopes.prepare(QStringLiteral(
        "DELETE FROM person_group_scopes WHERE tenant_id = :tenant_id AND group_id = :id"));
    scopes.bindValue(QStringLiteral(":id"), id);
    if (!scopes.exec())
        return databaseError(QStringLiteral("deleting a group"), scopes.errorText());
    const StoreStatus recorded =
        recordVersion(scope, id, current.value().fields, now, actorId, true);
    if (!recorded)
        return recorded.error();
    return transaction.commit();
}

StoreResult<QList<api::Group>> GroupRepository::history(const TenantScope &scope, const QString &id)
{
    ScopedQuery created(scope, m_database);
    created.prepare(QStringLiteral(
        "SELECT created_at FROM org_groups WHERE tenant_id = :tenant_id AND id = :id"));
    created.bindValue(QStringLiteral(":id"), id);
    if (!created.exec())
        return databaseError(QStringLiteral("reading a group's history"), created.errorText());
    if (!created.next())
        return notFound();
    const QDateTime createdAt = rows::fromMsecs(created.value(0));
    created.finish();

    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral(
        "SELECT at, code, name, parent_id FROM org_group_history WHERE tenant_id = :tenant_id "
        "AND group_id = :id ORDER BY seq"));
    query.bindValue(QStringLiteral(":id"), id);
    if (!query.exec())
        return databaseError(QStringLiteral("reading a group's history"), query.errorText());
    QList<api::Group> versions;
    while (query.next()) {
        api::Group version;
        version.id = id;
        version.fields.code = query.value(1).toString();
        version.fields.name = query.value(2).toString();
        if (!query.value(3).isNull())
            version.fields.parentId = query.value(3).toString();
        // One version per write: the n-th version is revision n.
        version.revision = versions.size() + 1;
        version.createdAt = createdAt;
        version.updatedAt = rows::fromMsecs(query.value(0));
        versions.append(version);
    }
    return versions;
}

StoreResult<QStringList> GroupRepository::subtreeIds(const TenantScope &scope,
                                                     const QStringList &groupIds)
{
    const auto groups = live(scope);
    if (!groups)
        return groups.error();
    QHash<QString, QStringList> children;
    QSet<QString> ids;
    for (const api::Group &group : groups.value()) {
        ids.insert(group.id);
        if (group.fields.parentId)
            children[*group.fields.parentId].append(group.id);
    }
    QStringList subtree;
    QSet<QString> seen;
    QStringList pending;
    for (const QString &id : groupIds) {
        if (ids.contains(id))
            pending.append(id);
    }
    // Breadth first from each root in turn; `seen` also stops a cycle.
    for (qsizetype next = 0; next < pending.size(); ++next) {
        const QString id = pending.at(next);
        if (seen.contains(id))
            continue;
        seen.insert(id);
        subtree.append(id);
        pending += children.value(id);
    }
    return subtree;
}

StoreResult<QStringList> GroupRepository::scopeOf(const TenantScope &scope, const QString &personId)
{
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral(
        "SELECT s.group_id FROM person_group_scopes s JOIN org_groups g ON g.id = s.group_id "
        "WHERE s.tenant_id = :tenant_id AND s.person_id = :person_id AND g.deleted_at IS NULL "
        "ORDER BY g.code"));
    query.bindValue(QStringLiteral(":person_id"), personId);
    if (!query.exec())
        return databaseError(QStringLiteral("reading a scope"), query.errorText());
    QStringList ids;
    while (query.next())
        ids.append(query.value(0).toString());
    return ids;
}

StoreStatus GroupRepository::setScope(const TenantScope &scope, const QString &personId,
                                      const QStringList &groupIds)
{
    Transaction transaction(m_database);
    if (!transaction.isActive())
        return databaseError(QStringLiteral("setting a scope"), transaction.error());
    const auto person = count(scope,
                              QStringLiteral("SELECT COUNT(*) FROM people WHERE tenant_id = "
                                             ":tenant_id AND id = :id AND deleted_at IS NULL"),
                              personId);
    if (!person)
        return person.error();
    if (person.value() == 0)
        return StoreError{StoreErrorKind::NotFound, QStringLiteral("no such person")};
    const auto groups = live(scope);
    if (!groups)
        return groups.error();
    QSet<QString> liveIds;
    for (const api::Group &group : groups.value())
        liveIds.insert(group.id);
    for (const QString &id : groupIds) {
        if (!liveIds.contains(id))
            return notFound();
    }
    ScopedQuery clear(scope, m_database);
    clear.prepare(QStringLiteral(
        "DELETE FROM person_group_scopes WHERE tenant_id = :tenant_id AND person_id = :id"));
    clear.bindValue(QStringLiteral(":id"), personId);
    if (!clear.exec())
        return databaseError(QStringLiteral("setting a scope"), clear.errorText());
    const QSet<QString> unique(groupIds.cbegin(), groupIds.cend());
    for (const QString &id : unique) {
        ScopedQuery insert(scope, m_database);
        insert.prepare(QStringLiteral("INSERT INTO person_group_scopes (tenant_id, person_id, "
                                      "group_id) VALUES (:tenant_id, :person_id, :group_id)"));
        insert.bindValue(QStringLiteral(":person_id"), personId);
        insert.bindValue(QStringLiteral(":group_id"), id);
        if (!insert.exec())
            return databaseError(QStringLiteral("setting a scope"), insert.errorText());
    }
    return transaction.commit();
}

} // namespace engage::server::store
