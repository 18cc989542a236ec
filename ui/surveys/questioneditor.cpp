#include "questioneditor.h"

#include "dialogs/fieldproblem.h"
#include "models/surveys/surveydocument.h"
#include "models/surveys/surveytext.h"
#include "surveyproblem.h"
#include "undorouting.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace engage::ui {

using models::SurveyDocument;
using models::SurveyText;

namespace {

constexpr api::QuestionType kTypes[] = {
    api::QuestionType::Agreement5,     api::QuestionType::Agreement7,
    api::QuestionType::Scale11,        api::QuestionType::SingleChoice,
    api::QuestionType::MultipleChoice, api::QuestionType::FreeText};

bool isChoice(api::QuestionType type)
{
    return type == api::QuestionType::SingleChoice || type == api::QuestionType::MultipleChoice;
}

// A warning that is not an error: publishing refuses it, a draft may hold it.
QLabel *warningLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, QColor(0x8a, 0x4b, 0x00));
    label->setPalette(palette);
    label->hide();
    return label;
}

QPlainTextEdit *textEdit(const QString &name, QWidget *parent)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setObjectName(name);
    edit->setTabChangesFocus(true);
    edit->setMinimumHeight(edit->fontMetrics().lineSpacing() * 4);
    edit->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    routeUndoToWindow(edit);
    return edit;
}

// Sets the field's text only when it differs, so that typing keeps its cursor.
void follow(QPlainTextEdit *edit, const QString &text)
{
    if (edit->toPlainText() != text)
        edit->setPlainText(text);
}

} // namespace

