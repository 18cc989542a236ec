#pragma once

#include "deliverysender.h"

#include <QDateTime>
#include <QDeadlineTimer>

namespace engage::server::store {
class Database;
class Keyring;
} // namespace engage::server::store

namespace engage::server::jobs {

// What one tick did; failures were logged and are tried again next tick.
struct TickReport
{
    int roundsOpened = 0;
    int roundsClosed = 0;
    int roundsAggregated = 0;
    int sent = 0;    // handed to the sender
    int settled = 0; // printed or skipped without the sender
    int resumed = 0; // interrupted deliveries dealt with
    int failures = 0;
    // The deadline came with deliveries still due: tick again soon.
    bool unfinished = false;
};

// The survey scheduler (issue 7). tick(now) does, for every tenant's
// published surveys, whatever is due at `now`, and nothing twice:
//
//  1. interrupted deliveries ('sending' for over a minute) are re-sent or
//     counted as sent, as the sender decides (DeliverySender::mayResend);
//  2. each round whose opening is due (api::plannedRound) and that does not
//     exist yet is created open, its targets snapshotted and its invitation
//     and reminders planned, in one transaction; a round whose whole period
//     passed while the service was down is not opened late;
//  3. each open round whose closesAt passed is closed (its pending
//     deliveries skipped), in one transaction, then aggregated
//     (engagement::RoundAggregator; a closed round not yet aggregated is
//     aggregated at the next tick, so a stop in between loses nothing);
//  4. due deliveries are handed to the sender one at a time (DeliveryQueue:
//     'sending' committed before the send, the outcome after it).
//
// Every step is one transaction and reads the state the last one left, so
// the scheduler can be stopped at any moment and started again. Round
// numbers are unique per survey (survey_rounds_number) and deliveries per
// round, target, kind and ordinal (deliveries_once): a second instance, or a
// step repeated after a crash, adds nothing. Rounds of surveys that were
// never published (the demo's history) are not touched.
class Scheduler final
{
public:
    Scheduler(const store::Database &database, store::Keyring &keyring, DeliverySender &sender);
    Scheduler(const Scheduler &) = delete;
    Scheduler &operator=(const Scheduler &) = delete;

    // On the calling thread, with its connection. Sending stops at
    // `sendUntil` (the rest stays due: TickReport::unfinished).
    TickReport tick(const QDateTime &now,
                    QDeadlineTimer sendUntil = QDeadlineTimer(QDeadlineTimer::Forever));

    // A delivery 'sending' for longer than this was interrupted.
    static constexpr qint64 kInterruptedAfterMsecs = 60 * 1000;

private:
    const store::Database &m_database;
    store::Keyring &m_keyring;
    DeliverySender &m_sender;
};

} // namespace engage::server::jobs
