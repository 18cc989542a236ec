#include "logarchiver.h"

#include "api/id.h"
#include "crypto/random.h"
#include "store/logchain.h"
#include "store/logcounts.h"
#include "store/operationlog.h"
#include "store/scopedquery.h"
#include "store/transaction.h"

#include <QCryptographicHash>
#include <QSqlError>
#include <QSqlQuery>
#include <utility>

namespace engage::server::logs {

using store::StoreError;
using store::StoreErrorKind;
using store::StoreResult;
using store::StoreStatus;

namespace {

QLatin1String chainName(api::LogKind log)
{
    return log == api::LogKind::Access ? store::logchain::kAccess : store::logchain::kOperation;
}

// The newest row of the chain now (0: none).
StoreResult<qint64> newestSeq(const QSqlDatabase &database, const QString &tenantId,
                              QLatin1String log)
{
    QSqlQuery query(database);
    query.prepare(QStringLiteral("SELECT MAX(tenant_seq) FROM %1 WHERE tenant_id = ?")
                      .arg(store::logchain::tableOf(log)));
    query.addBindValue(tenantId);
    if (!query.exec() || !query.next())
        return store::databaseError(QStringLiteral("reading the newest log row"),
                                    query.lastError().text());
    return query.value(0).toLongLong();
}

// Up to `limit` rows of the chain after `afterSeq` and up to `lastSeq`, in
// seq order. Plain SQL with the tenant bound first, like logchain.h: the
// chained columns are read as they are, for the file to keep them exactly.
StoreResult<QList<ChainedRow>> readRows(const QSqlDatabase &database, const QString &tenantId,
                                        QLatin1String log, qint64 afterSeq, qint64 lastSeq,
                                        int limit)
{
    const QStringList &columns = store::logchain::chainedColumns(log);
    QSqlQuery query(database);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT prev_hash, mac, %1 FROM %2 WHERE tenant_id = ? AND "
                                 "tenant_seq > ? AND tenant_seq <= ? ORDER BY tenant_seq LIMIT ?")
                      .arg(columns.join(QStringLiteral(", ")), store::logchain::tableOf(log)));
    query.addBindValue(tenantId);
    query.addBindValue(afterSeq);
    query.addBindValue(lastSeq);
    query.addBindValue(limit);
    if (!query.exec())
        return store::databaseError(QStringLiteral("reading log rows to archive"),
                                    query.lastError().text());
    QList<ChainedRow> rows;
    while (query.next()) {
        ChainedRow row;
        row.prevHash = query.value(0).toString();
        row.mac = query.value(1).isNull() ? QString() : query.value(1).toString();
        row.values.reserve(columns.size());
        for (int i = 0; i < columns.size(); ++i)
            row.values.append(query.value(i + 2));
        rows.append(std::move(row));
    }
    return rows;
}

} // namespace

LogArchiver::LogArchiver(QSqlDatabase database, crypto::SecretBytes chainKey, LogArchiveFiles files)
    : m_database(std::move(database))
    , m_chainKey(std::move(chainKey))
    , m_files(std::move(files))
{}

StoreResult<LogArchiver::Summary> LogArchiver::run(const QDateTime &now)
{
    // The tenants table is the root of every scope: read unscoped, like the
    // member purge does.
    QList<std::pair<QString, int>> tenants;
    {
        QSqlQuery query(m_database);
        if (!query.exec(QStringLiteral("SELECT id, log_archive_after_days FROM tenants WHERE "
                                       "log_archive_after_days IS NOT NULL ORDER BY id")))
            return store::databaseError(QStringLiteral("listing tenants that archive logs"),
                                        query.lastError().text());
        while (query.next())
            tenants.append({query.value(0).toString(), query.value(1).toInt()});
    }
    Summary total;
    for (const auto &[tenantId, afterDays] : std::as_const(tenants)) {
        auto summary = runTenant(tenantId, afterDays, now);
        if (!summary)
            return summary.error();
        total.rows += summary.value().rows;
        total.files += summary.value().files;
        total.held += summary.value().held;
    }
    return total;
}

StoreResult<LogArchiver::Summary> LogArchiver::runTenant(const QString &tenantId, int afterDays,
                                                         const QDateTime &now)
{
    Summary summary;
    for (const api::LogKind log : {api::LogKind::Access, api::LogKind::Operation}) {
        if (const StoreStatus archived = archiveChain(tenantId, log, afterDays, now, summary);
            !archived)
            return archived.error();
    }
    return summary;
}

