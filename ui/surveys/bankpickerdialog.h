#pragma once

#include <QDialog>
#include <QStringList>

class QDialogButtonBox;
class QLabel;
class QTreeView;

namespace engage::models {
class QuestionBankModel;
}

namespace engage::ui {

// "Add from the question bank": the bank's questions grouped by factor, in
// the UI language (the other language in the tooltip); several can be
// chosen at once (or dragged onto the builder's question list).
class BankPickerDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BankPickerDialog)

public:
    BankPickerDialog(models::QuestionBankModel &bank, QWidget *parent = nullptr);

    QStringList chosenItems() const;
    QTreeView *view() const { return m_view; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QLabel *m_intro;
    QTreeView *m_view;
    QDialogButtonBox *m_buttons;
};

} // namespace engage::ui
