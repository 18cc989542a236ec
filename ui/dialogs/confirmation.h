#pragma once

#include <QString>
#include <functional>

class QWidget;

namespace engage::ui {

// Asks before something that cannot be undone (deleting a person, removing a
// profile): a warning with `question` (plain text: it may hold a name), the
// consequences beneath it, a button named for the action and Cancel, which is
// the default and the answer to Escape. Opens without blocking and deletes
// itself; `confirmed` runs only if the user chose the action.
void confirmDestruction(QWidget *parent, const QString &title, const QString &question,
                        const QString &consequences, const QString &actionLabel,
                        std::function<void()> confirmed);

} // namespace engage::ui
