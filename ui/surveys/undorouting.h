#pragma once

class QWidget;

namespace engage::ui {

// Makes Ctrl+Z and Ctrl+Shift+Z (the platform's undo and redo keys) reach the
// window's Undo and Redo actions while `field` (a line or text edit) has the
// focus, instead of the field's own undo, so that the builder's one history
// takes back typing like any other edit. The field's own history is turned off where it can be.
void routeUndoToWindow(QWidget *field);

} // namespace engage::ui
