#include "responselinkrepository.h"

#include "crypto/random.h"
#include "keyring.h"
#include "preparedstatements.h"
#include "rowsupport.h"
#include "scopedquery.h"
#include "transaction.h"

#include <QSqlError>
#include <QSqlQuery>

namespace engage::server::store {

namespace {

const QString kDraftTable = QStringLiteral("response_drafts");
const QString kDraftColumn = QStringLiteral("answers_sealed");

StoreError noLink()
{
    return StoreError{StoreErrorKind::NotFound, QStringLiteral("no such response link")};
}

StoreError noDraft()
{
    return StoreError{StoreErrorKind::NotFound, QStringLiteral("no saved draft")};
}

// The tenant of a resolved link: the token named it, which is the
// respondent page's only credential (tenantscope.h).
TenantScope scopeOf(const ResolvedLink &link)
{
    return TenantScope(link.tenantId);
}

// A draft's sealed answers are bound to their round and respondent: moved to
// another target's row, they no longer open.
rows::RowSealer draftSealer(const ResolvedLink &link, const TenantKey &key)
{
    return rows::RowSealer(scopeOf(link), key, kDraftTable,
                           QString::number(link.roundSeq) + QLatin1Char('/') +
                               QString::number(link.respondentId));
}

} // namespace

ResponseLinkRepository::ResponseLinkRepository(QSqlDatabase database, Keyring &keyring)
    : m_database(std::move(database))
    , m_keyring(keyring)
{}

QString ResponseLinkRepository::tokenHash(const QString &token)
{
    return crypto::tokenHash(token);
}

StoreResult<QList<IssuedLink>> ResponseLinkRepository::issue(const TenantScope &scope,
                                                             const QString &roundId,
                                                             const QList<qint64> &respondentIds,
                                                             const QDateTime &at)
{
    const QString what = QStringLiteral("issuing response links");
    Transaction transaction(m_database);
    if (!transaction.isActive())
        return databaseError(what, transaction.error());

    ScopedQuery round(scope, m_database);
    round.prepare(
        QStringLiteral("SELECT seq FROM survey_rounds WHERE tenant_id = :tenant_id AND id = :id"));
    round.bindValue(QStringLiteral(":id"), roundId);
    if (!round.exec())
        return databaseError(what, round.errorText());
    if (!round.next())
        return StoreError{StoreErrorKind::NotFound, QStringLiteral("no such round")};
    const qint64 seq = round.value(0).toLongLong();

    // A link only for a target of this round: another round's respondent id
    // must not become a credential for this one.
    ScopedQuery target(scope, m_database);
    target.prepare(
        QStringLiteral("SELECT respondent_id FROM round_targets WHERE tenant_id = "
                       ":tenant_id AND round_seq = :seq AND respondent_id = :respondent"));
    target.bindValue(QStringLiteral(":seq"), seq);
    ScopedQuery insert(scope, m_database);
    insert.prepare(QStringLiteral(
        "INSERT INTO response_links (token_hash, tenant_id, round_seq, respondent_id, "
        "created_at) VALUES (:hash, :tenant_id, :seq, :respondent, :at)"));
    insert.bindValue(QStringLiteral(":seq"), seq);
    insert.bindValue(QStringLiteral(":at"), at.toMSecsSinceEpoch());

    QList<IssuedLink> issued;
    issued.reserve(respondentIds.size());
    for (const qint64 respondentId : respondentIds) {
        target.bindValue(QStringLiteral(":respondent"), respondentId);
        if (!target.exec())
            return databaseError(what, target.errorText());
        if (!target.next())
            return StoreError{StoreErrorKind::NotFound,
                              QStringLiteral("the round was not delivered to this respondent")};
        target.finish();
        IssuedLink link;
        link.token = crypto::newToken();
        link.respondentId = respondentId;
        insert.bindValue(QStringLiteral(":hash"), tokenHash(link.token));
        insert.bindValue(QStringLiteral(":respondent"), respondentId);
        if (!insert.exec())
            return databaseError(what, insert.errorText());
        issued.append(std::move(link));
    }
    if (const StoreStatus committed = transaction.commit(); !committed)
        return committed.error();
    return issued;
}

StoreResult<ResolvedLink> ResponseLinkRepository::resolve(const QString &token)
{
    const auto linked = resolveWithRound(token);
    if (!linked)
        return linked.error();
    return linked.value().link;
}

StoreResult<LinkedRound> ResponseLinkRepository::resolveWithRound(const QString &token)
{
    // Not worth a query: nothing of another shape was ever issued.
    if (!crypto::isTokenShaped(token))
        return noLink();
    // Unscoped on purpose (as SessionRepository::findToken): the hash of a
    // 256-bit secret is the only key, and every join follows the link's own
    // tenant, so nothing here reaches a row the token does not name.
    auto query = PreparedStatements::unscoped(
        m_database,
        QStringLiteral(
            "SELECT l.tenant_id, r.id, l.round_seq, l.respondent_id, p.member_id, t.language, "
            "s.id, r.status, r.opens_at, r.closes_at, v.revision, v.updated_at "
            "FROM response_links l "
            "JOIN survey_rounds r ON r.seq = l.round_seq AND r.tenant_id = l.tenant_id "
            "JOIN surveys v ON v.id = r.survey_id AND v.tenant_id = l.tenant_id "
            "JOIN respondents p ON p.id = l.respondent_id AND p.tenant_id = l.tenant_id "
            "JOIN round_targets t ON t.round_seq = l.round_seq AND "
            "t.respondent_id = l.respondent_id AND t.tenant_id = l.tenant_id "
            "LEFT JOIN responses s ON s.round_seq = l.round_seq AND "
            "s.respondent_id = l.respondent_id AND s.tenant_id = l.tenant_id "
            "WHERE l.token_hash = :hash"));
    query->bindValue(QStringLiteral(":hash"), tokenHash(token));
    const QString what = QStringLiteral("resolving a response link");
    if (!query->exec())
        return databaseError(what, query->lastError().text());
    if (!query->next())
        return noLink();
    LinkedRound linked;
    ResolvedLink &link = linked.link;
    link.tenantId = query->value(0).toString();
    link.roundId = query->value(1).toString();
    link.roundSeq = query->value(2).toLongLong();
    link.respondentId = query->value(3).toLongLong();
    link.memberId = query->value(4).toString();
    link.language = query->value(5).toString();
    // A responses row exists only from the final submission on: partial
    // saves are drafts.
    link.answered = !query->value(6).isNull();
    const auto status = api::roundStatusFromName(query->value(7).toString());
    if (!status)
        return databaseError(what, QStringLiteral("unknown status in round %1").arg(link.roundId));
    linked.status = *status;
    linked.opensAt = rows::fromMsecs(query->value(8));
    linked.closesAt = rows::fromMsecs(query->value(9));
    linked.surveyRevision = query->value(10).toLongLong();
    linked.surveyUpdatedAt = query->value(11).toLongLong();
    return linked;
}

StoreStatus ResponseLinkRepository::saveDraft(const ResolvedLink &link,
                                              const QByteArray &submissionJson, const QDateTime &at)
{
    const QString what = QStringLiteral("saving a draft");
    const TenantScope scope = scopeOf(link);
    const auto key = m_keyring.current(scope, m_database);
    if (!key)
        return key.error();
    const QByteArray sealed = rows::withKeyVersion(
        key.value()->version,
        draftSealer(link, *key.value()).seal(kDraftColumn, QString::fromUtf8(submissionJson)));
    auto query = PreparedStatements::scoped(
        m_database, scope,
        QStringLiteral(
            "INSERT INTO response_drafts (round_seq, respondent_id, tenant_id, answers_sealed, "
            "saved_at) VALUES (:seq, :respondent, :tenant_id, :sealed, :at) "
            "ON CONFLICT (round_seq, respondent_id) DO UPDATE SET "
            "answers_sealed = excluded.answers_sealed, saved_at = excluded.saved_at"));
    query->bindValue(QStringLiteral(":seq"), link.roundSeq);
    query->bindValue(QStringLiteral(":respondent"), link.respondentId);
    query->bindValue(QStringLiteral(":sealed"), sealed);
    query->bindValue(QStringLiteral(":at"), at.toMSecsSinceEpoch());
    if (!query->exec())
        return databaseError(what, query->errorText());
    return Done{};
}

StoreResult<QByteArray> ResponseLinkRepository::draft(const ResolvedLink &link)
{
    const TenantScope scope = scopeOf(link);
    QByteArray sealed;
    {
        auto query = PreparedStatements::scoped(
            m_database, scope,
            QStringLiteral("SELECT answers_sealed FROM response_drafts WHERE tenant_id = "
                           ":tenant_id AND round_seq = :seq AND respondent_id = :respondent"));
        query->bindValue(QStringLiteral(":seq"), link.roundSeq);
        query->bindValue(QStringLiteral(":respondent"), link.respondentId);
        if (!query->exec())
            return databaseError(QStringLiteral("reading a draft"), query->errorText());
        if (!query->next())
            return noDraft();
        sealed = query->value(0).toByteArray();
    }
    const StoreError unreadable{StoreErrorKind::Crypto, QStringLiteral("a draft does not open")};
    const auto stored = rows::splitKeyVersion(sealed);
    if (!stored)
        return unreadable;
    const auto key = m_keyring.version(scope, m_database, stored->first);
    if (!key)
        return key.error();
    const auto opened = draftSealer(link, *key.value()).open(kDraftColumn, stored->second);
    if (!opened)
        return unreadable;
    return opened->toUtf8();
}

StoreStatus ResponseLinkRepository::removeDraft(const ResolvedLink &link)
{
    auto query = PreparedStatements::scoped(
        m_database, scopeOf(link),
        QStringLiteral("DELETE FROM response_drafts WHERE tenant_id = :tenant_id AND "
                       "round_seq = :seq AND respondent_id = :respondent"));
    query->bindValue(QStringLiteral(":seq"), link.roundSeq);
    query->bindValue(QStringLiteral(":respondent"), link.respondentId);
    if (!query->exec())
        return databaseError(QStringLiteral("removing a draft"), query->errorText());
    return Done{};
}

} // namespace engage::server::store
