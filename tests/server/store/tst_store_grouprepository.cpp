// GroupRepository: the tree parents before children with direct member
// counts, unique codes, moves that would make a cycle, deletes of groups that
// still hold something, the history a rename and a move keep, subtrees, and
// managers' scopes.

#include "store/grouprepository.h"
#include "store/memberrepository.h"
#include "store/personrepository.h"
#include "store/transaction.h"
#include "storefixture.h"

#include <QSqlQuery>
#include <QTest>

using namespace engage::server::store;
using engage::api::Group;
using engage::api::GroupFields;
using engage::api::MemberStatus;
using engage::server::store::testing::memberFields;
using engage::server::store::testing::StoreFixture;

class TestGroupRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void treeOrderAndCounts();
    void codesAreUnique();
    void moveIntoOwnSubtreeIsACycle();
    void deleteOnlyWhenEmpty();
    void historyKeepsRenameAndMove();
    void subtree();
    void scopes();
    void otherTenantsGroupIsNotFound();
};

namespace {

const QDateTime kAt = QDateTime(QDate(2024, 4, 1), QTime(9, 0), Qt::UTC);
const QString kActor = QStringLiteral("actor-1");

GroupFields fields(const QString &code, const QString &name,
                   const std::optional<QString> &parentId = std::nullopt)
{
    return GroupFields{code, name, parentId};
}

// 本社 > 営業本部 > {東日本営業部, 西日本営業部}; 製造本部 > 工場
struct Tree
{
    QString head, sales, east, west, production, factory;
};

Tree makeTree(GroupRepository &groups, const TenantScope &tenant)
{
    Tree tree;
    const auto add = [&](const QString &code, const QString &name,
                         const std::optional<QString> &parent) {
        const auto created = groups.create(tenant, fields(code, name, parent), kActor);
        if (!created)
            qFatal("cannot create a group: %s", qPrintable(created.error().message));
        return created.value().id;
    };
    // Created out of tree order on purpose.
    tree.production = add(QStringLiteral("200"), QStringLiteral("製造本部"), std::nullopt);
    tree.head = add(QStringLiteral("100"), QStringLiteral("本社"), std::nullopt);
    tree.factory = add(QStringLiteral("210"), QStringLiteral("工場"), tree.production);
    tree.sales = add(QStringLiteral("110"), QStringLiteral("営業本部"), tree.head);
    tree.west = add(QStringLiteral("112"), QStringLiteral("西日本営業部"), tree.sales);
    tree.east = add(QStringLiteral("111"), QStringLiteral("東日本営業部"), tree.sales);
    return tree;
}

QStringList idsOf(const QList<Group> &groups)
{
    QStringList ids;
    for (const Group &group : groups)
        ids.append(group.id);
    return ids;
}

} // namespace

void TestGroupRepository::treeOrderAndCounts()
{
    StoreFixture store;
    QVERIFY(store.isReady());
    const TenantScope tenant = store.createTenant(QStringLiteral("acme"));
    GroupRepository groups(store.connection());
    const Tree tree = makeTree(groups, tenant);
    MemberRepository members(store.connection(), store.keyring());
    const auto place = [&](const QString &group, MemberStatus status, const QString &code) {
        auto member = memberFields(QStringLiteral("M"), QString(), code);
        member.groupId = group;
        member.status = status;
        return members.create(tenant, member, kAt).value().member.id;
    };
    place(tree.east, MemberStatus::Active, QStringLiteral("1"));
    place(tree.east, MemberStatus::OnLeave, QStringLiteral("2"));
    place(tree.east, MemberStatus::Left, QStringLiteral("3")); // not counted
    const QString gone = place(tree.east, MemberStatus::Active, QStringLiteral("4"));
    QVERIFY(members.remove(tenant, gone, 1, kAt).isOk()); // not counted
    place(tree.sales, MemberStatus::Active, QStringLiteral("5"));

    const auto listed = groups.list(tenant);
    QVERIFY(listed.isOk());
    QCOMPARE(idsOf(listed.value()), (QStringList{tree.head, tree.sales, tree.east, tree.west,
                                                 tree.production, tree.factory}));
    QHash<QString, int> counts;
    for (const Group &group : listed.value())
        counts.insert(group.id, group.memberCount);
    QCOMPARE(counts.value(tree.east), 2);
    QCOMPARE(counts.value(tree.sales), 1); // direct members only
    QCOMPARE(counts.value(tree.head), 0);
    QCOMPARE(groups.get(tenant, tree.east).value().memberCount, 2);
    QCOMPARE(members.countsByGroup(tenant).value().value(tree.east), 2);
    // The tree without counts: the same groups in the same order, counts 0.
    const auto bare = groups.tree(tenant);
    QVERIFY(bare.isOk());
    QCOMPARE(idsOf(bare.value()), idsOf(listed.value()));
    for (qsizetype i = 0; i < bare.value().size(); ++i) {
        QCOMPARE(bare.value().at(i).fields, listed.value().at(i).fields);
        QCOMPARE(bare.value().at(i).revision, listed.value().at(i).revision);
        QCOMPARE(bare.value().at(i).memberCount, 0);
    }
    QCOMPARE(groups.get(tenant, tree.west).value().fields,
             fields(QStringLiteral("112"), QStringLiteral("西日本営業部"), tree.sales));
}

