#pragma once

#include "storeresult.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace engage::server::store {

// One forward-only schema step: schema/NNNN_name.sql, embedded as a resource.
struct Migration
{
    int version = 0;
    QString name;
    QString sql; // portable text; the dialect step maps it when applied
};

// Brings a database to the schema this binary knows, at start-up, before any
// request: each migration runs in its own transaction together with its row in
// schema_migrations(version, applied_at), so a crash leaves the database at
// one version or the next, never between. Refuses a database at a newer
// version than it knows (an older binary must not write to a newer schema).
// Safe when several processes start at once: each step re-reads the version
// under the write lock.
class Migrator final
{
public:
    // The embedded migrations, in version order.
    Migrator();
    // Other steps, for tests.
    explicit Migrator(QList<Migration> migrations);

    int latestVersion() const;
    const QList<Migration> &migrations() const { return m_migrations; }

    // The version the database is at (0 for an empty one).
    StoreResult<int> currentVersion(const QSqlDatabase &database) const;

    // Applies what is missing; returns the version reached. TooNew when the
    // database is ahead of this binary, Database when a step fails (that step
    // is rolled back; earlier ones stay).
    StoreResult<int> migrate(QSqlDatabase database) const;

private:
    QList<Migration> m_migrations;
};

} // namespace engage::server::store
