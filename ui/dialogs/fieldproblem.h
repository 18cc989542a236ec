#pragma once

#include <QString>

class QLabel;
class QLayout;
class QWidget;

namespace engage::ui {

// What a form field says when what was typed is wrong: a note right beneath
// the field, in the colour of an error, hidden (and taking no room) while
// there is nothing to say, and given to accessibility tools as the field's
// description.

QLabel *fieldProblemLabel(QWidget *parent);
// The field with its note beneath it, for one row of a QFormLayout.
QLayout *withProblem(QWidget *field, QLabel *problem);
// An empty `problem` hides the note.
void showFieldProblem(QLabel *label, QWidget *field, const QString &problem);

} // namespace engage::ui
