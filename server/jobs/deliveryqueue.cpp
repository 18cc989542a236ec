#include "deliveryqueue.h"

#include "api/dashboard.h"
#include "store/memberrepository.h"
#include "store/rowsupport.h"
#include "store/scopedquery.h"
#include "store/sqlerrors.h"
#include "store/transaction.h"

#include <algorithm>
#include <iterator>

namespace engage::server::jobs {

using store::ScopedQuery;
using store::StoreError;
using store::StoreErrorKind;
using store::StoreResult;
using store::StoreStatus;
using store::TenantScope;

namespace {

const QString kPending = QStringLiteral("pending");
const QString kSending = QStringLiteral("sending");
const QString kSkipped = QStringLiteral("skipped");

// The condition, on deliveries `d`, that leaves out the reminders to the
// targets of a group under :threshold in round :seq.
const QString kNoSmallGroupReminders = QStringLiteral(
    " AND NOT (d.kind = :reminder AND d.respondent_id IN (SELECT t.respondent_id FROM "
    "round_targets t JOIN placements p ON p.id = t.placement_id WHERE t.tenant_id = :tenant_id "
    "AND t.round_seq = :seq AND p.group_id IN (SELECT g.group_id FROM round_targets s JOIN "
    "placements g ON g.id = s.placement_id WHERE s.tenant_id = :tenant_id AND s.round_seq = :seq "
    "GROUP BY g.group_id HAVING COUNT(*) < :threshold)))");

void bindNoSmallGroupReminders(store::ScopedQuery &query, int anonymityThreshold)
{
    query.bindValue(QStringLiteral(":reminder"),
                    api::deliveryKindName(api::DeliveryKind::Reminder));
    query.bindValue(QStringLiteral(":threshold"), anonymityThreshold);
}

StoreError failed(const char *what, const ScopedQuery &query)
{
    return store::databaseError(QString::fromLatin1(what), query.errorText());
}

// How long a transient failure waits before its next attempt, by attempts made.
qint64 backoffMsecs(int attempts)
{
    static constexpr qint64 kMinute = 60 * 1000;
    static constexpr qint64 kSteps[] = {5 * kMinute, 15 * kMinute, 60 * kMinute, 240 * kMinute};
    return kSteps[std::clamp(attempts - 1, 0, int(std::size(kSteps)) - 1)];
}

} // namespace

// A row with what deciding its fate needs.
struct DeliveryQueue::Row
{
    DueDelivery delivery;
    QString status;
    QString roundStatus;
    bool answered = false;
    QString memberId; // empty once purged
};

DeliveryQueue::DeliveryQueue(QSqlDatabase database, store::Keyring &keyring)
    : m_database(std::move(database))
    , m_keyring(keyring)
{}

StoreResult<qint64> DeliveryQueue::plan(const TenantScope &scope, qint64 roundSeq,
                                        api::DeliveryKind kind, int ordinal, const QDateTime &dueAt,
                                        const std::optional<QStringList> &nonRespondentGroups)
{
    QString narrowing;
    if (nonRespondentGroups) {
        QStringList placeholders;
        for (qsizetype i = 0; i < nonRespondentGroups->size(); ++i)
            placeholders << QStringLiteral(":g%1").arg(i);
        narrowing = QStringLiteral(" AND t.responded_at IS NULL AND p.group_id IN (%1)")
                        .arg(placeholders.isEmpty() ? QStringLiteral("NULL")
                                                    : placeholders.join(QStringLiteral(", ")));
    }
    ScopedQuery query(scope, m_database);
    // ON CONFLICT DO NOTHING: the unique deliveries_once makes a second
    // planning of the same delivery a no-op.
    if (!query.prepare(
            QStringLiteral("INSERT INTO deliveries (tenant_id, round_seq, respondent_id, kind, "
                           "ordinal, due_at, status) SELECT t.tenant_id, t.round_seq, "
                           "t.respondent_id, :kind, :ordinal, :due, :pending FROM round_targets t "
                           "JOIN placements p ON p.id = t.placement_id WHERE t.tenant_id = "
                           ":tenant_id AND t.round_seq = :seq") +
            narrowing + QStringLiteral(" ON CONFLICT DO NOTHING")))
        return failed("planning deliveries", query);
    query.bindValue(QStringLiteral(":kind"), api::deliveryKindName(kind));
    query.bindValue(QStringLiteral(":ordinal"), ordinal);
    query.bindValue(QStringLiteral(":due"), dueAt.toMSecsSinceEpoch());
    query.bindValue(QStringLiteral(":pending"), kPending);
    query.bindValue(QStringLiteral(":seq"), roundSeq);
    if (nonRespondentGroups) {
        for (qsizetype i = 0; i < nonRespondentGroups->size(); ++i)
            query.bindValue(QStringLiteral(":g%1").arg(i), nonRespondentGroups->at(i));
    }
    if (!query.exec())
        return failed("planning deliveries", query);
    return qint64(query.numRowsAffected());
}

StoreResult<int> DeliveryQueue::nextReminderOrdinal(const TenantScope &scope, qint64 roundSeq)
{
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral("SELECT MAX(ordinal) FROM deliveries WHERE tenant_id = "
                                 ":tenant_id AND round_seq = :seq AND kind = :kind"));
    query.bindValue(QStringLiteral(":seq"), roundSeq);
    query.bindValue(QStringLiteral(":kind"), api::deliveryKindName(api::DeliveryKind::Reminder));
    if (!query.exec() || !query.next())
        return failed("reading reminders", query);
    return query.value(0).toInt() + 1;
}

