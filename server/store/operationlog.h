#pragma once

#include "storeresult.h"
#include "tenantscope.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>

namespace engage::server::store {

// One change, as the operation (audit) log keeps it.
struct OperationEntry
{
    QString requestId;  // empty: "system"
    QString actorId;    // empty for the system (start-up, jobs)
    QString targetType; // "person", "tenant", ...
    QString targetId;
    QString action;  // "create", "update", "delete", ...
    QString summary; // no personal data in clear: ids and field names, not values
    QDateTime at;    // invalid: now
};

// The operation log. record() writes inside the caller's Transaction, so the
// row exists exactly when the change does.
class OperationLog final
{
public:
    static StoreStatus record(const TenantScope &scope, const QSqlDatabase &database,
                              const OperationEntry &entry);
};

} // namespace engage::server::store
