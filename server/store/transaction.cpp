#include "transaction.h"

#include "database.h"
#include "dialect.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

namespace engage::server::store {

namespace {

struct OpenTransaction
{
    int depth = 0;
    bool rollbackOnly = false;
};

// Per thread, like the connections they describe.
QHash<QString, OpenTransaction> &openTransactions()
{
    thread_local QHash<QString, OpenTransaction> open;
    return open;
}

// Savepoint names, unique within a thread's transactions.
QString nextSavepointName()
{
    thread_local quint64 serial = 0;
    return QStringLiteral("engage_part_%1").arg(++serial);
}

} // namespace

// Plain statements rather than QSqlDatabase::transaction(): SQLite needs
// BEGIN IMMEDIATE (see beginWriteStatement), which the driver cannot say.
Transaction::Transaction(QSqlDatabase database)
    : m_database(std::move(database))
{
    OpenTransaction &open = openTransactions()[m_database.connectionName()];
    if (open.depth > 0) {
        ++open.depth;
        m_active = true;
        return;
    }
    const SqlDialect dialect = dialectOf(m_database);
    if (dialect == SqlDialect::Sqlite) {
        m_turn = WriteTurn::take(m_database.databaseName(), busyTimeout);
        if (!m_turn) {
            m_error = QStringLiteral("database is locked: other writers held it for %1 ms")
                          .arg(busyTimeout.count());
            openTransactions().remove(m_database.connectionName());
            return;
        }
    }
    QSqlQuery query(m_database);
    if (query.exec(beginWriteStatement(dialect))) {
        open = OpenTransaction{1, false};
        m_active = true;
        m_outermost = true;
    } else {
        m_error = query.lastError().text();
        m_turn.release();
        openTransactions().remove(m_database.connectionName());
    }
}

Transaction::~Transaction()
{
    if (m_active)
        rollback();
}

StoreStatus Transaction::commit()
{
    if (!m_active)
        return databaseError(QStringLiteral("commit without a transaction"), m_error);
    OpenTransaction &open = openTransactions()[m_database.connectionName()];
    if (!m_outermost) {
        --open.depth;
        m_active = false;
        return Done{};
    }
    if (open.rollbackOnly) {
        rollback();
        return databaseError(QStringLiteral("commit"),
                             QStringLiteral("a nested step failed; rolled back"));
    }
    QSqlQuery query(m_database);
    if (!query.exec(QStringLiteral("COMMIT"))) {
        const QString reason = query.lastError().text();
        rollback();
        return databaseError(QStringLiteral("commit"), reason);
    }
    m_active = false;
    m_turn.release();
    openTransactions().remove(m_database.connectionName());
    return Done{};
}

void Transaction::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    if (!m_outermost) {
        OpenTransaction &open = openTransactions()[m_database.connectionName()];
        --open.depth;
        open.rollbackOnly = true;
        return;
    }
    openTransactions().remove(m_database.connectionName());
    QSqlQuery query(m_database);
    query.exec(QStringLiteral("ROLLBACK"));
    m_turn.release();
}

Savepoint::Savepoint(QSqlDatabase database)
    : m_database(std::move(database))
    , m_name(nextSavepointName())
{
    const auto open = openTransactions().constFind(m_database.connectionName());
    if (open == openTransactions().constEnd()) {
        m_error = QStringLiteral("a savepoint outside a transaction");
        return;
    }
    m_markedBefore = open->rollbackOnly;
    QSqlQuery query(m_database);
    if (!query.exec(QStringLiteral("SAVEPOINT ") + m_name)) {
        m_error = query.lastError().text();
        return;
    }
    m_active = true;
}

Savepoint::~Savepoint()
{
    if (m_active)
        rollback();
}

StoreStatus Savepoint::release()
{
    if (!m_active)
        return databaseError(QStringLiteral("release without a savepoint"), m_error);
    if (openTransactions().value(m_database.connectionName()).rollbackOnly && !m_markedBefore) {
        rollback();
        return databaseError(QStringLiteral("release"),
                             QStringLiteral("a step failed; rolled back to the savepoint"));
    }
    QSqlQuery query(m_database);
    if (!query.exec(QStringLiteral("RELEASE SAVEPOINT ") + m_name)) {
        const QString reason = query.lastError().text();
        rollback();
        return databaseError(QStringLiteral("release"), reason);
    }
    m_active = false;
    return Done{};
}

void Savepoint::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    // Both statements: ROLLBACK TO keeps the savepoint open, and PostgreSQL
    // needs it to leave the failed state a statement inside put it in.
    QSqlQuery query(m_database);
    query.exec(QStringLiteral("ROLLBACK TO SAVEPOINT ") + m_name);
    query.exec(QStringLiteral("RELEASE SAVEPOINT ") + m_name);
    const auto open = openTransactions().find(m_database.connectionName());
    if (open != openTransactions().end())
        open->rollbackOnly = m_markedBefore;
}

} // namespace engage::server::store
