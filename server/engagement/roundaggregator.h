#pragma once

#include "cellsums.h"
#include "store/pulserepository.h"
#include "store/storeresult.h"
#include "store/tenantscope.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace engage::server::store {
class Keyring;
}

namespace engage::server::engagement {

// Builds a round's cells (issue 6) from raw answers, once: when the round
// closes, and again when a late answer arrives (for that round and every
// later closed round of the survey whose validity window reaches it).
//
// For a round closing at T with validity V days, a respondent's answers are,
// per item, their latest answer of the survey answered in (T - V, T]. A
// respondent counts in the cell of their group and snapshot in this round
// (their target row); one not targeted by this round (their answers older)
// in the cell of their latest response in the window. Targets who did not
// respond count only towards `targets`. The result replaces round_cells of
// the round and stamps survey_rounds.aggregated_at, in one transaction.
class RoundAggregator final
{
public:
    RoundAggregator(QSqlDatabase database, store::Keyring &keyring);

    // The cells, computed and stored; `validityDays` from the tenant's settings.
    store::StoreResult<QList<Cell>> aggregate(const store::TenantScope &scope,
                                              const QString &roundId, int validityDays,
                                              const QDateTime &at);

    // Every closed round of the survey, oldest first, from one read of its
    // answers (what seeding a history needs: rounds' windows overlap, and
    // reading them round by round read most answers several times); the
    // cells are those aggregate() gives each round. Their ids.
    store::StoreResult<QStringList> aggregateSurvey(const store::TenantScope &scope,
                                                    const QString &surveyId, int validityDays,
                                                    const QDateTime &at);

    // After a late answer to `roundId`: re-aggregates it and the later
    // closed rounds of its survey within the validity window; their ids.
    store::StoreResult<QStringList> reaggregateFrom(const store::TenantScope &scope,
                                                    const QString &roundId, int validityDays,
                                                    const QDateTime &at);

    // What is stored for a round (NotFound before its first aggregation).
    static store::StoreResult<QList<Cell>> storedCells(const store::TenantScope &scope,
                                                       const QSqlDatabase &database,
                                                       const QString &roundId);

private:
    // `rounds` of one survey, their answers read once, in one transaction;
    // each round's cells when `keepCells`.
    store::StoreResult<QList<QList<Cell>>> aggregateRounds(const store::TenantScope &scope,
                                                           const QList<store::StoredRound> &rounds,
                                                           int validityDays, const QDateTime &at,
                                                           bool keepCells);

    QSqlDatabase m_database;
    store::Keyring &m_keyring;
};

} // namespace engage::server::engagement
