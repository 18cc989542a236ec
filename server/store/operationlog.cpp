#include "operationlog.h"

#include "database.h"
#include "logchain.h"
#include "logcounts.h"
#include "scopedquery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <atomic>

namespace engage::server::store {

namespace {

Q_LOGGING_CATEGORY(lcOperationLog, "engage.server.store.operationlog")

QString changesJson(const QList<api::FieldChange> &changes)
{
    QJsonArray array;
    for (const api::FieldChange &change : changes)
        array.append(api::toJson(change));
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

} // namespace

StoreStatus OperationLog::record(const TenantScope &scope, const QSqlDatabase &database,
                                 const OperationEntry &entry)
{
    return record(scope, database, entry, {});
}

StoreStatus OperationLog::record(const TenantScope &scope, const QSqlDatabase &database,
                                 const OperationEntry &entry,
                                 const QList<api::FieldChange> &changes)
{
    const std::shared_ptr<const crypto::SecretBytes> key = Database::logChainKeyOf(database);
    const auto link =
        logchain::advance(database, scope.tenantId(), logchain::kOperation, key.get());
    if (!link)
        return link.error();

    const QDateTime at = entry.at.isValid() ? entry.at : QDateTime::currentDateTimeUtc();
    // The values exactly as stored and read back, in chainedColumns order.
    // Changes made by the service itself (start-up, jobs) have no request; a
    // null QString would bind as NULL, and an empty summary is still one.
    const QList<QVariant> values = {
        scope.tenantId(),
        link.value().seq,
        at.toMSecsSinceEpoch(),
        entry.requestId.isEmpty() ? QStringLiteral("system") : entry.requestId,
        entry.actorId.isEmpty() ? QVariant() : QVariant(entry.actorId),
        entry.targetType,
        entry.targetId,
        entry.action,
        entry.summary.isNull() ? QStringLiteral("") : entry.summary,
        changesJson(changes),
    };
    QVariant prevHash;
    QVariant mac;
    if (key) {
        prevHash = link.value().prevHash;
        mac = logchain::rowMac(*key, logchain::canonicalRow(logchain::kOperation, values),
                               link.value().prevHash);
    } else {
        static std::atomic<bool> warned{false};
        if (!warned.exchange(true))
            qCWarning(lcOperationLog) << "operation rows are written unsealed: no log chain key";
    }

    ScopedQuery query(scope, database);
    query.prepare(QStringLiteral(
        "INSERT INTO operation_log (tenant_id, tenant_seq, at, request_id, actor_id, target_type, "
        "target_id, action, summary, changes, prev_hash, mac) VALUES (:tenant_id, :tenant_seq, "
        ":at, :request_id, :actor_id, :target_type, :target_id, :action, :summary, :changes, "
        ":prev_hash, :mac)"));
    const QStringList &columns = logchain::chainedColumns(logchain::kOperation);
    for (qsizetype i = 1; i < columns.size(); ++i)
        query.bindValue(QLatin1Char(':') + columns.at(i), values.at(i));
    query.bindValue(QStringLiteral(":prev_hash"), prevHash);
    query.bindValue(QStringLiteral(":mac"), mac);
    if (!query.exec())
        return databaseError(QStringLiteral("recording an operation"), query.errorText());
    if (const StoreStatus counted = logcounts::add(database, scope.tenantId(), logchain::kOperation,
                                                   {at.toMSecsSinceEpoch()});
        !counted)
        return counted;
    if (mac.isNull())
        return Done{};
    return logchain::setHeadHash(database, scope.tenantId(), logchain::kOperation, link.value().seq,
                                 mac.toString());
}

} // namespace engage::server::store
