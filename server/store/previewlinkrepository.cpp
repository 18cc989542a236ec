#include "previewlinkrepository.h"

#include "crypto/random.h"
#include "preparedstatements.h"
#include "rowsupport.h"
#include "scopedquery.h"
#include "transaction.h"

#include <QSqlError>
#include <QSqlQuery>

namespace engage::server::store {

namespace {

StoreError noPreview()
{
    return StoreError{StoreErrorKind::NotFound, QStringLiteral("no such preview link")};
}

} // namespace

PreviewLinkRepository::PreviewLinkRepository(QSqlDatabase database)
    : m_database(std::move(database))
{}

StoreResult<QString> PreviewLinkRepository::create(const TenantScope &scope,
                                                   const QString &surveyId, const QString &language,
                                                   const QDateTime &at)
{
    if (language != QLatin1String("ja") && language != QLatin1String("en"))
        return StoreError{StoreErrorKind::Refused, QStringLiteral("a preview in another language")};
    const QString what = QStringLiteral("issuing a preview link");
    Transaction transaction(m_database);
    if (!transaction.isActive())
        return databaseError(what, transaction.error());

    ScopedQuery expired(scope, m_database);
    expired.prepare(QStringLiteral(
        "DELETE FROM preview_links WHERE tenant_id = :tenant_id AND expires_at <= :at"));
    expired.bindValue(QStringLiteral(":at"), at.toMSecsSinceEpoch());
    if (!expired.exec())
        return databaseError(what, expired.errorText());

    // Through the survey, so that only the tenant's live surveys get a link.
    const QString token = crypto::newToken();
    ScopedQuery insert(scope, m_database);
    insert.prepare(QStringLiteral(
        "INSERT INTO preview_links (token_hash, tenant_id, survey_id, language, created_at, "
        "expires_at) SELECT :hash, s.tenant_id, s.id, :language, :at, :expires FROM surveys s "
        "WHERE s.tenant_id = :tenant_id AND s.id = :survey AND s.deleted_at IS NULL"));
    insert.bindValue(QStringLiteral(":hash"), crypto::tokenHash(token));
    insert.bindValue(QStringLiteral(":language"), language);
    insert.bindValue(QStringLiteral(":at"), at.toMSecsSinceEpoch());
    insert.bindValue(QStringLiteral(":expires"), at.addDays(kValidDays).toMSecsSinceEpoch());
    insert.bindValue(QStringLiteral(":survey"), surveyId);
    if (!insert.exec())
        return databaseError(what, insert.errorText());
    if (insert.numRowsAffected() != 1)
        return StoreError{StoreErrorKind::NotFound, QStringLiteral("no such survey")};
    if (const StoreStatus committed = transaction.commit(); !committed)
        return committed.error();
    return token;
}

StoreResult<ResolvedPreview> PreviewLinkRepository::resolve(const QString &token,
                                                            const QDateTime &now)
{
    // Not worth a query: nothing of another shape was ever issued.
    if (!crypto::isTokenShaped(token))
        return noPreview();
    // Unscoped on purpose, as ResponseLinkRepository::resolveWithRound: the
    // hash of a 256-bit secret is the only key, and the join follows the
    // link's own tenant.
    auto query = PreparedStatements::unscoped(
        m_database,
        QStringLiteral("SELECT p.tenant_id, p.survey_id, p.language, p.expires_at "
                       "FROM preview_links p "
                       "JOIN surveys s ON s.id = p.survey_id AND s.tenant_id = p.tenant_id "
                       "WHERE p.token_hash = :hash AND s.deleted_at IS NULL"));
    query->bindValue(QStringLiteral(":hash"), crypto::tokenHash(token));
    if (!query->exec())
        return databaseError(QStringLiteral("resolving a preview link"), query->lastError().text());
    if (!query->next())
        return noPreview();
    ResolvedPreview preview;
    preview.tenantId = query->value(0).toString();
    preview.surveyId = query->value(1).toString();
    preview.language = query->value(2).toString();
    preview.expiresAt = rows::fromMsecs(query->value(3));
    if (now >= preview.expiresAt)
        return StoreError{StoreErrorKind::Expired, QStringLiteral("an expired preview link")};
    return preview;
}

} // namespace engage::server::store
