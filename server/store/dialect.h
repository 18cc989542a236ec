#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace engage::server::store {

// The SQL spellings the store must tell apart. Everything outside server/store
// is written in the portable subset; only the migrator's schema text is mapped.
enum class SqlDialect
{
    Sqlite,
    PostgreSql,
};

SqlDialect dialectOf(const QSqlDatabase &database);

// Maps the portable schema text (written for SQLite) to `dialect`:
// BLOB -> BYTEA and `INTEGER PRIMARY KEY` (SQLite's rowid alias) ->
// `BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY` for PostgreSQL, and a
// table's `WITHOUT ROWID` dropped.
QString translateSchema(const QString &sql, SqlDialect dialect);

// Splits a script into statements at `;` outside quotes, dropping `--`
// comments (QtSql runs one statement per exec()). Empty statements are dropped.
QStringList splitStatements(const QString &script);

// The statement that opens a write transaction: SQLite's IMMEDIATE takes the
// write lock at once, so two writers wait on busy_timeout instead of one failing
// with SQLITE_BUSY when it upgrades a read lock.
QString beginWriteStatement(SqlDialect dialect);

} // namespace engage::server::store
