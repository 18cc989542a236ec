#include "accesslogwriter.h"

#include "logchain.h"
#include "logcounts.h"
#include "transaction.h"

#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>
#include <map>
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

// What Qt binds as SQL NULL in a text column.
QVariant nullText()
{
    return QVariant(QMetaType::fromType<QString>());
}

// Log injection (SECURITY.md, ASVS 16.4.1): a control character or half a
// surrogate pair from a header or path is stored as U+FFFD, so that no row
// fakes a line of its own in a viewer or an export, and every row decodes.
void neutralise(QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const bool pairStart =
            c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate();
        if (pairStart) {
            ++i;
            continue;
        }
        const char16_t u = c.unicode();
        // QtSql binds text as UTF-16, and SQLite drops a leading U+FEFF or
        // U+FFFE as a byte-order mark: the row would then not be the one its
        // MAC covers.
        const bool byteOrderMark = i == 0 && (u == 0xfeff || u == 0xfffe);
        if (u < 0x20 || (u >= 0x7f && u < 0xa0) || c.isSurrogate() || byteOrderMark)
            text[i] = QChar::ReplacementCharacter;
    }
}

bool exec(QSqlQuery &query, QString *error)
{
    if (query.exec())
        return true;
    *error = query.lastError().text();
    return false;
}

