// GroupTreeModel against the real engage-server over TLS on loopback, signed
// in as the owner of the demo tenant "sakura-foods" (about 25 groups three
// levels deep): the tree as the service has it, counts summed over subtrees,
// drag and drop that only asks, moves, renames, creation and deletion with
// If-Match, and the refusals (a group under itself, a group with members, a
// stale edit). QAbstractItemModelTester watches the model throughout.

#include "api/group.h"
#include "models/grouptreemodel.h"
#include "serviceclient.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QUuid>
#include <memory>

using namespace engage;
using namespace engage::models;
using namespace engage::test;

using Edit = GroupTreeModel::Edit;

class TestGroupTreeModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void treeIsTheService();
    void countsSumTheSubtree();
    void dropOnlyAsks();
    void moveGroupChangesTheParent();
    void moveUnderItselfIsRefused();
    void createRenameAndDelete();
    void deleteOfAGroupWithMembersIsRefused();
    void staleEdit();

private:
    bool reload();
    QList<api::Group> serviceGroups();
    std::optional<api::Group> serviceGroup(const QString &id);
    // A group of its own for the test, made through the other session.
    std::optional<api::Group> createGroup(const std::optional<QString> &parentId = {});
    // Waits for the edit to be confirmed and the tree loaded again.
    bool waitForEdit(Edit edit);

    ServerProcess m_server;
    OwnerAtTwoDesks m_desks; // `client` is the model's
    std::unique_ptr<GroupTreeModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestGroupTreeModel::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QVERIFY(m_desks.signIn(m_server, QStringLiteral("sakura-foods"),
                           QStringLiteral("Engage tst_grouptreemodel")));
}

void TestGroupTreeModel::init()
{
    m_model = std::make_unique<GroupTreeModel>(m_desks.client->api);
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(reload());
}

void TestGroupTreeModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_server.reportIfFailed();
}

void TestGroupTreeModel::cleanupTestCase()
{
    m_desks.signOut();
}

bool TestGroupTreeModel::reload()
{
    QSignalSpy loaded(m_model.get(), &GroupTreeModel::loaded);
    QSignalSpy failed(m_model.get(), &GroupTreeModel::failed);
    m_model->reload();
    if (!m_model->isLoading())
        return false;
    if (!QTest::qWaitFor([&] { return !loaded.isEmpty() || !failed.isEmpty(); }, kWaitMs))
        return false;
    return failed.isEmpty() && !m_model->isLoading();
}

QList<api::Group> TestGroupTreeModel::serviceGroups()
{
    const Outcome listed = get(m_desks.other->api, QStringLiteral("/api/v1/groups"));
    if (!listed.ok)
        return {};
    const auto groups = api::groupListFromJson(listed.json);
    return groups ? groups.value() : QList<api::Group>();
}

std::optional<api::Group> TestGroupTreeModel::serviceGroup(const QString &id)
{
    for (const api::Group &group : serviceGroups()) {
        if (group.id == id)
            return group;
    }
    return std::nullopt;
}

std::optional<api::Group> TestGroupTreeModel::createGroup(const std::optional<QString> &parentId)
{
    const QString unique = QUuid::createUuid().toString(QUuid::Id128).left(8);
    ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/api/v1/groups");
    request.body = api::toJson(
        api::GroupFields{QStringLiteral("T") + unique, QStringLiteral("Test ") + unique, parentId});
    request.idempotencyKey = unique.toLatin1();
    const Outcome created = call(m_desks.other->api, request);
    if (!created.ok) {
        qWarning() << "cannot create a group:" << created.error.detail;
        return std::nullopt;
    }
    const auto group = api::groupFromJson(created.json);
    if (!group)
        return std::nullopt;
    return group.value();
}

bool TestGroupTreeModel::waitForEdit(Edit edit)
{
    QSignalSpy edited(m_model.get(), &GroupTreeModel::edited);
    QSignalSpy loaded(m_model.get(), &GroupTreeModel::loaded);
    QSignalSpy failed(m_model.get(), &GroupTreeModel::editFailed);
    if (!QTest::qWaitFor([&] { return !loaded.isEmpty() || !failed.isEmpty(); }, kWaitMs))
        return false;
    if (!failed.isEmpty()) {
        qWarning() << "edit failed:" << failed.constFirst().at(2).value<ApiError>().detail;
        return false;
    }
    return edited.size() == 1 && edited.constFirst().constFirst().value<Edit>() == edit;
}

