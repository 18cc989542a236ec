#include "groupcommitter.h"

#include "database.h"
#include "transaction.h"

#include <QThreadPool>
#include <algorithm>
#include <cstddef>
#include <iterator>
#include <optional>
#include <vector>

namespace engage::server::store {

std::shared_ptr<GroupCommitter> GroupCommitter::create(const Database &database,
                                                       QThreadPool &workers, int maxBatch)
{
    return std::shared_ptr<GroupCommitter>(new GroupCommitter(database, workers, maxBatch));
}

GroupCommitter::GroupCommitter(const Database &database, QThreadPool &workers, int maxBatch)
    : m_database(database)
    , m_workers(workers)
    , m_maxBatch(std::max(1, maxBatch))
{}

void GroupCommitter::submit(Write write, Outcome outcome)
{
    enqueue({std::move(write), nullptr, std::move(outcome)});
}

void GroupCommitter::submit(std::shared_ptr<const Joinable> write, Outcome outcome)
{
    enqueue({nullptr, std::move(write), std::move(outcome)});
}

void GroupCommitter::enqueue(Pending pending)
{
    std::lock_guard lock(m_mutex);
    m_queue.push_back(std::move(pending));
    if (!m_batchQueued) {
        m_batchQueued = true;
        schedule();
    }
}

GroupCommitter::Counts GroupCommitter::counts() const
{
    std::lock_guard lock(m_mutex);
    return m_counts;
}

// Called with m_mutex held and m_batchQueued set.
void GroupCommitter::schedule()
{
    m_workers.start([self = shared_from_this()] { self->runBatch(); }, batchPriority);
}

void GroupCommitter::runBatch()
{
    std::vector<Pending> batch;
    {
        std::lock_guard lock(m_mutex);
        const std::size_t taken = std::min(m_queue.size(), std::size_t(m_maxBatch));
        batch.reserve(taken);
        const auto end = m_queue.begin() + std::ptrdiff_t(taken);
        std::move(m_queue.begin(), end, std::back_inserter(batch));
        m_queue.erase(m_queue.begin(), end);
    }

    std::vector<StoreStatus> results;
    results.reserve(batch.size());
    Counts counts;
    QString error;
    const QSqlDatabase connection = m_database.connection(&error);
    std::optional<Transaction> transaction;
    if (connection.isOpen())
        transaction.emplace(connection);
    if (!transaction || !transaction->isActive()) {
        const StoreStatus failed = databaseError(QStringLiteral("beginning a group commit"),
                                                 transaction ? transaction->error() : error);
        results.assign(batch.size(), failed);
    } else {
        // Runs of joinable writes of one kind, and every other write alone.
        for (std::size_t first = 0; first < batch.size();) {
            std::size_t last = first + 1;
            if (const Joinable *joinable = batch[first].joinable.get()) {
                while (last < batch.size() && batch[last].joinable &&
                       batch[last].joinable->kind() == joinable->kind())
                    ++last;
            }
            writeRun(connection, batch, first, last, results, counts);
            first = last;
        }
        if (const StoreStatus committed = transaction->commit(); !committed) {
            for (StoreStatus &result : results) {
                if (result)
                    result = committed;
            }
        }
    }
    transaction.reset();

    {
        std::lock_guard lock(m_mutex);
        m_counts.writes += batch.size();
        m_counts.joined += counts.joined;
        m_counts.rewrites += counts.rewrites;
        ++m_counts.batches;
        m_counts.largestBatch = std::max(m_counts.largestBatch, int(batch.size()));
        // The next batch may begin while this one answers: it is committed.
        if (m_queue.empty())
            m_batchQueued = false;
        else
            schedule();
    }
    for (std::size_t i = 0; i < batch.size(); ++i)
        batch[i].outcome(results[i]);
}

void GroupCommitter::writeRun(const QSqlDatabase &connection, const std::vector<Pending> &batch,
                              std::size_t first, std::size_t last,
                              std::vector<StoreStatus> &results, Counts &counts) const
{
    const auto alone = [&connection](const Pending &pending) -> StoreStatus {
        Savepoint part(connection);
        if (!part.isActive())
            return databaseError(QStringLiteral("a savepoint"), part.error());
        const StoreStatus written =
            pending.joinable ? pending.joinable->write(connection) : pending.write(connection);
        return written ? part.release() : written;
    };
    if (last - first > 1) {
        std::vector<const Joinable *> run;
        run.reserve(last - first);
        for (std::size_t i = first; i < last; ++i)
            run.push_back(batch[i].joinable.get());
        Savepoint part(connection);
        if (part.isActive()) {
            StoreStatus written = run.front()->writeTogether(connection, run);
            if (written)
                written = part.release();
            if (written) {
                results.insert(results.end(), last - first, written);
                counts.joined += last - first;
                return;
            }
            part.rollback();
        }
        counts.rewrites += last - first;
    }
    for (std::size_t i = first; i < last; ++i)
        results.push_back(alone(batch[i]));
}

} // namespace engage::server::store
