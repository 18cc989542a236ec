#pragma once

#include "api/group.h"
#include "storeresult.h"
#include "tenantscope.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace engage::server::store {

// The group tree of a tenant, at most api::kGroupsMax live groups
// (LimitReached). Codes are unique per tenant (CodeTaken when taken; a
// deleted group gives its code up, its history keeps it). A move that would put a group under
// itself or its own subtree is refused (Cycle). Every create, update and delete appends a version
// to org_group_history with the actor, so a renamed or moved group keeps its history. Deleting is
// logical and only allowed for a group with no live members and no live children (NotEmpty). Every
// method joins the caller's Transaction if one is open.
class GroupRepository final
{
public:
    explicit GroupRepository(QSqlDatabase database);

    // The whole tree, parents before children (depth first, siblings by code),
    // with direct member counts (MemberRepository::countsByGroup).
    StoreResult<QList<api::Group>> list(const TenantScope &scope);
    // The same tree without the counts (all 0), which cost a read of every
    // member: what the dashboards and the import need of it.
    StoreResult<QList<api::Group>> tree(const TenantScope &scope);
    StoreResult<api::Group> get(const TenantScope &scope, const QString &id);
    // `id` empty: a new random id.
    StoreResult<api::Group> create(const TenantScope &scope, const api::GroupFields &fields,
                                   const QString &actorId, const QString &id = {});
    StoreResult<api::Group> update(const TenantScope &scope, const QString &id,
                                   qint64 expectedRevision, const api::GroupFields &fields,
                                   const QString &actorId);
    StoreStatus remove(const TenantScope &scope, const QString &id, qint64 expectedRevision,
                       const QString &actorId);
    // Every version of the group, oldest first (deleted groups included); the
    // n-th version has revision n, updatedAt the time of that write.
    StoreResult<QList<api::Group>> history(const TenantScope &scope, const QString &id);

    // `groupIds` and every group below them (live groups only), without duplicates.
    StoreResult<QStringList> subtreeIds(const TenantScope &scope, const QStringList &groupIds);

    // Managers' scopes: the groups whose subtrees the person may see.
    StoreResult<QStringList> scopeOf(const TenantScope &scope, const QString &personId);
    // Replaces the person's scope; NotFound when a group id is not a live group.
    StoreStatus setScope(const TenantScope &scope, const QString &personId,
                         const QStringList &groupIds);

private:
    StoreResult<QList<api::Group>> live(const TenantScope &scope);
    StoreStatus checkParent(const TenantScope &scope, const QString &id,
                            const std::optional<QString> &parentId);
    StoreStatus recordVersion(const TenantScope &scope, const QString &id,
                              const api::GroupFields &fields, qint64 at, const QString &actorId,
                              bool deleted);
    StoreResult<qint64> count(const TenantScope &scope, const QString &sql, const QString &id);

    QSqlDatabase m_database;
};

} // namespace engage::server::store