void TestGroupRepository::codesAreUnique()
{
    StoreFixture store;
    QVERIFY(store.isReady());
    const TenantScope tenant = store.createTenant(QStringLiteral("acme"));
    const TenantScope other = store.createTenant(QStringLiteral("other"));
    GroupRepository groups(store.connection());
    const auto first =
        groups.create(tenant, fields(QStringLiteral("A"), QStringLiteral("A")), kActor);
    QVERIFY(first.isOk());
    QCOMPARE(
        groups.create(tenant, fields(QStringLiteral("A"), QStringLiteral("B")), kActor).errorKind(),
        StoreErrorKind::CodeTaken);
    QVERIFY(groups.create(other, fields(QStringLiteral("A"), QStringLiteral("A")), kActor).isOk());
    const auto second =
        groups.create(tenant, fields(QStringLiteral("B"), QStringLiteral("B")), kActor);
    QCOMPARE(groups
                 .update(tenant, second.value().id, 1,
                         fields(QStringLiteral("A"), QStringLiteral("B")), kActor)
                 .errorKind(),
             StoreErrorKind::CodeTaken);
    // A deleted group gives its code up.
    QVERIFY(groups.remove(tenant, first.value().id, 1, kActor).isOk());
    QVERIFY(groups
                .update(tenant, second.value().id, 1,
                        fields(QStringLiteral("A"), QStringLiteral("B")), kActor)
                .isOk());
}

void TestGroupRepository::moveIntoOwnSubtreeIsACycle()
{
    StoreFixture store;
    QVERIFY(store.isReady());
    const TenantScope tenant = store.createTenant(QStringLiteral("acme"));
    GroupRepository groups(store.connection());
    const Tree tree = makeTree(groups, tenant);
    const Group head = groups.get(tenant, tree.head).value();
    for (const QString &below : {tree.head, tree.sales, tree.east}) {
        GroupFields moved = head.fields;
        moved.parentId = below;
        QCOMPARE(groups.update(tenant, tree.head, head.revision, moved, kActor).errorKind(),
                 StoreErrorKind::Cycle);
    }
    GroupFields moved = head.fields;
    moved.parentId = QStringLiteral("no-such-group");
    QCOMPARE(groups.update(tenant, tree.head, head.revision, moved, kActor).errorKind(),
             StoreErrorKind::NotFound);
    // Under a sibling's subtree is fine.
    moved.parentId = tree.factory;
    const auto updated = groups.update(tenant, tree.head, head.revision, moved, kActor);
    QVERIFY(updated.isOk());
    QCOMPARE(updated.value().revision, head.revision + 1);
    QCOMPARE(
        idsOf(groups.list(tenant).value()),
        (QStringList{tree.production, tree.factory, tree.head, tree.sales, tree.east, tree.west}));
    // And a stale revision is a conflict.
    QCOMPARE(groups.update(tenant, tree.head, head.revision, head.fields, kActor).errorKind(),
             StoreErrorKind::Conflict);
}

