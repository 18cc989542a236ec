#pragma once

#include "storeresult.h"
#include "tenantscope.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>

namespace engage::server::store {

// Preview links (schema 0010): a random 256-bit token, made and hashed as
// response links' are (crypto/random.h), that opens a survey as it is now on
// the respondent page without recording anything answered through it. Only
// the token's SHA-256 is stored. Every method joins the caller's Transaction
// if one is open.

// What a preview link stands for, found by its hash alone: like a response
// link, the token is the page's only credential and names the tenant.
struct ResolvedPreview
{
    QString tenantId;
    QString surveyId;
    QString language; // the test message's, "ja" or "en"
    QDateTime expiresAt;
};

class PreviewLinkRepository final
{
public:
    // How long a preview link opens its survey.
    static constexpr int kValidDays = 7;

    explicit PreviewLinkRepository(QSqlDatabase database);

    // A new link to the tenant's survey `surveyId` in `language` ("ja" or
    // "en"), valid for kValidDays from `at`: the token, which goes into
    // /r/<token> and is never stored. NotFound for a missing, deleted or
    // another tenant's survey; Refused for another language. Removes the
    // tenant's expired links on the way, so they do not pile up.
    StoreResult<QString> create(const TenantScope &scope, const QString &surveyId,
                                const QString &language, const QDateTime &at);
    // NotFound for a token never issued (or malformed) and for a link whose
    // survey was deleted; Expired for a link past its expiry at `now`.
    StoreResult<ResolvedPreview> resolve(const QString &token, const QDateTime &now);

private:
    QSqlDatabase m_database;
};

} // namespace engage::server::store
