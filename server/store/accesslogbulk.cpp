#include "accesslogbulk.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <future>
#include <sqlite3.h>

namespace engage::server::store {

// One INSERT prepared on the connection's sqlite3 handle, bound and stepped
// per row. Text is bound without a copy: the values outlive the step, and the
// bindings are cleared before insert() returns.
class AccessLogBulkLoader::StatementSink final : public AccessRowSink
{
public:
    explicit StatementSink(sqlite3_stmt *statement)
        : m_statement(statement)
    {}
    ~StatementSink() override { sqlite3_finalize(m_statement); }
    Q_DISABLE_COPY_MOVE(StatementSink)

    bool insert(const QList<QVariant> &values, const QVariant &prevHash, const QVariant &mac,
                QString *error) override
    {
        int column = 0;
        for (const QVariant &value : values)
            bind(++column, value);
        bind(++column, prevHash);
        bind(++column, mac);
        const int stepped = sqlite3_step(m_statement);
        sqlite3_reset(m_statement);
        sqlite3_clear_bindings(m_statement);
        if (stepped == SQLITE_DONE)
            return true;
        *error = QString::fromUtf8(sqlite3_errmsg(sqlite3_db_handle(m_statement)));
        return false;
    }

private:
    // What QtSql's SQLite driver binds for the same QVariant: NULL, an
    // integer, or text.
    void bind(int column, const QVariant &value)
    {
        if (value.isNull()) {
            sqlite3_bind_null(m_statement, column);
            return;
        }
        switch (value.metaType().id()) {
        case QMetaType::Int:
        case QMetaType::LongLong:
            sqlite3_bind_int64(m_statement, column, value.toLongLong());
            return;
        case QMetaType::QString: {
            const auto *text = static_cast<const QString *>(value.constData());
            sqlite3_bind_text16(m_statement, column, text->utf16(), int(text->size() * 2),
                                SQLITE_STATIC);
            return;
        }
        default: {
            const QString text = value.toString();
            sqlite3_bind_text16(m_statement, column, text.utf16(), int(text.size() * 2),
                                SQLITE_TRANSIENT);
        }
        }
    }

    sqlite3_stmt *m_statement;
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
    const auto first = logchain::advance(m_connection, tenantId, logchain::kAccess, key, 0);
    if (!first) {
        *error = first.error().message;
        return false;
    }
    struct Chunk
    {
        std::vector<AccessRecord> records;
        ChainedAccessRows rows; // points into `records`, whose buffer moves with it
    };
    logchain::Link place = first.value();
    const auto make = [&] {
        Chunk chunk;
        chunk.records = next();
        std::vector<const AccessRecord *> records;
        records.reserve(chunk.records.size());
        for (const AccessRecord &record : chunk.records)
            records.push_back(&record);
        chunk.rows = AccessLogWriter::chain(key, tenantId, place, std::move(records));
        place = chunk.rows.next();
        return chunk;
    };
    std::future<Chunk> coming = std::async(std::launch::async, make);
    for (;;) {
        const Chunk chunk = coming.get();
        if (chunk.records.empty())
            return true;
        coming = std::async(std::launch::async, make);
        if (!write(key, chunk.rows, error))
            return false; // once the chunk under way is made: ~future waits for it
    }
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
