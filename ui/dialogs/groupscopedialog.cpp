#include "groupscopedialog.h"

#include "models/grouptreemodel.h"
#include "models/managerscope.h"
#include "widgets/messagebanner.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QIdentityProxyModel>
#include <QLabel>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace engage::ui {

using models::GroupTreeModel;

// Check boxes over the group tree. Only the ticked groups themselves are kept;
// the groups beneath a ticked one read as ticked and cannot be changed, since
// the subtree comes with it.
class GroupScopeChecks final : public QIdentityProxyModel
{
    Q_DISABLE_COPY_MOVE(GroupScopeChecks)

public:
    GroupScopeChecks(GroupTreeModel &tree, QObject *parent)
        : QIdentityProxyModel(parent)
        , m_tree(tree)
    {
        setSourceModel(&tree);
    }

    void setChecked(const QStringList &groupIds)
    {
        m_checked = QSet<QString>(groupIds.cbegin(), groupIds.cend());
        changedBeneath({});
    }

    // The ticked groups that the tree still has and no ticked ancestor covers, in tree order.
    QStringList checkedIds() const
    {
        QStringList ids;
        const QList<GroupTreeModel::Entry> entries = m_tree.entries();
        for (const GroupTreeModel::Entry &entry : entries) {
            if (m_checked.contains(entry.id) && coveringAncestor(entry.id).isEmpty())
                ids << entry.id;
        }
        return ids;
    }

    Qt::ItemFlags flags(const QModelIndex &index) const override
    {
        Qt::ItemFlags flags = QIdentityProxyModel::flags(index);
        const QString id = groupId(index);
        if (id.isEmpty())
            return flags;
        flags |= Qt::ItemIsUserCheckable;
        if (!coveringAncestor(id).isEmpty())
            flags &= ~Qt::ItemIsEnabled;
        return flags;
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        const QString id = groupId(index);
        if (!id.isEmpty() && role == Qt::CheckStateRole)
            return m_checked.contains(id) || !coveringAncestor(id).isEmpty() ? Qt::Checked
                                                                             : Qt::Unchecked;
        if (!id.isEmpty() && role == Qt::ToolTipRole) {
            const QString ancestor = coveringAncestor(id);
            if (!ancestor.isEmpty())
                return GroupScopeDialog::tr("Included with “%1”").arg(m_tree.groupName(ancestor));
        }
        return QIdentityProxyModel::data(index, role);
    }

    bool setData(const QModelIndex &index, const QVariant &value, int role) override
    {
        const QString id = groupId(index);
        if (role != Qt::CheckStateRole || id.isEmpty() || !coveringAncestor(id).isEmpty())
            return QIdentityProxyModel::setData(index, value, role);
        if (value.value<Qt::CheckState>() == Qt::Checked)
            m_checked.insert(id);
        else
            m_checked.remove(id);
        Q_EMIT dataChanged(index, index, {Qt::CheckStateRole});
        changedBeneath(index);
        return true;
    }

private:
    QString groupId(const QModelIndex &index) const
    {
        // From the tree itself: asking this model would ask this function again.
        return index.isValid() ? mapToSource(index).data(GroupTreeModel::GroupIdRole).toString()
                               : QString();
    }

    // The nearest ticked group above `id`; empty when none.
    QString coveringAncestor(const QString &id) const
    {
        for (const QString &checked : m_checked) {
            if (checked != id && m_tree.isWithin(id, checked))
                return checked;
        }
        return {};
    }

    // The check state (and enabled state) of everything beneath `parent` follows it.
    void changedBeneath(const QModelIndex &parent)
    {
        const int rows = rowCount(parent);
        if (rows == 0)
            return;
        Q_EMIT dataChanged(index(0, 0, parent), index(rows - 1, columnCount(parent) - 1, parent),
                           {Qt::CheckStateRole, Qt::ToolTipRole});
        for (int row = 0; row < rows; ++row)
            changedBeneath(index(row, 0, parent));
    }

    GroupTreeModel &m_tree;
    QSet<QString> m_checked;
};