StoreStatus LogArchiver::archiveChain(const QString &tenantId, api::LogKind log, int afterDays,
                                      const QDateTime &now, Summary &summary)
{
    const QLatin1String name = chainName(log);
    const store::TenantScope scope(tenantId); // a job: each tenant on its own
    const qint64 cutoffMs = now.addDays(-afterDays).toMSecsSinceEpoch();
    LogArchiveRepository archives(m_database);
    const auto earlier = archives.chain(tenantId, log);
    if (!earlier)
        return earlier.error();
    qint64 lastSeq = earlier.value().isEmpty() ? 0 : earlier.value().last().lastSeq;
    QString prev = earlier.value().isEmpty() ? store::logchain::genesisHash()
                                             : earlier.value().last().lastHash;
    // Only the rows there when the run began: each file adds a log.archive
    // row to the operation log, which this run must not chase.
    const auto newest = newestSeq(m_database, tenantId, name);
    if (!newest)
        return newest.error();
    for (;;) {
        const auto read =
            readRows(m_database, tenantId, name, lastSeq, newest.value(), m_maxRowsPerFile);
        if (!read)
            return read.error();
        // A prefix of the chain, so that the rows left in the database go on
        // from the file's last row.
        QList<ChainedRow> rows;
        for (const ChainedRow &row : read.value()) {
            if (row.atMs() >= cutoffMs)
                break;
            const qint64 expected = lastSeq + 1 + rows.size();
            const QString mac = store::logchain::rowMac(
                m_chainKey, store::logchain::canonicalRow(name, row.values), row.prevHash);
            if (row.seq() != expected || row.prevHash != prev || row.mac.isEmpty() ||
                !crypto::equalConstantTime(mac.toLatin1(), row.mac.toLatin1())) {
                summary.held.append(
                    QStringLiteral("tenant %1, %2 log: row %3 does not verify, so no row from "
                                   "there on is archived")
                        .arg(tenantId, QString(name))
                        .arg(expected));
                break;
            }
            prev = row.mac;
            rows.append(row);
        }
        if (rows.isEmpty())
            return store::Done{};

        ArchiveEntry entry;
        entry.id = api::createId();
        entry.tenantId = tenantId;
        entry.log = log;
        entry.firstSeq = rows.first().seq();
        entry.lastSeq = rows.last().seq();
        entry.firstAtMs = rows.first().atMs();
        entry.lastAtMs = rows.last().atMs();
        for (const ChainedRow &row : std::as_const(rows)) {
            entry.firstAtMs = std::min(entry.firstAtMs, row.atMs());
            entry.lastAtMs = std::max(entry.lastAtMs, row.atMs());
        }
        entry.rowCount = rows.size();
        entry.prevHash = rows.first().prevHash;
        entry.lastHash = rows.last().mac;
        entry.fileName = LogArchiveFiles::fileNameOf(log, entry.firstSeq, entry.lastSeq);
        entry.createdAtMs = now.toMSecsSinceEpoch();
        const QByteArray bytes = m_files.encode(tenantId, log, entry.prevHash, rows);
        entry.sha256 = QString::fromLatin1(
            QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        QString error;
        if (!m_files.write(tenantId, entry.fileName, bytes, &error))
            return StoreError{StoreErrorKind::Database, error};
        if (m_fileWritten)
            m_fileWritten(m_files.pathOf(tenantId, entry.fileName));

        store::Transaction transaction(m_database);
        if (!transaction.isActive())
            return store::databaseError(QStringLiteral("archiving log rows"), transaction.error());
        if (const StoreStatus recorded = archives.insert(scope, entry); !recorded)
            return recorded;
        if (const StoreStatus uncounted = store::logcounts::removeRows(
                m_database, tenantId, name, entry.firstSeq, entry.lastSeq);
            !uncounted)
            return uncounted;
        store::ScopedQuery remove(scope, m_database);
        remove.prepare(QStringLiteral("DELETE FROM %1 WHERE tenant_id = :tenant_id AND "
                                      "tenant_seq >= :first AND tenant_seq <= :last")
                           .arg(store::logchain::tableOf(name)));
        remove.bindValue(QStringLiteral(":first"), entry.firstSeq);
        remove.bindValue(QStringLiteral(":last"), entry.lastSeq);
        if (!remove.exec())
            return store::databaseError(QStringLiteral("deleting archived log rows"),
                                        remove.errorText());
        // Exactly the rows in the file, or none at all.
        if (remove.numRowsAffected() != entry.rowCount)
            return StoreError{StoreErrorKind::Conflict,
                              QStringLiteral("the rows to archive changed meanwhile")};
        const StoreStatus logged = store::OperationLog::record(
            scope, m_database,
            store::OperationEntry{
                QString(), QString(), QStringLiteral("log"), entry.id,
                QStringLiteral("log.archive"),
                QStringLiteral("rows %1 to %2 of the %3 log, older than %4 days, archived to %5")
                    .arg(entry.firstSeq)
                    .arg(entry.lastSeq)
                    .arg(QString(name))
                    .arg(afterDays)
                    .arg(entry.fileName),
                QDateTime()});
        if (!logged)
            return logged;
        if (const StoreStatus committed = transaction.commit(); !committed)
            return committed;
        summary.rows += entry.rowCount;
        ++summary.files;
        lastSeq = entry.lastSeq;
        if (read.value().size() < m_maxRowsPerFile || rows.size() < read.value().size())
            return store::Done{};
    }
}

} // namespace engage::server::logs
