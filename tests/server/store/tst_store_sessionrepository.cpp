// SessionRepository: tokens stored only as hashes, refresh rotation, reuse of
// a rotated token revoking its family (and only it), expiry, revocation, and
// the CredentialChanges marks that tell caches of verified tokens.

#include "crypto/random.h"
#include "store/personrepository.h"
#include "store/sessionrepository.h"
#include "storefixture.h"

#include <QSqlQuery>
#include <QTest>

using namespace engage::server::store;
using engage::server::store::testing::StoreFixture;

class TestSessionRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void tokensAreStoredAsHashes();
    void rotation();
    void reuseRevokesTheFamily();
    void expiry();
    void revocation();
    void changesAreMarkedPerTenant();

private:
    std::unique_ptr<StoreFixture> m_store;
    std::optional<TenantScope> m_tenant;
    QString m_personId;
};

void TestSessionRepository::init()
{
    m_store = std::make_unique<StoreFixture>();
    QVERIFY(m_store->isReady());
    m_tenant = m_store->createTenant(QStringLiteral("acme"));
    PersonRepository people(m_store->connection(), m_store->keyring());
    NewPerson person;
    person.email = QStringLiteral("a@x.example");
    person.displayName = QStringLiteral("A");
    person.passwordHash = QStringLiteral("x");
    m_personId = people.create(*m_tenant, person).value().person.id;
}

void TestSessionRepository::cleanup()
{
    m_tenant.reset();
    m_store.reset();
}