// The writer's own sink: QtSql's INSERT, prepared once per batch.
class QueryRowSink final : public AccessRowSink
{
public:
    explicit QueryRowSink(const QSqlDatabase &connection)
        : m_insert(connection)
    {
        m_insert.prepare(QStringLiteral(
            "INSERT INTO access_log (tenant_id, tenant_seq, at, request_id, person_id, address, "
            "method, path, status, latency_us, user_agent, prev_hash, mac) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    }
    ~QueryRowSink() override { m_insert.finish(); }
    Q_DISABLE_COPY_MOVE(QueryRowSink)

    bool insert(const QList<QVariant> &values, const QVariant &prevHash, const QVariant &mac,
                QString *error) override
    {
        for (const QVariant &value : values)
            m_insert.addBindValue(value);
        m_insert.addBindValue(prevHash);
        m_insert.addBindValue(mac);
        return exec(m_insert, error);
    }

private:
    QSqlQuery m_insert;
};

// The values of `record` as stored and read back, in chainedColumns order.
QList<QVariant> valuesOf(const QString &tenantId, qint64 seq, const AccessRecord &record)
{
    return {
        tenantId,
        seq,
        record.atMs,
        notNull(record.requestId),
        record.personId.isEmpty() ? nullText() : QVariant(record.personId),
        notNull(record.address),
        notNull(record.method),
        notNull(record.path),
        record.status,
        record.latencyUs,
        notNull(record.userAgent),
    };
}

// Takes the place of one tenant's rows in its chain and stores them, with
// their counts, the head's new hash and the error rows of their failures.
// `chained` null: the rows are chained here, from the place taken.
bool storeTenant(QSqlDatabase &connection, const crypto::SecretBytes *key, const QString &tenantId,
                 const std::vector<const AccessRecord *> &records, const ChainedAccessRows *chained,
                 AccessRowSink &sink, QString *error)
{
    const auto link =
        logchain::advance(connection, tenantId, logchain::kAccess, key, qint64(records.size()));
    if (!link) {
        *error = link.error().message;
        return false;
    }
    ChainedAccessRows own;
    if (!chained) {
        own = AccessLogWriter::chain(key, tenantId, link.value(), records);
        chained = &own;
    } else if (chained->from.seq != link.value().seq ||
               chained->from.prevHash != link.value().prevHash) {
        *error = QStringLiteral("the access log's chain moved while its rows were chained");
        return false;
    }
    std::vector<const AccessRecord *> failures;
    std::vector<qint64> times;
    times.reserve(records.size());
    for (std::size_t i = 0; i < records.size(); ++i) {
        bool inserted = false;
        if (key) {
            const qsizetype row = qsizetype(i);
            const QString &prev = row == 0 ? chained->from.prevHash : chained->macs.at(row - 1);
            inserted = sink.insert(chained->values[i], prev, chained->macs.at(row), error);
        } else {
            inserted = sink.insert(chained->values[i], nullText(), nullText(), error);
        }
        if (!inserted)
            return false;
        if (records[i]->status >= 500)
            failures.push_back(records[i]);
        times.push_back(records[i]->atMs);
    }
    const qint64 seq = chained->next().seq;
    const QString lastMac = key ? chained->next().prevHash : QString();
    if (const auto counted = logcounts::add(connection, tenantId, logchain::kAccess, times);
        !counted) {
        *error = counted.error().message;
        return false;
    }
    if (key) {
        const auto moved =
            logchain::setHeadHash(connection, tenantId, logchain::kAccess, seq - 1, lastMac);
        if (!moved) {
            *error = moved.error().message;
            return false;
        }
    }
    if (failures.empty())
        return true;

    const auto numbered =
        logchain::advance(connection, tenantId, logchain::kError, key, qint64(failures.size()));
    if (!numbered) {
        *error = numbered.error().message;
        return false;
    }
    QSqlQuery errorRow(connection);
    errorRow.prepare(QStringLiteral(
        "INSERT INTO error_log (tenant_id, tenant_seq, at, request_id, person_id, method, route, "
        "status, code, category) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    qint64 errorSeq = numbered.value().seq;
    times.clear();
    for (const AccessRecord *record : failures) {
        errorRow.addBindValue(tenantId);
        errorRow.addBindValue(errorSeq++);
        errorRow.addBindValue(record->atMs);
        errorRow.addBindValue(notNull(record->requestId));
        errorRow.addBindValue(record->personId.isEmpty() ? nullText() : QVariant(record->personId));
        errorRow.addBindValue(notNull(record->method));
        errorRow.addBindValue(record->route.isEmpty() ? notNull(record->path) : record->route);
        errorRow.addBindValue(record->status);
        errorRow.addBindValue(record->problemCode.isEmpty() ? QStringLiteral("internal")
                                                            : record->problemCode);
        errorRow.addBindValue(record->failure.isEmpty() ? QStringLiteral("handler")
                                                        : record->failure);
        if (!exec(errorRow, error))
            return false;
        times.push_back(record->atMs);
    }
    if (const auto counted = logcounts::add(connection, tenantId, logchain::kError, times);
        !counted) {
        *error = counted.error().message;
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

void AccessLogWriter::normalise(AccessRecord &record)
{
    cut(record.requestId, maxShortFieldLength);
    cut(record.tenantId, maxShortFieldLength);
    cut(record.personId, maxShortFieldLength);
    cut(record.address, maxShortFieldLength);
    cut(record.method, maxShortFieldLength);
    cut(record.path, maxPathLength);
    cut(record.userAgent, maxUserAgentLength);
    cut(record.route, maxPathLength);
    cut(record.problemCode, maxShortFieldLength);
    cut(record.failure, maxShortFieldLength);
    for (QString *text : {&record.requestId, &record.tenantId, &record.personId, &record.address,
                          &record.method, &record.path, &record.userAgent, &record.route})
        neutralise(*text);
}

bool AccessLogWriter::write(QSqlDatabase &connection, const crypto::SecretBytes *key,
                            const std::vector<AccessRecord> &batch, QString *error)
{
    QueryRowSink sink(connection);
    return write(connection, key, batch, sink, error);
}

bool AccessLogWriter::write(QSqlDatabase &connection, const crypto::SecretBytes *key,
                            const std::vector<AccessRecord> &batch, AccessRowSink &sink,
                            QString *error)
{
    // Grouped by tenant, each group in arrival order: one head bump per tenant
    // and batch instead of one per row.
    std::map<QString, std::vector<const AccessRecord *>> byTenant;
    for (const AccessRecord &record : batch)
        byTenant[record.tenantId].push_back(&record);
    // BEGIN IMMEDIATE on SQLite: the heads are read and then written, and a
    // deferred transaction could not upgrade after another writer committed.
    Transaction transaction(connection);
    if (!transaction.isActive()) {
        *error = transaction.error();
        return false;
    }
    for (const auto &[tenantId, records] : byTenant) {
        if (!storeTenant(connection, key, notNull(tenantId), records, nullptr, sink, error))
            return false;
    }
    const StoreStatus committed = transaction.commit();
    if (!committed) {
        *error = committed.error().message;
        return false;
    }
    return true;
}

ChainedAccessRows AccessLogWriter::chain(const crypto::SecretBytes *key, const QString &tenantId,
                                         const logchain::Link &from,
                                         std::vector<const AccessRecord *> records)
{
    ChainedAccessRows rows;
    rows.tenantId = notNull(tenantId);
    rows.from = from;
    rows.values.reserve(records.size());
    if (key)
        rows.macs.reserve(qsizetype(records.size()));
    std::optional<crypto::HmacSha256> mac;
    if (key)
        mac.emplace(*key);
    qint64 seq = from.seq;
    for (const AccessRecord *record : records) {
        rows.values.push_back(valuesOf(rows.tenantId, seq++, *record));
        if (mac) {
            const QString &prev = rows.macs.isEmpty() ? from.prevHash : rows.macs.constLast();
            rows.macs.append(logchain::rowMac(
                *mac, logchain::canonicalRow(logchain::kAccess, rows.values.back()), prev));
        }
    }
    rows.records = std::move(records);
    return rows;
}

bool AccessLogWriter::write(QSqlDatabase &connection, const crypto::SecretBytes *key,
                            const ChainedAccessRows &rows, AccessRowSink &sink, QString *error)
{
    Transaction transaction(connection);
    if (!transaction.isActive()) {
        *error = transaction.error();
        return false;
    }
    if (!storeTenant(connection, key, rows.tenantId, rows.records, &rows, sink, error))
        return false;
    const StoreStatus committed = transaction.commit();
    if (!committed) {
        *error = committed.error().message;
        return false;
    }
    return true;
}

logchain::Link ChainedAccessRows::next() const
{
    return {from.seq + qint64(values.size()), macs.isEmpty() ? from.prevHash : macs.constLast()};
}

void AccessLogWriter::append(AccessRecord record)
{
    // Outside the lock: bounding the fields also bounds what a queued row costs.
    normalise(record);

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
            // Looked up per batch: the key may be set after the writer starts.
            const auto key = Database::logChainKeyOf(connection);
            written = write(connection, key.get(), batch, &error);
        }
        if (!written) {
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
    if (connection.isOpen())
        connection.close();
}

} // namespace engage::server::store
