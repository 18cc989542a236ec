#pragma once

#include "api/dashboard.h"
#include "storeresult.h"
#include "tenantscope.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace engage::server::store {

class Keyring;

// One-time response links (issue 7, schema 0008): a random 256-bit token per
// delivery of a round to a target, stored only as its SHA-256, so that the
// database never holds a working link. Every method joins the caller's
// Transaction if one is open.
struct IssuedLink
{
    QString token; // base64url, 43 characters: what goes into /r/<token>; never stored
    qint64 respondentId = 0;
};

// What a token stands for, found by its hash alone: the respondent page has
// no session, the token is its credential and names the tenant.
struct ResolvedLink
{
    QString tenantId;
    QString roundId;
    qint64 roundSeq = 0;
    qint64 respondentId = 0;
    QString memberId;      // empty once the member was purged
    QString language;      // the target's, "ja" or "en"
    bool answered = false; // the target's response was finally submitted
};

// A link resolved with what the respondent page must read afresh for every
// request of its round: whether it takes answers, and which version of its
// survey it asks (what a parsed copy of the survey is kept by).
struct LinkedRound
{
    ResolvedLink link;
    api::RoundStatus status = api::RoundStatus::Scheduled;
    QDateTime opensAt;
    QDateTime closesAt;
    qint64 surveyRevision = 0;
    qint64 surveyUpdatedAt = 0; // ms since the epoch
};

class ResponseLinkRepository final
{
public:
    ResponseLinkRepository(QSqlDatabase database, Keyring &keyring);

    // A new link for each of `respondentIds` (targets of the round), in
    // their order. NotFound for another tenant's round.
    StoreResult<QList<IssuedLink>> issue(const TenantScope &scope, const QString &roundId,
                                         const QList<qint64> &respondentIds, const QDateTime &at);
    // NotFound for a token never issued (or malformed); the caller decides
    // from the round's status and `answered` what the page says.
    StoreResult<ResolvedLink> resolve(const QString &token);
    // resolve() with its round's state and survey's version, in the one
    // statement the respondent page runs for every request.
    StoreResult<LinkedRound> resolveWithRound(const QString &token);

    // The respondent page's partial save: the submission as JSON
    // (api::RespondentSubmission), sealed under the tenant key; replaces the
    // earlier draft. drafts() answers the saved one, or NotFound.
    StoreStatus saveDraft(const ResolvedLink &link, const QByteArray &submissionJson,
                          const QDateTime &at);
    StoreResult<QByteArray> draft(const ResolvedLink &link);
    StoreStatus removeDraft(const ResolvedLink &link);

    static QString tokenHash(const QString &token); // SHA-256 hex of the token's bytes

private:
    QSqlDatabase m_database;
    Keyring &m_keyring;
};

} // namespace engage::server::store
