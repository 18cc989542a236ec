#pragma once

#include "store/storeresult.h"
#include "store/tenantscope.h"

#include <QDate>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace engage::server::store {
class Keyring;
}

namespace engage::server::engagement {

// What a generated pulse history looks like (issue 6: the demo's year and
// the dashboard benchmark's tenant). Rounds close every four weeks at 00:00
// UTC, the newest on `lastCloseDay`, each open for the two weeks before its
// close; the first asks the whole bank, the others api::pulseItems(4, k).
struct PulseHistoryPlan
{
    QString surveyName;
    int rounds = 13;
    QDate lastCloseDay;
    quint32 seed = 0;
    // This group's subtree loses engagement round by round (empty: none).
    QString decliningGroupId;
    // This group's subtree struggles until an event, then recovers (empty: none).
    QString improvingGroupId;
    // The event falls a week after this round's close (0-based), between two rounds.
    int eventAfterRound = 6;
    // A shared memo on the event's day, by this person (empty text: none).
    QString memoText;
    QString memoAuthorId;
};

struct PulseHistoryWritten
{
    QString surveyId;
    QStringList roundIds; // oldest first
    QDate eventDay;
    qint64 responses = 0;
};

// Writes a pulse survey and its closed rounds for the tenant's members as
// they are now (those who receive surveys and have a group; ordered by
// employee code, so a seed gives the same answers whatever the random ids),
// and aggregates the rounds with RoundAggregator. The answers follow a
// model, not noise: every member has a lasting level per key factor (a
// general mood, the department's baseline per factor, a personal part), the
// engagement items follow the factors with weights that differ (so the
// factors' impacts differ), and answers are rounded onto the 1-5 scale.
// Response rates stay within 60-95 % in every group and round, varying by
// group and round. Deterministic for a seed: std::mt19937, whose sequence the
// standard fixes, turned into numbers by this file alone.
//
// One transaction per round, then one aggregating every round from a
// single read of the answers (RoundAggregator::aggregateSurvey); a caller's
// open Transaction joins them all.
class PulseHistory final
{
public:
    PulseHistory(QSqlDatabase database, store::Keyring &keyring);

    store::StoreResult<PulseHistoryWritten> write(const store::TenantScope &scope,
                                                  const PulseHistoryPlan &plan);

private:
    QSqlDatabase m_database;
    store::Keyring &m_keyring;
};

} // namespace engage::server::engagement
