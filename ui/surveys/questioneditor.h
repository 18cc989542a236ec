#pragma once

#include "api/result.h"

#include <QWidget>
#include <optional>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace engage::models {
class SurveyDocument;
}

namespace engage::ui {

// One question of the document being edited: its type, whether it is
// required, its text in Japanese and English side by side (a side left
// empty is warned about beside it: publishing needs both), and for choice
// questions the choices, one row each in both languages. Every change is an
// edit of the document (undoable); the fields follow the document when an
// edit is undone.
class QuestionEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QuestionEditor)

public:
    explicit QuestionEditor(models::SurveyDocument &document, QWidget *parent = nullptr);

    // The question shown; -1 for none.
    void setRow(int row);
    int row() const { return m_row; }
    void setReadOnly(bool readOnly);
    // The validator's problem when it concerns this question (field
    // "questions.N..."), shown beside the field it names; nullopt clears it.
    void showProblem(const std::optional<api::Error> &problem);

    // For tests.
    QComboBox *typeBox() const { return m_type; }
    QCheckBox *requiredBox() const { return m_required; }
    QPlainTextEdit *textField(bool japanese) const { return japanese ? m_textJa : m_textEn; }
    QLabel *translationWarning(bool japanese) const { return japanese ? m_missingJa : m_missingEn; }
    QLabel *problemLabel() const { return m_problem; }
    QTableWidget *optionsTable() const { return m_options; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void refresh();
    void refreshOptions();
    void updateWarnings();
    void updateOptionButtons();
    int selectedOption() const;

    models::SurveyDocument &m_document;
    int m_row = -1;
    bool m_readOnly = false;
    bool m_updating = false;
    std::optional<api::Error> m_problemShown;
    QLabel *m_placeholder;
    QWidget *m_form;
    QLabel *m_typeLabel;
    QComboBox *m_type;
    QCheckBox *m_required;
    QLabel *m_textJaLabel;
    QLabel *m_textEnLabel;
    QPlainTextEdit *m_textJa;
    QPlainTextEdit *m_textEn;
    QLabel *m_missingJa;
    QLabel *m_missingEn;
    QLabel *m_problem;
    QGroupBox *m_optionsBox;
    QTableWidget *m_options;
    QPushButton *m_addOption;
    QPushButton *m_removeOption;
    QPushButton *m_upOption;
    QPushButton *m_downOption;
};

} // namespace engage::ui
