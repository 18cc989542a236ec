#include "pageactions.h"

#include <QAction>
#include <QCoreApplication>
#include <QKeySequence>
#include <QPushButton>

namespace engage::ui {

QAction *pageAction(const QKeySequence &shortcut, QWidget *page)
{
    auto *action = new QAction(page);
    action->setShortcut(shortcut);
    // Pages share one window: Delete or F2 must act on the page in view only.
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    page->addAction(action);
    return action;
}

QPushButton *buttonFor(QAction *action, QWidget *parent)
{
    auto *button = new QPushButton(parent);
    const auto sync = [button, action] {
        button->setText(action->text());
        button->setToolTip(action->toolTip());
        button->setEnabled(action->isEnabled());
        button->setVisible(action->isVisible());
    };
    sync();
    QObject::connect(action, &QAction::changed, button, sync);
    QObject::connect(button, &QPushButton::clicked, action, &QAction::trigger);
    return button;
}

QString withShortcut(const QString &text, const QAction *action)
{
    //: A button's tooltip (%1) followed by its keyboard shortcut (%2).
    return QCoreApplication::translate("PageActions", "%1 (%2)")
        .arg(text, action->shortcut().toString(QKeySequence::NativeText));
}

} // namespace engage::ui