StoreResult<QList<qint64>> DeliveryQueue::due(const TenantScope &scope, const QDateTime &now,
                                              int limit)
{
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral(
        "SELECT id FROM deliveries WHERE tenant_id = :tenant_id AND status = :pending AND "
        "due_at <= :now ORDER BY due_at, id LIMIT :limit"));
    query.bindValue(QStringLiteral(":pending"), kPending);
    query.bindValue(QStringLiteral(":now"), now.toMSecsSinceEpoch());
    query.bindValue(QStringLiteral(":limit"), limit);
    if (!query.exec())
        return failed("reading due deliveries", query);
    QList<qint64> ids;
    while (query.next())
        ids.append(query.value(0).toLongLong());
    return ids;
}

StoreResult<std::optional<DeliveryQueue::Row>> DeliveryQueue::read(const TenantScope &scope,
                                                                   qint64 id)
{
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral(
        "SELECT d.kind, d.ordinal, d.due_at, d.status, d.attempts, d.respondent_id, r.id, "
        "r.survey_id, r.status, r.closes_at, t.language, t.responded_at, p.member_id "
        "FROM deliveries d JOIN survey_rounds r ON r.seq = d.round_seq "
        "JOIN round_targets t ON t.round_seq = d.round_seq AND t.respondent_id = d.respondent_id "
        "JOIN respondents p ON p.id = d.respondent_id "
        "WHERE d.tenant_id = :tenant_id AND d.id = :id"));
    query.bindValue(QStringLiteral(":id"), id);
    if (!query.exec())
        return failed("reading a delivery", query);
    if (!query.next())
        return std::optional<Row>();
    Row row;
    DueDelivery &delivery = row.delivery;
    delivery.id = id;
    delivery.tenantId = scope.tenantId();
    delivery.kind =
        api::deliveryKindFromName(query.value(0).toString()).value_or(api::DeliveryKind::Reminder);
    delivery.ordinal = query.value(1).toInt();
    delivery.dueAt = store::rows::fromMsecs(query.value(2));
    row.status = query.value(3).toString();
    delivery.attempts = query.value(4).toInt();
    delivery.respondentId = query.value(5).toLongLong();
    delivery.roundId = query.value(6).toString();
    delivery.surveyId = query.value(7).toString();
    row.roundStatus = query.value(8).toString();
    delivery.closesAt = store::rows::fromMsecs(query.value(9));
    delivery.language = query.value(10).toString();
    row.answered = !query.value(11).isNull();
    row.memberId = query.value(12).toString();
    delivery.memberId = row.memberId;
    return std::optional<Row>(std::move(row));
}

