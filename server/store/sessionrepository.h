#pragma once

#include "storeresult.h"
#include "tenantscope.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>
#include <QStringView>
#include <optional>

namespace engage::server::store {

class Transaction;

enum class TokenKind
{
    Access,
    Refresh,
};

// How long tokens live: access tokens 15 minutes (the issue's default),
// refresh tokens 30 days.
struct SessionLifetimes
{
    qint64 accessSeconds = 15 * 60;
    qint64 refreshSeconds = 30 * 24 * 3600;
};

// A freshly issued pair. The clear tokens exist only here, on their way to the
// client; the store keeps their hashes.
struct IssuedTokens
{
    QString familyId;
    QString accessToken;
    QString refreshToken;
    QDateTime accessExpiresAt;
    QDateTime refreshExpiresAt;
};

// What a token row says.
struct SessionToken
{
    QString tenantId;
    QString familyId;
    QString personId;
    TokenKind kind = TokenKind::Access;
    QDateTime createdAt;
    QDateTime expiresAt;
    std::optional<QDateTime> rotatedAt;
};

// What a verified access token stands for (its family, its person's role,
// status, password and row) changes only through the writes of
// SessionRepository and PersonRepository. Each of them marks its tenant here,
// process-wide, once the write is made (after its own commit, if it opened
// the transaction). A write that joined a caller's transaction is marked
// before that commit, so the caller marks again after committing (the guard
// does this for every request it served). A cache of verified tokens
// (auth::IdentityCache) trusts an entry only while its tenant has no mark
// newer than the moment its verification began. Process-wide on purpose: a
// write made on any connection, through any repository instance, must reach
// every cache, and no call site can forget to pass it along.
class CredentialChanges final
{
public:
    // The newest mark of any tenant; read before verifying a token.
    static quint64 latest();
    // The newest mark of `tenantId`, 0 if it has none.
    static quint64 latest(const QString &tenantId);
    static void mark(const QString &tenantId);
};

// Sign-in sessions in families: one family per signed-in client, holding its
// current access/refresh pair. Rotating a refresh token marks it rotated and
// issues a new pair in the same family; presenting a rotated refresh token
// again (a stolen copy, or the legitimate client after the thief) revokes the
// whole family. Tokens are stored only as crypto::tokenHash.
class SessionRepository final
{
public:
    explicit SessionRepository(QSqlDatabase database, SessionLifetimes lifetimes = {});

    // A new family for a person who just signed in.
    StoreResult<IssuedTokens> createFamily(const TenantScope &scope, const QString &personId,
                                           const QDateTime &now);

    // The token's row, the one lookup without a scope: a bearer token is how a
    // request names its tenant, and the auth layer builds the TenantScope from
    // the answer. NotFound for an unknown token, another kind, or a revoked
    // family; Expired past its expiry. A rotated refresh token is returned
    // (rotatedAt set) so that rotate() can treat the reuse.
    StoreResult<SessionToken> findToken(QStringView token, TokenKind kind, const QDateTime &now);

    // Exchanges a refresh token for a new pair. Reused (and the family revoked)
    // for a token already rotated; Expired, NotFound as findToken.
    StoreResult<IssuedTokens> rotate(const TenantScope &scope, QStringView refreshToken,
                                     const QDateTime &now);

    // Logout of one client; NotFound for another tenant's or unknown family.
    StoreStatus revokeFamily(const TenantScope &scope, const QString &familyId,
                             const QDateTime &now);
    // Every client of a person (password change, disabling, deletion).
    StoreStatus revokePerson(const TenantScope &scope, const QString &personId,
                             const QDateTime &now);

    // Housekeeping across tenants: removes tokens past their expiry and the
    // families left without any. Returns how many tokens went.
    StoreResult<int> deleteExpired(const QDateTime &now);

private:
    StoreResult<IssuedTokens> issuePairAndCommit(Transaction &transaction, const TenantScope &scope,
                                                 const QString &familyId, const QString &personId,
                                                 const QDateTime &now);
    StoreResult<IssuedTokens> issuePair(const TenantScope &scope, const QString &familyId,
                                        const QString &personId, const QDateTime &now);

    QSqlDatabase m_database;
    SessionLifetimes m_lifetimes;
};

} // namespace engage::server::store
