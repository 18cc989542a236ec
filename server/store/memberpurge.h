#pragma once

#include "storeresult.h"
#include "tenantscope.h"

#include <QDateTime>
#include <QSqlDatabase>

namespace engage::server::store {

class Keyring;

// Removes for good the members deleted longer ago than their tenant's
// member_retention_days: one transaction per tenant, with an operation-log
// row ("member.purge", the count only) when anything went. Run at start-up
// and daily; running it twice purges nothing more. The purged members' pulse
// targets forget them (PulseRepository::forgetMember); their answers stay.
class MemberPurge final
{
public:
    MemberPurge(QSqlDatabase database, Keyring &keyring);

    // How many members went, over all tenants.
    StoreResult<int> run(const QDateTime &now);

private:
    StoreStatus forgetTargets(const TenantScope &scope, const QDateTime &deletedBefore);

    QSqlDatabase m_database;
    Keyring &m_keyring;
};

} // namespace engage::server::store