StoreStatus DeliveryQueue::settle(const TenantScope &scope, qint64 id, const QString &from,
                                  const QString &status, const QString &error, const QDateTime &now)
{
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral(
        "UPDATE deliveries SET status = :status, sent_at = :now, error = :error WHERE "
        "tenant_id = :tenant_id AND id = :id AND status = :from"));
    query.bindValue(QStringLiteral(":status"), status);
    query.bindValue(QStringLiteral(":now"), now.toMSecsSinceEpoch());
    query.bindValue(QStringLiteral(":error"), error.isEmpty() ? QVariant() : QVariant(error));
    query.bindValue(QStringLiteral(":id"), id);
    query.bindValue(QStringLiteral(":from"), from);
    if (!query.exec())
        return failed("settling a delivery", query);
    return store::Done{};
}

StoreResult<std::optional<DueDelivery>> DeliveryQueue::claim(const TenantScope &scope, qint64 id,
                                                             const QDateTime &now)
{
    const auto none = [] {
        return std::optional<DueDelivery>();
    };
    store::Transaction transaction(m_database);
    if (!transaction.isActive())
        return store::databaseError(QStringLiteral("claiming a delivery"), transaction.error());
    const auto read = this->read(scope, id);
    if (!read)
        return read.error();
    if (!read.value() || read.value()->status != kPending)
        return none();
    Row row = std::move(*read.value());

    // Why the row ends without the sender, if it does.
    QString skipped;
    QString settledAs = kSkipped;
    if (row.roundStatus != api::roundStatusName(api::RoundStatus::Open)) {
        skipped = QStringLiteral("the round is not open");
    } else if (row.delivery.kind == api::DeliveryKind::Reminder && row.answered) {
        skipped = QStringLiteral("answered");
    } else if (row.memberId.isEmpty()) {
        skipped = QStringLiteral("the member was removed");
    } else {
        const auto member = store::MemberRepository(m_database, m_keyring).get(scope, row.memberId);
        if (!member && member.errorKind() != StoreErrorKind::NotFound)
            return member.error();
        if (!member || member.value().member.fields.status == api::MemberStatus::Left) {
            skipped = QStringLiteral("the member was removed or left");
        } else if (!member.value().member.fields.email ||
                   member.value().member.fields.email->isEmpty()) {
            // Handed out on a printed sheet or in a CSV instead.
            settledAs = api::deliveryStatusName(api::DeliveryStatus::Printed);
            skipped = QStringLiteral("no e-mail address");
        } else {
            row.delivery.email = *member.value().member.fields.email;
        }
    }
    if (!skipped.isEmpty()) {
        const bool printed = settledAs != kSkipped;
        if (const StoreStatus settled =
                settle(scope, id, kPending, settledAs, printed ? QString() : skipped, now);
            !settled)
            return settled.error();
        if (const StoreStatus committed = transaction.commit(); !committed)
            return committed.error();
        return none();
    }

    ScopedQuery mark(scope, m_database);
    mark.prepare(QStringLiteral(
        "UPDATE deliveries SET status = :sending, attempts = attempts + 1, sent_at = :now "
        "WHERE tenant_id = :tenant_id AND id = :id AND status = :pending"));
    mark.bindValue(QStringLiteral(":sending"), kSending);
    mark.bindValue(QStringLiteral(":now"), now.toMSecsSinceEpoch());
    mark.bindValue(QStringLiteral(":id"), id);
    mark.bindValue(QStringLiteral(":pending"), kPending);
    if (!mark.exec())
        return failed("claiming a delivery", mark);
    // Taken by another instance between the read and here.
    if (mark.numRowsAffected() != 1)
        return none();
    if (const StoreStatus committed = transaction.commit(); !committed)
        return committed.error();
    return std::optional<DueDelivery>(std::move(row.delivery));
}

