#include "accesslogbulk.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <sqlite3.h>
#include <string>
#include <thread>

namespace engage::server::store {

namespace {

// QtSql's SQLite driver binds a QString as UTF-16, which SQLite translates
// into the database's UTF-8 for every value it stores (a copy and an
// allocation each, on the connection's thread). Values are bound here as the
// driver binds them (NULL, integer or text) with the text already in UTF-8,
// the bytes SQLite's translation makes of it. Where SQLite's own handling of
// UTF-16 changes a value (a leading U+FEFF or U+FFFE is taken for a byte-order
// mark; half a surrogate pair), the text is bound as UTF-16 after all, so that
// the stored bytes are the driver's in every case.
class BoundValues final
{
public:
    void append(const QVariant &value)
    {
        if (value.isNull()) {
            m_values.push_back({Kind::Null, 0, nullptr});
            return;
        }
        switch (value.metaType().id()) {
        case QMetaType::Int:
        case QMetaType::LongLong:
            m_values.push_back({Kind::Integer, value.toLongLong(), nullptr});
            return;
        case QMetaType::QString:
            appendText(*static_cast<const QString *>(value.constData()));
            return;
        default:
            // The driver binds any other type as its text (none of the access
            // log's columns is one): kept alive in m_converted until cleared.
            m_converted.push_back(value.toString());
            appendText(m_converted.back());
        }
    }
    void appendText(const QString &text)
    {
        const QChar *chars = text.constData();
        const qsizetype size = text.size();
        const std::size_t offset = m_text.size();
        // Two plain loops the compiler vectorises: nearly every value is ASCII.
        char16_t bits = 0;
        for (qsizetype i = 0; i < size; ++i)
            bits |= chars[i].unicode();
        if (bits < 0x80) {
            m_text.resize(offset + std::size_t(size));
            char *out = m_text.data() + offset;
            for (qsizetype i = 0; i < size; ++i)
                out[i] = char(chars[i].unicode());
            m_values.push_back({Kind::Utf8, qint64(offset), nullptr, int(size)});
            return;
        }
        if (!translatesAsUtf8(text)) {
            m_values.push_back({Kind::Utf16, 0, chars, int(size * 2)});
            return;
        }
        const QByteArray utf8 = text.toUtf8();
        m_text.append(utf8.constData(), std::size_t(utf8.size()));
        m_values.push_back({Kind::Utf8, qint64(offset), nullptr, int(utf8.size())});
    }

    // Binds the values appended since the last clear() to `statement`, in
    // order from column 1. The texts appended must still be alive.
    void bind(sqlite3_stmt *statement, std::size_t first, int count) const
    {
        for (int column = 1; column <= count; ++column) {
            const Value &value = m_values[first + std::size_t(column - 1)];
            switch (value.kind) {
            case Kind::Null:
                sqlite3_bind_null(statement, column);
                break;
            case Kind::Integer:
                sqlite3_bind_int64(statement, column, value.number);
                break;
            case Kind::Utf8:
                sqlite3_bind_text(statement, column, m_text.data() + value.number, value.bytes,
                                  SQLITE_STATIC);
                break;
            case Kind::Utf16:
                sqlite3_bind_text16(statement, column, value.utf16, value.bytes, SQLITE_STATIC);
                break;
            }
        }
    }

    std::size_t size() const { return m_values.size(); }
    void reserve(std::size_t values, std::size_t textBytes)
    {
        m_values.reserve(values);
        m_text.reserve(textBytes);
    }
    void clear()
    {
        m_values.clear();
        m_text.clear();
        m_converted.clear();
    }

private:
    enum class Kind : quint8
    {
        Null,
        Integer,
        Utf8, // `number` is the offset in m_text
        Utf16,
    };
    struct Value
    {
        Kind kind;
        qint64 number;
        const QChar *utf16;
        int bytes = 0;
    };

    // False when SQLite, given the UTF-16, would store other bytes than the
    // UTF-8 of the text (see the class's comment).
    static bool translatesAsUtf8(const QString &text)
    {
        if (text.startsWith(QChar(0xfeff)) || text.startsWith(QChar(0xfffe)))
            return false;
        for (qsizetype i = 0; i < text.size(); ++i) {
            const QChar c = text.at(i);
            if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
                ++i;
            else if (c.isSurrogate())
                return false;
        }
        return true;
    }

