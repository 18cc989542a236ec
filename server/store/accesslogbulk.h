#pragma once

#include "accesslogwriter.h"

#include <QSqlDatabase>
#include <QString>
#include <functional>
#include <memory>
#include <vector>

namespace engage::server::store {

// Access-log rows loaded into a SQLite store by the million, for the
// generators of the benchmark (bench/logs) and of the tests' seeded logs,
// never for the service: AccessLogWriter::write numbers, chains, MACs and
// counts the rows and writes their error rows and heads, exactly as the
// writer thread does; only each access row is bound through SQLite's C API
// on the connection's own handle, as UTF-8 text and 64-bit integers (the
// bytes QtSql's UTF-16 become in the database), instead of through QtSql's
// QVariants (docs/decisions/0007-bulk-log-loader.md).
class AccessLogBulkLoader final
{
public:
    // `connection`: an open QSQLITE connection of this thread, which must
    // outlive the loader. Each write() joins the caller's Transaction when
    // one is open on it.
    explicit AccessLogBulkLoader(const QSqlDatabase &connection);
    ~AccessLogBulkLoader();
    Q_DISABLE_COPY_MOVE(AccessLogBulkLoader)

    // False, with error(), when the connection is not SQLite's or the
    // statement cannot be prepared.
    bool isValid() const { return m_sink != nullptr; }
    const QString &error() const { return m_error; }

    // AccessLogWriter::write for `batch` (normalised), under `key` (null: unchained).
    bool write(const crypto::SecretBytes *key, const std::vector<AccessRecord> &batch,
               QString *error);
    // AccessLogWriter::write for rows AccessLogWriter::chain made.
    bool write(const crypto::SecretBytes *key, const ChainedAccessRows &rows, QString *error);

    // Loads the chunks `next` hands out, all of `tenantId` (normalised), until
    // an empty one, inside the caller's transaction: while a chunk is stored
    // (write() above), the next is chained (AccessLogWriter::chain) and its
    // values converted for binding on a second thread, from where the one
    // before it ends, the one after that made on a third, and stored ones
    // freed on a fourth. `next` runs on that third thread, one call at a time.
    bool load(const crypto::SecretBytes *key, const QString &tenantId,
              const std::function<std::vector<AccessRecord>()> &next, QString *error);

    // Drops the indexes of access_log and error_log, inside the caller's
    // transaction, until makeIndexes() makes them again from their own
    // definitions (read back, not copied): sorting a million entries once
    // costs far less than inserting them one by one into five B-trees.
    bool deferIndexes(QString *error);
    bool makeIndexes(QString *error);

private:
    class StatementSink;

    struct Index
    {
        QString name;
        QString sql;
    };

    QSqlDatabase m_connection;
    std::unique_ptr<StatementSink> m_sink;
    std::vector<Index> m_deferred;
    QString m_error;
};

} // namespace engage::server::store
