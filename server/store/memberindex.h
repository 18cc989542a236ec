#pragma once

#include "api/member.h"
#include "storeresult.h"
#include "tenantscope.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QSet>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

namespace engage::server::store {

class Keyring;
struct StoredMember;

// The page of ids a member listing shows, and how many match in all.
struct MemberIdPage
{
    QStringList ids;
    std::optional<QString> nextCursor;
    qint64 total = 0;
};

// Search and sort over sealed names. SQL cannot search or sort what it only
// sees sealed, so each tenant's members are held here, opened, in memory only
// (never written anywhere): built from the store on first use, brought up to
// date after this process's own writes (noteWritten), and rebuilt when the
// tenant's member_changes counter shows another instance wrote. One instance
// per service, shared by the worker threads.
class MemberIndex final
{
public:
    explicit MemberIndex(Keyring &keyring);
    ~MemberIndex();
    MemberIndex(const MemberIndex &) = delete;
    MemberIndex &operator=(const MemberIndex &) = delete;

    // The ids of one page of `query` (cursor, limit, search, status and
    // attribute filters, sort). query.groupId is not read here: the caller
    // expands it (and a manager's scope) into `groupIds`, the groups whose
    // members may be listed; members without a group are then left out.
    // NotFound for a cursor this query did not make.
    StoreResult<MemberIdPage> page(const TenantScope &scope, const QSqlDatabase &connection,
                                   const api::MemberQuery &query,
                                   const std::optional<QSet<QString>> &groupIds);

    // After a committed write of this process: `member` is its new state (a
    // deleted member: removed) and `counter` the member_changes value the write
    // committed. The index follows without a rebuild when it was current.
    void noteWritten(const TenantScope &scope, const StoredMember &member, bool deleted,
                     qint64 counter);
    // After a bulk change (an import): the next use rebuilds.
    void invalidate(const TenantScope &scope);
    // After a bulk change that committed `counter`, when the writer holds
    // every live member of the tenant opened (an import's apply): the next
    // use builds from `members` instead of reading and opening every row
    // again, unless the tenant changed since.
    void replace(const TenantScope &scope, QList<StoredMember> members, qint64 counter);

private:
    struct TenantIndex;
    std::shared_ptr<TenantIndex> current(const TenantScope &scope, const QSqlDatabase &connection,
                                         StoreError *error);

    Keyring &m_keyring;
    QMutex m_mutex;
    QHash<QString, std::shared_ptr<TenantIndex>> m_tenants;
};

} // namespace engage::server::store
