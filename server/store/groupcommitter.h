#pragma once

#include "storeresult.h"

#include <QSqlDatabase>
#include <QtGlobal>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

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

    // A write that can be written together with others of its kind: one
    // statement for the rows of many instead of statements for each. The
    // writes of one kind that follow each other in a batch are written
    // together, in one savepoint; when that fails, each is written again
    // alone in its own, so that a failing write still fails alone. Writes
    // are never reordered: a write of another kind between them ends a run.
    class Joinable
    {
    public:
        Joinable() = default;
        virtual ~Joinable() = default;
        Joinable(const Joinable &) = delete;
        Joinable &operator=(const Joinable &) = delete;

        // Which writes it joins: those whose kind() is the same address.
        virtual const void *kind() const = 0;
        // This write alone, as a Write.
        virtual StoreStatus write(const QSqlDatabase &connection) const = 0;
        // A run of writes of this kind, in order (this one first), all or
        // nothing.
        virtual StoreStatus writeTogether(const QSqlDatabase &connection,
                                          const std::vector<const Joinable *> &run) const = 0;
    };

    // Thread-safe; never waits on the database.
    void submit(Write write, Outcome outcome);
    void submit(std::shared_ptr<const Joinable> write, Outcome outcome);

    struct Counts
    {
        quint64 writes = 0;  // written or failed so far
        quint64 batches = 0; // transactions, committed or not
        int largestBatch = 0;
        quint64 joined = 0;   // writes written together with others of their run
        quint64 rewrites = 0; // writes written alone again after their run failed
    };
    Counts counts() const;

private:
    struct Pending
    {
        Write write;                              // or
        std::shared_ptr<const Joinable> joinable; // this
        Outcome outcome;
    };

    GroupCommitter(const Database &database, QThreadPool &workers, int maxBatch);
    void enqueue(Pending pending);
    void schedule();
    void runBatch();
    // Writes batch[first, last) (one Joinable kind if more than one) into
    // `results`, in the open transaction; counts what it joined.
    void writeRun(const QSqlDatabase &connection, const std::vector<Pending> &batch,
                  std::size_t first, std::size_t last, std::vector<StoreStatus> &results,
                  Counts &counts) const;

    const Database &m_database;
    QThreadPool &m_workers;
    const int m_maxBatch;

    mutable std::mutex m_mutex;
    std::deque<Pending> m_queue;
    bool m_batchQueued = false; // a batch is queued on the pool or running
    Counts m_counts;
};

} // namespace engage::server::store