void TestGroupTreeModel::treeIsTheService()
{
    const QList<api::Group> groups = serviceGroups();
    QVERIFY(groups.size() >= 20);
    QCOMPARE(m_model->rowCount(), 1);
    const QModelIndex root = m_model->rootIndex();
    QVERIFY(m_model->data(root, GroupTreeModel::GroupIdRole).toString().isEmpty());
    QVERIFY(m_model->data(root).toString().startsWith(QStringLiteral("All members (")));
    QVERIFY(!(m_model->flags(root) & Qt::ItemIsDragEnabled));

    int depth3 = 0;
    for (const api::Group &group : groups) {
        const QModelIndex index = m_model->indexOf(group.id);
        QVERIFY(index.isValid());
        QCOMPARE(m_model->data(index, GroupTreeModel::CodeRole).toString(), group.fields.code);
        QCOMPARE(m_model->data(index, GroupTreeModel::NameRole).toString(), group.fields.name);
        QCOMPARE(m_model->data(index, GroupTreeModel::RevisionRole).toLongLong(), group.revision);
        const QModelIndex parent = m_model->parent(index);
        QCOMPARE(parent, group.fields.parentId ? m_model->indexOf(*group.fields.parentId) : root);
        if (m_model->parent(parent).isValid() && m_model->parent(m_model->parent(parent)).isValid())
            ++depth3;
    }
    QVERIFY2(depth3 > 0, "three levels deep");
    int entries = 0;
    for (const GroupTreeModel::Entry &entry : m_model->entries()) {
        QCOMPARE(entry.name, m_model->groupName(entry.id));
        ++entries;
    }
    QCOMPARE(entries, int(groups.size()));
}

void TestGroupTreeModel::countsSumTheSubtree()
{
    const QList<api::Group> groups = serviceGroups();
    int all = 0;
    for (const api::Group &group : groups)
        all += group.memberCount;
    QVERIFY(all >= 1000);
    QCOMPARE(m_model->subtreeCount({}), all);
    QCOMPARE(m_model->data(m_model->rootIndex()).toString(),
             QStringLiteral("All members (%L1)").arg(all));

    for (const api::Group &group : groups) {
        int sum = 0;
        for (const api::Group &other : groups) {
            if (m_model->isWithin(other.id, group.id))
                sum += other.memberCount;
        }
        const QModelIndex index = m_model->indexOf(group.id);
        QCOMPARE(m_model->data(index, GroupTreeModel::SubtreeCountRole).toInt(), sum);
        QCOMPARE(m_model->data(index).toString(),
                 QStringLiteral("%1 (%L2)").arg(group.fields.name).arg(sum));
        // Each level holds its own members and its children's subtrees.
        int children = 0;
        for (int row = 0; row < m_model->rowCount(index); ++row)
            children +=
                m_model->data(m_model->index(row, 0, index), GroupTreeModel::SubtreeCountRole)
                    .toInt();
        QCOMPARE(sum, group.memberCount + children);
    }
}

void TestGroupTreeModel::dropOnlyAsks()
{
    const auto parent = createGroup();
    QVERIFY(parent);
    const auto child = createGroup(parent->id);
    QVERIFY(child);
    const auto other = createGroup();
    QVERIFY(other);
    QVERIFY(reload());

    const QModelIndex childIndex = m_model->indexOf(child->id);
    const QModelIndex parentIndex = m_model->indexOf(parent->id);
    const QModelIndex otherIndex = m_model->indexOf(other->id);
    std::unique_ptr<QMimeData> dragged(m_model->mimeData({parentIndex}));
    QVERIFY(dragged);
    QVERIFY(m_model->mimeTypes().contains(dragged->formats().constFirst()));
    // Not onto itself, its own subgroup, or where it is already.
    QVERIFY(!m_model->canDropMimeData(dragged.get(), Qt::MoveAction, -1, -1, parentIndex));
    QVERIFY(!m_model->canDropMimeData(dragged.get(), Qt::MoveAction, -1, -1, childIndex));
    QVERIFY(!m_model->canDropMimeData(dragged.get(), Qt::MoveAction, -1, -1, m_model->rootIndex()));
    QVERIFY(!m_model->canDropMimeData(dragged.get(), Qt::CopyAction, -1, -1, otherIndex));
    QVERIFY(m_model->canDropMimeData(dragged.get(), Qt::MoveAction, -1, -1, otherIndex));
    QVERIFY(!m_model->mimeData({m_model->rootIndex()}));

    QSignalSpy requested(m_model.get(), &GroupTreeModel::moveRequested);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelAboutToBeReset);
    QVERIFY(!m_model->dropMimeData(dragged.get(), Qt::MoveAction, -1, -1, otherIndex));
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.constFirst().at(0).toString(), parent->id);
    QCOMPARE(requested.constFirst().at(1).toString(), other->id);
    // Only asked: nothing changed here or on the service.
    QVERIFY(reset.isEmpty());
    QCOMPARE(m_model->parent(m_model->indexOf(parent->id)), m_model->rootIndex());
    QVERIFY(!serviceGroup(parent->id)->fields.parentId);

    // The child dropped onto "All members": to the top level.
    std::unique_ptr<QMimeData> childDragged(m_model->mimeData({childIndex}));
    QVERIFY(
        !m_model->dropMimeData(childDragged.get(), Qt::MoveAction, -1, -1, m_model->rootIndex()));
    QCOMPARE(requested.size(), 2);
    QCOMPARE(requested.constLast().at(0).toString(), child->id);
    QVERIFY(requested.constLast().at(1).toString().isEmpty());
}

