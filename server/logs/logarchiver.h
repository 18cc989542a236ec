#pragma once

#include "logarchives.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>
#include <functional>

namespace engage::server::logs {

// Moves the access and operation rows older than each tenant's
// log_archive_after_days out of the database into signed archive files
// (LogArchiveFiles), oldest first, in files of at most `maxRowsPerFile` rows.
// Tenants without the setting keep every row. Run at start-up and daily.
//
// Nothing is lost on the way: a file is written and synced first; then one
// transaction records it in log_archives, deletes exactly its rows and writes
// an operation-log row ("log.archive") saying what moved where. A crash
// between the two leaves the rows in the database and a file nobody records
// (verification ignores it); the next run writes the same file again and
// goes on. Rows whose chain does not verify are not archived: the break
// stays where verification reports it, and the run says so.
class LogArchiver final
{
public:
    LogArchiver(QSqlDatabase database, crypto::SecretBytes chainKey, LogArchiveFiles files);

    struct Summary
    {
        qint64 rows = 0;  // rows moved out of the database
        int files = 0;    // archive files recorded
        QStringList held; // chains not archived because they do not verify, English
    };

    // Every tenant with the setting.
    store::StoreResult<Summary> run(const QDateTime &now);
    // One tenant, rows older than `afterDays` days before `now`.
    store::StoreResult<Summary> runTenant(const QString &tenantId, int afterDays,
                                          const QDateTime &now);

    void setMaxRowsPerFile(int rows) { m_maxRowsPerFile = rows; }
    // Called once each file is on disk, before its transaction: the crash
    // test kills the process there.
    void setFileWrittenHook(std::function<void(const QString &path)> hook)
    {
        m_fileWritten = std::move(hook);
    }

private:
    store::StoreStatus archiveChain(const QString &tenantId, api::LogKind log, int afterDays,
                                    const QDateTime &now, Summary &summary);

    QSqlDatabase m_database;
    const crypto::SecretBytes m_chainKey;
    const LogArchiveFiles m_files;
    int m_maxRowsPerFile = 100000;
    std::function<void(const QString &path)> m_fileWritten;
};

} // namespace engage::server::logs