QuestionEditor::QuestionEditor(SurveyDocument &document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_placeholder(new QLabel(this))
    , m_form(new QWidget(this))
    , m_typeLabel(new QLabel(m_form))
    , m_type(new QComboBox(m_form))
    , m_required(new QCheckBox(m_form))
    , m_textJaLabel(new QLabel(m_form))
    , m_textEnLabel(new QLabel(m_form))
    , m_textJa(textEdit(QStringLiteral("questionTextJa"), m_form))
    , m_textEn(textEdit(QStringLiteral("questionTextEn"), m_form))
    , m_missingJa(warningLabel(m_form))
    , m_missingEn(warningLabel(m_form))
    , m_problem(fieldProblemLabel(m_form))
    , m_optionsBox(new QGroupBox(m_form))
    , m_options(new QTableWidget(0, 2, m_optionsBox))
    , m_addOption(new QPushButton(m_optionsBox))
    , m_removeOption(new QPushButton(m_optionsBox))
    , m_upOption(new QPushButton(m_optionsBox))
    , m_downOption(new QPushButton(m_optionsBox))
{
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_type->setObjectName(QStringLiteral("questionType"));
    m_required->setObjectName(QStringLiteral("questionRequired"));
    m_textJaLabel->setBuddy(m_textJa);
    m_textEnLabel->setBuddy(m_textEn);
    m_typeLabel->setBuddy(m_type);
    m_missingJa->setObjectName(QStringLiteral("missingJa"));
    m_missingEn->setObjectName(QStringLiteral("missingEn"));
    m_problem->setObjectName(QStringLiteral("questionProblem"));
    m_options->setObjectName(QStringLiteral("questionOptions"));
    m_options->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_options->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_options->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_options->setSelectionMode(QAbstractItemView::SingleSelection);
    m_options->setMinimumHeight(m_options->fontMetrics().height() * 8);

    auto *typeRow = new QHBoxLayout;
    typeRow->addWidget(m_typeLabel);
    typeRow->addWidget(m_type, 1);
    typeRow->addSpacing(12);
    typeRow->addWidget(m_required);
    // Japanese and English side by side.
    auto *texts = new QGridLayout;
    texts->addWidget(m_textJaLabel, 0, 0);
    texts->addWidget(m_textEnLabel, 0, 1);
    texts->addWidget(m_textJa, 1, 0);
    texts->addWidget(m_textEn, 1, 1);
    texts->addWidget(m_missingJa, 2, 0);
    texts->addWidget(m_missingEn, 2, 1);
    texts->addWidget(m_problem, 3, 0, 1, 2);
    texts->setColumnStretch(0, 1);
    texts->setColumnStretch(1, 1);

    auto *optionButtons = new QVBoxLayout;
    for (QPushButton *button : {m_addOption, m_removeOption, m_upOption, m_downOption})
        optionButtons->addWidget(button);
    optionButtons->addStretch();
    auto *optionsLayout = new QHBoxLayout(m_optionsBox);
    optionsLayout->addWidget(m_options, 1);
    optionsLayout->addLayout(optionButtons);

    auto *form = new QVBoxLayout(m_form);
    form->setContentsMargins(0, 0, 0, 0);
    form->addLayout(typeRow);
    form->addLayout(texts);
    form->addWidget(m_optionsBox, 1);
    form->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_placeholder, 1);
    layout->addWidget(m_form, 1);

    setTabOrder(m_type, m_required);
    setTabOrder(m_required, m_textJa);
    setTabOrder(m_textJa, m_textEn);
    setTabOrder(m_textEn, m_options);

    connect(m_type, &QComboBox::activated, this, [this](int index) {
        if (!m_updating && m_row >= 0)
            m_document.setQuestionType(m_row, kTypes[index]);
    });
    connect(m_required, &QCheckBox::toggled, this, [this](bool required) {
        if (!m_updating && m_row >= 0)
            m_document.setQuestionRequired(m_row, required);
    });
    for (const bool japanese : {true, false}) {
        QPlainTextEdit *edit = textField(japanese);
        connect(edit, &QPlainTextEdit::textChanged, this, [this, edit, japanese] {
            if (!m_updating && m_row >= 0)
                m_document.setQuestionText(m_row, japanese, edit->toPlainText());
        });
    }
    connect(m_options, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (!m_updating && m_row >= 0)
            m_document.setOptionText(m_row, item->row(), item->column() == 0, item->text());
    });
    connect(m_options, &QTableWidget::itemSelectionChanged, this,
            &QuestionEditor::updateOptionButtons);
    connect(m_addOption, &QPushButton::clicked, this, [this] {
        m_document.addOption(m_row);
        const int last = m_options->rowCount() - 1;
        m_options->setCurrentCell(last, 0);
        m_options->editItem(m_options->item(last, 0));
    });
    connect(m_removeOption, &QPushButton::clicked, this,
            [this] { m_document.removeOption(m_row, selectedOption()); });
    const auto moveOption = [this](int by) {
        const int from = selectedOption();
        m_document.moveOption(m_row, from, from + by);
        m_options->setCurrentCell(from + by, m_options->currentColumn());
    };
    connect(m_upOption, &QPushButton::clicked, this, [moveOption] { moveOption(-1); });
    connect(m_downOption, &QPushButton::clicked, this, [moveOption] { moveOption(1); });

    connect(&m_document, &SurveyDocument::questionChanged, this, [this](int row) {
        if (row == m_row)
            refresh();
    });
    // A row can change its question (an insertion above it, a move, a load).
    connect(&m_document, &SurveyDocument::changed, this, &QuestionEditor::refresh);

    retranslateUi();
    refresh();
}

void QuestionEditor::setRow(int row)
{
    m_row = row;
    refresh();
}

void QuestionEditor::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    refresh();
}

void QuestionEditor::showProblem(const std::optional<api::Error> &problem)
{
    m_problemShown = problem;
    showSurveyProblem(m_problem, m_textJa, problem);
}

void QuestionEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void QuestionEditor::retranslateUi()
{
    m_placeholder->setText(tr("Choose a question in the list to edit it, or add one."));
    m_typeLabel->setText(tr("&Type:"));
    m_required->setText(tr("Requ&ired"));
    m_required->setToolTip(tr("Respondents must answer this question before they can submit."));
    m_textJaLabel->setText(tr("Question in &Japanese"));
    m_textEnLabel->setText(tr("Question in E&nglish"));
    m_optionsBox->setTitle(tr("Choices"));
    m_options->setHorizontalHeaderLabels({tr("Japanese"), tr("English")});
    m_addOption->setText(tr("&Add Choice"));
    m_removeOption->setText(tr("Remo&ve Choice"));
    m_upOption->setText(tr("Move C&hoice Up"));
    m_downOption->setText(tr("Move Ch&oice Down"));
    const int current = m_type->currentIndex();
    m_type->clear();
    for (const api::QuestionType type : kTypes)
        m_type->addItem(SurveyText::questionTypeText(type));
    m_type->setCurrentIndex(current);
    updateWarnings();
    if (m_problemShown)
        showProblem(m_problemShown);
}

