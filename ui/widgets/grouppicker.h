#pragma once

#include "models/grouptreemodel.h"

#include <QComboBox>
#include <optional>

namespace engage::ui {

// A combo box of the tenant's groups, indented as in the tree, below one
// entry for "no group" (whose text the caller gives: "Top level", "Not in a
// group").
class GroupPicker final : public QComboBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GroupPicker)

public:
    explicit GroupPicker(QWidget *parent = nullptr);

    // Keeps the chosen group when it is still there. Groups for which
    // `excluded` answers true are not offered (a group cannot move under itself).
    void setGroups(const QList<models::GroupTreeModel::Entry> &groups,
                   const std::function<bool(const QString &groupId)> &excluded = {});
    void setNoGroupText(const QString &text);

    std::optional<QString> groupId() const; // nullopt: no group
    void setGroupId(const std::optional<QString> &groupId);
};

} // namespace engage::ui
