#include "printedlinkrepository.h"

#include "scopedquery.h"
#include "transaction.h"

namespace engage::server::store {

PrintedLinkRepository::PrintedLinkRepository(QSqlDatabase database)
    : m_database(std::move(database))
{}

StoreResult<QList<UnansweredTarget>> PrintedLinkRepository::unanswered(const TenantScope &scope,
                                                                       qint64 roundSeq)
{
    ScopedQuery query(scope, m_database);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT t.respondent_id, r.member_id, t.language FROM round_targets t JOIN respondents r "
        "ON r.id = t.respondent_id WHERE t.tenant_id = :tenant_id AND t.round_seq = :round_seq "
        "AND t.responded_at IS NULL AND r.member_id IS NOT NULL ORDER BY t.respondent_id"));
    query.bindValue(QStringLiteral(":round_seq"), roundSeq);
    if (!query.exec())
        return databaseError(QStringLiteral("reading a round's targets"), query.errorText());
    QList<UnansweredTarget> targets;
    while (query.next())
        targets.append(
            {query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString()});
    return targets;
}

StoreStatus PrintedLinkRepository::markPrinted(const TenantScope &scope, qint64 roundSeq,
                                               const QList<qint64> &respondentIds,
                                               const QDateTime &at)
{
    const QString what = QStringLiteral("marking invitations printed");
    Transaction transaction(m_database);
    if (!transaction.isActive())
        return databaseError(what, transaction.error());
    ScopedQuery update(scope, m_database);
    update.prepare(QStringLiteral(
        "UPDATE deliveries SET status = 'printed', sent_at = :at, error = NULL WHERE tenant_id = "
        ":tenant_id AND round_seq = :round_seq AND respondent_id = :respondent_id AND kind = "
        "'invitation' AND ordinal = 0 AND status IN ('pending', 'bounced')"));
    ScopedQuery insert(scope, m_database);
    insert.prepare(QStringLiteral(
        "INSERT INTO deliveries (tenant_id, round_seq, respondent_id, kind, ordinal, due_at, "
        "status, sent_at) VALUES (:tenant_id, :round_seq, :respondent_id, 'invitation', 0, "
        ":due_at, "
        "'printed', :sent_at) ON CONFLICT DO NOTHING"));
    const qint64 atMs = at.toMSecsSinceEpoch();
    for (const qint64 respondentId : respondentIds) {
        update.bindValue(QStringLiteral(":round_seq"), roundSeq);
        update.bindValue(QStringLiteral(":respondent_id"), respondentId);
        update.bindValue(QStringLiteral(":at"), atMs);
        if (!update.exec())
            return databaseError(what, update.errorText());
        if (update.numRowsAffected() == 1)
            continue;
        // Not pending or bounced: a row already there (sending, sent, printed)
        // stays as it is, and a missing one is planned as printed.
        insert.bindValue(QStringLiteral(":round_seq"), roundSeq);
        insert.bindValue(QStringLiteral(":respondent_id"), respondentId);
        insert.bindValue(QStringLiteral(":due_at"), atMs);
        insert.bindValue(QStringLiteral(":sent_at"), atMs);
        if (!insert.exec())
            return databaseError(what, insert.errorText());
    }
    return transaction.commit();
}

} // namespace engage::server::store
