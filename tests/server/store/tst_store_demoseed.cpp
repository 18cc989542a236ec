// DemoSeed: the same seed gives the same tenants, people and organisation; a
// second start creates nothing and returns the same credentials; the owner's
// and the manager's passwords are kept sealed, never in clear. The demo
// organisation has the shape the dashboards need (groups three deep, sizes
// from 3 to 150, shop-floor staff without e-mail, valid members).

#include "store/attributerepository.h"
#include "store/demoseed.h"
#include "store/grouprepository.h"
#include "store/memberrepository.h"
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
    void organisation_data();
    void organisation();
    void organisationIsDeterministic();
    void managerIsScoped();
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

TenantScope scopeOf(StoreFixture &store, const QString &slug)
{
    const auto found = TenantRepository(store.connection(), store.keyring()).findBySlug(slug);
    return TenantScope(found ? found.value().tenant.id : QString());
}

// Every member of the tenant in one line each, with groups and attributes by
// name instead of by id (ids are random), sorted.
QStringList memberLines(StoreFixture &store, const QString &slug)
{
    const TenantScope scope = scopeOf(store, slug);
    const auto groups = GroupRepository(store.connection()).list(scope);
    const auto attributeList = AttributeRepository(store.connection()).list(scope);
    if (!groups || !attributeList)
        return {QStringLiteral("cannot read the organisation")};
    QHash<QString, QString> groupCodes;
    for (const engage::api::Group &group : groups.value())
        groupCodes.insert(group.id, group.fields.code);
    QHash<QString, QString> attributeNames;
    for (const engage::api::Attribute &attribute : attributeList.value())
        attributeNames.insert(attribute.id, attribute.fields.nameEn);
    QStringList lines;
    const auto members = MemberRepository(store.connection(), store.keyring()).all(scope);
    for (const StoredMember &stored : members.value()) {
        const engage::api::MemberFields &fields = stored.member.fields;
        QStringList attributes;
        for (auto it = fields.attributes.cbegin(); it != fields.attributes.cend(); ++it)
            attributes.append(attributeNames.value(it.key()) + u'=' + it.value());
        attributes.sort();
        lines.append(QStringList{
            fields.employeeCode.value_or(QString()), fields.email.value_or(QStringLiteral("-")),
            fields.familyName, fields.givenName,
            groupCodes.value(fields.groupId.value_or(QString())), attributes.join(u','),
            fields.hireDate ? fields.hireDate->toString(Qt::ISODate) : QString(),
            fields.birthDate ? fields.birthDate->toString(Qt::ISODate) : QString(),
            fields.employmentType, fields.grade, fields.position, fields.jobCategory,
            engage::api::memberStatusName(fields.status)}
                         .join(u'|'));
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

void TestDemoSeed::organisation_data()
{
    QTest::addColumn<QString>("slug");
    QTest::addColumn<int>("members");
    QTest::addColumn<int>("groups");
    QTest::addColumn<int>("attributes");
    QTest::addColumn<int>("largestGroup");
    QTest::newRow("sakura-foods") << QStringLiteral("sakura-foods") << 1200 << 25 << 3 << 150;
    QTest::newRow("northwind") << QStringLiteral("northwind") << 80 << 6 << 2 << 30;
}

void TestDemoSeed::organisation()
{
    QFETCH(QString, slug);
    QFETCH(int, members);
    QFETCH(int, groups);
    QFETCH(int, attributes);
    QFETCH(int, largestGroup);
    StoreFixture store;
    QVERIFY(store.isReady());
    QVERIFY(DemoSeed(store.connection(), store.keyring()).ensure().isOk());
    const TenantScope scope = scopeOf(store, slug);

    const auto tree = GroupRepository(store.connection()).list(scope);
    QVERIFY(tree.isOk());
    QCOMPARE(tree.value().size(), groups);
    QHash<QString, int> depth;
    for (const engage::api::Group &group : tree.value()) // parents come first
        depth.insert(group.id, group.fields.parentId ? depth.value(*group.fields.parentId) + 1 : 1);
    const QList<int> depths = depth.values();
    QCOMPARE(*std::max_element(depths.cbegin(), depths.cend()), 3);
    QCOMPARE(AttributeRepository(store.connection()).list(scope).value().size(), attributes);

    const auto all = MemberRepository(store.connection(), store.keyring()).all(scope);
    QVERIFY(all.isOk());
    QCOMPARE(all.value().size(), members);
    QHash<QString, int> sizes;
    int withoutEmail = 0;
    QHash<engage::api::MemberStatus, int> statuses;
    QSet<QString> families;
    for (const StoredMember &stored : all.value()) {
        const engage::api::MemberFields &fields = stored.member.fields;
        const auto invalid = engage::api::validateMemberFields(fields);
        QVERIFY2(!invalid, qPrintable(stored.member.fields.employeeCode.value_or(QString()) + u' ' +
                                      (invalid ? invalid->detail : QString())));
        QVERIFY(fields.employeeCode);
        QVERIFY(!engage::api::validateEmployeeCode(*fields.employeeCode));
        QVERIFY(fields.groupId);
        QVERIFY(fields.hireDate);
        QCOMPARE(fields.attributes.size(), attributes);
        ++sizes[*fields.groupId];
        withoutEmail += fields.email ? 0 : 1;
        ++statuses[fields.status];
        families.insert(fields.familyName);
    }
    const QList<int> counts = sizes.values();
    QCOMPARE(counts.size(), groups); // nobody's group is empty
    QCOMPARE(*std::min_element(counts.cbegin(), counts.cend()), slug == u"northwind" ? 4 : 3);
    QCOMPARE(*std::max_element(counts.cbegin(), counts.cend()), largestGroup);
    // Some shop-floor staff without e-mail, and only some.
    QVERIFY2(withoutEmail > members / 50 && withoutEmail < members / 4,
             qPrintable(QString::number(withoutEmail)));
    // Mostly active, a few on leave or gone.
    QVERIFY(statuses.value(engage::api::MemberStatus::Active) > members * 9 / 10);
    if (members > 100) {
        QVERIFY(statuses.value(engage::api::MemberStatus::OnLeave) > 0);
        QVERIFY(statuses.value(engage::api::MemberStatus::Left) > 0);
        // Names real rosters have, variant kanji included.
        for (const QString &name : {QStringLiteral("髙橋"), QStringLiteral("山﨑"),
                                    QStringLiteral("渡邊"), QStringLiteral("佐藤")})
            QVERIFY2(families.contains(name), qPrintable(name));
    }
}

void TestDemoSeed::organisationIsDeterministic()
{
    StoreFixture one;
    StoreFixture two;
    QVERIFY(one.isReady() && two.isReady());
    QVERIFY(DemoSeed(one.connection(), one.keyring(), 11).ensure().isOk());
    QVERIFY(DemoSeed(two.connection(), two.keyring(), 11).ensure().isOk());
    for (const QString &slug : {QStringLiteral("sakura-foods"), QStringLiteral("northwind")}) {
        const QStringList lines = memberLines(one, slug);
        QVERIFY(lines.size() >= 80);
        QCOMPARE(lines, memberLines(two, slug));
    }
    StoreFixture other;
    QVERIFY(DemoSeed(other.connection(), other.keyring(), 12).ensure().isOk());
    QVERIFY(memberLines(other, QStringLiteral("sakura-foods")) !=
            memberLines(one, QStringLiteral("sakura-foods")));
}

void TestDemoSeed::managerIsScoped()
{
    StoreFixture store;
    QVERIFY(store.isReady());
    const auto seeded = DemoSeed(store.connection(), store.keyring()).ensure();
    QVERIFY(seeded.isOk());
    const QHash<QString, QString> departments{
        {QStringLiteral("sakura-foods"), QStringLiteral("210")},
        {QStringLiteral("northwind"), QStringLiteral("SAL")}};
    for (const DemoCredentials &tenant : seeded.value()) {
        const TenantScope scope = scopeOf(store, tenant.slug);
        QVERIFY(tenant.managerPassword.size() >= 12);
        const auto manager = PersonRepository(store.connection(), store.keyring())
                                 .findByEmail(scope, tenant.managerEmail);
        QVERIFY(manager.isOk());
        QCOMPARE(manager.value().person.role, engage::api::Role::Manager);
        QVERIFY(!manager.value().person.mustChangePassword);
        GroupRepository groups(store.connection());
        const auto scoped = groups.scopeOf(scope, manager.value().person.id);
        QCOMPARE(scoped.value().size(), 1);
        QCOMPARE(groups.get(scope, scoped.value().constFirst()).value().fields.code,
                 departments.value(tenant.slug));
    }
    // A later start reads both back; neither password is in clear anywhere.
    Keyring fresh(engage::server::store::testing::testMasterKey());
    const auto again = DemoSeed(store.connection(), fresh).ensure();
    QVERIFY(again.isOk());
    const QByteArray disk = store.allFileBytes();
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(again.value().at(i).managerEmail, seeded.value().at(i).managerEmail);
        QCOMPARE(again.value().at(i).managerPassword, seeded.value().at(i).managerPassword);
        QCOMPARE(again.value().at(i).adminPassword, seeded.value().at(i).adminPassword);
        QVERIFY(!disk.contains(seeded.value().at(i).managerPassword.toUtf8()));
    }
}

QTEST_GUILESS_MAIN(TestDemoSeed)
#include "tst_store_demoseed.moc"
