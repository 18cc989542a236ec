#include "undorouting.h"

#include <QEvent>
#include <QKeyEvent>
#include <QPlainTextEdit>

namespace engage::ui {

namespace {

class UndoRouter final : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::ShortcutOverride) {
            const auto *key = static_cast<QKeyEvent *>(event);
            // Left unaccepted, the key goes to the shortcuts instead of the field.
            if (key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo)) {
                event->ignore();
                return true;
            }
        }
        return QObject::eventFilter(watched, event);
    }
};

} // namespace

void routeUndoToWindow(QWidget *field)
{
    // A line edit's history cannot be turned off; its keys no longer reach it.
    if (auto *text = qobject_cast<QPlainTextEdit *>(field))
        text->setUndoRedoEnabled(false);
    field->installEventFilter(new UndoRouter(field));
}

} // namespace engage::ui
