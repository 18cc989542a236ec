#pragma once

#include "api/logrecord.h"
#include "storeresult.h"
#include "tenantscope.h"

#include <QDateTime>
#include <QList>
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
// row exists exactly when the change does, and takes the row's place in the
// tenant's hash chain (logchain.h) in that same transaction: the chain head
// row it bumps first makes concurrent changes of one tenant queue, so they
// cannot fork the chain. The MAC key is the one set on the Database that
// opened `database` (Database::setLogChainKey); without one the row is
// written unsealed, and verification reports it.
//
// Its statements are prepared once per connection (PreparedStatements). When
// a call fails, the caller rolls its transaction (or savepoint) back: the
// chain head may already have moved.
class OperationLog final
{
public:
    static StoreStatus record(const TenantScope &scope, const QSqlDatabase &database,
                              const OperationEntry &entry);
    // With the field-level changes; the caller has masked personal values
    // (api::FieldChange::masked) before they reach the log.
    static StoreStatus record(const TenantScope &scope, const QSqlDatabase &database,
                              const OperationEntry &entry, const QList<api::FieldChange> &changes);
    // Several changes of one tenant, in order, exactly as that many record()
    // calls would write them, for writers of many changes in one transaction
    // (the respondent page's group commit): the chain head is taken and moved
    // once for all of them, their links are computed here, and the quarter
    // hours are counted once.
    static StoreStatus recordAll(const TenantScope &scope, const QSqlDatabase &database,
                                 const QList<OperationEntry> &entries);
};

} // namespace engage::server::store
