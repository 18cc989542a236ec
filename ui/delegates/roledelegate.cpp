#include "roledelegate.h"

#include "models/usertablemodel.h"

#include <QComboBox>
#include <utility>

namespace engage::ui {

using models::UserTableModel;

namespace {

api::Role roleAt(const QModelIndex &index)
{
    return static_cast<api::Role>(index.data(UserTableModel::RoleRole).toInt());
}

} // namespace

RoleDelegate::RoleDelegate(AllowedRoles allowedRoles, Commit commit, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_allowedRoles(std::move(allowedRoles))
    , m_commit(std::move(commit))
{}

QWidget *RoleDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                    const QModelIndex &index) const
{
    auto *combo = new QComboBox(parent);
    combo->setAccessibleName(tr("Role"));
    for (const api::Role role : m_allowedRoles(index))
        combo->addItem(UserTableModel::roleText(role), static_cast<int>(role));
    return combo;
}

void RoleDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = static_cast<QComboBox *>(editor);
    combo->setCurrentIndex(combo->findData(static_cast<int>(roleAt(index))));
}

void RoleDelegate::setModelData(QWidget *editor, QAbstractItemModel *,
                                const QModelIndex &index) const
{
    const auto *combo = static_cast<QComboBox *>(editor);
    if (combo->currentIndex() < 0)
        return;
    const auto chosen = static_cast<api::Role>(combo->currentData().toInt());
    if (chosen != roleAt(index))
        m_commit(index, chosen);
}

} // namespace engage::ui
