// DemoSeed: the same seed gives the same tenants and people; a second start
// creates nothing and returns the same credentials; the owner's password is
// kept sealed, never in clear.

#include "store/demoseed.h"
#include "store/personrepository.h"
#include "store/tenantrepository.h"
#include "storefixture.h"

#include <QSqlQuery>
#include <QTest>

using namespace engage::server::store;
using engage::server::store::testing::StoreFixture;

class TestDemoSeed : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deterministicForASeed();
    void idempotent();
};

namespace {

// "slug: name role" for every person of every demo tenant, sorted.
QStringList layout(StoreFixture &store, const QList<DemoCredentials> &credentials)
{
    QStringList lines;
    TenantRepository tenants(store.connection(), store.keyring());
    PersonRepository people(store.connection(), store.keyring());
    for (const DemoCredentials &tenant : credentials) {
        const auto found = tenants.findBySlug(tenant.slug);
        if (!found)
            return {QStringLiteral("missing tenant")};
        const TenantScope scope(found.value().tenant.id);
        const auto page = people.list(scope, std::nullopt, 100);
        for (const StoredPerson &person : page.value().items) {
            lines.append(tenant.slug + QStringLiteral(": ") + person.person.displayName + u' ' +
                         person.person.email + u' ' + engage::api::roleName(person.person.role));
        }
    }
    lines.sort();
    return lines;
}

} // namespace

void TestDemoSeed::deterministicForASeed()
{
    StoreFixture one;
    StoreFixture two;
    QVERIFY(one.isReady() && two.isReady());
    const auto first = DemoSeed(one.connection(), one.keyring(), 7).ensure();
    const auto second = DemoSeed(two.connection(), two.keyring(), 7).ensure();
    QVERIFY2(first.isOk(), qPrintable(first.isOk() ? QString() : first.error().message));
    QVERIFY(second.isOk());
    QCOMPARE(first.value().size(), 2);
    QCOMPARE(first.value().at(0).slug, QStringLiteral("sakura-foods"));
    QCOMPARE(first.value().at(0).name, QStringLiteral("さくらフーズ株式会社"));
    QCOMPARE(first.value().at(1).slug, QStringLiteral("northwind"));
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(first.value().at(i).adminEmail, second.value().at(i).adminEmail);
        QVERIFY(first.value().at(i).adminPassword.size() >= 12);
    }
    const QStringList people = layout(one, first.value());
    QCOMPARE(people, layout(two, second.value()));
    QCOMPARE(people.size(), 8 + 5);
    QCOMPARE(people.filter(QStringLiteral(" owner")).size(), 2);
    QVERIFY(people.filter(QStringLiteral("sakura-foods: ")).constFirst().contains(u' ')); // 姓 名

    // Another seed, other people in the chairs.
    QStringList layouts{people.join(u'\n')};
    for (quint64 seed : {1, 2, 3}) {
        StoreFixture other;
        const auto seeded = DemoSeed(other.connection(), other.keyring(), seed).ensure();
        QVERIFY(seeded.isOk());
        layouts.append(layout(other, seeded.value()).join(u'\n'));
    }
    layouts.removeDuplicates();
    QVERIFY(layouts.size() > 1);
}

void TestDemoSeed::idempotent()
{
    StoreFixture store;
    QVERIFY(store.isReady());
    const auto first = DemoSeed(store.connection(), store.keyring()).ensure();
    QVERIFY(first.isOk());
    const QStringList people = layout(store, first.value());

    // A later start: a new process, so a fresh keyring.
    Keyring fresh(engage::server::store::testing::testMasterKey());
    const auto again = DemoSeed(store.connection(), fresh).ensure();
    QVERIFY(again.isOk());
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(again.value().at(i).slug, first.value().at(i).slug);
        QCOMPARE(again.value().at(i).adminEmail, first.value().at(i).adminEmail);
        QCOMPARE(again.value().at(i).adminPassword, first.value().at(i).adminPassword);
    }
    QCOMPARE(layout(store, again.value()), people);
    QSqlQuery query(store.connection());
    QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*) FROM tenants")) && query.next());
    QCOMPARE(query.value(0).toInt(), 2);
    query.finish();

    // The owners' passwords and e-mails are nowhere in clear.
    const QByteArray disk = store.allFileBytes();
    for (const DemoCredentials &tenant : first.value()) {
        QVERIFY(!disk.contains(tenant.adminPassword.toUtf8()));
        QVERIFY(!disk.contains(tenant.adminEmail.toUtf8()));
    }
}

QTEST_GUILESS_MAIN(TestDemoSeed)
#include "tst_store_demoseed.moc"
