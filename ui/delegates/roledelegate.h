#pragma once

#include "api/role.h"

#include <QList>
#include <QStyledItemDelegate>
#include <functional>

namespace engage::ui {

// Edits the role column of the people table in place with a combo box that
// offers only the roles the signed-in person may grant. The model is not
// editable (edits go to the service, and the row changes only once it agreed),
// so the chosen role is handed to `commit` instead of setData().
class RoleDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RoleDelegate)

public:
    using AllowedRoles = std::function<QList<api::Role>(const QModelIndex &index)>;
    using Commit = std::function<void(const QModelIndex &index, api::Role role)>;

    RoleDelegate(AllowedRoles allowedRoles, Commit commit, QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;

private:
    AllowedRoles m_allowedRoles;
    Commit m_commit;
};

} // namespace engage::ui
