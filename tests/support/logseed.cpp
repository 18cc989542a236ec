#include "logseed.h"

#include "crypto/masterkey.h"
#include "store/accesslogbulk.h"
#include "store/keyring.h"
#include "store/transaction.h"

#include <QDir>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>
#include <optional>
#include <vector>

namespace engage::test {

namespace crypto = server::crypto;
namespace store = server::store;

namespace {

// Rows handed to the loader at a time.
constexpr qsizetype kBatchRows = 50000;

// One connection per call, closed and removed on the way out.
class Connection final
{
public:
    explicit Connection(const QString &dataDir)
        : m_name(QUuid::createUuid().toString(QUuid::WithoutBraces))
    {
        QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        database.setDatabaseName(QDir(dataDir).filePath(QStringLiteral("engage.sqlite3")));
        database.open();
    }
    ~Connection()
    {
        {
            QSqlDatabase database = QSqlDatabase::database(m_name, false);
            database.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    QSqlDatabase database() const { return QSqlDatabase::database(m_name, false); }

private:
    QString m_name;
};

QString failure(const char *what, const QSqlQuery &query)
{
    return QString::fromLatin1(what) + QStringLiteral(": ") + query.lastError().text();
}

QString tenantId(const QSqlDatabase &database, const QString &slug, QString *error)
{
    QSqlQuery query(database);
    query.prepare(QStringLiteral("SELECT id FROM tenants WHERE slug = ?"));
    query.addBindValue(slug);
    if (!query.exec() || !query.next()) {
        *error = failure("no such tenant", query);
        return {};
    }
    return query.value(0).toString();
}

// The head waits for the rows to be sealed (from the genesis value, the
// older rows again with the same MACs).
bool waitForSeal(const QSqlDatabase &database, const QString &tenant, const QString &log,
                 qint64 lastSeq, QString *error)
{
    QSqlQuery head(database);
    head.prepare(QStringLiteral(
        "INSERT INTO log_chain_heads (tenant_id, log, seq, hash) VALUES (?, ?, ?, NULL) "
        "ON CONFLICT (tenant_id, log) DO UPDATE SET seq = excluded.seq, hash = NULL"));
    head.addBindValue(tenant);
    head.addBindValue(log);
    head.addBindValue(lastSeq);
    if (!head.exec()) {
        *error = failure("moving the chain head", head);
        return false;
    }
    return true;
}

// The rows after `afterSeq` counted into log_counts as schema 7 counted the
// rows already there (server/store/schema/0007_log_counts.sql): the
// histogram of an unfiltered log reads the counts, not the rows.
bool countSeeded(const QSqlDatabase &database, const QString &tenant, const QString &log,
                 qint64 afterSeq, QString *error)
{
    QSqlQuery count(database);
    count.prepare(QStringLiteral("INSERT INTO log_counts (tenant_id, log, slot_at, row_count) "
                                 "SELECT tenant_id, ?, at - ((at % 900000) + 900000) % 900000 AS "
                                 "slot, COUNT(*) FROM %1_log WHERE tenant_id = ? AND tenant_seq > "
                                 "? GROUP BY tenant_id, slot ON CONFLICT (tenant_id, log, slot_at) "
                                 "DO UPDATE SET row_count = log_counts.row_count + "
                                 "excluded.row_count")
                      .arg(log));
    count.addBindValue(log);
    count.addBindValue(tenant);
    count.addBindValue(afterSeq);
    if (!count.exec()) {
        *error = failure("counting the rows", count);
        return false;
    }
    return true;
}

bool seedOperations(const QSqlDatabase &database, const QString &tenant, const LogSeed &seed,
                    const QStringList &people, QString *error)
{
    if (seed.operationRows == 0)
        return true;
    QSqlQuery head(database);
    head.prepare(QStringLiteral(
        "SELECT COALESCE(MAX(tenant_seq), 0) FROM operation_log WHERE tenant_id = ?"));
    head.addBindValue(tenant);
    if (!head.exec() || !head.next()) {
        *error = failure("reading the newest change", head);
        return false;
    }
    const qint64 lastSeq = head.value(0).toLongLong();
    QSqlQuery insert(database);
    insert.prepare(QStringLiteral(
        "INSERT INTO operation_log (tenant_id, at, request_id, actor_id, target_type, target_id, "
        "action, summary, changes, tenant_seq) VALUES (?, ?, ?, ?, 'member', ?, "
        "'member.update', 'changed status, email', ?, ?)"));
    const QString changes =
        QStringLiteral(R"([{"field":"status","before":"active","after":"onLeave","masked":false},)"
                       R"({"field":"email","masked":true}])");
    const qint64 newestMs = seed.newest.toMSecsSinceEpoch();
    for (qint64 i = 1; i <= seed.operationRows; ++i) {
        insert.bindValue(0, tenant);
        insert.bindValue(1, newestMs - (seed.operationRows - i) * seed.spacingMs);
        insert.bindValue(2, QString(QStringLiteral("seed-op-") + QString::number(i)));
        insert.bindValue(3, people.isEmpty() ? QString() : people.constFirst());
        insert.bindValue(4, QString(QStringLiteral("member-") + QString::number(i)));
        insert.bindValue(5, changes);
        insert.bindValue(6, lastSeq + i);
        if (!insert.exec()) {
            *error = failure("inserting a change", insert);
            return false;
        }
    }
    return countSeeded(database, tenant, QStringLiteral("operation"), lastSeq, error) &&
           waitForSeal(database, tenant, QStringLiteral("operation"), lastSeq + seed.operationRows,
                       error);
}

} // namespace

QString seededPath(qint64 i)
{
    return QStringLiteral("/api/v1/seeded/") + QString::number(i);
}

int seededStatus(qint64 i)
{
    if (i % 97 == 0)
        return 500;
    return i % 10 == 0 ? 404 : 200;
}

QString seededMethod(qint64 i)
{
    return i % 7 == 0 ? QStringLiteral("POST") : QStringLiteral("GET");
}

QString seededAddress(qint64 i)
{
    return QStringLiteral("10.0.%1.%2").arg((i / 256) % 256).arg(i % 256);
}

SeedOutcome seedAccessLog(const QString &dataDir, const LogSeed &seed)
{
    SeedOutcome outcome;
    Connection connection(dataDir);
    QSqlDatabase database = connection.database();
    if (!database.isOpen()) {
        outcome.error = database.lastError().text();
        return outcome;
    }
    const QString tenant = tenantId(database, seed.tenantSlug, &outcome.error);
    if (tenant.isEmpty())
        return outcome;
    {
        QSqlQuery people(database);
        people.prepare(QStringLiteral("SELECT id FROM people WHERE tenant_id = ? ORDER BY id"));
        people.addBindValue(tenant);
        if (!people.exec()) {
            outcome.error = failure("reading people", people);
            return outcome;
        }
        while (people.next())
            outcome.personIds.append(people.value(0).toString());
    }
    qint64 lastSeq = 0;
    {
        QSqlQuery head(database);
        head.prepare(QStringLiteral(
            "SELECT COALESCE(MAX(tenant_seq), 0) FROM access_log WHERE tenant_id = ?"));
        head.addBindValue(tenant);
        if (!head.exec() || !head.next()) {
            outcome.error = failure("reading the newest row", head);
            return outcome;
        }
        lastSeq = head.value(0).toLongLong();
    }
    outcome.firstSeq = lastSeq + 1;

    std::optional<crypto::MasterKey> masterKey = crypto::MasterKey::load(dataDir, &outcome.error);
    if (!masterKey)
        return outcome;
    const store::Keyring keyring(std::move(*masterKey));

    store::Transaction transaction(database);
    if (!transaction.isActive()) {
        outcome.error = transaction.error();
        return outcome;
    }
    // Rows are chained and MACed as the service's writer does it, through
    // the bulk loader: the server has nothing to seal when it starts.
    // The indexes are made once after the rows: kept up row by row through
    // SQLite's small default cache, they cost most of the time.
    store::AccessLogBulkLoader loader(database);
    if (!loader.isValid()) {
        outcome.error = loader.error();
        return outcome;
    }
    if (!loader.deferIndexes(&outcome.error))
        return outcome;
    const qint64 newestMs = seed.newest.toMSecsSinceEpoch();
    qint64 made = 0;
    const auto next = [&] {
        std::vector<store::AccessRecord> chunk;
        for (const qint64 end = std::min(seed.rows, made + kBatchRows); made < end;) {
            const qint64 i = ++made;
            store::AccessRecord record;
            record.atMs = newestMs - (seed.rows - i) * seed.spacingMs;
            record.requestId = QStringLiteral("seed-") + QString::number(i);
            record.tenantId = tenant;
            if (i % 3 != 0 && !outcome.personIds.isEmpty())
                record.personId = outcome.personIds.at(i % outcome.personIds.size());
            record.address = seededAddress(i);
            record.method = seededMethod(i);
            record.path = seededPath(i);
            record.status = seededStatus(i);
            record.latencyUs = i % 5000;
            record.userAgent = QStringLiteral("seed/1.0");
            // Already as normalise() leaves a record: short ASCII fields.
            chunk.push_back(std::move(record));
        }
        return chunk;
    };
    if (!loader.load(&keyring.logChainKey(), tenant, next, &outcome.error))
        return outcome;
    if (!loader.makeIndexes(&outcome.error) ||
        !seedOperations(database, tenant, seed, outcome.personIds, &outcome.error))
        return outcome;
    if (const auto committed = transaction.commit(); !committed) {
        outcome.error = committed.error().message;
        return outcome;
    }
    outcome.ok = true;
    return outcome;
}

bool setSecurityOption(const QString &dataDir, const QString &tenantSlug, bool on, QString *error)
{
    Connection connection(dataDir);
    QSqlQuery update(connection.database());
    update.prepare(QStringLiteral("UPDATE tenants SET security_option = ? WHERE slug = ?"));
    update.addBindValue(on ? 1 : 0);
    update.addBindValue(tenantSlug);
    if (!update.exec() || update.numRowsAffected() != 1) {
        *error = failure("setting the security option", update);
        return false;
    }
    return true;
}

std::unique_ptr<ServerProcess> startSeededServer(const QString &dataDir, const LogSeed &seed,
                                                 const QStringList &withoutOption,
                                                 int startTimeoutMs, QString *error,
                                                 SeedOutcome *outcome)
{
    {
        ServerProcess first(dataDir);
        if (!first.start()) {
            *error = first.errorString();
            return nullptr;
        }
        first.terminate();
        if (!first.waitForExit(30000)) {
            *error = QStringLiteral("the first server did not stop");
            return nullptr;
        }
    }
    if (seed.rows > 0) {
        QElapsedTimer clock;
        clock.start();
        SeedOutcome seeded = seedAccessLog(dataDir, seed);
        if (!seeded.ok) {
            *error = seeded.error;
            return nullptr;
        }
        qInfo("seeded %lld access rows in %lld ms", seed.rows, qint64(clock.elapsed()));
        if (outcome)
            *outcome = seeded;
    }
    for (const QString &slug : withoutOption) {
        if (!setSecurityOption(dataDir, slug, false, error))
            return nullptr;
    }
    auto server = std::make_unique<ServerProcess>(dataDir);
    if (!server->start({}, startTimeoutMs)) {
        *error = server->errorString();
        return nullptr;
    }
    return server;
}

} // namespace engage::test
