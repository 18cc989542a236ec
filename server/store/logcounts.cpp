#include "logcounts.h"

#include "logchain.h"
#include "preparedstatements.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <map>

namespace engage::server::store::logcounts {

namespace {

StoreError failed(const char *what, const QSqlQuery &query)
{
    return databaseError(QString::fromLatin1(what), query.lastError().text());
}

// Adds `delta` to each slot's count; slots that reach zero go, so the table
// only holds quarter hours with rows.
StoreStatus apply(const QSqlDatabase &database, const QString &tenantId, QLatin1String log,
                  const std::map<qint64, qint64> &delta)
{
    if (delta.empty())
        return Done{};
    // Portable upsert: SQLite (3.24+) and PostgreSQL both say ON CONFLICT.
    // Kept prepared: every operation row's transaction counts.
    const auto upsert = PreparedStatements::unscoped(
        database,
        QStringLiteral(
            "INSERT INTO log_counts (tenant_id, log, slot_at, row_count) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (tenant_id, log, slot_at) DO UPDATE SET row_count = "
            "log_counts.row_count + excluded.row_count"));
    bool emptied = false;
    for (const auto &[slot, count] : delta) {
        upsert->bindValue(0, tenantId);
        upsert->bindValue(1, QString(log));
        upsert->bindValue(2, slot);
        upsert->bindValue(3, count);
        if (!upsert->exec())
            return failed("counting log rows", *upsert);
        emptied = emptied || count < 0;
    }
    if (!emptied)
        return Done{};
    QSqlQuery drop(database);
    drop.prepare(
        QStringLiteral("DELETE FROM log_counts WHERE tenant_id = ? AND log = ? AND row_count = 0"));
    drop.addBindValue(tenantId);
    drop.addBindValue(QString(log));
    if (!drop.exec())
        return failed("dropping empty log counts", drop);
    return Done{};
}

} // namespace

qint64 slotOf(qint64 atMs)
{
    const qint64 remainder = atMs % kSlotMs;
    return atMs - (remainder < 0 ? remainder + kSlotMs : remainder);
}

StoreStatus add(const QSqlDatabase &database, const QString &tenantId, QLatin1String log,
                const std::vector<qint64> &atMs)
{
    std::map<qint64, qint64> delta;
    for (const qint64 at : atMs)
        ++delta[slotOf(at)];
    return apply(database, tenantId, log, delta);
}

StoreStatus removeRows(const QSqlDatabase &database, const QString &tenantId, QLatin1String log,
                       qint64 firstSeq, qint64 lastSeq)
{
    QSqlQuery rows(database);
    rows.setForwardOnly(true);
    rows.prepare(QStringLiteral("SELECT at FROM %1 WHERE tenant_id = ? AND tenant_seq >= ? AND "
                                "tenant_seq <= ?")
                     .arg(logchain::tableOf(log)));
    rows.addBindValue(tenantId);
    rows.addBindValue(firstSeq);
    rows.addBindValue(lastSeq);
    if (!rows.exec())
        return failed("reading log rows to uncount", rows);
    std::map<qint64, qint64> delta;
    while (rows.next())
        --delta[slotOf(rows.value(0).toLongLong())];
    rows.finish();
    return apply(database, tenantId, log, delta);
}

} // namespace engage::server::store::logcounts
