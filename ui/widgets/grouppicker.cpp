#include "grouppicker.h"

namespace engage::ui {

GroupPicker::GroupPicker(QWidget *parent)
    : QComboBox(parent)
{
    addItem(QString(), QString());
    // Long department names must not stretch the dialog.
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setMinimumContentsLength(24);
}

void GroupPicker::setGroups(const QList<models::GroupTreeModel::Entry> &groups,
                            const std::function<bool(const QString &groupId)> &excluded)
{
    const std::optional<QString> chosen = groupId();
    while (count() > 1)
        removeItem(count() - 1);
    for (const models::GroupTreeModel::Entry &entry : groups) {
        if (excluded && excluded(entry.id))
            continue;
        // Em spaces: the indentation of the tree, in any font.
        addItem(QString(entry.depth * 2, QChar(0x2003)) + entry.name, entry.id);
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
