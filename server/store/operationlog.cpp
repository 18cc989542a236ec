#include "operationlog.h"

#include "database.h"
#include "logchain.h"
#include "logcounts.h"
#include "preparedstatements.h"
#include "scopedquery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <atomic>
#include <memory>
#include <optional>
#include <vector>

namespace engage::server::store {

namespace {

Q_LOGGING_CATEGORY(lcOperationLog, "engage.server.store.operationlog")

QString changesJson(const QList<api::FieldChange> &changes)
{
    if (changes.isEmpty())
        return QStringLiteral("[]");
    QJsonArray array;
    for (const api::FieldChange &change : changes)
        array.append(api::toJson(change));
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

// An entry to write, with its changes as stored.
struct Row
{
    const OperationEntry *entry = nullptr;
    QString changes;
};

// The placeholders of the INSERT below, in chainedColumns order, without
// tenant_id (the scope binds it).
const QStringList &placeholders()
{
    static const QStringList names = [] {
        QStringList found;
        const QStringList &columns = logchain::chainedColumns(logchain::kOperation);
        for (qsizetype i = 1; i < columns.size(); ++i)
            found.append(QLatin1Char(':') + columns.at(i));
        return found;
    }();
    return names;
}

// `rows` of one tenant in order: places taken in the chain at once, each row's
// link computed from the one before it, one count, one move of the head.
StoreStatus writeRows(const TenantScope &scope, const QSqlDatabase &database,
                      const std::vector<Row> &rows)
{
    if (rows.empty())
        return Done{};
    const std::shared_ptr<const crypto::SecretBytes> key = Database::logChainKeyOf(database);
    const auto link = logchain::advance(database, scope.tenantId(), logchain::kOperation, key.get(),
                                        qint64(rows.size()));
    if (!link)
        return link.error();
    // Set up once for the rows of the call.
    std::optional<crypto::HmacSha256> macKey;
    if (key) {
        macKey.emplace(*key);
    } else {
        static std::atomic<bool> warned{false};
        if (!warned.exchange(true))
            qCWarning(lcOperationLog) << "operation rows are written unsealed: no log chain key";
    }

    const auto insert = PreparedStatements::scoped(
        database, scope,
        QStringLiteral("INSERT INTO operation_log (tenant_id, tenant_seq, at, request_id, "
                       "actor_id, target_type, target_id, action, summary, changes, prev_hash, "
                       "mac) VALUES (:tenant_id, :tenant_seq, :at, :request_id, :actor_id, "
                       ":target_type, :target_id, :action, :summary, :changes, :prev_hash, :mac)"));
    const QStringList &names = placeholders();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    std::vector<qint64> times;
    times.reserve(rows.size());
    qint64 seq = link.value().seq;
    QString prevHash = link.value().prevHash;
    QString mac;
    for (const Row &row : rows) {
        const OperationEntry &entry = *row.entry;
        const qint64 at = (entry.at.isValid() ? entry.at : now).toMSecsSinceEpoch();
        // The values exactly as stored and read back, in chainedColumns order.
        // Changes made by the service itself (start-up, jobs) have no request;
        // a null QString would bind as NULL, and an empty summary is still one.
        const QList<QVariant> values = {
            scope.tenantId(),
            seq,
            at,
            entry.requestId.isEmpty() ? QStringLiteral("system") : entry.requestId,
            entry.actorId.isEmpty() ? QVariant() : QVariant(entry.actorId),
            entry.targetType,
            entry.targetId,
            entry.action,
            entry.summary.isNull() ? QStringLiteral("") : entry.summary,
            row.changes,
        };
        for (qsizetype i = 0; i < names.size(); ++i)
            insert->bindValue(names.at(i), values.at(i + 1));
        if (macKey) {
            mac = logchain::rowMac(*macKey, logchain::canonicalRow(logchain::kOperation, values),
                                   prevHash);
            insert->bindValue(QStringLiteral(":prev_hash"), prevHash);
            insert->bindValue(QStringLiteral(":mac"), mac);
        } else {
            insert->bindValue(QStringLiteral(":prev_hash"), QVariant());
            insert->bindValue(QStringLiteral(":mac"), QVariant());
        }
        if (!insert->exec())
            return databaseError(QStringLiteral("recording an operation"), insert->errorText());
        times.push_back(at);
        prevHash = mac;
        ++seq;
    }
    if (const StoreStatus counted =
            logcounts::add(database, scope.tenantId(), logchain::kOperation, times);
        !counted)
        return counted;
    if (!key)
        return Done{};
    return logchain::setHeadHash(database, scope.tenantId(), logchain::kOperation, seq - 1, mac);
}

} // namespace

StoreStatus OperationLog::record(const TenantScope &scope, const QSqlDatabase &database,
                                 const OperationEntry &entry)
{
    return writeRows(scope, database, {Row{&entry, changesJson({})}});
}

StoreStatus OperationLog::record(const TenantScope &scope, const QSqlDatabase &database,
                                 const OperationEntry &entry,
                                 const QList<api::FieldChange> &changes)
{
    return writeRows(scope, database, {Row{&entry, changesJson(changes)}});
}

StoreStatus OperationLog::recordAll(const TenantScope &scope, const QSqlDatabase &database,
                                    const QList<OperationEntry> &entries)
{
    std::vector<Row> rows;
    rows.reserve(std::size_t(entries.size()));
    for (const OperationEntry &entry : entries)
        rows.push_back({&entry, changesJson({})});
    return writeRows(scope, database, rows);
}

} // namespace engage::server::store