StoreStatus DeliveryQueue::finish(const TenantScope &scope, qint64 id, const DeliveryResult &result,
                                  const QDateTime &now)
{
    switch (result.outcome) {
    case DeliveryResult::Outcome::Sent:
        return settle(scope, id, kSending, api::deliveryStatusName(api::DeliveryStatus::Sent),
                      QString(), now);
    case DeliveryResult::Outcome::Bounced:
        return settle(scope, id, kSending, api::deliveryStatusName(api::DeliveryStatus::Bounced),
                      result.detail, now);
    case DeliveryResult::Outcome::Transient:
        break;
    }
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral(
        "SELECT attempts FROM deliveries WHERE tenant_id = :tenant_id AND id = :id"));
    query.bindValue(QStringLiteral(":id"), id);
    if (!query.exec())
        return failed("reading a delivery", query);
    if (!query.next())
        return store::Done{};
    const int attempts = query.value(0).toInt();
    if (attempts >= kMaxAttempts)
        return settle(
            scope, id, kSending, api::deliveryStatusName(api::DeliveryStatus::Bounced),
            QStringLiteral("gave up after %1 attempts: %2").arg(attempts).arg(result.detail), now);
    ScopedQuery retry(scope, m_database);
    retry.prepare(QStringLiteral(
        "UPDATE deliveries SET status = :pending, due_at = :due, sent_at = NULL, error = :error "
        "WHERE tenant_id = :tenant_id AND id = :id AND status = :sending"));
    retry.bindValue(QStringLiteral(":pending"), kPending);
    retry.bindValue(QStringLiteral(":due"), now.toMSecsSinceEpoch() + backoffMsecs(attempts));
    retry.bindValue(QStringLiteral(":error"), result.detail);
    retry.bindValue(QStringLiteral(":id"), id);
    retry.bindValue(QStringLiteral(":sending"), kSending);
    if (!retry.exec())
        return failed("postponing a delivery", retry);
    return store::Done{};
}

StoreResult<QList<DueDelivery>> DeliveryQueue::interrupted(const TenantScope &scope,
                                                           const QDateTime &staleBefore)
{
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral("SELECT id FROM deliveries WHERE tenant_id = :tenant_id AND "
                                 "status = :sending AND sent_at < :stale ORDER BY id"));
    query.bindValue(QStringLiteral(":sending"), kSending);
    query.bindValue(QStringLiteral(":stale"), staleBefore.toMSecsSinceEpoch());
    if (!query.exec())
        return failed("reading interrupted deliveries", query);
    QList<qint64> ids;
    while (query.next())
        ids.append(query.value(0).toLongLong());
    QList<DueDelivery> found;
    for (const qint64 id : std::as_const(ids)) {
        const auto row = read(scope, id);
        if (!row)
            return row.error();
        if (row.value())
            found.append(row.value()->delivery);
    }
    return found;
}

StoreStatus DeliveryQueue::resume(const TenantScope &scope, qint64 id, bool resend,
                                  const QDateTime &now)
{
    if (!resend)
        return settle(scope, id, kSending, api::deliveryStatusName(api::DeliveryStatus::Sent),
                      QStringLiteral("interrupted while sending; not sent again"), now);
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral(
        "UPDATE deliveries SET status = :pending, due_at = :now, sent_at = NULL, error = :error "
        "WHERE tenant_id = :tenant_id AND id = :id AND status = :sending"));
    query.bindValue(QStringLiteral(":pending"), kPending);
    query.bindValue(QStringLiteral(":now"), now.toMSecsSinceEpoch());
    query.bindValue(QStringLiteral(":error"), QStringLiteral("interrupted while sending"));
    query.bindValue(QStringLiteral(":id"), id);
    query.bindValue(QStringLiteral(":sending"), kSending);
    if (!query.exec())
        return failed("resuming a delivery", query);
    return store::Done{};
}

StoreStatus DeliveryQueue::skipPending(const TenantScope &scope, qint64 roundSeq)
{
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral(
        "UPDATE deliveries SET status = :skipped, error = :error WHERE tenant_id = :tenant_id "
        "AND round_seq = :seq AND status = :pending"));
    query.bindValue(QStringLiteral(":skipped"), kSkipped);
    query.bindValue(QStringLiteral(":error"), QStringLiteral("the round closed"));
    query.bindValue(QStringLiteral(":seq"), roundSeq);
    query.bindValue(QStringLiteral(":pending"), kPending);
    if (!query.exec())
        return failed("skipping a closed round's deliveries", query);
    return store::Done{};
}

