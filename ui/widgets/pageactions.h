#pragma once

#include <QString>

class QAction;
class QKeySequence;
class QPushButton;
class QWidget;

namespace engage::ui {

// What the pages of the main window share for their actions: each has a
// shortcut that acts on the page in view only, a push button that mirrors it
// (so that the row of buttons carries mnemonics, which tool buttons drop),
// and a tooltip that names the shortcut.

// An action of `page` with `shortcut`, active while the page (or a child) has the focus.
QAction *pageAction(const QKeySequence &shortcut, QWidget *page);
// A push button that follows the action's text, tooltip, enabled and visible state.
QPushButton *buttonFor(QAction *action, QWidget *parent);
// "Tooltip (Ctrl+N)": `text` followed by the action's shortcut.
QString withShortcut(const QString &text, const QAction *action);

} // namespace engage::ui
