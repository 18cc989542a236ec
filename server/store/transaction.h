#pragma once

#include "storeresult.h"
#include "writeturns.h"

#include <QSqlDatabase>

namespace engage::server::store {

// A write transaction on a connection, rolled back unless committed: a
// repository call and its operation-log row commit together or not at all.
//
// Nesting joins: a Transaction opened while another is open on the same
// connection (a repository method called inside the caller's transaction)
// neither begins nor commits; its rollback (or destruction uncommitted) marks
// the outer one so that its commit fails. Connections are per thread, so the
// bookkeeping is too.
class Transaction final
{
public:
    explicit Transaction(QSqlDatabase database);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    // Whether BEGIN succeeded (or an outer transaction is open); `error()` says why not.
    bool isActive() const { return m_active; }
    const QString &error() const { return m_error; }

    // COMMIT for the outermost; durable on return (SQLite synchronous=FULL).
    StoreStatus commit();
    void rollback();

private:
    QSqlDatabase m_database;
    // SQLite's write lock, taken in this process's order (WriteTurns).
    WriteTurn m_turn;
    bool m_active = false;
    bool m_outermost = false;
    QString m_error;
};

// A part of the open Transaction that can fail alone (SAVEPOINT): what it
// wrote is undone by rollback() or by destruction unreleased, and a step
// inside it that rolls back (a nested Transaction joining the outer one)
// fails only this part instead of marking the whole transaction, so the
// outer one still commits what the other parts wrote. The group committer
// runs each request's write in one.
class Savepoint final
{
public:
    // Needs a Transaction open on `database` in this thread.
    explicit Savepoint(QSqlDatabase database);
    ~Savepoint();
    Savepoint(const Savepoint &) = delete;
    Savepoint &operator=(const Savepoint &) = delete;

    bool isActive() const { return m_active; }
    const QString &error() const { return m_error; }

    // Keeps what the part wrote in the transaction; when a step inside
    // rolled back, undoes the part instead and answers why.
    StoreStatus release();
    void rollback();

private:
    QSqlDatabase m_database;
    QString m_name;
    bool m_active = false;
    bool m_markedBefore = false; // the transaction's rollback mark when the part began
    QString m_error;
};

} // namespace engage::server::store