    std::vector<Value> m_values;
    std::string m_text;
    QStringList m_converted;
};

constexpr int kInsertColumns = 13;

// One stage's hand-over to the next in the loader's pipeline: at most
// `capacity` items wait, so that a fast stage does not pile up chunks. close()
// ends the hand-over: push() refuses, pop() returns what is left, then nothing.
template<typename T>
class HandOver final
{
public:
    explicit HandOver(std::size_t capacity)
        : m_capacity(capacity)
    {}
    Q_DISABLE_COPY_MOVE(HandOver)

    bool push(T item)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_closed || m_items.size() < m_capacity; });
        if (m_closed)
            return false;
        m_items.push_back(std::move(item));
        m_changed.notify_all();
        return true;
    }
    std::optional<T> pop()
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_closed || !m_items.empty(); });
        if (m_items.empty())
            return std::nullopt;
        T item = std::move(m_items.front());
        m_items.erase(m_items.begin());
        m_changed.notify_all();
        return item;
    }
    void close()
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_changed.notify_all();
    }

private:
    const std::size_t m_capacity;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::vector<T> m_items;
    bool m_closed = false;
};

// A chunk of the pipeline in load(): its records, the rows chained from them
// and their values as bound (kInsertColumns a row).
struct Chunk
{
    std::vector<AccessRecord> records;
    ChainedAccessRows rows; // points into `records`, whose buffer moves with it
    BoundValues bound;
};

} // namespace

// One INSERT prepared on the connection's sqlite3 handle, bound and stepped
// per row. Text is bound without a copy: the values outlive the step, and the
// bindings are cleared before insert() returns. Rows of a chunk whose values
// were bound ahead (follow()) take them instead of converting their own.
class AccessLogBulkLoader::StatementSink final : public AccessRowSink
{
public:
    explicit StatementSink(sqlite3_stmt *statement)
        : m_statement(statement)
    {}
    ~StatementSink() override { sqlite3_finalize(m_statement); }
    Q_DISABLE_COPY_MOVE(StatementSink)

    // The next rows inserted are `rows`, in order, their values bound ahead
    // in `bound` (null: none ahead).
    void follow(const ChainedAccessRows *rows, const BoundValues *bound)
    {
        m_rows = rows;
        m_bound = bound;
        m_row = 0;
    }

    bool insert(const QList<QVariant> &values, const QVariant &prevHash, const QVariant &mac,
                QString *error) override
    {
        if (m_rows) {
            // The writer hands the rows over in order: the row bound ahead
            // must be the very one asked for.
            if (m_row >= m_rows->values.size() || &m_rows->values[m_row] != &values) {
                *error = QStringLiteral("the bulk loader's rows were stored out of order");
                return false;
            }
            m_bound->bind(m_statement, m_row++ * kInsertColumns, kInsertColumns);
        } else {
            m_own.clear();
            for (const QVariant &value : values)
                m_own.append(value);
            m_own.append(prevHash);
            m_own.append(mac);
            m_own.bind(m_statement, 0, int(m_own.size()));
        }
        const int stepped = sqlite3_step(m_statement);
        sqlite3_reset(m_statement);
        sqlite3_clear_bindings(m_statement);
        if (stepped == SQLITE_DONE)
            return true;
        *error = QString::fromUtf8(sqlite3_errmsg(sqlite3_db_handle(m_statement)));
        return false;
    }

private:
    sqlite3_stmt *m_statement;
    const ChainedAccessRows *m_rows = nullptr;
    const BoundValues *m_bound = nullptr;
    std::size_t m_row = 0;
    BoundValues m_own; // a row's values when none were bound ahead
};

AccessLogBulkLoader::AccessLogBulkLoader(const QSqlDatabase &connection)
    : m_connection(connection)
{
    const QVariant handle = connection.driver() ? connection.driver()->handle() : QVariant();
    if (qstrcmp(handle.typeName(), "sqlite3*") != 0) {
        m_error = QStringLiteral("the bulk loader needs an open SQLite connection");
        return;
    }
    sqlite3 *database = *static_cast<sqlite3 *const *>(handle.constData());
    static constexpr char kInsert[] =
        "INSERT INTO access_log (tenant_id, tenant_seq, at, request_id, person_id, address, "
        "method, path, status, latency_us, user_agent, prev_hash, mac) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(database, kInsert, sizeof kInsert, &statement, nullptr) != SQLITE_OK) {
        m_error = QString::fromUtf8(sqlite3_errmsg(database));
        sqlite3_finalize(statement);
        return;
    }
    m_sink = std::make_unique<StatementSink>(statement);
}

AccessLogBulkLoader::~AccessLogBulkLoader() = default;

