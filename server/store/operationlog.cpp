#include "operationlog.h"

#include "scopedquery.h"

namespace engage::server::store {

StoreStatus OperationLog::record(const TenantScope &scope, const QSqlDatabase &database,
                                 const OperationEntry &entry)
{
    ScopedQuery query(scope, database);
    query.prepare(QStringLiteral(
        "INSERT INTO operation_log (tenant_id, at, request_id, actor_id, target_type, "
        "target_id, action, summary) VALUES (:tenant_id, :at, :request_id, :actor_id, "
        ":target_type, :target_id, :action, :summary)"));
    const QDateTime at = entry.at.isValid() ? entry.at : QDateTime::currentDateTimeUtc();
    query.bindValue(QStringLiteral(":at"), at.toMSecsSinceEpoch());
    // Changes made by the service itself (start-up, jobs) have no request.
    query.bindValue(QStringLiteral(":request_id"),
                    entry.requestId.isEmpty() ? QStringLiteral("system") : entry.requestId);
    query.bindValue(QStringLiteral(":actor_id"),
                    entry.actorId.isEmpty() ? QVariant() : QVariant(entry.actorId));
    query.bindValue(QStringLiteral(":target_type"), entry.targetType);
    query.bindValue(QStringLiteral(":target_id"), entry.targetId);
    query.bindValue(QStringLiteral(":action"), entry.action);
    // A null QString binds as NULL; an empty summary is still a summary.
    query.bindValue(QStringLiteral(":summary"),
                    entry.summary.isNull() ? QStringLiteral("") : entry.summary);
    if (!query.exec())
        return databaseError(QStringLiteral("recording an operation"), query.errorText());
    return Done{};
}

} // namespace engage::server::store