void QuestionEditor::refresh()
{
    const QList<api::Question> &questions = m_document.definition().questions;
    const bool shown = m_row >= 0 && m_row < questions.size();
    m_placeholder->setVisible(!shown);
    m_form->setVisible(shown);
    if (!shown)
        return;
    const api::Question &question = questions.at(m_row);
    m_updating = true;
    m_type->setCurrentIndex(static_cast<int>(
        std::find(std::begin(kTypes), std::end(kTypes), question.type) - std::begin(kTypes)));
    m_required->setChecked(question.required);
    follow(m_textJa, question.text.ja);
    follow(m_textEn, question.text.en);
    for (QWidget *field : {static_cast<QWidget *>(m_type), static_cast<QWidget *>(m_required)})
        field->setEnabled(!m_readOnly);
    m_textJa->setReadOnly(m_readOnly);
    m_textEn->setReadOnly(m_readOnly);
    m_optionsBox->setVisible(isChoice(question.type));
    refreshOptions();
    m_updating = false;
    updateWarnings();
    updateOptionButtons();
}

void QuestionEditor::refreshOptions()
{
    const api::Question &question = m_document.definition().questions.at(m_row);
    const int current = m_options->currentRow();
    m_options->setRowCount(static_cast<int>(question.options.size()));
    for (int option = 0; option < question.options.size(); ++option) {
        for (const bool japanese : {true, false}) {
            const QString &text =
                japanese ? question.options.at(option).ja : question.options.at(option).en;
            QTableWidgetItem *item = m_options->item(option, japanese ? 0 : 1);
            if (!item) {
                item = new QTableWidgetItem;
                m_options->setItem(option, japanese ? 0 : 1, item);
            }
            // Only when it differs: the cell being typed into keeps its editor.
            if (item->text() != text)
                item->setText(text);
            item->setFlags(m_readOnly
                               ? Qt::ItemIsEnabled | Qt::ItemIsSelectable
                               : Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable);
            item->setBackground(text.trimmed().isEmpty() && SurveyDocument::missesTranslation(
                                                                question.options.at(option))
                                    ? QBrush(QColor(0xff, 0xf0, 0xd0))
                                    : QBrush());
        }
    }
    if (current >= 0 && current < m_options->rowCount())
        m_options->selectRow(current);
}

void QuestionEditor::updateWarnings()
{
    if (m_row < 0 || m_row >= m_document.definition().questions.size())
        return;
    const api::Question &question = m_document.definition().questions.at(m_row);
    const bool noJa = question.text.ja.trimmed().isEmpty();
    const bool noEn = question.text.en.trimmed().isEmpty();
    // One side written: the other is a missing translation.
    m_missingJa->setText(tr("⚠ No Japanese text yet: the survey cannot be published without it."));
    m_missingEn->setText(tr("⚠ No English text yet: the survey cannot be published without it."));
    m_missingJa->setVisible(noJa && !noEn);
    m_missingEn->setVisible(noEn && !noJa);
    m_textJa->setAccessibleDescription(m_missingJa->isVisible() ? m_missingJa->text() : QString());
    m_textEn->setAccessibleDescription(m_missingEn->isVisible() ? m_missingEn->text() : QString());
}

void QuestionEditor::updateOptionButtons()
{
    const int option = selectedOption();
    const int count = m_options->rowCount();
    m_addOption->setEnabled(!m_readOnly && count < api::kChoiceOptionsMax);
    m_removeOption->setEnabled(!m_readOnly && option >= 0);
    m_upOption->setEnabled(!m_readOnly && option > 0);
    m_downOption->setEnabled(!m_readOnly && option >= 0 && option < count - 1);
}

int QuestionEditor::selectedOption() const
{
    const QList<QTableWidgetSelectionRange> ranges = m_options->selectedRanges();
    return ranges.isEmpty() ? -1 : ranges.constFirst().topRow();
}

} // namespace engage::ui
