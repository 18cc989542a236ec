// A manager's groups, from the People page against the real engage-server
// over TLS on loopback: "Groups…" offered for managers only, the group tree
// with check boxes (a ticked group brings its subtree, greyed), saved with PUT
// and read back with GET, and shown ticked the next time.

#include "../models/serviceclient.h"
#include "api/group.h"
#include "api/personrequests.h"
#include "models/grouptreemodel.h"
#include "models/usertablemodel.h"
#include "ui/dialogs/groupscopedialog.h"
#include "ui/pages/peoplepage.h"
#include "uitestsupport.h"

#include <QAbstractProxyModel>
#include <QAction>
#include <QPointer>
#include <QPushButton>
#include <QTableView>
#include <QTreeView>
#include <QUuid>

using namespace engage;
using namespace engage::models;
using namespace engage::test;
using namespace engage::ui;

namespace {

const QString kTenant = QStringLiteral("sakura-foods");

// The first group with a child group beneath it, in the view's terms.
QModelIndex groupWithChildren(const QAbstractItemModel &model, const QModelIndex &parent)
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        if (model.rowCount(index) > 0 &&
            !index.data(GroupTreeModel::GroupIdRole).toString().isEmpty())
            return index;
        if (const QModelIndex deeper = groupWithChildren(model, index); deeper.isValid())
            return deeper;
    }
    return {};
}

} // namespace

class TestGroupScopeDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void offeredForManagersOnly();
    void ticksSubtreesAndSaves();

private:
    QString createPerson(api::Role role);
    GroupScopeDialog *openFor(const QString &personId);
    QStringList serviceScope(const QString &personId);

    ServerProcess m_server;
    std::unique_ptr<CredentialStore> m_store;
    std::unique_ptr<Client> m_owner;
    std::unique_ptr<PeoplePage> m_page;
};

void TestGroupScopeDialog::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    m_store = std::make_unique<CredentialStore>(QStringLiteral("Engage tst_groupscopedialog"));
    m_owner = std::make_unique<Client>(m_server, *m_store, QStringLiteral("page"));
    QVERIFY(signIn(m_owner->session, demoOwner(m_server, kTenant)));
    m_page = std::make_unique<PeoplePage>(m_owner->api, m_owner->session);
    m_page->resize(1000, 600);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

QString TestGroupScopeDialog::createPerson(api::Role role)
{
    ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/api/v1/users");
    const QString tag = QUuid::createUuid().toString(QUuid::Id128).left(8);
    request.body =
        api::toJson(api::NewPersonRequest{QStringLiteral("scope-%1@sakura.example").arg(tag),
                                          QStringLiteral("Scope %1").arg(tag), role});
    const Outcome created = call(m_owner->api, request);
    const auto answer = created.ok ? api::createdPersonFromJson(created.json)
                                   : api::Result<api::CreatedPerson>(api::Error{});
    if (!answer)
        return {};
    QSignalSpy loading(&m_page->model(), &UserTableModel::loadingChanged);
    m_page->reloadAction()->trigger();
    if (!QTest::qWaitFor([&] { return loading.size() >= 2; }, kWaitMs))
        return {};
    return answer.value().user.id;
}

GroupScopeDialog *TestGroupScopeDialog::openFor(const QString &personId)
{
    if (!m_page->selectPerson(personId) || !m_page->groupsAction()->isEnabled())
        return nullptr;
    m_page->groupsAction()->trigger();
    auto *dialog = waitForModal<GroupScopeDialog>();
    if (!dialog || !QTest::qWaitFor([dialog] { return dialog->isReady(); }, kWaitMs))
        return nullptr;
    return dialog;
}

QStringList TestGroupScopeDialog::serviceScope(const QString &personId)
{
    const Outcome answer =
        get(m_owner->api, QStringLiteral("/api/v1/users/%1/groups").arg(personId));
    const auto scope = answer.ok ? api::groupScopeFromJson(answer.json)
                                 : api::Result<api::GroupScope>(api::Error{});
    return scope ? scope.value().groupIds : QStringList{QStringLiteral("(no answer)")};
}

void TestGroupScopeDialog::offeredForManagersOnly()
{
    const QString viewer = createPerson(api::Role::Viewer);
    const QString manager = createPerson(api::Role::Manager);
    QVERIFY(!viewer.isEmpty() && !manager.isEmpty());
    QVERIFY(m_page->selectPerson(viewer));
    QVERIFY(!m_page->groupsAction()->isEnabled());
    QVERIFY(m_page->selectPerson(manager));
    QVERIFY(m_page->groupsAction()->isEnabled());
}

namespace {

// Saves and waits until the dialog closed (it deletes itself then, so it is
// watched through a QPointer).
bool saveAndClose(GroupScopeDialog *dialog)
{
    const QPointer<GroupScopeDialog> watched(dialog);
    QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
    return QTest::qWaitFor([&watched] { return !watched || !watched->isVisible(); }, kWaitMs);
}

} // namespace

void TestGroupScopeDialog::ticksSubtreesAndSaves()
{
    const QString manager = createPerson(api::Role::Manager);
    QVERIFY(!manager.isEmpty());
    GroupScopeDialog *dialog = openFor(manager);
    QVERIFY(dialog);
    QVERIFY(dialog->checkedGroupIds().isEmpty()); // a new manager sees nothing yet

    QAbstractItemModel *tree = dialog->view()->model();
    const QModelIndex all = tree->index(0, 0);
    QVERIFY(all.data(GroupTreeModel::GroupIdRole).toString().isEmpty()); // "All members"
    QVERIFY(!(tree->flags(all) & Qt::ItemIsUserCheckable));
    const QModelIndex parent = groupWithChildren(*tree, all);
    QVERIFY2(parent.isValid(), "the demo company has nested groups");
    const QModelIndex child = tree->index(0, 0, parent);
    const QString parentId = parent.data(GroupTreeModel::GroupIdRole).toString();
    QVERIFY(tree->flags(child) & Qt::ItemIsEnabled);

    QVERIFY(tree->setData(parent, Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(parent.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
    // The subtree comes along: ticked, greyed, and not saved on its own.
    QCOMPARE(child.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
    QVERIFY(!(tree->flags(child) & Qt::ItemIsEnabled));
    QVERIFY(!tree->setData(child, Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(dialog->checkedGroupIds(), QStringList{parentId});

    QVERIFY(saveAndClose(dialog));
    QCOMPARE(serviceScope(manager), QStringList{parentId});

    // Next time it shows as saved; unticked, the subtree is free again.
    dialog = openFor(manager);
    QVERIFY(dialog);
    QCOMPARE(dialog->checkedGroupIds(), QStringList{parentId});
    auto *checks = qobject_cast<QAbstractProxyModel *>(dialog->view()->model());
    QVERIFY(checks);
    const QModelIndex again = checks->mapFromSource(dialog->groups().indexOf(parentId));
    QCOMPARE(again.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
    QVERIFY(checks->setData(again, Qt::Unchecked, Qt::CheckStateRole));
    QVERIFY(checks->flags(checks->index(0, 0, again)) & Qt::ItemIsEnabled);
    QVERIFY(dialog->checkedGroupIds().isEmpty());
    QVERIFY(saveAndClose(dialog));
    QVERIFY(serviceScope(manager).isEmpty());
}

QTEST_MAIN(TestGroupScopeDialog)
#include "tst_groupscopedialog.moc"