GroupScopeDialog::GroupScopeDialog(models::ApiClient &client, const api::Person &manager,
                                   QWidget *parent)
    : QDialog(parent)
    , m_manager(manager)
    , m_groups(new GroupTreeModel(client, this))
    , m_scope(new models::ManagerScope(client, manager.id, this))
    , m_checks(new GroupScopeChecks(*m_groups, this))
    , m_banner(new MessageBanner(this))
    , m_intro(new QLabel(this))
    , m_view(new QTreeView(this))
    , m_summary(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
    // Not the standard Ok button: QDialogButtonBox puts Qt's own "OK" back on
    // that one at every language change.
    , m_saveButton(m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole))
{
    m_saveButton->setDefault(true);
    m_saveButton->setObjectName(QStringLiteral("save"));
    m_intro->setWordWrap(true);
    m_intro->setTextFormat(Qt::PlainText);
    m_view->setModel(m_checks);
    m_view->setHeaderHidden(true);
    m_view->setUniformRowHeights(true);
    m_view->setMinimumHeight(300);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_intro);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_buttons);

    connect(m_groups, &GroupTreeModel::loaded, this, [this] {
        m_treeLoaded = true;
        onLoaded();
    });
    connect(m_scope, &models::ManagerScope::loaded, this, [this] {
        m_scopeLoaded = true;
        onLoaded();
    });
    connect(m_scope, &models::ManagerScope::saved, this, &QDialog::accept);
    connect(m_groups, &GroupTreeModel::failed, this, &GroupScopeDialog::onFailed);
    connect(m_scope, &models::ManagerScope::failed, this, &GroupScopeDialog::onFailed);
    connect(m_checks, &QAbstractItemModel::dataChanged, this, &GroupScopeDialog::updateSummary);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &GroupScopeDialog::onSave);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    retranslateUi();
    updateSummary();
    m_groups->reload();
    m_scope->load();
    resize(480, 560);
}

GroupScopeDialog::~GroupScopeDialog() = default;

QStringList GroupScopeDialog::checkedGroupIds() const
{
    return m_checks->checkedIds();
}

bool GroupScopeDialog::isReady() const
{
    return m_treeLoaded && m_scopeLoaded;
}

void GroupScopeDialog::onLoaded()
{
    if (!isReady())
        return;
    m_checks->setChecked(m_scope->scope().groupIds);
    m_view->expandAll();
    updateSummary();
}

void GroupScopeDialog::updateSummary()
{
    if (!isReady()) {
        m_summary->setText(tr("Loading…"));
        m_saveButton->setEnabled(false);
        return;
    }
    const int count = static_cast<int>(m_checks->checkedIds().size());
    m_summary->setText(count == 0
                           ? tr("No group is ticked: %1 sees no members and no results.")
                                 .arg(m_manager.displayName)
                           : tr("%n groups ticked, with the groups beneath them.", nullptr, count));
    m_saveButton->setEnabled(!m_saving);
}

void GroupScopeDialog::onSave()
{
    if (!isReady() || m_saving)
        return;
    m_saving = true;
    m_banner->hide();
    m_view->setEnabled(false);
    updateSummary();
    m_scope->save(api::GroupScope{m_checks->checkedIds()});
}

void GroupScopeDialog::onFailed(const models::ApiError &error)
{
    m_saving = false;
    m_view->setEnabled(true);
    updateSummary();
    if (error.code == api::ProblemCode::Conflict)
        m_banner->showMessage(MessageBanner::Level::Warning,
                              tr("%1 is no longer a manager, so there are no groups to choose. "
                                 "Reload the list of people to see their role.")
                                  .arg(m_manager.displayName));
    else
        m_banner->showError(error);
}

void GroupScopeDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void GroupScopeDialog::retranslateUi()
{
    //: Title of the dialog choosing a manager's (%1) groups.
    setWindowTitle(tr("Groups of %1").arg(m_manager.displayName));
    m_intro->setText(tr("%1 sees the members and survey results of the groups ticked here, "
                        "including every group beneath them.")
                         .arg(m_manager.displayName));
    m_view->setAccessibleName(tr("Groups"));
    m_saveButton->setText(tr("&Save"));
    updateSummary();
}

} // namespace engage::ui