bool AccessLogBulkLoader::write(const crypto::SecretBytes *key,
                                const std::vector<AccessRecord> &batch, QString *error)
{
    if (!m_sink) {
        *error = m_error;
        return false;
    }
    return AccessLogWriter::write(m_connection, key, batch, *m_sink, error);
}

bool AccessLogBulkLoader::write(const crypto::SecretBytes *key, const ChainedAccessRows &rows,
                                QString *error)
{
    if (!m_sink) {
        *error = m_error;
        return false;
    }
    return AccessLogWriter::write(m_connection, key, rows, *m_sink, error);
}

bool AccessLogBulkLoader::load(const crypto::SecretBytes *key, const QString &tenantId,
                               const std::function<std::vector<AccessRecord>()> &next,
                               QString *error)
{
    if (!m_sink) {
        *error = m_error;
        return false;
    }
    const auto first = logchain::advance(m_connection, tenantId, logchain::kAccess, key, 0);
    if (!first) {
        *error = first.error().message;
        return false;
    }
    // A pipeline of four threads, each chunk passing through them in order:
    // made (`next`), chained and bound (from where the chunk before it ends),
    // stored (this thread, the connection's), freed. The connection's thread
    // is the one that cannot be shared, so it does nothing but store.
    HandOver<std::vector<AccessRecord>> made(2);
    HandOver<Chunk> chained(2);
    HandOver<Chunk> stored(4);
    std::thread maker([&] {
        for (;;) {
            std::vector<AccessRecord> records = next();
            const bool last = records.empty();
            if (!made.push(std::move(records)) || last)
                return;
        }
    });
    std::thread chainer([&] {
        logchain::Link place = first.value();
        while (std::optional<std::vector<AccessRecord>> records = made.pop()) {
            Chunk chunk;
            chunk.records = std::move(*records);
            const bool last = chunk.records.empty();
            std::vector<const AccessRecord *> pointers;
            pointers.reserve(chunk.records.size());
            for (const AccessRecord &record : chunk.records)
                pointers.push_back(&record);
            chunk.rows = AccessLogWriter::chain(key, tenantId, place, std::move(pointers));
            place = chunk.rows.next();
            chunk.bound.reserve(chunk.records.size() * kInsertColumns, chunk.records.size() * 384);
            for (std::size_t i = 0; i < chunk.rows.values.size(); ++i) {
                for (const QVariant &value : chunk.rows.values[i])
                    chunk.bound.append(value);
                if (key) {
                    const qsizetype row = qsizetype(i);
                    chunk.bound.appendText(row == 0 ? chunk.rows.from.prevHash
                                                    : chunk.rows.macs.at(row - 1));
                    chunk.bound.appendText(chunk.rows.macs.at(row));
                } else {
                    chunk.bound.append(QVariant());
                    chunk.bound.append(QVariant());
                }
            }
            if (!chained.push(std::move(chunk)) || last)
                return;
        }
    });
    std::thread freer([&] {
        while (stored.pop()) {
        }
    });

    bool loaded = true;
    while (std::optional<Chunk> chunk = chained.pop()) {
        if (chunk->records.empty())
            break;
        m_sink->follow(&chunk->rows, &chunk->bound);
        loaded = write(key, chunk->rows, error);
        m_sink->follow(nullptr, nullptr);
        if (!loaded || !stored.push(std::move(*chunk)))
            break;
    }
    // Ends every stage, also after a failure: what is still under way is
    // made and dropped.
    made.close();
    chained.close();
    stored.close();
    maker.join();
    chainer.join();
    freer.join();
    return loaded;
}

bool AccessLogBulkLoader::deferIndexes(QString *error)
{
    QSqlQuery query(m_connection);
    if (!query.exec(QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND "
                                   "tbl_name IN ('access_log', 'error_log') AND sql IS NOT NULL "
                                   "ORDER BY name"))) {
        *error = query.lastError().text();
        return false;
    }
    std::vector<Index> found;
    while (query.next())
        found.push_back({query.value(0).toString(), query.value(1).toString()});
    for (const Index &index : found) {
        if (!query.exec(QStringLiteral("DROP INDEX %1").arg(index.name))) {
            *error = query.lastError().text();
            return false;
        }
        m_deferred.push_back(index);
    }
    return true;
}

bool AccessLogBulkLoader::makeIndexes(QString *error)
{
    QSqlQuery query(m_connection);
    for (; !m_deferred.empty(); m_deferred.pop_back()) {
        if (!query.exec(m_deferred.back().sql)) {
            *error = m_deferred.back().name + QLatin1String(": ") + query.lastError().text();
            return false;
        }
    }
    return true;
}

} // namespace engage::server::store
