#include "transaction.h"

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
    QSqlQuery query(m_database);
    if (query.exec(beginWriteStatement(dialectOf(m_database)))) {
        open = OpenTransaction{1, false};
        m_active = true;
        m_outermost = true;
    } else {
        m_error = query.lastError().text();
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
}

} // namespace engage::server::store
