#include "sessionrepository.h"

#include "api/id.h"
#include "crypto/random.h"
#include "scopedquery.h"
#include "transaction.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <mutex>

namespace engage::server::store {

namespace {

QString kindName(TokenKind kind)
{
    return kind == TokenKind::Access ? QStringLiteral("access") : QStringLiteral("refresh");
}

QDateTime fromMsecs(const QVariant &value)
{
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

StoreError notFound()
{
    return StoreError{StoreErrorKind::NotFound, QStringLiteral("no such session")};
}

struct ChangeMarks
{
    std::mutex mutex;
    quint64 latest = 0;
    QHash<QString, quint64> byTenant;
};

ChangeMarks &changeMarks()
{
    static ChangeMarks marks;
    return marks;
}

} // namespace

quint64 CredentialChanges::latest()
{
    ChangeMarks &marks = changeMarks();
    std::lock_guard lock(marks.mutex);
    return marks.latest;
}

quint64 CredentialChanges::latest(const QString &tenantId)
{
    ChangeMarks &marks = changeMarks();
    std::lock_guard lock(marks.mutex);
    return marks.byTenant.value(tenantId, 0);
}

void CredentialChanges::mark(const QString &tenantId)
{
    ChangeMarks &marks = changeMarks();
    std::lock_guard lock(marks.mutex);
    marks.byTenant.insert(tenantId, ++marks.latest);
}

SessionRepository::SessionRepository(QSqlDatabase database, SessionLifetimes lifetimes)
    : m_database(std::move(database))
    , m_lifetimes(lifetimes)
{}

StoreResult<IssuedTokens> SessionRepository::issuePair(const TenantScope &scope,
                                                       const QString &familyId,
                                                       const QString &personId,
                                                       const QDateTime &now)
{
    IssuedTokens issued;
    issued.familyId = familyId;
    issued.accessToken = crypto::newToken();
    issued.refreshToken = crypto::newToken();
    issued.accessExpiresAt = now.addSecs(m_lifetimes.accessSeconds);
    issued.refreshExpiresAt = now.addSecs(m_lifetimes.refreshSeconds);
    const struct
    {
        const QString &token;
        TokenKind kind;
        const QDateTime &expiresAt;
    } rows[] = {{issued.accessToken, TokenKind::Access, issued.accessExpiresAt},
                {issued.refreshToken, TokenKind::Refresh, issued.refreshExpiresAt}};
    for (const auto &row : rows) {
        ScopedQuery query(scope, m_database);
        query.prepare(QStringLiteral(
            "INSERT INTO session_tokens (token_hash, tenant_id, family_id, person_id, kind, "
            "created_at, expires_at) VALUES (:hash, :tenant_id, :family, :person, :kind, :now, "
            ":expires)"));
        query.bindValue(QStringLiteral(":hash"), crypto::tokenHash(row.token));
        query.bindValue(QStringLiteral(":family"), familyId);
        query.bindValue(QStringLiteral(":person"), personId);
        query.bindValue(QStringLiteral(":kind"), kindName(row.kind));
        query.bindValue(QStringLiteral(":now"), now.toMSecsSinceEpoch());
        query.bindValue(QStringLiteral(":expires"), row.expiresAt.toMSecsSinceEpoch());
        if (!query.exec())
            return databaseError(QStringLiteral("storing a session token"), query.errorText());
    }
    return issued;
}

// Both ways to a new pair (sign-in, rotation) end the same: the pair is
// stored and the caller's transaction commits with it, or nothing is.
StoreResult<IssuedTokens> SessionRepository::issuePairAndCommit(Transaction &transaction,
                                                                const TenantScope &scope,
                                                                const QString &familyId,
                                                                const QString &personId,
                                                                const QDateTime &now)
{
    auto issued = issuePair(scope, familyId, personId, now);
    if (!issued)
        return issued;
    const StoreStatus committed = transaction.commit();
    if (!committed)
        return committed.error();
    return issued;
}

StoreResult<IssuedTokens> SessionRepository::createFamily(const TenantScope &scope,
                                                          const QString &personId,
                                                          const QDateTime &now)
{
    Transaction transaction(m_database);
    if (!transaction.isActive())
        return databaseError(QStringLiteral("creating a session"), transaction.error());
    // The person must be the scope's own: a foreign id is simply not found.
    ScopedQuery person(scope, m_database);
    person.prepare(QStringLiteral("SELECT id FROM people WHERE tenant_id = :tenant_id AND "
                                  "id = :id AND deleted_at IS NULL"));
    person.bindValue(QStringLiteral(":id"), personId);
    if (!person.exec())
        return databaseError(QStringLiteral("creating a session"), person.errorText());
    if (!person.next())
        return StoreError{StoreErrorKind::NotFound, QStringLiteral("no such person")};
    person.finish();

    const QString familyId = api::createId();
    ScopedQuery family(scope, m_database);
    family.prepare(QStringLiteral("INSERT INTO session_families (id, tenant_id, person_id, "
                                  "created_at) VALUES (:id, :tenant_id, :person, :now)"));
    family.bindValue(QStringLiteral(":id"), familyId);
    family.bindValue(QStringLiteral(":person"), personId);
    family.bindValue(QStringLiteral(":now"), now.toMSecsSinceEpoch());
    if (!family.exec())
        return databaseError(QStringLiteral("creating a session family"), family.errorText());
    return issuePairAndCommit(transaction, scope, familyId, personId, now);
}

StoreResult<SessionToken> SessionRepository::findToken(QStringView token, TokenKind kind,
                                                       const QDateTime &now)
{
    // Unscoped on purpose (see the header): the hash of a 256-bit secret is
    // the only key, so nothing here can reach a row the caller cannot name.
    QSqlQuery query(m_database);
    query.prepare(QStringLiteral(
        "SELECT t.tenant_id, t.family_id, t.person_id, t.kind, t.created_at, t.expires_at, "
        "t.rotated_at FROM session_tokens t JOIN session_families f ON f.id = t.family_id "
        "AND f.tenant_id = t.tenant_id WHERE t.token_hash = :hash AND f.revoked_at IS NULL"));
    query.bindValue(QStringLiteral(":hash"), crypto::tokenHash(token));
    if (!query.exec())
        return databaseError(QStringLiteral("finding a token"), query.lastError().text());
    if (!query.next() || query.value(3).toString() != kindName(kind))
        return notFound();
    SessionToken found;
    found.tenantId = query.value(0).toString();
    found.familyId = query.value(1).toString();
    found.personId = query.value(2).toString();
    found.kind = kind;
    found.createdAt = fromMsecs(query.value(4));
    found.expiresAt = fromMsecs(query.value(5));
    if (!query.value(6).isNull())
        found.rotatedAt = fromMsecs(query.value(6));
    if (found.expiresAt <= now)
        return StoreError{StoreErrorKind::Expired, QStringLiteral("the token expired")};
    return found;
}

StoreResult<IssuedTokens> SessionRepository::rotate(const TenantScope &scope,
                                                    QStringView refreshToken, const QDateTime &now)
{
    const QString hash = crypto::tokenHash(refreshToken);
    Transaction transaction(m_database);
    if (!transaction.isActive())
        return databaseError(QStringLiteral("rotating a token"), transaction.error());

    ScopedQuery read(scope, m_database);
    read.prepare(QStringLiteral(
        "SELECT t.family_id, t.person_id, t.kind, t.expires_at, t.rotated_at, f.revoked_at "
        "FROM session_tokens t JOIN session_families f ON f.id = t.family_id "
        "WHERE t.tenant_id = :tenant_id AND t.token_hash = :hash"));
    read.bindValue(QStringLiteral(":hash"), hash);
    if (!read.exec())
        return databaseError(QStringLiteral("rotating a token"), read.errorText());
    if (!read.next() || read.value(2).toString() != kindName(TokenKind::Refresh) ||
        !read.value(5).isNull())
        return notFound();
    const QString familyId = read.value(0).toString();
    const QString personId = read.value(1).toString();
    const bool expired = fromMsecs(read.value(3)) <= now;
    const bool rotated = !read.value(4).isNull();
    read.finish();

    if (rotated) {
        // Reuse: someone holds a copy. Cut the whole family, and make it stick.
        const StoreStatus revoked = revokeFamily(scope, familyId, now);
        if (!revoked)
            return revoked.error();
        const StoreStatus committed = transaction.commit();
        if (!committed)
            return committed.error();
        CredentialChanges::mark(scope.tenantId());
        return StoreError{StoreErrorKind::Reused,
                          QStringLiteral("a rotated refresh token was presented again; its "
                                         "family is revoked")};
    }
    if (expired)
        return StoreError{StoreErrorKind::Expired, QStringLiteral("the token expired")};

    // Only one of two racing rotations wins the row; the other sees reuse next time.
    ScopedQuery mark(scope, m_database);
    mark.prepare(QStringLiteral("UPDATE session_tokens SET rotated_at = :now WHERE tenant_id = "
                                ":tenant_id AND token_hash = :hash AND rotated_at IS NULL"));
    mark.bindValue(QStringLiteral(":now"), now.toMSecsSinceEpoch());
    mark.bindValue(QStringLiteral(":hash"), hash);
    if (!mark.exec())
        return databaseError(QStringLiteral("rotating a token"), mark.errorText());
    if (mark.numRowsAffected() != 1)
        return notFound();
    // The family's old access tokens end with the rotation.
    ScopedQuery expireAccess(scope, m_database);
    expireAccess.prepare(QStringLiteral(
        "UPDATE session_tokens SET expires_at = :now WHERE tenant_id = :tenant_id AND "
        "family_id = :family AND kind = 'access' AND expires_at > :now2"));
    expireAccess.bindValue(QStringLiteral(":now"), now.toMSecsSinceEpoch());
    expireAccess.bindValue(QStringLiteral(":now2"), now.toMSecsSinceEpoch());
    expireAccess.bindValue(QStringLiteral(":family"), familyId);
    if (!expireAccess.exec())
        return databaseError(QStringLiteral("rotating a token"), expireAccess.errorText());

    auto issued = issuePairAndCommit(transaction, scope, familyId, personId, now);
    // The family's previous access tokens ended with the rotation.
    if (issued)
        CredentialChanges::mark(scope.tenantId());
    return issued;
}

StoreStatus SessionRepository::revokeFamily(const TenantScope &scope, const QString &familyId,
                                            const QDateTime &now)
{
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral("UPDATE session_families SET revoked_at = :now WHERE "
                                 "tenant_id = :tenant_id AND id = :id AND revoked_at IS NULL"));
    query.bindValue(QStringLiteral(":now"), now.toMSecsSinceEpoch());
    query.bindValue(QStringLiteral(":id"), familyId);
    if (!query.exec())
        return databaseError(QStringLiteral("revoking a session"), query.errorText());
    if (query.numRowsAffected() != 1)
        return notFound();
    CredentialChanges::mark(scope.tenantId());
    return Done{};
}

StoreStatus SessionRepository::revokePerson(const TenantScope &scope, const QString &personId,
                                            const QDateTime &now)
{
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral(
        "UPDATE session_families SET revoked_at = :now WHERE tenant_id = :tenant_id AND "
        "person_id = :person AND revoked_at IS NULL"));
    query.bindValue(QStringLiteral(":now"), now.toMSecsSinceEpoch());
    query.bindValue(QStringLiteral(":person"), personId);
    if (!query.exec())
        return databaseError(QStringLiteral("revoking sessions"), query.errorText());
    CredentialChanges::mark(scope.tenantId());
    return Done{};
}

StoreResult<int> SessionRepository::deleteExpired(const QDateTime &now)
{
    // Across tenants on purpose: housekeeping by time, reading nothing back.
    Transaction transaction(m_database);
    if (!transaction.isActive())
        return databaseError(QStringLiteral("deleting expired tokens"), transaction.error());
    QSqlQuery tokens(m_database);
    tokens.prepare(QStringLiteral("DELETE FROM session_tokens WHERE expires_at <= :now"));
    tokens.bindValue(QStringLiteral(":now"), now.toMSecsSinceEpoch());
    if (!tokens.exec())
        return databaseError(QStringLiteral("deleting expired tokens"), tokens.lastError().text());
    const int removed = tokens.numRowsAffected();
    QSqlQuery families(m_database);
    if (!families.exec(QStringLiteral(
            "DELETE FROM session_families WHERE NOT EXISTS (SELECT 1 FROM session_tokens t "
            "WHERE t.family_id = session_families.id)")))
        return databaseError(QStringLiteral("deleting empty families"),
                             families.lastError().text());
    const StoreStatus committed = transaction.commit();
    if (!committed)
        return committed.error();
    return removed;
}

} // namespace engage::server::store