void TestSessionRepository::tokensAreStoredAsHashes()
{
    SessionRepository sessions(m_store->connection());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto issued = sessions.createFamily(*m_tenant, m_personId, now);
    QVERIFY(issued.isOk());
    QCOMPARE(issued.value().accessToken.size(), 43);
    QCOMPARE(issued.value().accessExpiresAt, now.addSecs(15 * 60));
    QSqlQuery query(m_store->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT token_hash FROM session_tokens ORDER BY kind")));
    QStringList hashes;
    while (query.next())
        hashes.append(query.value(0).toString());
    QCOMPARE(hashes, (QStringList{engage::server::crypto::tokenHash(issued.value().accessToken),
                                  engage::server::crypto::tokenHash(issued.value().refreshToken)}));
    query.finish();
    const QByteArray disk = m_store->allFileBytes();
    QVERIFY(!disk.contains(issued.value().accessToken.toLatin1()));
    QVERIFY(!disk.contains(issued.value().refreshToken.toLatin1()));

    const auto access = sessions.findToken(issued.value().accessToken, TokenKind::Access, now);
    QVERIFY(access.isOk());
    QCOMPARE(access.value().personId, m_personId);
    QCOMPARE(access.value().familyId, issued.value().familyId);
    // A refresh token is no access token, and the other way round.
    QCOMPARE(sessions.findToken(issued.value().refreshToken, TokenKind::Access, now).errorKind(),
             StoreErrorKind::NotFound);
    QCOMPARE(sessions.findToken(issued.value().accessToken, TokenKind::Refresh, now).errorKind(),
             StoreErrorKind::NotFound);
    QCOMPARE(
        sessions.findToken(engage::server::crypto::newToken(), TokenKind::Access, now).errorKind(),
        StoreErrorKind::NotFound);
}

void TestSessionRepository::rotation()
{
    SessionRepository sessions(m_store->connection());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto first = sessions.createFamily(*m_tenant, m_personId, now);
    const auto second = sessions.rotate(*m_tenant, first.value().refreshToken, now.addSecs(60));
    QVERIFY2(second.isOk(), qPrintable(second.isOk() ? QString() : second.error().message));
    QCOMPARE(second.value().familyId, first.value().familyId);
    QVERIFY(second.value().refreshToken != first.value().refreshToken);
    // The new pair works; the old access token ended with the rotation.
    QVERIFY(
        sessions.findToken(second.value().accessToken, TokenKind::Access, now.addSecs(61)).isOk());
    QCOMPARE(sessions.findToken(first.value().accessToken, TokenKind::Access, now.addSecs(61))
                 .errorKind(),
             StoreErrorKind::Expired);
    const auto third = sessions.rotate(*m_tenant, second.value().refreshToken, now.addSecs(120));
    QVERIFY(third.isOk());
}

void TestSessionRepository::reuseRevokesTheFamily()
{
    SessionRepository sessions(m_store->connection());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto family = sessions.createFamily(*m_tenant, m_personId, now);
    const auto otherDevice = sessions.createFamily(*m_tenant, m_personId, now);
    const auto rotated = sessions.rotate(*m_tenant, family.value().refreshToken, now);
    QVERIFY(rotated.isOk());

    // The stolen copy of the first refresh token comes back.
    QCOMPARE(sessions.rotate(*m_tenant, family.value().refreshToken, now).errorKind(),
             StoreErrorKind::Reused);
    // The whole family is cut, the legitimate holder's new tokens included...
    QCOMPARE(sessions.findToken(rotated.value().accessToken, TokenKind::Access, now).errorKind(),
             StoreErrorKind::NotFound);
    QCOMPARE(sessions.rotate(*m_tenant, rotated.value().refreshToken, now).errorKind(),
             StoreErrorKind::NotFound);
    // ...and the other device keeps its own.
    QVERIFY(sessions.findToken(otherDevice.value().accessToken, TokenKind::Access, now).isOk());
    QVERIFY(sessions.rotate(*m_tenant, otherDevice.value().refreshToken, now).isOk());
}

void TestSessionRepository::expiry()
{
    SessionRepository sessions(m_store->connection(), SessionLifetimes{60, 3600});
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto issued = sessions.createFamily(*m_tenant, m_personId, now);
    QVERIFY(
        sessions.findToken(issued.value().accessToken, TokenKind::Access, now.addSecs(59)).isOk());
    QCOMPARE(sessions.findToken(issued.value().accessToken, TokenKind::Access, now.addSecs(60))
                 .errorKind(),
             StoreErrorKind::Expired);
    QCOMPARE(sessions.rotate(*m_tenant, issued.value().refreshToken, now.addSecs(3600)).errorKind(),
             StoreErrorKind::Expired);

    // Housekeeping removes what expired, and the family left empty.
    const auto removed = sessions.deleteExpired(now.addSecs(3600));
    QVERIFY(removed.isOk());
    QCOMPARE(removed.value(), 2);
    QSqlQuery query(m_store->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*) FROM session_families")) && query.next());
    QCOMPARE(query.value(0).toInt(), 0);
}

void TestSessionRepository::revocation()
{
    SessionRepository sessions(m_store->connection());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto one = sessions.createFamily(*m_tenant, m_personId, now);
    const auto two = sessions.createFamily(*m_tenant, m_personId, now);
    QVERIFY(sessions.revokeFamily(*m_tenant, one.value().familyId, now).isOk());
    QCOMPARE(sessions.findToken(one.value().accessToken, TokenKind::Access, now).errorKind(),
             StoreErrorKind::NotFound);
    QVERIFY(sessions.findToken(two.value().accessToken, TokenKind::Access, now).isOk());
    QCOMPARE(sessions.revokeFamily(*m_tenant, one.value().familyId, now).errorKind(),
             StoreErrorKind::NotFound);
    QVERIFY(sessions.revokePerson(*m_tenant, m_personId, now).isOk());
    QCOMPARE(sessions.findToken(two.value().accessToken, TokenKind::Access, now).errorKind(),
             StoreErrorKind::NotFound);
}

void TestSessionRepository::changesAreMarkedPerTenant()
{
    SessionRepository sessions(m_store->connection());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString tenant = m_tenant->tenantId();
    const TenantScope other = m_store->createTenant(QStringLiteral("other"));
    quint64 last = CredentialChanges::latest(tenant);
    // Whether `step` marked the tenant (and only it) since the last check.
    const auto markedBy = [&](const char *step) {
        const quint64 newest = CredentialChanges::latest(tenant);
        const bool marked = newest > last && CredentialChanges::latest() == newest &&
                            CredentialChanges::latest(other.tenantId()) < newest;
        last = newest;
        if (!marked)
            qWarning("not marked by %s", step);
        return marked;
    };

    // New tokens change nothing an existing token stands for.
    const auto family = sessions.createFamily(*m_tenant, m_personId, now);
    const auto second = sessions.createFamily(*m_tenant, m_personId, now);
    QCOMPARE(CredentialChanges::latest(tenant), last);
    const auto rotated = sessions.rotate(*m_tenant, family.value().refreshToken, now);
    QVERIFY(rotated.isOk());
    QVERIFY(markedBy("rotate"));
    QCOMPARE(sessions.rotate(*m_tenant, family.value().refreshToken, now).errorKind(),
             StoreErrorKind::Reused);
    QVERIFY(markedBy("reuse"));
    QVERIFY(sessions.revokeFamily(*m_tenant, second.value().familyId, now).isOk());
    QVERIFY(markedBy("revokeFamily"));
    QVERIFY(sessions.revokePerson(*m_tenant, m_personId, now).isOk());
    QVERIFY(markedBy("revokePerson"));
    // Refusals change nothing.
    QCOMPARE(sessions.revokeFamily(*m_tenant, second.value().familyId, now).errorKind(),
             StoreErrorKind::NotFound);
    QCOMPARE(CredentialChanges::latest(tenant), last);
    QVERIFY(CredentialChanges::latest(QStringLiteral("no such tenant")) == 0);
}

QTEST_GUILESS_MAIN(TestSessionRepository)
#include "tst_store_sessionrepository.moc"
