#include "confirmation.h"

#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <utility>

namespace engage::ui {

void confirmDestruction(QWidget *parent, const QString &title, const QString &question,
                        const QString &consequences, const QString &actionLabel,
                        std::function<void()> confirmed)
{
    auto *box = new QMessageBox(QMessageBox::Warning, title, question, QMessageBox::Cancel, parent);
    box->setTextFormat(Qt::PlainText);
    box->setInformativeText(consequences);
    QPushButton *action = box->addButton(actionLabel, QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setEscapeButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    // QMessageBox wraps its text at a narrow width of its own, which makes a
    // tall column of a three-line explanation; widen it to read as sentences.
    for (QLabel *label : box->findChildren<QLabel *>()) {
        if (label->wordWrap())
            label->setMinimumWidth(label->fontMetrics().averageCharWidth() * 50);
    }
    QObject::connect(box, &QMessageBox::finished, box,
                     [box, action, confirmed = std::move(confirmed)] {
                         if (box->clickedButton() == action)
                             confirmed();
                     });
    box->open();
}

} // namespace engage::ui