void TestGroupRepository::deleteOnlyWhenEmpty()
{
    StoreFixture store;
    QVERIFY(store.isReady());
    const TenantScope tenant = store.createTenant(QStringLiteral("acme"));
    GroupRepository groups(store.connection());
    const Tree tree = makeTree(groups, tenant);
    QCOMPARE(groups.remove(tenant, tree.sales, 1, kActor).errorKind(), StoreErrorKind::NotEmpty);
    MemberRepository members(store.connection(), store.keyring());
    auto member = memberFields(QStringLiteral("M"), QString(), QStringLiteral("1"));
    member.groupId = tree.east;
    member.status = MemberStatus::Left; // still placed there
    const QString id = members.create(tenant, member, kAt).value().member.id;
    QCOMPARE(groups.remove(tenant, tree.east, 1, kActor).errorKind(), StoreErrorKind::NotEmpty);
    QCOMPARE(groups.remove(tenant, tree.west, 2, kActor).errorKind(), StoreErrorKind::Conflict);
    QVERIFY(groups.remove(tenant, tree.west, 1, kActor).isOk());
    QVERIFY(members.remove(tenant, id, 1, kAt).isOk());
    QVERIFY(groups.remove(tenant, tree.east, 1, kActor).isOk());
    QVERIFY(groups.remove(tenant, tree.sales, 1, kActor).isOk());
    QCOMPARE(groups.get(tenant, tree.sales).errorKind(), StoreErrorKind::NotFound);
    QCOMPARE(idsOf(groups.list(tenant).value()),
             (QStringList{tree.head, tree.production, tree.factory}));
    QCOMPARE(groups.remove(tenant, tree.sales, 2, kActor).errorKind(), StoreErrorKind::NotFound);
    // A deleted group takes no members and no children.
    member.groupId = tree.east;
    member.employeeCode = QStringLiteral("2");
    QCOMPARE(members.create(tenant, member, kAt).errorKind(), StoreErrorKind::NotFound);
    QCOMPARE(
        groups.create(tenant, fields(QStringLiteral("X"), QStringLiteral("X"), tree.east), kActor)
            .errorKind(),
        StoreErrorKind::NotFound);
}

void TestGroupRepository::historyKeepsRenameAndMove()
{
    StoreFixture store;
    QVERIFY(store.isReady());
    const TenantScope tenant = store.createTenant(QStringLiteral("acme"));
    GroupRepository groups(store.connection());
    const Tree tree = makeTree(groups, tenant);
    const GroupFields original = groups.get(tenant, tree.east).value().fields;
    const GroupFields renamed =
        fields(QStringLiteral("111"), QStringLiteral("東日本営業第一部"), tree.sales);
    QVERIFY(groups.update(tenant, tree.east, 1, renamed, QStringLiteral("renamer")).isOk());
    const GroupFields moved =
        fields(QStringLiteral("311"), QStringLiteral("東日本営業第一部"), tree.head);
    QVERIFY(groups.update(tenant, tree.east, 2, moved, QStringLiteral("mover")).isOk());
    QVERIFY(groups.remove(tenant, tree.east, 3, QStringLiteral("remover")).isOk());

    const auto history = groups.history(tenant, tree.east);
    QVERIFY(history.isOk());
    QCOMPARE(history.value().size(), 4);
    QCOMPARE(history.value().at(0).fields, original);
    QCOMPARE(history.value().at(1).fields, renamed);
    QCOMPARE(history.value().at(2).fields, moved);
    QCOMPARE(history.value().at(3).fields, moved); // the delete, with the code it had
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(history.value().at(i).id, tree.east);
        QCOMPARE(history.value().at(i).revision, i + 1);
    }
    // Who did it is kept too.
    QSqlQuery actors(store.connection());
    QVERIFY(actors.exec(QStringLiteral("SELECT actor_id, deleted FROM org_group_history WHERE "
                                       "group_id = '%1' ORDER BY seq")
                            .arg(tree.east)));
    QStringList who;
    while (actors.next())
        who.append(actors.value(0).toString() + u'/' + actors.value(1).toString());
    QCOMPARE(who, (QStringList{kActor + QStringLiteral("/0"), QStringLiteral("renamer/0"),
                               QStringLiteral("mover/0"), QStringLiteral("remover/1")}));
    QCOMPARE(groups.history(tenant, QStringLiteral("no-such-group")).errorKind(),
             StoreErrorKind::NotFound);
}

