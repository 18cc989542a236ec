#pragma once

#include "database.h"
#include "logchain.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QtGlobal>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <thread>
#include <vector>

namespace engage::server::store {

// One row of `access_log`: one request, rejected ones included.
struct AccessRecord
{
    qint64 atMs = 0; // UTC ms since epoch
    QString requestId;
    QString tenantId; // empty when unknown (a failed sign-in, an unknown route)
    QString personId; // empty when anonymous; stored as NULL
    QString address;
    QString method;
    QString path; // no query string
    int status = 0;
    qint64 latencyUs = 0;
    QString userAgent; // cut to 512 characters
    // For answers of 500 and above, which also leave an error_log row:
    QString route;       // the route's pattern, or the path when none matched
    QString problemCode; // e.g. "internal"
    QString failure;     // which part failed, e.g. "handler", "unanswered"
};

// One tenant's access rows as AccessLogWriter::write stores them: numbered
// from `from` and chained (AccessLogWriter::chain).
struct ChainedAccessRows
{
    QString tenantId; // as stored: "" for requests of no known tenant
    logchain::Link from;
    std::vector<const AccessRecord *> records;
    // Each row's values as stored and MACed, in logchain::chainedColumns(kAccess) order.
    std::vector<QList<QVariant>> values;
    // Each row's MAC, the next row's prev_hash; none when unchained.
    QStringList macs;

    // The place after the last row.
    logchain::Link next() const;
};

// Where AccessLogWriter::write puts each access row of a batch, in order,
// inside its transaction. The writer's own sink inserts through QtSql; the
// bulk loader of the benchmark's and tests' generators (accesslogbulk.h)
// binds the same values through SQLite's C API.
class AccessRowSink
{
public:
    AccessRowSink() = default;
    virtual ~AccessRowSink() = default;
    Q_DISABLE_COPY_MOVE(AccessRowSink)

    // `values` as stored and MACed, in logchain::chainedColumns(kAccess)
    // order, then the row's prev_hash and mac (both null when unchained).
    virtual bool insert(const QList<QVariant> &values, const QVariant &prevHash,
                        const QVariant &mac, QString *error) = 0;
};

// Writes access-log rows off the request path: append() only queues, and one
// writer thread with its own connection commits everything queued in one
// transaction at most every `commitInterval`. In that transaction it numbers
// each tenant's rows and links them into the tenant's hash chain (logchain.h)
// with the key set on the Database, and writes an error_log row beside each
// answer of 500 and above. A SIGKILL therefore loses at
// most the rows of the last interval (plus the commit in flight), and no
// request ever waits on the database for its log row.
//
// No TenantScope here, on purpose: the writer only appends (and reads the
// chain heads it moves), so it cannot leak one tenant's rows to another; the
// tenant id it stores is the one the HTTP layer took from the verified token
// (empty when there is none, a tenant of its own in the chains).
//
// The Database must outlive the writer. Create the writer after the schema is
// migrated: rows whose batch cannot be written after a few attempts are
// dropped and counted (a log must not grow without bound while the database
// is away).
class AccessLogWriter final
{
public:
    static constexpr qsizetype maxPathLength = 2048;
    static constexpr qsizetype maxUserAgentLength = 512;
    // Request id, tenant, person, address and method are short by nature; the
    // cap keeps a hostile header from filling the log through them.
    static constexpr qsizetype maxShortFieldLength = 256;

    explicit AccessLogWriter(
        const Database &database,
        std::chrono::milliseconds commitInterval = std::chrono::milliseconds(50),
        std::size_t maxQueued = 100000);
    // Stops the thread after writing everything queued.
    ~AccessLogWriter();
    AccessLogWriter(const AccessLogWriter &) = delete;
    AccessLogWriter &operator=(const AccessLogWriter &) = delete;

    // Thread-safe and never waits on the database: an O(1) push under a
    // mutex. When the queue is full the row is dropped and counted (warned at
    // most once per second) rather than blocking the request.
    void append(AccessRecord record);

    // Blocks until everything appended before the call is committed (or given
    // up on and counted as dropped). For tests and shutdown.
    void flush();

    // What append() does to a record before it is queued: fields cut to their
    // limits, control characters and broken surrogates replaced.
    static void normalise(AccessRecord &record);

    // Writes `batch` (normalised) as the writer thread writes what it took
    // from the queue: in one transaction on `connection`, each tenant's rows
    // numbered and chained in order under `key` (null: unchained), an
    // error_log row beside each answer of 500 and above. The writer thread
    // and the bulk loader (accesslogbulk.h) share it, so their rows cannot
    // differ.
    static bool write(QSqlDatabase &connection, const crypto::SecretBytes *key,
                      const std::vector<AccessRecord> &batch, QString *error);
    // The same, each access row handed to `sink` instead of QtSql's INSERT:
    // everything else (numbering, chain, MACs, counts, error rows, heads)
    // is this function's.
    static bool write(QSqlDatabase &connection, const crypto::SecretBytes *key,
                      const std::vector<AccessRecord> &batch, AccessRowSink &sink, QString *error);

    // write() in two steps, for a loader that chains its next rows on one
    // thread while the previous ones are stored on another: chain() numbers
    // and MACs one tenant's `records` (normalised) from the place `from`
    // without the database, and write() of those rows takes their place in
    // the tenant's chain, which must be `from` (an error otherwise: another
    // writer moved it), and stores them as the other write() does. The
    // records must outlive the rows.
    static ChainedAccessRows chain(const crypto::SecretBytes *key, const QString &tenantId,
                                   const logchain::Link &from,
                                   std::vector<const AccessRecord *> records);
    static bool write(QSqlDatabase &connection, const crypto::SecretBytes *key,
                      const ChainedAccessRows &rows, AccessRowSink &sink, QString *error);

    // Rows lost: refused by a full queue, or in a batch that could not be written.
    quint64 droppedCount() const;
    // Transactions committed so far (each holds every row queued since the
    // previous one). Lets tests and metrics see that rows are batched.
    quint64 commitCount() const;

private:
    void run();
    void warnDropped(quint64 total) const;

    const Database &m_database;
    const std::chrono::milliseconds m_commitInterval;
    const std::size_t m_maxQueued;

    mutable std::mutex m_mutex;
    std::condition_variable m_wakeWriter;
    std::condition_variable m_batchDone;
    std::vector<AccessRecord> m_queue;
    quint64 m_appended = 0;    // rows accepted by append() so far
    quint64 m_handled = 0;     // of those, rows committed or given up on
    quint64 m_flushTarget = 0; // flush() waits until m_handled reaches this
    quint64 m_dropped = 0;
    quint64 m_commits = 0;
    std::chrono::steady_clock::time_point m_lastDropWarning;
    bool m_stopping = false;

    std::thread m_thread; // last: starts once every member above exists
};

} // namespace engage::server::store
