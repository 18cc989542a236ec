#include "database.h"

#include <QDir>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrlQuery>
#include <atomic>
#include <map>
#include <mutex>

namespace engage::server::store {

Q_LOGGING_CATEGORY(lcStore, "engage.server.store")

namespace {

std::atomic<int> databaseSerial{0};

// Log chain keys by connection-name prefix, so that a connection leads to the
// key of the Database that opened it (several live in one test process).
std::mutex logChainKeysMutex;
std::map<QString, std::shared_ptr<const crypto::SecretBytes>> logChainKeys;
std::atomic<quint64> threadSerial{0};

// A number for the calling thread, never reused (thread ids are), so that a
// connection is never handed to a thread that did not open it.
quint64 currentThreadSerial()
{
    thread_local const quint64 serial = ++threadSerial;
    return serial;
}

} // namespace

std::optional<DatabaseLocation> DatabaseLocation::parse(const QString &url, const QString &dataDir,
                                                        QString *error)
{
    DatabaseLocation location;
    if (url.isEmpty()) {
        location.driver = QStringLiteral("QSQLITE");
        location.sqliteFile = QDir(dataDir).filePath(QStringLiteral("engage.sqlite3"));
        return location;
    }
    const QUrl parsed(url, QUrl::StrictMode);
    if (parsed.scheme() == QLatin1String("sqlite") && !parsed.path().isEmpty()) {
        location.driver = QStringLiteral("QSQLITE");
        location.sqliteFile = parsed.path();
        return location;
    }
    if ((parsed.scheme() == QLatin1String("postgres") ||
         parsed.scheme() == QLatin1String("postgresql")) &&
        parsed.isValid() && !parsed.host().isEmpty()) {
        location.driver = QStringLiteral("QPSQL");
        location.postgresUrl = parsed;
        return location;
    }
    *error = QStringLiteral("the database URL must be sqlite:///PATH or postgres://USER@HOST/NAME");
    return std::nullopt;
}

Database::Database(DatabaseLocation location)
    : m_location(std::move(location))
    , m_namePrefix(QStringLiteral("engage-%1-").arg(databaseSerial.fetch_add(1)))
{}

// Runs after the threads that used the connections have finished (the owner
// stops its network threads and worker pool first).
Database::~Database()
{
    {
        std::lock_guard keysLock(logChainKeysMutex);
        logChainKeys.erase(m_namePrefix);
    }
    std::lock_guard lock(m_namesMutex);
    // removeDatabase() closes the connection; asking for it with database()
    // from this thread would not be allowed.
    for (const QString &name : m_names)
        QSqlDatabase::removeDatabase(name);
}

void Database::setLogChainKey(crypto::SecretBytes key)
{
    auto shared = std::make_shared<const crypto::SecretBytes>(std::move(key));
    std::lock_guard lock(logChainKeysMutex);
    logChainKeys[m_namePrefix] = std::move(shared);
}

std::shared_ptr<const crypto::SecretBytes> Database::logChainKeyOf(const QSqlDatabase &connection)
{
    // Names are "<prefix><thread serial>", the prefix ending in '-'.
    const QString name = connection.connectionName();
    const QString prefix = name.left(name.lastIndexOf(u'-') + 1);
    std::lock_guard lock(logChainKeysMutex);
    const auto found = logChainKeys.find(prefix);
    return found == logChainKeys.end() ? nullptr : found->second;
}

QString Database::connectionName() const
{
    return m_namePrefix + QString::number(currentThreadSerial());
}

QSqlDatabase Database::connection(QString *error) const
{
    const QString name = connectionName();
    QSqlDatabase database = QSqlDatabase::database(name, false);
    if (!database.isValid()) {
        database = QSqlDatabase::addDatabase(m_location.driver, name);
        std::lock_guard lock(m_namesMutex);
        m_names.insert(name);
        if (m_location.driver == QLatin1String("QSQLITE")) {
            database.setDatabaseName(m_location.sqliteFile);
        } else {
            const QUrl &url = m_location.postgresUrl;
            database.setHostName(url.host());
            database.setPort(url.port(5432));
            database.setDatabaseName(url.path().mid(1));
            database.setUserName(url.userName());
            database.setPassword(url.password());
            database.setConnectOptions(
                QUrlQuery(url).toString(QUrl::FullyDecoded).replace(u'&', u';'));
        }
    }
    if (!database.isOpen()) {
        QString reason;
        if (!database.open()) {
            reason = database.lastError().text();
        } else if (!configure(database, &reason)) {
            database.close();
        }
        if (!database.isOpen()) {
            qCWarning(lcStore) << "cannot open the database:" << reason;
            if (error)
                *error = reason;
        }
    }
    return database;
}

bool Database::configure(QSqlDatabase &database, QString *error) const
{
    if (m_location.driver != QLatin1String("QSQLITE"))
        return true;
    // WAL keeps readers off the writer's back; FULL makes every commit durable.
    // A cache of up to 64 MiB a connection (SQLite's default is 2 MiB): an
    // import's transaction writes tens of thousands of rows into indexes of
    // random keys (blind indexes, ids), and a small cache spills its dirty
    // pages to the WAL again and again before the commit (apply of 50,000
    // members: 9.8 s with the default, 6.4 s with this).
    const QString timeout = QStringLiteral("PRAGMA busy_timeout=%1").arg(busyTimeout.count());
    for (const QString &pragma :
         {QStringLiteral("PRAGMA journal_mode=WAL"), QStringLiteral("PRAGMA synchronous=FULL"),
          QStringLiteral("PRAGMA foreign_keys=ON"), timeout,
          QStringLiteral("PRAGMA cache_size=-65536")}) {
        QSqlQuery query(database);
        if (!query.exec(pragma)) {
            *error = query.lastError().text();
            return false;
        }
    }
    return true;
}

bool Database::isReachable() const
{
    QSqlDatabase database = connection();
    if (!database.isOpen())
        return false;
    QSqlQuery query(database);
    return query.exec(QStringLiteral("SELECT 1")) && query.next();
}

} // namespace engage::server::store
