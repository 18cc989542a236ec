#include "migrator.h"

#include "dialect.h"
#include "transaction.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>

namespace engage::server::store {

namespace {

Q_LOGGING_CATEGORY(lcMigrator, "engage.server.store.migrator")

const QString kSchemaDir = QStringLiteral(":/engage/store/schema");

QList<Migration> embeddedMigrations()
{
    QList<Migration> migrations;
    static const QRegularExpression pattern(QStringLiteral("^([0-9]{4})_([a-z0-9_]+)\\.sql$"));
    const QStringList files =
        QDir(kSchemaDir).entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        const QRegularExpressionMatch match = pattern.match(file);
        QFile source(QDir(kSchemaDir).filePath(file));
        if (!match.hasMatch() || !source.open(QIODevice::ReadOnly)) {
            qCCritical(lcMigrator) << "unusable embedded migration" << file;
            continue;
        }
        migrations.append(Migration{match.captured(1).toInt(), match.captured(2),
                                    QString::fromUtf8(source.readAll())});
    }
    return migrations;
}

// The bookkeeping table itself is not a migration: it must exist before the
// first one can be recorded. Written so that the dialect step needs no change.
bool ensureBookkeeping(QSqlDatabase &database, QString *error)
{
    QSqlQuery query(database);
    if (!query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                                   "version INTEGER NOT NULL PRIMARY KEY, "
                                   "applied_at BIGINT NOT NULL)"))) {
        *error = query.lastError().text();
        return false;
    }
    return true;
}

StoreResult<int> readVersion(const QSqlDatabase &database)
{
    QSqlQuery query(database);
    if (!query.exec(QStringLiteral("SELECT MAX(version) FROM schema_migrations")))
        return databaseError(QStringLiteral("reading the schema version"),
                             query.lastError().text());
    return query.next() && !query.value(0).isNull() ? query.value(0).toInt() : 0;
}

} // namespace

Migrator::Migrator()
    : Migrator(embeddedMigrations())
{}

Migrator::Migrator(QList<Migration> migrations)
    : m_migrations(std::move(migrations))
{
    std::sort(m_migrations.begin(), m_migrations.end(),
              [](const Migration &a, const Migration &b) { return a.version < b.version; });
}

int Migrator::latestVersion() const
{
    return m_migrations.isEmpty() ? 0 : m_migrations.constLast().version;
}

StoreResult<int> Migrator::currentVersion(const QSqlDatabase &database) const
{
    QSqlDatabase connection = database;
    QString error;
    if (!ensureBookkeeping(connection, &error))
        return databaseError(QStringLiteral("creating schema_migrations"), error);
    return readVersion(database);
}

StoreResult<int> Migrator::migrate(QSqlDatabase database) const
{
    QString error;
    if (!ensureBookkeeping(database, &error))
        return databaseError(QStringLiteral("creating schema_migrations"), error);
    const SqlDialect dialect = dialectOf(database);
    int version = 0;
    // One pass more than there are steps: the last one only confirms.
    for (;;) {
        Transaction transaction(database);
        if (!transaction.isActive())
            return databaseError(QStringLiteral("starting a migration"), transaction.error());
        if (dialect == SqlDialect::PostgreSql) {
            // SQLite's BEGIN IMMEDIATE already serialises starting processes.
            QSqlQuery lock(database);
            if (!lock.exec(QStringLiteral("LOCK TABLE schema_migrations IN EXCLUSIVE MODE")))
                return databaseError(QStringLiteral("locking schema_migrations"),
                                     lock.lastError().text());
        }
        const StoreResult<int> current = readVersion(database);
        if (!current)
            return current;
        version = current.value();
        if (version > latestVersion()) {
            return StoreError{StoreErrorKind::TooNew,
                              QStringLiteral("the database is at schema version %1, newer than "
                                             "this engage-server knows (%2): use a newer release")
                                  .arg(version)
                                  .arg(latestVersion())};
        }
        const auto next =
            std::find_if(m_migrations.cbegin(), m_migrations.cend(),
                         [version](const Migration &m) { return m.version > version; });
        if (next == m_migrations.cend())
            return version;

        for (const QString &statement : splitStatements(translateSchema(next->sql, dialect))) {
            QSqlQuery query(database);
            if (!query.exec(statement)) {
                return databaseError(QStringLiteral("migration %1_%2")
                                         .arg(next->version, 4, 10, QLatin1Char('0'))
                                         .arg(next->name),
                                     query.lastError().text());
            }
        }
        QSqlQuery record(database);
        record.prepare(QStringLiteral(
            "INSERT INTO schema_migrations (version, applied_at) VALUES (:version, :at)"));
        record.bindValue(QStringLiteral(":version"), next->version);
        record.bindValue(QStringLiteral(":at"), QDateTime::currentMSecsSinceEpoch());
        if (!record.exec())
            return databaseError(QStringLiteral("recording a migration"),
                                 record.lastError().text());
        record.finish();
        const StoreStatus committed = transaction.commit();
        if (!committed)
            return committed.error();
        qCInfo(lcMigrator).noquote() << QStringLiteral("applied schema migration %1_%2")
                                            .arg(next->version, 4, 10, QLatin1Char('0'))
                                            .arg(next->name);
    }
}

} // namespace engage::server::store
