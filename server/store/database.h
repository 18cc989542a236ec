#pragma once

#include "crypto/secretbytes.h"

#include <QSqlDatabase>
#include <QString>
#include <QUrl>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <set>

namespace engage::server::store {

// Where the data lives: SQLite in the data directory by default, PostgreSQL
// when given a postgres:// URL.
struct DatabaseLocation
{
    QString driver; // "QSQLITE" or "QPSQL"
    QString sqliteFile;
    QUrl postgresUrl;

    // `url` empty means the embedded default, DATA_DIR/engage.sqlite3.
    static std::optional<DatabaseLocation> parse(const QString &url, const QString &dataDir,
                                                 QString *error);
};

// How long a writer waits for another's write lock before it fails
// (SQLite's busy_timeout, and WriteTurns in this process).
inline constexpr std::chrono::milliseconds busyTimeout{5000};

// Hands each thread its own connection (QtSql connections are per thread),
// configured for durability: SQLite in WAL mode with synchronous=FULL.
// Connections stay open for the life of the Database, which must outlive the
// threads that use it: give it long-lived threads, not ones that come and go.
class Database final
{
public:
    explicit Database(DatabaseLocation location);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // This thread's connection, opened on first use. Not valid when the
    // database cannot be reached; `error` then says why.
    QSqlDatabase connection(QString *error = nullptr) const;

    // Whether the database answers a trivial query now.
    bool isReachable() const;

    // The key that MACs the rows of the log chains (Keyring::logChainKey).
    // It lives here because OperationLog::record, called inside every
    // change's transaction, is handed only a connection. Set it at start-up,
    // before the first change is logged.
    void setLogChainKey(crypto::SecretBytes key);
    // The log chain key of the Database that opened `connection`; null when
    // it has none (a store used without its keyring, as some tests do).
    static std::shared_ptr<const crypto::SecretBytes> logChainKeyOf(const QSqlDatabase &connection);

private:
    QString connectionName() const;
    bool configure(QSqlDatabase &database, QString *error) const;

    const DatabaseLocation m_location;
    const QString m_namePrefix;
    mutable std::mutex m_namesMutex;
    mutable std::set<QString> m_names;
};

} // namespace engage::server::store
