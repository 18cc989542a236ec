#pragma once

#include "storeresult.h"

#include <QSqlDatabase>
#include <QtGlobal>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>

class QThreadPool;

namespace engage::server::store {

class Database;

// Group commit: the writes that arrive together are committed together. Each
// write runs in its own Savepoint of one transaction on one connection, and
// each is told its outcome only after that transaction committed, so every
// write acknowledged is durable (SQLite synchronous=FULL) while N writes
// arriving together cost one commit, one sync of the WAL, instead of N. A
// write that fails rolls back to its savepoint alone: the others of its batch
// still commit.
//
// No thread of its own: a batch is a task on the worker pool, queued ahead of
// the requests waiting there, and there is one batch at a time. It takes
// everything that queued up while the previous one committed (at most
// `maxBatch`), so a batch closes when the one before it has committed, and a
// write after a quiet spell commits at once, waiting for nobody. Between
// batches nothing holds the database's write lock.
//
// Made shared (create()): queued batches keep it alive, so it may be dropped
// while they run. The Database and the pool must outlive it.
class GroupCommitter final : public std::enable_shared_from_this<GroupCommitter>
{
public:
    // Writes on `connection` inside the batch's transaction (repositories
    // join it). Runs on a worker thread; must not commit or wait on others.
    using Write = std::function<StoreStatus(const QSqlDatabase &connection)>;
    // The write's outcome once its batch is over: Done only when committed.
    // Called exactly once, on the worker that ran the batch.
    using Outcome = std::function<void(const StoreStatus &status)>;

    static constexpr int defaultMaxBatch = 256;
    // The pool's priority of a batch: above the requests' (0), so that a
    // batch does not wait for the requests queued after its writes.
    static constexpr int batchPriority = 1;

    static std::shared_ptr<GroupCommitter> create(const Database &database, QThreadPool &workers,
                                                  int maxBatch = defaultMaxBatch);
    GroupCommitter(const GroupCommitter &) = delete;
    GroupCommitter &operator=(const GroupCommitter &) = delete;

    // Thread-safe; never waits on the database.
    void submit(Write write, Outcome outcome);

    struct Counts
    {
        quint64 writes = 0;  // written or failed so far
        quint64 batches = 0; // transactions, committed or not
        int largestBatch = 0;
    };
    Counts counts() const;

private:
    struct Pending
    {
        Write write;
        Outcome outcome;
    };

    GroupCommitter(const Database &database, QThreadPool &workers, int maxBatch);
    void schedule();
    void runBatch();

    const Database &m_database;
    QThreadPool &m_workers;
    const int m_maxBatch;

    mutable std::mutex m_mutex;
    std::deque<Pending> m_queue;
    bool m_batchQueued = false; // a batch is queued on the pool or running
    Counts m_counts;
};

} // namespace engage::server::store
