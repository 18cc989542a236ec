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
    std::lock_guard lock(m_mutex);
    m_queue.push_back({std::move(write), std::move(outcome)});
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
        for (const Pending &pending : batch) {
            Savepoint part(connection);
            if (!part.isActive()) {
                results.push_back(databaseError(QStringLiteral("a savepoint"), part.error()));
                continue;
            }
            const StoreStatus written = pending.write(connection);
            results.push_back(written ? part.release() : written);
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

} // namespace engage::server::store