StoreResult<DeliveryQueue::Totals> DeliveryQueue::totals(const TenantScope &scope, qint64 roundSeq,
                                                         int anonymityThreshold)
{
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral("SELECT d.status, COUNT(*) FROM deliveries d WHERE d.tenant_id = "
                                 ":tenant_id AND d.round_seq = :seq%1 GROUP BY d.status")
                      .arg(kNoSmallGroupReminders));
    query.bindValue(QStringLiteral(":seq"), roundSeq);
    bindNoSmallGroupReminders(query, anonymityThreshold);
    if (!query.exec())
        return failed("counting deliveries", query);
    Totals totals;
    while (query.next()) {
        const QString status = query.value(0).toString();
        const qint64 count = query.value(1).toLongLong();
        if (status == kPending || status == kSending)
            totals.pending += count;
        else if (status == api::deliveryStatusName(api::DeliveryStatus::Sent))
            totals.sent += count;
        else if (status == api::deliveryStatusName(api::DeliveryStatus::Bounced))
            totals.bounced += count;
        else if (status == api::deliveryStatusName(api::DeliveryStatus::Printed))
            totals.printed += count;
    }
    return totals;
}

StoreResult<QList<DeliveryQueue::LogRow>>
DeliveryQueue::log(const TenantScope &scope, qint64 roundSeq,
                   std::optional<api::DeliveryStatus> status, std::optional<qint64> beforeId,
                   int limit, int anonymityThreshold)
{
    QString statuses = QStringLiteral(":pending, :sending, :sent, :bounced, :printed");
    if (status)
        statuses = *status == api::DeliveryStatus::Pending ? QStringLiteral(":pending, :sending")
                                                           : QStringLiteral(":status");
    ScopedQuery query(scope, m_database);
    query.prepare(
        QStringLiteral("SELECT d.id, d.kind, d.ordinal, d.status, d.due_at, d.sent_at, d.attempts, "
                       "d.error, p.member_id FROM deliveries d JOIN respondents p ON p.id = "
                       "d.respondent_id WHERE d.tenant_id = :tenant_id AND d.round_seq = :seq "
                       "AND d.status IN (%1)%2%3 ORDER BY d.id DESC LIMIT :limit")
            .arg(statuses, beforeId ? QStringLiteral(" AND d.id < :before") : QString(),
                 kNoSmallGroupReminders));
    query.bindValue(QStringLiteral(":seq"), roundSeq);
    bindNoSmallGroupReminders(query, anonymityThreshold);
    if (!status || *status == api::DeliveryStatus::Pending) {
        query.bindValue(QStringLiteral(":pending"), kPending);
        query.bindValue(QStringLiteral(":sending"), kSending);
    }
    if (!status) {
        for (const api::DeliveryStatus settled :
             {api::DeliveryStatus::Sent, api::DeliveryStatus::Bounced,
              api::DeliveryStatus::Printed})
            query.bindValue(u':' + api::deliveryStatusName(settled),
                            api::deliveryStatusName(settled));
    } else if (*status != api::DeliveryStatus::Pending) {
        query.bindValue(QStringLiteral(":status"), api::deliveryStatusName(*status));
    }
    if (beforeId)
        query.bindValue(QStringLiteral(":before"), *beforeId);
    query.bindValue(QStringLiteral(":limit"), limit);
    if (!query.exec())
        return failed("reading the delivery log", query);
    QList<LogRow> rows;
    while (query.next()) {
        LogRow row;
        row.id = query.value(0).toLongLong();
        row.kind = api::deliveryKindFromName(query.value(1).toString())
                       .value_or(api::DeliveryKind::Reminder);
        row.ordinal = query.value(2).toInt();
        const QString stored = query.value(3).toString();
        // 'sending' is pending to whoever reads the log: its outcome is not known yet.
        row.status =
            stored == kSending
                ? api::DeliveryStatus::Pending
                : api::deliveryStatusFromName(stored).value_or(api::DeliveryStatus::Pending);
        row.dueAt = store::rows::fromMsecs(query.value(4));
        // While 'sending', sent_at is when the attempt began, not an outcome.
        if (row.status != api::DeliveryStatus::Pending && !query.value(5).isNull())
            row.settledAt = store::rows::fromMsecs(query.value(5));
        row.attempts = query.value(6).toInt();
        row.error = query.value(7).toString();
        row.memberId = query.value(8).toString();
        rows.append(std::move(row));
    }
    return rows;
}

} // namespace engage::server::jobs
