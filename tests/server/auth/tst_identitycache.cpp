// IdentityCache: what the guard may answer without the database, and when it
// must stop: the time to live, the token's own expiry, and any change of the
// tenant's credentials made by this process (store::CredentialChanges), even
// one made while the entry's verification was still reading.

#include "auth/identitycache.h"
#include "store/sessionrepository.h"

#include <QTest>
#include <QUuid>

using namespace engage;
using namespace engage::server;
using auth::Identity;
using auth::IdentityCache;
using namespace std::chrono_literals;

namespace {

// A tenant no other test (or earlier row of this one) has marked.
QString freshTenant()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

Identity identityOf(const QString &tenantId, const QString &personId,
                    api::Role role = api::Role::Viewer)
{
    api::Person person;
    person.id = personId;
    person.email = personId + QStringLiteral("@x.example");
    person.displayName = personId;
    person.role = role;
    return Identity{store::TenantScope(tenantId),
                    personId,
                    QStringLiteral("family-") + personId,
                    role,
                    false,
                    person,
                    personId.toUtf8()};
}

const IdentityCache::Clock::time_point t0 = IdentityCache::Clock::time_point(1h);
const IdentityCache::Clock::time_point tokenLater = t0 + 15min;

} // namespace

class TestIdentityCache final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void remembersByTokenHash()
    {
        IdentityCache cache(5s);
        const QString tenant = freshTenant();
        cache.remember(IdentityCache::ticket(), QStringLiteral("hash-a"),
                       identityOf(tenant, QStringLiteral("a"), api::Role::Admin), t0, tokenLater);
        const auto found = cache.find(QStringLiteral("hash-a"), t0 + 1s);
        QVERIFY(found);
        QCOMPARE(found->personId, QStringLiteral("a"));
        QCOMPARE(found->scope.tenantId(), tenant);
        QCOMPARE(found->role, api::Role::Admin);
        QCOMPARE(found->person.email, QStringLiteral("a@x.example"));
        QVERIFY(!cache.find(QStringLiteral("hash-b"), t0 + 1s));
    }

    void timeToLiveIsHonoured()
    {
        IdentityCache cache(5s);
        cache.remember(IdentityCache::ticket(), QStringLiteral("h"),
                       identityOf(freshTenant(), QStringLiteral("a")), t0, tokenLater);
        QVERIFY(cache.find(QStringLiteral("h"), t0 + 5s - 1ms));
        QVERIFY(!cache.find(QStringLiteral("h"), t0 + 5s));
        // Gone, not just hidden: a clock that went back does not revive it.
        QVERIFY(!cache.find(QStringLiteral("h"), t0));
    }

    void tokenExpiryComesFirst()
    {
        IdentityCache cache(5s);
        cache.remember(IdentityCache::ticket(), QStringLiteral("h"),
                       identityOf(freshTenant(), QStringLiteral("a")), t0, t0 + 2s);
        QVERIFY(cache.find(QStringLiteral("h"), t0 + 2s - 1ms));
        QVERIFY(!cache.find(QStringLiteral("h"), t0 + 2s));

        // A token already past its expiry is not remembered at all.
        cache.remember(IdentityCache::ticket(), QStringLiteral("old"),
                       identityOf(freshTenant(), QStringLiteral("b")), t0, t0 - 1ms);
        QVERIFY(!cache.find(QStringLiteral("old"), t0));
    }

    void changeOfTheTenantVoidsAtOnce()
    {
        IdentityCache cache(5s);
        const QString tenant = freshTenant();
        const QString neighbour = freshTenant();
        cache.remember(IdentityCache::ticket(), QStringLiteral("mine"),
                       identityOf(tenant, QStringLiteral("a")), t0, tokenLater);
        cache.remember(IdentityCache::ticket(), QStringLiteral("theirs"),
                       identityOf(neighbour, QStringLiteral("b")), t0, tokenLater);
        store::CredentialChanges::mark(tenant);
        QVERIFY(!cache.find(QStringLiteral("mine"), t0 + 1ms));
        // Another tenant's change is not this one's business.
        QVERIFY(cache.find(QStringLiteral("theirs"), t0 + 1ms));

        // Verified again after the change: trusted again.
        cache.remember(IdentityCache::ticket(), QStringLiteral("mine"),
                       identityOf(tenant, QStringLiteral("a")), t0 + 2ms, tokenLater);
        QVERIFY(cache.find(QStringLiteral("mine"), t0 + 3ms));
    }

    void changeDuringVerificationIsNotRemembered()
    {
        IdentityCache cache(5s);
        const QString tenant = freshTenant();
        // The guard took its ticket, read the old row, and the change landed
        // before it could remember what it read.
        const quint64 ticket = IdentityCache::ticket();
        store::CredentialChanges::mark(tenant);
        cache.remember(ticket, QStringLiteral("h"), identityOf(tenant, QStringLiteral("a")), t0,
                       tokenLater);
        QVERIFY(!cache.find(QStringLiteral("h"), t0 + 1ms));
        QCOMPARE(cache.size(), 0);

        // A change of another tenant meanwhile does not matter.
        const quint64 later = IdentityCache::ticket();
        store::CredentialChanges::mark(freshTenant());
        cache.remember(later, QStringLiteral("h"), identityOf(tenant, QStringLiteral("a")), t0,
                       tokenLater);
        QVERIFY(cache.find(QStringLiteral("h"), t0 + 1ms));
    }

    void capacityIsBounded()
    {
        IdentityCache cache(5s, 3);
        const QString tenant = freshTenant();
        for (int i = 0; i < 5; ++i) {
            const QString name = QString::number(i);
            cache.remember(IdentityCache::ticket(), name, identityOf(tenant, name), t0, tokenLater);
        }
        QCOMPARE(cache.size(), 3);
        QVERIFY(cache.find(QStringLiteral("0"), t0));
        QVERIFY(!cache.find(QStringLiteral("4"), t0));
        // Once the old entries expired, there is room again.
        cache.remember(IdentityCache::ticket(), QStringLiteral("late"),
                       identityOf(tenant, QStringLiteral("late")), t0 + 6s, tokenLater);
        QCOMPARE(cache.size(), 1);
        QVERIFY(cache.find(QStringLiteral("late"), t0 + 6s));
    }
};

QTEST_GUILESS_MAIN(TestIdentityCache)
#include "tst_identitycache.moc"
