#pragma once

class QBoxLayout;
class QIcon;
class QWidget;

namespace engage::ui {

// The top of the client's dialogs: a large icon beside the introductory text.
QBoxLayout *dialogHeader(const QIcon &icon, QWidget *text);

} // namespace engage::ui
