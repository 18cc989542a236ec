#include "aggregatecache.h"

#include "roundaggregator.h"
#include "store/scopedquery.h"

#include <QMutexLocker>

namespace engage::server::engagement {

store::StoreResult<AggregateCache::Round> AggregateCache::round(const store::TenantScope &scope,
                                                                const QSqlDatabase &database,
                                                                const QString &roundId)
{
    store::ScopedQuery stamp(scope, database);
    stamp.prepare(QStringLiteral("SELECT aggregated_at FROM survey_rounds WHERE "
                                 "tenant_id = :tenant_id AND id = :round"));
    stamp.bindValue(QStringLiteral(":round"), roundId);
    if (!stamp.exec())
        return store::databaseError(QStringLiteral("reading a round's aggregation"),
                                    stamp.errorText());
    if (!stamp.next() || stamp.value(0).toLongLong() == 0)
        return store::StoreError{store::StoreErrorKind::NotFound,
                                 QStringLiteral("no aggregated round")};
    const qint64 aggregatedAt = stamp.value(0).toLongLong();
    stamp.finish();

    const QString key = scope.tenantId() + u'/' + roundId;
    {
        const QMutexLocker locker(&m_mutex);
        const auto found = m_entries.constFind(key);
        if (found != m_entries.cend() && found->aggregatedAt == aggregatedAt)
            return found->round;
    }
    // Loaded outside the lock: readers of other rounds do not wait on it.
    // The cells are at least as new as the stamp read above (they are
    // replaced with it in one transaction); a newer pair makes the next call
    // load once more, never serve stale cells for long.
    auto loaded = RoundAggregator::storedCells(scope, database, roundId);
    if (!loaded)
        return loaded.error();
    Round round{std::make_shared<const QList<Cell>>(std::move(loaded.value())),
                std::make_shared<RoundSumsMemo>()};
    const QMutexLocker locker(&m_mutex);
    Entry &entry = m_entries[key];
    if (entry.aggregatedAt < aggregatedAt)
        entry = Entry{aggregatedAt, round};
    else if (entry.aggregatedAt == aggregatedAt)
        return entry.round; // another thread loaded the same version first: share its sums
    return round;
}

} // namespace engage::server::engagement
