// The tenant scope: SQL that could reach past the tenant is refused before it
// runs, and tenant A cannot read, change or delete tenant B's rows (they are
// simply not found, like a missing id).

#include "store/personrepository.h"
#include "store/scopedquery.h"
#include "store/sessionrepository.h"
#include "storefixture.h"

#include <QSqlQuery>
#include <QTest>

using namespace engage::server::store;
using engage::server::store::testing::StoreFixture;

class TestScope : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void check_data();
    void check();
    void unscopedQueryIsRefused();
    void callerCannotBindTenant();
    void bindsTheScopesTenant();
    void peopleOfAnotherTenantAreNotFound();
    void sessionsOfAnotherTenantAreNotFound();
};

void TestScope::check_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("select")
        << QStringLiteral("SELECT id FROM people WHERE tenant_id = :tenant_id AND id = :id")
        << true;
    QTest::newRow("alias")
        << QStringLiteral(
               "SELECT t.id FROM session_tokens t JOIN session_families f ON f.id = t.family_id "
               "WHERE t.tenant_id = :tenant_id AND t.token_hash = :h")
        << true;
    QTest::newRow("lower case")
        << QStringLiteral("update people set role = :r where tenant_id=:tenant_id and id = :id")
        << true;
    QTest::newRow("insert")
        << QStringLiteral("INSERT INTO operation_log (tenant_id, at) VALUES (:tenant_id, :at)")
        << true;
    QTest::newRow("no where") << QStringLiteral("SELECT id FROM people") << false;
    QTest::newRow("other predicate")
        << QStringLiteral("SELECT id FROM people WHERE id = :id") << false;
    QTest::newRow("predicate not first")
        << QStringLiteral("SELECT id FROM people WHERE id = :id AND tenant_id = :tenant_id")
        << false;
    QTest::newRow("or widens") << QStringLiteral(
                                      "SELECT id FROM people WHERE tenant_id = :tenant_id OR 1 = 1")
                               << false;
    QTest::newRow("two statements")
        << QStringLiteral("DELETE FROM people WHERE tenant_id = :tenant_id; DELETE FROM people")
        << false;
    QTest::newRow("unscoped subquery")
        << QStringLiteral("SELECT id FROM people WHERE tenant_id = :tenant_id AND id IN "
                          "(SELECT person_id FROM session_tokens WHERE kind = 'access')")
        << false;
    QTest::newRow("subquery without where")
        << QStringLiteral("UPDATE people SET role = (SELECT role FROM people LIMIT 1) "
                          "WHERE tenant_id = :tenant_id AND id = :id")
        << false;
    QTest::newRow("scoped subquery")
        << QStringLiteral("SELECT id FROM people WHERE tenant_id = :tenant_id AND id IN "
                          "(SELECT person_id FROM session_families WHERE tenant_id = :tenant_id)")
        << true;
    QTest::newRow("insert without tenant")
        << QStringLiteral("INSERT INTO operation_log (tenant_id, at) VALUES ('x', :at)") << false;
    QTest::newRow("a literal tenant")
        << QStringLiteral("SELECT id FROM people WHERE tenant_id = 'b'") << false;
    QTest::newRow("not dml") << QStringLiteral("DROP TABLE people") << false;
}

void TestScope::check()
{
    QFETCH(QString, sql);
    QFETCH(bool, accepted);
    QString reason;
    QCOMPARE(ScopedQuery::isScoped(sql, &reason), accepted);
    QCOMPARE(reason.isEmpty(), accepted);
}

void TestScope::unscopedQueryIsRefused()
{
    StoreFixture store;
    QVERIFY(store.isReady());
    const TenantScope a = store.createTenant(QStringLiteral("tenant-a"));
    ScopedQuery query(a, store.connection());
    QTest::ignoreMessage(QtCriticalMsg, QRegularExpression(QStringLiteral("refused unscoped SQL")));
    QVERIFY(!query.prepare(QStringLiteral("DELETE FROM tenant_keys")));
    QVERIFY(query.wasRefused());
    QVERIFY(!query.exec());
    QVERIFY(query.errorText().contains(QLatin1String("refused")));
    // Nothing ran.
    QSqlQuery keys(store.connection());
    QVERIFY(keys.exec(QStringLiteral("SELECT COUNT(*) FROM tenant_keys")) && keys.next());
    QCOMPARE(keys.value(0).toInt(), 1);

    ScopedQuery empty(TenantScope(QString()), store.connection());
    QTest::ignoreMessage(QtCriticalMsg, QRegularExpression(QStringLiteral("empty tenant scope")));
    QVERIFY(!empty.prepare(QStringLiteral("SELECT id FROM people WHERE tenant_id = :tenant_id")));
}

