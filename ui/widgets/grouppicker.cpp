#include "grouppicker.h"

#include <QStringList>

namespace engage::ui {

GroupPicker::GroupPicker(QWidget *parent)
    : QComboBox(parent)
{
    addItem(QString(), QString());
    // Long department names must not stretch the dialog.
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setMinimumContentsLength(24);
}

void GroupPicker::setGroups(const QList<models::GroupTreeModel::Entry> &groups)
{
    const std::optional<QString> chosen = groupId();
    while (count() > 1)
        removeItem(count() - 1);
    // Each group by its path: departments of the same name in two divisions
    // stay apart, and the closed box says where the group is.
    QStringList path;
    for (const models::GroupTreeModel::Entry &entry : groups) {
        path.resize(entry.depth);
        path.append(entry.name);
        //: Between the levels of a group's path: "Sales › Tokyo Office".
        addItem(path.join(tr(" › ")), entry.id);
    }
    setGroupId(chosen);
}

void GroupPicker::setNoGroupText(const QString &text)
{
    setItemText(0, text);
}

std::optional<QString> GroupPicker::groupId() const
{
    const QString id = currentData().toString();
    return id.isEmpty() ? std::nullopt : std::optional<QString>(id);
}

void GroupPicker::setGroupId(const std::optional<QString> &groupId)
{
    const int index = groupId ? findData(*groupId) : 0;
    setCurrentIndex(index < 0 ? 0 : index);
}

} // namespace engage::ui
