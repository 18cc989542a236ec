#include "fieldproblem.h"

#include <QLabel>
#include <QPalette>
#include <QVBoxLayout>

namespace engage::ui {

QLabel *fieldProblemLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, QColor(0xb3, 0x26, 0x1e));
    label->setPalette(palette);
    label->hide();
    return label;
}

QLayout *withProblem(QWidget *field, QLabel *problem)
{
    auto *layout = new QVBoxLayout;
    layout->setSpacing(2);
    layout->addWidget(field);
    layout->addWidget(problem);
    return layout;
}

void showFieldProblem(QLabel *label, QWidget *field, const QString &problem)
{
    label->setText(problem);
    label->setVisible(!problem.isEmpty());
    field->setAccessibleDescription(problem);
}

} // namespace engage::ui