void TestGroupRepository::subtree()
{
    StoreFixture store;
    QVERIFY(store.isReady());
    const TenantScope tenant = store.createTenant(QStringLiteral("acme"));
    GroupRepository groups(store.connection());
    const Tree tree = makeTree(groups, tenant);
    auto ids = groups.subtreeIds(tenant, {tree.head});
    QVERIFY(ids.isOk());
    QCOMPARE(QSet<QString>(ids.value().cbegin(), ids.value().cend()),
             (QSet<QString>{tree.head, tree.sales, tree.east, tree.west}));
    QCOMPARE(ids.value().constFirst(), tree.head);
    // Overlapping roots, an unknown id: no duplicates, nothing made up.
    ids = groups.subtreeIds(tenant, {tree.sales, tree.east, QStringLiteral("nope"), tree.factory});
    QCOMPARE(ids.value().size(), 4);
    QCOMPARE(QSet<QString>(ids.value().cbegin(), ids.value().cend()),
             (QSet<QString>{tree.sales, tree.east, tree.west, tree.factory}));
    QVERIFY(groups.subtreeIds(tenant, {}).value().isEmpty());
}

void TestGroupRepository::scopes()
{
    StoreFixture store;
    QVERIFY(store.isReady());
    const TenantScope tenant = store.createTenant(QStringLiteral("acme"));
    const TenantScope other = store.createTenant(QStringLiteral("other"));
    GroupRepository groups(store.connection());
    const Tree tree = makeTree(groups, tenant);
    PersonRepository people(store.connection(), store.keyring());
    NewPerson manager;
    manager.email = QStringLiteral("manager@example.jp");
    manager.displayName = QStringLiteral("Manager");
    manager.role = engage::api::Role::Manager;
    manager.passwordHash = QStringLiteral("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA");
    const QString managerId = people.create(tenant, manager).value().person.id;

    QVERIFY(groups.scopeOf(tenant, managerId).value().isEmpty());
    QVERIFY(groups.setScope(tenant, managerId, {tree.sales, tree.factory, tree.sales}).isOk());
    QCOMPARE(groups.scopeOf(tenant, managerId).value(), (QStringList{tree.sales, tree.factory}));
    QVERIFY(groups.setScope(tenant, managerId, {tree.west}).isOk());
    QCOMPARE(groups.scopeOf(tenant, managerId).value(), QStringList{tree.west});
    // An unknown group or person changes nothing.
    QCOMPARE(groups.setScope(tenant, managerId, {tree.east, QStringLiteral("nope")}).errorKind(),
             StoreErrorKind::NotFound);
    QCOMPARE(groups.setScope(tenant, QStringLiteral("nobody"), {tree.east}).errorKind(),
             StoreErrorKind::NotFound);
    QCOMPARE(groups.scopeOf(tenant, managerId).value(), QStringList{tree.west});
    // Another tenant sees neither the person nor the groups.
    QCOMPARE(groups.setScope(other, managerId, {}).errorKind(), StoreErrorKind::NotFound);
    QVERIFY(groups.scopeOf(other, managerId).value().isEmpty());
    // A deleted group leaves the scope.
    QVERIFY(groups.remove(tenant, tree.west, 1, kActor).isOk());
    QVERIFY(groups.scopeOf(tenant, managerId).value().isEmpty());
    QVERIFY(groups.setScope(tenant, managerId, {}).isOk());
}

void TestGroupRepository::otherTenantsGroupIsNotFound()
{
    StoreFixture store;
    QVERIFY(store.isReady());
    const TenantScope tenant = store.createTenant(QStringLiteral("acme"));
    const TenantScope other = store.createTenant(QStringLiteral("other"));
    GroupRepository groups(store.connection());
    const Tree tree = makeTree(groups, tenant);
    QCOMPARE(groups.get(other, tree.head).errorKind(), StoreErrorKind::NotFound);
    QCOMPARE(
        groups.update(other, tree.west, 1, fields(QStringLiteral("Z"), QStringLiteral("Z")), kActor)
            .errorKind(),
        StoreErrorKind::NotFound);
    QCOMPARE(groups.remove(other, tree.west, 1, kActor).errorKind(), StoreErrorKind::NotFound);
    QCOMPARE(groups.history(other, tree.west).errorKind(), StoreErrorKind::NotFound);
    QVERIFY(groups.subtreeIds(other, {tree.head}).value().isEmpty());
    QVERIFY(groups.list(other).value().isEmpty());
    // Nor may it hang its groups under ours.
    QCOMPARE(
        groups.create(other, fields(QStringLiteral("Z"), QStringLiteral("Z"), tree.head), kActor)
            .errorKind(),
        StoreErrorKind::NotFound);
}

QTEST_GUILESS_MAIN(TestGroupRepository)
#include "tst_store_grouprepository.moc"
