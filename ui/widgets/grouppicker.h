#pragma once

#include "models/grouptreemodel.h"

#include <QComboBox>
#include <optional>

namespace engage::ui {

// A combo box of the tenant's groups, each named by its path, below one
// entry for "no group" (whose text the caller gives: "Top level", "Not in a
// group").
class GroupPicker final : public QComboBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GroupPicker)

public:
    explicit GroupPicker(QWidget *parent = nullptr);

    // Keeps the chosen group when it is still there.
    void setGroups(const QList<models::GroupTreeModel::Entry> &groups);
    void setNoGroupText(const QString &text);

    std::optional<QString> groupId() const; // nullopt: no group
    void setGroupId(const std::optional<QString> &groupId);
};

} // namespace engage::ui
