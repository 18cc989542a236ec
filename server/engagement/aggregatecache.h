#pragma once

#include "cellsums.h"
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
    using Cells = std::shared_ptr<const QList<Cell>>;

    AggregateCache() = default;
    Q_DISABLE_COPY_MOVE(AggregateCache)

    // NotFound for a round never aggregated (or another tenant's).
    store::StoreResult<Cells> cells(const store::TenantScope &scope, const QSqlDatabase &database,
                                    const QString &roundId);

private:
    struct Entry
    {
        qint64 aggregatedAt = 0;
        Cells cells;
    };
    QMutex m_mutex;
    QHash<QString, Entry> m_entries; // tenant id + '/' + round id
};

} // namespace engage::server::engagement
