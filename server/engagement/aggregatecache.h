#pragma once

#include "cellsums.h"
#include "roundsums.h"
#include "store/storeresult.h"
#include "store/tenantscope.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QSqlDatabase>
#include <QString>
#include <memory>

namespace engage::server::engagement {

// The stored cells of rounds, in memory (one per service, shared by the
// worker threads), so that a dashboard request reads one small row
// (survey_rounds.aggregated_at) and no cells when nothing changed. Keyed by
// tenant and round; an entry is reloaded when the round's aggregated_at
// differs from the cached one, so another instance's re-aggregation is seen.
class AggregateCache final
{
public:
    // One version of a round's cells, and the sums made of them so far.
    struct Round
    {
        std::shared_ptr<const QList<Cell>> cells;
        std::shared_ptr<RoundSumsMemo> sums;
    };

    AggregateCache() = default;
    Q_DISABLE_COPY_MOVE(AggregateCache)

    // NotFound for a round never aggregated (or another tenant's).
    store::StoreResult<Round> round(const store::TenantScope &scope, const QSqlDatabase &database,
                                    const QString &roundId);

private:
    struct Entry
    {
        qint64 aggregatedAt = 0;
        Round round;
    };
    QMutex m_mutex;
    QHash<QString, Entry> m_entries; // tenant id + '/' + round id
};

} // namespace engage::server::engagement
