#pragma once

#include "storeresult.h"

#include <QDateTime>
#include <QSqlDatabase>

namespace engage::server::store {

class Keyring;

// Removes for good the members deleted longer ago than their tenant's
// member_retention_days: one transaction per tenant, with an operation-log
// row ("member.purge", the count only) when anything went. Run at start-up
// and daily; running it twice purges nothing more.
class MemberPurge final
{
public:
    MemberPurge(QSqlDatabase database, Keyring &keyring);

    // How many members went, over all tenants.
    StoreResult<int> run(const QDateTime &now);

private:
    QSqlDatabase m_database;
    Keyring &m_keyring;
};

} // namespace engage::server::store
