#include "accesslogwriter.h"

#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>
#include <optional>

namespace engage::server::store {

namespace {

Q_LOGGING_CATEGORY(lcAccessLog, "engage.server.store.accesslog")

using Clock = std::chrono::steady_clock;

// A batch that fails this many times in a row is dropped and counted: a
// missing table or a full disk must not keep rows in memory for ever, and a
// transient lock has already waited out busy_timeout on every attempt.
constexpr int maxAttempts = 3;

// Cuts in place (the string was moved in, so no copy), never between the two
// halves of a surrogate pair: half a character would be stored as U+FFFD.
void cut(QString &text, qsizetype limit)
{
    if (text.size() <= limit)
        return;
    qsizetype end = limit;
    if (end > 0 && text.at(end - 1).isHighSurrogate())
        --end;
    text.truncate(end);
}

// Qt binds a null QString as SQL NULL, which the NOT NULL text columns refuse;
// "no user agent" or "no tenant" is the empty string.
QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

bool writeBatch(QSqlDatabase &connection, std::optional<QSqlQuery> &insert,
                const std::vector<AccessRecord> &batch, QString *error)
{
    if (!insert) {
        insert.emplace(connection);
        // Prepared once per connection and re-bound per row: one parse for
        // the whole life of the writer, not one per request.
        if (!insert->prepare(QStringLiteral(
                "INSERT INTO access_log (tenant_id, at, request_id, person_id, address, method, "
                "path, status, latency_us, user_agent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))) {
            *error = insert->lastError().text();
            insert.reset();
            return false;
        }
    }
    if (!connection.transaction()) {
        *error = connection.lastError().text();
        return false;
    }
    const QVariant anonymous(QMetaType::fromType<QString>());
    for (const AccessRecord &record : batch) {
        insert->bindValue(0, notNull(record.tenantId));
        insert->bindValue(1, record.atMs);
        insert->bindValue(2, notNull(record.requestId));
        insert->bindValue(3, record.personId.isEmpty() ? anonymous : QVariant(record.personId));
        insert->bindValue(4, notNull(record.address));
        insert->bindValue(5, notNull(record.method));
        insert->bindValue(6, notNull(record.path));
        insert->bindValue(7, record.status);
        insert->bindValue(8, record.latencyUs);
        insert->bindValue(9, notNull(record.userAgent));
        if (!insert->exec()) {
            *error = insert->lastError().text();
            insert->finish();
            connection.rollback();
            return false;
        }
    }
    // SQLite refuses to commit while a statement is still active.
    insert->finish();
    if (!connection.commit()) {
        *error = connection.lastError().text();
        connection.rollback();
        return false;
    }
    return true;
}

} // namespace

AccessLogWriter::AccessLogWriter(const Database &database, std::chrono::milliseconds commitInterval,
                                 std::size_t maxQueued)
    : m_database(database)
    , m_commitInterval(std::max(commitInterval, std::chrono::milliseconds(1)))
    , m_maxQueued(maxQueued)
    , m_lastDropWarning(Clock::now() - std::chrono::seconds(1))
{
    m_queue.reserve(std::min<std::size_t>(maxQueued, 1024));
    m_thread = std::thread(&AccessLogWriter::run, this);
}

AccessLogWriter::~AccessLogWriter()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wakeWriter.notify_one();
    m_thread.join();
}

void AccessLogWriter::append(AccessRecord record)
{
    // Outside the lock: bounding the fields also bounds what a queued row costs.
    cut(record.requestId, maxShortFieldLength);
    cut(record.tenantId, maxShortFieldLength);
    cut(record.personId, maxShortFieldLength);
    cut(record.address, maxShortFieldLength);
    cut(record.method, maxShortFieldLength);
    cut(record.path, maxPathLength);
    cut(record.userAgent, maxUserAgentLength);

    quint64 warnTotal = 0;
    {
        std::lock_guard lock(m_mutex);
        if (m_queue.size() < m_maxQueued) {
            m_queue.push_back(std::move(record));
            ++m_appended;
            return;
        }
        ++m_dropped;
        const auto now = Clock::now();
        if (now - m_lastDropWarning >= std::chrono::seconds(1)) {
            m_lastDropWarning = now;
            warnTotal = m_dropped;
        }
    }
    // Logged after unlocking: writing to stderr must not hold up other requests.
    if (warnTotal != 0)
        warnDropped(warnTotal);
}

void AccessLogWriter::flush()
{
    std::unique_lock lock(m_mutex);
    const quint64 target = m_appended;
    if (m_handled >= target)
        return;
    m_flushTarget = std::max(m_flushTarget, target);
    m_wakeWriter.notify_one();
    m_batchDone.wait(lock, [&] { return m_handled >= target; });
}

quint64 AccessLogWriter::droppedCount() const
{
    std::lock_guard lock(m_mutex);
    return m_dropped;
}

quint64 AccessLogWriter::commitCount() const
{
    std::lock_guard lock(m_mutex);
    return m_commits;
}

void AccessLogWriter::warnDropped(quint64 total) const
{
    qCWarning(lcAccessLog) << "access log: rows dropped (queue full or database unavailable),"
                           << total << "so far";
}

void AccessLogWriter::run()
{
    // This thread's own connection: QtSql connections belong to one thread.
    QSqlDatabase connection;
    std::optional<QSqlQuery> insert;
    // Swapped with the queue, so both buffers keep their capacity and append()
    // stops reallocating once the load is known.
    std::vector<AccessRecord> batch;
    batch.reserve(m_queue.capacity());
    int attempts = 0;
    auto nextWake = Clock::now() + m_commitInterval;

    for (;;) {
        bool stopping = false;
        {
            std::unique_lock lock(m_mutex);
            m_wakeWriter.wait_until(lock, nextWake,
                                    [this] { return m_stopping || m_flushTarget > m_handled; });
            // The next wake is one interval after this one, however long the
            // write takes: commits come at most once per interval under load.
            nextWake = Clock::now() + m_commitInterval;
            stopping = m_stopping;
            // A batch that failed is retried first, so rows stay in order and
            // m_handled counts a prefix of what was appended.
            if (batch.empty())
                batch.swap(m_queue);
            if (batch.empty()) {
                if (stopping)
                    break;
                continue;
            }
        }

        QString error;
        bool written = false;
        if (!connection.isOpen())
            connection = m_database.connection(&error);
        if (connection.isOpen()) {
            written = writeBatch(connection, insert, batch, &error);
        }
        if (!written) {
            // Re-prepare on the next attempt: the table may have been created
            // since, or the connection reopened.
            insert.reset();
            ++attempts;
            qCWarning(lcAccessLog) << "access log: cannot write" << batch.size() << "rows (attempt"
                                   << attempts << "of" << maxAttempts << "):" << error;
            if (attempts < maxAttempts)
                continue;
        }

        quint64 warnTotal = 0;
        {
            std::lock_guard lock(m_mutex);
            m_handled += batch.size();
            if (written) {
                ++m_commits;
            } else {
                m_dropped += batch.size();
                warnTotal = m_dropped;
            }
        }
        m_batchDone.notify_all();
        if (warnTotal != 0)
            warnDropped(warnTotal);
        batch.clear();
        attempts = 0;
    }

    // Close here rather than leave it to the Database: the thread ends now, and
    // closing releases the file and lets SQLite checkpoint the WAL.
    insert.reset();
    if (connection.isOpen())
        connection.close();
}

} // namespace engage::server::store