void TestScope::callerCannotBindTenant()
{
    StoreFixture store;
    QVERIFY(store.isReady());
    const TenantScope a = store.createTenant(QStringLiteral("tenant-a"));
    const TenantScope b = store.createTenant(QStringLiteral("tenant-b"));
    ScopedQuery query(a, store.connection());
    QVERIFY(query.prepare(
        QStringLiteral("SELECT version FROM tenant_keys WHERE tenant_id = :tenant_id")));
    QTest::ignoreMessage(QtCriticalMsg, QRegularExpression(QStringLiteral("own :tenant_id")));
    query.bindValue(QStringLiteral(":tenant_id"), b.tenantId());
    QVERIFY(!query.exec());
}

void TestScope::bindsTheScopesTenant()
{
    StoreFixture store;
    QVERIFY(store.isReady());
    const TenantScope a = store.createTenant(QStringLiteral("tenant-a"));
    const TenantScope b = store.createTenant(QStringLiteral("tenant-b"));
    // Interleaved on one connection, each query sees its own tenant only.
    for (const TenantScope *scope : {&a, &b, &a}) {
        ScopedQuery query(*scope, store.connection());
        QVERIFY(query.prepare(
            QStringLiteral("SELECT tenant_id FROM tenant_keys WHERE tenant_id = :tenant_id")));
        QVERIFY2(query.exec(), qPrintable(query.errorText()));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), scope->tenantId());
        QVERIFY(!query.next());
    }
}

void TestScope::peopleOfAnotherTenantAreNotFound()
{
    StoreFixture store;
    QVERIFY(store.isReady());
    const TenantScope a = store.createTenant(QStringLiteral("tenant-a"));
    const TenantScope b = store.createTenant(QStringLiteral("tenant-b"));
    PersonRepository people(store.connection(), store.keyring());
    NewPerson alice;
    alice.email = QStringLiteral("alice@a.example");
    alice.displayName = QStringLiteral("Alice");
    alice.passwordHash = QStringLiteral("x");
    const auto created = people.create(a, alice);
    QVERIFY(created.isOk());
    const QString id = created.value().person.id;

    QCOMPARE(people.get(b, id).errorKind(), StoreErrorKind::NotFound);
    QCOMPARE(people.findByEmail(b, alice.email).errorKind(), StoreErrorKind::NotFound);
    QVERIFY(people.list(b, std::nullopt, 10).value().items.isEmpty());
    PersonChanges changes;
    changes.displayName = QStringLiteral("Mallory");
    QCOMPARE(people.update(b, id, 1, changes).errorKind(), StoreErrorKind::NotFound);
    QCOMPARE(people.remove(b, id, 1).errorKind(), StoreErrorKind::NotFound);
    QCOMPARE(people.setPassword(b, id, QStringLiteral("y"), false).errorKind(),
             StoreErrorKind::NotFound);

    // Nothing changed for A.
    const auto after = people.get(a, id);
    QVERIFY(after.isOk());
    QCOMPARE(after.value().person, created.value().person);
    QCOMPARE(after.value().revision, 1);
    QCOMPARE(after.value().passwordHash, QStringLiteral("x"));
    // The same e-mail is B's to use: uniqueness is per tenant.
    QVERIFY(people.create(b, alice).isOk());
}

void TestScope::sessionsOfAnotherTenantAreNotFound()
{
    StoreFixture store;
    QVERIFY(store.isReady());
    const TenantScope a = store.createTenant(QStringLiteral("tenant-a"));
    const TenantScope b = store.createTenant(QStringLiteral("tenant-b"));
    PersonRepository people(store.connection(), store.keyring());
    NewPerson alice;
    alice.email = QStringLiteral("alice@a.example");
    alice.displayName = QStringLiteral("Alice");
    alice.passwordHash = QStringLiteral("x");
    const QString aliceId = people.create(a, alice).value().person.id;
    SessionRepository sessions(store.connection());
    const QDateTime now = QDateTime::currentDateTimeUtc();

    QCOMPARE(sessions.createFamily(b, aliceId, now).errorKind(), StoreErrorKind::NotFound);
    const auto issued = sessions.createFamily(a, aliceId, now);
    QVERIFY(issued.isOk());
    QCOMPARE(sessions.rotate(b, issued.value().refreshToken, now).errorKind(),
             StoreErrorKind::NotFound);
    QCOMPARE(sessions.revokeFamily(b, issued.value().familyId, now).errorKind(),
             StoreErrorKind::NotFound);
    const auto found = sessions.findToken(issued.value().accessToken, TokenKind::Access, now);
    QVERIFY(found.isOk());
    QCOMPARE(found.value().tenantId, a.tenantId());
}

QTEST_GUILESS_MAIN(TestScope)
#include "tst_store_scope.moc"