void TestGroupTreeModel::moveGroupChangesTheParent()
{
    const auto moved = createGroup();
    QVERIFY(moved);
    const auto target = createGroup();
    QVERIFY(target);
    QVERIFY(reload());

    m_model->moveGroup(moved->id, target->id);
    QVERIFY(waitForEdit(Edit::Move));
    QCOMPARE(serviceGroup(moved->id)->fields.parentId, std::optional<QString>(target->id));
    QCOMPARE(m_model->parent(m_model->indexOf(moved->id)), m_model->indexOf(target->id));
    // Name and code are kept.
    QCOMPARE(serviceGroup(moved->id)->fields.name, moved->fields.name);

    m_model->moveGroup(moved->id, std::nullopt);
    QVERIFY(waitForEdit(Edit::Move));
    QVERIFY(!serviceGroup(moved->id)->fields.parentId);
    QCOMPARE(m_model->parent(m_model->indexOf(moved->id)), m_model->rootIndex());
}

void TestGroupTreeModel::moveUnderItselfIsRefused()
{
    const auto parent = createGroup();
    QVERIFY(parent);
    const auto child = createGroup(parent->id);
    QVERIFY(child);
    QVERIFY(reload());

    QSignalSpy failed(m_model.get(), &GroupTreeModel::editFailed);
    m_model->moveGroup(parent->id, child->id);
    QVERIFY(waitFor(failed));
    QCOMPARE(failed.constFirst().at(0).value<Edit>(), Edit::Move);
    QCOMPARE(failed.constFirst().at(1).toString(), parent->id);
    const auto error = failed.constFirst().at(2).value<ApiError>();
    QCOMPARE(error.code, api::ProblemCode::Conflict);
    QVERIFY(!error.message().isEmpty());
    QVERIFY(!serviceGroup(parent->id)->fields.parentId);
}

void TestGroupTreeModel::createRenameAndDelete()
{
    const QString code = QStringLiteral("N") + QUuid::createUuid().toString(QUuid::Id128).left(8);
    QSignalSpy edited(m_model.get(), &GroupTreeModel::edited);
    m_model->create({code, QStringLiteral("新しい部署"), std::nullopt});
    QVERIFY(waitForEdit(Edit::Create));
    const QString id = edited.constFirst().at(1).toString();
    QVERIFY(m_model->indexOf(id).isValid());
    QCOMPARE(m_model->data(m_model->indexOf(id), GroupTreeModel::CodeRole).toString(), code);
    QCOMPARE(m_model->data(m_model->indexOf(id)).toString(), QStringLiteral("新しい部署 (0)"));

    m_model->update(id, code + QStringLiteral("X"), QStringLiteral("改名した部署"));
    QVERIFY(waitForEdit(Edit::Update));
    const auto renamed = serviceGroup(id);
    QVERIFY(renamed);
    QCOMPARE(renamed->fields.name, QStringLiteral("改名した部署"));
    QCOMPARE(renamed->fields.code, code + QStringLiteral("X"));
    QCOMPARE(m_model->groupName(id), QStringLiteral("改名した部署"));

    m_model->remove(id);
    QVERIFY(waitForEdit(Edit::Remove));
    QVERIFY(!m_model->indexOf(id).isValid());
    QVERIFY(!serviceGroup(id));
}

void TestGroupTreeModel::deleteOfAGroupWithMembersIsRefused()
{
    QString full;
    for (const api::Group &group : serviceGroups()) {
        if (group.memberCount > 0) {
            full = group.id;
            break;
        }
    }
    QVERIFY(!full.isEmpty());
    QSignalSpy failed(m_model.get(), &GroupTreeModel::editFailed);
    QSignalSpy edited(m_model.get(), &GroupTreeModel::edited);
    m_model->remove(full);
    QVERIFY(waitFor(failed));
    QCOMPARE(failed.constFirst().at(0).value<Edit>(), Edit::Remove);
    QCOMPARE(failed.constFirst().at(1).toString(), full);
    const auto error = failed.constFirst().at(2).value<ApiError>();
    QCOMPARE(error.code, api::ProblemCode::Conflict);
    QVERIFY(!error.requestId.isEmpty());
    QVERIFY(edited.isEmpty());
    QVERIFY(serviceGroup(full));
}

void TestGroupTreeModel::staleEdit()
{
    const auto group = createGroup();
    QVERIFY(group);
    QVERIFY(reload());
    // Someone else renames it after the tree was loaded.
    ApiRequest request;
    request.method = "PUT";
    request.path = QStringLiteral("/api/v1/groups/") + group->id;
    api::GroupFields renamed = group->fields;
    renamed.name = QStringLiteral("Renamed elsewhere");
    request.body = api::toJson(renamed);
    request.ifMatch = '"' + QByteArray::number(group->revision) + '"';
    QVERIFY(call(m_desks.other->api, request).ok);

    QSignalSpy stale(m_model.get(), &GroupTreeModel::staleEdit);
    m_model->update(group->id, group->fields.code, QStringLiteral("Renamed here"));
    QVERIFY(waitFor(stale));
    QCOMPARE(stale.constFirst().constFirst().toString(), group->id);
    QCOMPARE(serviceGroup(group->id)->fields.name, QStringLiteral("Renamed elsewhere"));
}

QTEST_GUILESS_MAIN(TestGroupTreeModel)
#include "tst_grouptreemodel.moc"
