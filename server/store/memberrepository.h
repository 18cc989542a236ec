#pragma once

#include "api/member.h"
#include "storeresult.h"
#include "tenantscope.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>
#include <QSet>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace engage::server::store {

class Keyring;

struct StoredMember
{
    api::Member member;
    qint64 revision = 0; // the ETag
    // After create, update and restore: the member_changes value the write
    // committed (for MemberIndex::noteWritten); 0 when read.
    qint64 changeCounter = 0;
};

// A member of an update batch: the revision the caller read, and what the
// member becomes.
struct MemberChange
{
    QString id;
    qint64 expectedRevision = 0;
    api::MemberFields fields;
};

// A member of a removal batch, at the revision the caller read.
struct MemberRevision
{
    QString id;
    qint64 revision = 0;
};

// Members of a tenant. Employee code, e-mail, names, date of birth and memo
// are sealed under the tenant's data key (associated data: tenant, "members",
// column, row id, key version); code and e-mail are looked up and kept unique
// through keyed blind indexes (EmailTaken, CodeTaken). Every write bumps the
// tenant's member_changes counter in the same transaction, so MemberIndex
// knows when it is stale. Deleting is logical at once (the member's indexes
// are given up so code and e-mail can be reused); purgeDeleted removes rows
// deleted before a date for good. Every method joins the caller's Transaction
// if one is open, so an OperationLog row (or a whole import) commits with it.
class MemberRepository final
{
public:
    MemberRepository(QSqlDatabase database, Keyring &keyring);

    // `id` empty: a new random id. `at` is the created and updated time.
    StoreResult<StoredMember> create(const TenantScope &scope, const api::MemberFields &fields,
                                     const QDateTime &at, const QString &id = {});
    // NotFound for a missing, deleted or other tenant's id alike.
    StoreResult<StoredMember> get(const TenantScope &scope, const QString &id);
    StoreResult<StoredMember> findByEmployeeCode(const TenantScope &scope, const QString &code);
    // Case-insensitive as crypto::normalizedEmail says.
    StoreResult<StoredMember> findByEmail(const TenantScope &scope, const QString &email);
    // The live ones among `ids`, in the order of `ids` (a page of the index).
    StoreResult<QList<StoredMember>> getMany(const TenantScope &scope, const QStringList &ids);
    // Every live member, opened (index builds, import dry runs).
    StoreResult<QList<StoredMember>> all(const TenantScope &scope);
    // Conflict when `expectedRevision` is not the stored one; the revision grows by one.
    StoreResult<StoredMember> update(const TenantScope &scope, const QString &id,
                                     qint64 expectedRevision, const api::MemberFields &fields,
                                     const QDateTime &at);
    // `changeCounter`, when given, receives the member_changes value the delete committed.
    StoreStatus remove(const TenantScope &scope, const QString &id, qint64 expectedRevision,
                       const QDateTime &at, qint64 *changeCounter = nullptr);
    // Brings a deleted member back as it was (import undo); Conflict when its
    // code or e-mail was taken meanwhile.
    StoreResult<StoredMember> restore(const TenantScope &scope, const QString &id,
                                      const QDateTime &at);

    // Batches, for imports and their undo: all or nothing (inside the caller's
    // transaction when one is open), each statement prepared once, the key
    // read once, each group checked once, and member_changes bumped once for
    // the whole batch, so MemberIndex cannot follow a batch write by write
    // (invalidate or replace it after the commit). The first member that fails
    // decides the error, as the single calls above would say it. The single
    // calls are batches of one.
    // New random ids, in the order of `fields`; each revision is 1.
    StoreResult<QList<StoredMember>> createMany(const TenantScope &scope,
                                                const QList<api::MemberFields> &fields,
                                                const QDateTime &at);
    // Each revision grows by one; the member_changes value committed.
    StoreResult<qint64> updateMany(const TenantScope &scope, const QList<MemberChange> &changes,
                                   const QDateTime &at);
    // Logical deletes, as remove(); the member_changes value committed.
    StoreResult<qint64> removeMany(const TenantScope &scope, const QList<MemberRevision> &members,
                                   const QDateTime &at);
    // Every live member's revision by id, nothing opened (is an import's
    // undo still possible?).
    StoreResult<QHash<QString, qint64>> revisions(const TenantScope &scope);

    // Rows deleted before `deletedBefore`, removed for good; how many.
    StoreResult<int> purgeDeleted(const TenantScope &scope, const QDateTime &deletedBefore);
    // The tenant's member_changes counter (0 before the first write).
    StoreResult<qint64> changeCounter(const TenantScope &scope);
    // Members placed directly in each group, neither deleted nor left (what
    // api::Group::memberCount shows): group id -> count.
    StoreResult<QMap<QString, int>> countsByGroup(const TenantScope &scope);
    // The same, for code that has no keyring at hand (GroupRepository::list).
    static StoreResult<QMap<QString, int>> countsByGroup(const TenantScope &scope,
                                                         const QSqlDatabase &database);

private:
    StoreResult<QList<StoredMember>> read(const TenantScope &scope, const QString &condition,
                                          const QVariantMap &values, bool deleted = false);
    StoreResult<StoredMember> readOne(const TenantScope &scope, const QString &condition,
                                      const QVariantMap &values, bool deleted = false);
    // Seals, checks and inserts `members` (ids, fields and times set); sets
    // their changeCounter.
    StoreStatus insert(const TenantScope &scope, QList<StoredMember> &members);
    StoreResult<qint64> bumpChanges(const TenantScope &scope);
    StoreStatus checkGroups(const TenantScope &scope, const QSet<QString> &groupIds);

    QSqlDatabase m_database;
    Keyring &m_keyring;
};

} // namespace engage::server::store
