#pragma once

#include "deliverysender.h"
#include "store/storeresult.h"
#include "store/tenantscope.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QStringList>
#include <optional>

namespace engage::server::store {
class Keyring;
}

namespace engage::server::jobs {

// The scheduler's outbox (schema 0008 `deliveries`) and the state machine of
// one row, each transition one transaction:
//
//   pending --claim--> sending --finish--> sent | bounced | pending (transient, later)
//   pending --claim--> printed (no e-mail) | skipped (answered, round closed, member gone)
//   sending (interrupted, over a minute) --resume--> pending (re-send) | sent (not re-sent)
//
// 'sending' is committed before the sender is called, so a stop at any moment
// leaves every row in a state the next start knows what to do with; while a
// row is 'sending', sent_at holds when the attempt began. 'skipped' (like
// 'sending') is a status of the table beside api::DeliveryStatus: a reminder
// nobody needed, counted nowhere in the progress.
class DeliveryQueue final
{
public:
    DeliveryQueue(QSqlDatabase database, store::Keyring &keyring);

    // Plans one delivery (`kind`, `ordinal`) due at `dueAt` for each target of
    // the round, or, with `nonRespondentGroups`, for each target placed in
    // one of those groups who has not answered. Planning again plans nothing
    // new (deliveries_once). Returns the rows added.
    store::StoreResult<qint64> plan(const store::TenantScope &scope, qint64 roundSeq,
                                    api::DeliveryKind kind, int ordinal, const QDateTime &dueAt,
                                    const std::optional<QStringList> &nonRespondentGroups = {});
    // The ordinal an extra reminder of the round takes: one past the last.
    store::StoreResult<int> nextReminderOrdinal(const store::TenantScope &scope, qint64 roundSeq);

    // The tenant's pending deliveries due at `now`, earliest first, at most `limit`.
    store::StoreResult<QList<qint64>> due(const store::TenantScope &scope, const QDateTime &now,
                                          int limit);

    // Takes a pending row: the delivery to send (the row is 'sending' and
    // committed), or nothing when the row was settled without the sender
    // ('printed', 'skipped') or is no longer pending.
    store::StoreResult<std::optional<DueDelivery>> claim(const store::TenantScope &scope, qint64 id,
                                                         const QDateTime &now);
    // Records what the sender answered for a 'sending' row.
    store::StoreStatus finish(const store::TenantScope &scope, qint64 id,
                              const DeliveryResult &result, const QDateTime &now);

    // 'sending' rows whose attempt began before `staleBefore`: interrupted.
    store::StoreResult<QList<DueDelivery>> interrupted(const store::TenantScope &scope,
                                                       const QDateTime &staleBefore);
    // An interrupted row: pending again, due `now` (re-send), or sent.
    store::StoreStatus resume(const store::TenantScope &scope, qint64 id, bool resend,
                              const QDateTime &now);

    // At a round's close: its pending rows are skipped.
    store::StoreStatus skipPending(const store::TenantScope &scope, qint64 roundSeq);

    // The round's rows by status, as RoundProgress counts them ('sending'
    // as pending; 'skipped' not at all). Neither totals() nor log() counts
    // the reminders to a group of fewer targets than `anonymityThreshold`:
    // they are its non-respondents, whom the progress withholds.
    struct Totals
    {
        qint64 sent = 0;
        qint64 bounced = 0;
        qint64 printed = 0;
        qint64 pending = 0;
    };
    store::StoreResult<Totals> totals(const store::TenantScope &scope, qint64 roundSeq,
                                      int anonymityThreshold);

    // The round's delivery log, newest first: at most `limit` rows below
    // `beforeId` (none: from the newest), of `status` only when given
    // (pending includes 'sending'); 'skipped' rows never, as totals() counts
    // them nowhere. `memberId` is the respondent's member, empty once purged.
    struct LogRow
    {
        qint64 id = 0;
        api::DeliveryKind kind = api::DeliveryKind::Invitation;
        int ordinal = 0;
        api::DeliveryStatus status = api::DeliveryStatus::Pending;
        QDateTime dueAt;
        std::optional<QDateTime> settledAt;
        int attempts = 0;
        QString error;
        QString memberId;
    };
    store::StoreResult<QList<LogRow>> log(const store::TenantScope &scope, qint64 roundSeq,
                                          std::optional<api::DeliveryStatus> status,
                                          std::optional<qint64> beforeId, int limit,
                                          int anonymityThreshold);

    // Transient failures are tried again this many times in all, backing
    // off, then recorded as bounced.
    static constexpr int kMaxAttempts = 5;

private:
    struct Row;
    store::StoreResult<std::optional<Row>> read(const store::TenantScope &scope, qint64 id);
    store::StoreStatus settle(const store::TenantScope &scope, qint64 id, const QString &from,
                              const QString &status, const QString &error, const QDateTime &now);

    QSqlDatabase m_database;
    store::Keyring &m_keyring;
};

} // namespace engage::server::jobs
