#include "attributedialog.h"

#include "api/validators.h"
#include "dialogs/fieldproblem.h"
#include "models/attributelistmodel.h"
#include "widgets/messagebanner.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace engage::ui {

namespace {

constexpr api::AttributeType kTypes[] = {api::AttributeType::Choice, api::AttributeType::Text,
                                         api::AttributeType::Number, api::AttributeType::Date};

std::optional<api::Error> validateName(const QString &name)
{
    return api::validateShownText(name,
                                  api::TextRule{1, api::kAttributeNameMaxLength, true, false});
}

std::optional<api::Error> validateChoice(const QString &choice)
{
    return api::validateShownText(choice,
                                  api::TextRule{1, api::kAttributeChoiceMaxLength, true, false});
}

QString typeHint(api::AttributeType type)
{
    switch (type) {
    case api::AttributeType::Choice:
        return AttributeDialog::tr("Each member has one of the choices below, such as a location "
                                   "or a union. Dashboards can compare the choices.");
    case api::AttributeType::Number:
        return AttributeDialog::tr("A number such as 3 or -1.5, for example years of experience.");
    case api::AttributeType::Date:
        return AttributeDialog::tr("A date, for example the date of a transfer.");
    case api::AttributeType::Text:
        return AttributeDialog::tr("Any text on one line, up to %n characters.", nullptr,
                                   api::kAttributeTextMaxLength);
    }
    return {};
}

} // namespace

AttributeDialog::AttributeDialog(const std::optional<api::AttributeFields> &existing,
                                 QWidget *parent)
    : QDialog(parent)
    , m_editing(existing.has_value())
    , m_banner(new MessageBanner(this))
    , m_intro(new QLabel(this))
    , m_nameJaLabel(new QLabel(this))
    , m_nameJa(new QLineEdit(this))
    , m_nameJaProblem(fieldProblemLabel(this))
    , m_nameEnLabel(new QLabel(this))
    , m_nameEn(new QLineEdit(this))
    , m_nameEnProblem(fieldProblemLabel(this))
    , m_typeLabel(new QLabel(this))
    , m_type(new QComboBox(this))
    , m_typeHint(new QLabel(this))
    , m_choicesLabel(new QLabel(this))
    , m_choicesBox(new QWidget(this))
    , m_choices(new QListWidget(m_choicesBox))
    , m_newChoice(new QLineEdit(m_choicesBox))
    , m_addChoice(new QPushButton(m_choicesBox))
    , m_removeChoice(new QPushButton(m_choicesBox))
    , m_upChoice(new QPushButton(m_choicesBox))
    , m_downChoice(new QPushButton(m_choicesBox))
    , m_choicesProblem(fieldProblemLabel(this))
    , m_progress(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
    // Not the standard Ok button: QDialogButtonBox puts Qt's own "OK" back on
    // that one at every language change.
    , m_saveButton(m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole))
{
    m_saveButton->setDefault(true);
    m_nameJa->setObjectName(QStringLiteral("nameJa"));
    m_nameEn->setObjectName(QStringLiteral("nameEn"));
    m_type->setObjectName(QStringLiteral("type"));
    m_saveButton->setObjectName(QStringLiteral("save"));
    m_intro->setWordWrap(true);
    m_typeHint->setWordWrap(true);
    m_progress->hide();
    m_nameJa->setMaxLength(api::kAttributeNameMaxLength);
    m_nameEn->setMaxLength(api::kAttributeNameMaxLength);
    m_newChoice->setMaxLength(api::kAttributeChoiceMaxLength);
    m_nameJaLabel->setBuddy(m_nameJa);
    m_nameEnLabel->setBuddy(m_nameEn);
    m_typeLabel->setBuddy(m_type);
    m_choicesLabel->setBuddy(m_newChoice);
    for (const api::AttributeType type : kTypes)
        m_type->addItem(QString(), static_cast<int>(type));
    m_choices->setEditTriggers(QAbstractItemView::DoubleClicked |
                               QAbstractItemView::EditKeyPressed);
    m_choices->setMinimumHeight(160);

    if (existing) {
        m_nameJa->setText(existing->nameJa);
        m_nameEn->setText(existing->nameEn);
        m_type->setCurrentIndex(m_type->findData(static_cast<int>(existing->type)));
        for (const QString &choice : existing->choices) {
            auto *item = new QListWidgetItem(choice, m_choices);
            item->setFlags(item->flags() | Qt::ItemIsEditable);
        }
    }

    // The list, and beside it what can be done to it; the new choice beneath.
    auto *side = new QVBoxLayout;
    for (QPushButton *button : {m_removeChoice, m_upChoice, m_downChoice})
        side->addWidget(button);
    side->addStretch();
    auto *listRow = new QHBoxLayout;
    listRow->addWidget(m_choices, 1);
    listRow->addLayout(side);
    auto *addRow = new QHBoxLayout;
    addRow->addWidget(m_newChoice, 1);
    addRow->addWidget(m_addChoice);
    auto *choicesLayout = new QVBoxLayout(m_choicesBox);
    choicesLayout->setContentsMargins(0, 0, 0, 0);
    choicesLayout->addLayout(addRow);
    choicesLayout->addLayout(listRow);

    auto *form = new QFormLayout;
    form->addRow(m_nameJaLabel, withProblem(m_nameJa, m_nameJaProblem));
    form->addRow(m_nameEnLabel, withProblem(m_nameEn, m_nameEnProblem));
    auto *typeBox = new QVBoxLayout;
    typeBox->setSpacing(2);
    typeBox->addWidget(m_type);
    typeBox->addWidget(m_typeHint);
    form->addRow(m_typeLabel, typeBox);
    form->addRow(m_choicesLabel, withProblem(m_choicesBox, m_choicesProblem));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addStretch();
    layout->addWidget(m_buttons);

    // Enter in the new-choice field adds it rather than saving the dialog.
    m_newChoice->installEventFilter(this);
    connect(m_newChoice, &QLineEdit::textChanged, this, &AttributeDialog::updateChoiceButtons);
    connect(m_addChoice, &QPushButton::clicked, this, &AttributeDialog::addChoice);
    connect(m_removeChoice, &QPushButton::clicked, this, &AttributeDialog::removeChoice);
    connect(m_upChoice, &QPushButton::clicked, this, [this] { moveChoice(-1); });
    connect(m_downChoice, &QPushButton::clicked, this, [this] { moveChoice(1); });
    // Delete, Alt+Up and Alt+Down act on the list while it has the focus.
    m_choices->installEventFilter(this);
    connect(m_choices, &QListWidget::currentRowChanged, this,
            &AttributeDialog::updateChoiceButtons);
    connect(m_choices, &QListWidget::itemChanged, this, &AttributeDialog::validate);
    connect(m_nameJa, &QLineEdit::textChanged, this, &AttributeDialog::validate);
    connect(m_nameEn, &QLineEdit::textChanged, this, &AttributeDialog::validate);
    connect(m_type, &QComboBox::currentIndexChanged, this, [this] {
        const auto type = static_cast<api::AttributeType>(m_type->currentData().toInt());
        m_typeHint->setText(typeHint(type));
        m_choicesLabel->setVisible(type == api::AttributeType::Choice);
        m_choicesBox->setVisible(type == api::AttributeType::Choice);
        validate();
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AttributeDialog::onSaveClicked);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    retranslateUi();
    Q_EMIT m_type->currentIndexChanged(m_type->currentIndex());
    updateChoiceButtons();
    setMinimumWidth(520);
}

QStringList AttributeDialog::choiceTexts() const
{
    QStringList texts;
    for (int row = 0; row < m_choices->count(); ++row)
        texts << api::normalizedText(m_choices->item(row)->text());
    return texts;
}

api::AttributeFields AttributeDialog::fields() const
{
    api::AttributeFields fields;
    fields.nameJa = api::normalizedText(m_nameJa->text());
    fields.nameEn = api::normalizedText(m_nameEn->text());
    fields.type = static_cast<api::AttributeType>(m_type->currentData().toInt());
    if (fields.type == api::AttributeType::Choice)
        fields.choices = choiceTexts();
    return fields;
}

void AttributeDialog::setBusy(bool busy)
{
    m_busy = busy;
    for (QLineEdit *field : {m_nameJa, m_nameEn, m_newChoice})
        field->setReadOnly(busy);
    m_type->setEnabled(!busy);
    m_choices->setEnabled(!busy);
    m_progress->setVisible(busy);
    updateChoiceButtons();
    validate();
}

void AttributeDialog::showMessage(const QString &text)
{
    setBusy(false);
    m_banner->showMessage(MessageBanner::Level::Error, text);
}

bool AttributeDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QDialog::eventFilter(watched, event);
    const auto *press = static_cast<QKeyEvent *>(event);
    if (watched == m_newChoice &&
        (press->key() == Qt::Key_Return || press->key() == Qt::Key_Enter) &&
        !api::normalizedText(m_newChoice->text()).isEmpty()) {
        addChoice();
        return true;
    }
    if (watched == m_choices && press->key() == Qt::Key_Delete) {
        removeChoice();
        return true;
    }
    if (watched == m_choices && press->modifiers() == Qt::AltModifier &&
        (press->key() == Qt::Key_Up || press->key() == Qt::Key_Down)) {
        moveChoice(press->key() == Qt::Key_Up ? -1 : 1);
        return true;
    }
    return QDialog::eventFilter(watched, event);
}

void AttributeDialog::showError(const models::ApiError &error)
{
    setBusy(false);
    m_banner->showError(error);
}

void AttributeDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void AttributeDialog::retranslateUi()
{
    setWindowTitle(m_editing ? tr("Edit Attribute") : tr("New Attribute"));
    m_intro->setText(tr("Attributes describe members beyond their group, such as a location or "
                        "a union. Surveys can target them and dashboards compare them. Give the "
                        "name in both languages: each person reads it in their own."));
    m_nameJaLabel->setText(tr("Name in &Japanese:"));
    //: An example of an attribute's Japanese name: keep it in Japanese.
    m_nameJa->setPlaceholderText(tr("勤務地"));
    m_nameEnLabel->setText(tr("Name in &English:"));
    //: An example of an attribute's English name: keep it in English.
    m_nameEn->setPlaceholderText(tr("Work location"));
    m_typeLabel->setText(tr("&Type:"));
    for (int i = 0; i < m_type->count(); ++i)
        m_type->setItemText(i, models::AttributeListModel::typeText(
                                   static_cast<api::AttributeType>(m_type->itemData(i).toInt())));
    m_typeHint->setText(typeHint(static_cast<api::AttributeType>(m_type->currentData().toInt())));
    m_choicesLabel->setText(tr("C&hoices:"));
    m_newChoice->setPlaceholderText(tr("Type a choice and press Enter"));
    m_addChoice->setText(tr("&Add"));
    m_removeChoice->setText(tr("&Remove"));
    m_removeChoice->setToolTip(tr("Remove the selected choice (Delete)"));
    m_upChoice->setText(tr("Move &Up"));
    m_upChoice->setToolTip(tr("Move the selected choice up (Alt+Up)"));
    m_downChoice->setText(tr("Move Do&wn"));
    m_downChoice->setToolTip(tr("Move the selected choice down (Alt+Down)"));
    m_choices->setAccessibleName(tr("Choices"));
    m_choices->setToolTip(tr("Double-click a choice, or press F2, to rename it."));
    m_progress->setText(tr("Saving…"));
    m_saveButton->setText(m_editing ? tr("&Save") : tr("&Add Attribute"));
    validate();
}

void AttributeDialog::validate()
{
    const api::AttributeFields current = fields();
    const QString nameProblem = tr("Enter a name of up to %n characters, on one line.", nullptr,
                                   api::kAttributeNameMaxLength);
    // An empty field gets no reproach (the disabled button says enough); a
    // wrong one says what would be right.
    const bool jaValid = !validateName(current.nameJa);
    showFieldProblem(m_nameJaProblem, m_nameJa,
                     jaValid || m_nameJa->text().isEmpty() ? QString() : nameProblem);
    const bool enValid = !validateName(current.nameEn);
    showFieldProblem(m_nameEnProblem, m_nameEn,
                     enValid || m_nameEn->text().isEmpty() ? QString() : nameProblem);

    QString choicesProblem;
    bool choicesValid = true;
    if (current.type == api::AttributeType::Choice) {
        for (int row = 0; row < current.choices.size() && choicesProblem.isEmpty(); ++row) {
            if (validateChoice(current.choices.at(row)))
                choicesProblem = tr("Choice %1 must have 1 to %n characters, on one line.", nullptr,
                                    api::kAttributeChoiceMaxLength)
                                     .arg(row + 1);
        }
        if (choicesProblem.isEmpty()) {
            if (const auto error = api::validateAttributeFields(current)) {
                // "choices.N": the Nth choice repeats an earlier one.
                bool indexed = false;
                const int repeat = error->field.section(u'.', 1).toInt(&indexed);
                if (indexed && repeat >= 0 && repeat < current.choices.size())
                    choicesProblem =
                        tr("“%1” is in the list twice.").arg(current.choices.at(repeat));
                else if (current.choices.size() > api::kAttributeChoicesMax)
                    choicesProblem = tr("An attribute can have at most %n choices.", nullptr,
                                        api::kAttributeChoicesMax);
                else
                    choicesValid = false; // none yet: the disabled button says enough
            }
        }
        choicesValid = choicesValid && choicesProblem.isEmpty();
    }
    showFieldProblem(m_choicesProblem, m_choices, choicesProblem);
    m_saveButton->setEnabled(jaValid && enValid && choicesValid && !m_busy);
}

void AttributeDialog::updateChoiceButtons()
{
    const int row = m_choices->currentRow();
    const bool selected = row >= 0 && !m_busy;
    m_addChoice->setEnabled(!m_busy && !api::normalizedText(m_newChoice->text()).isEmpty());
    m_removeChoice->setEnabled(selected);
    m_upChoice->setEnabled(selected && row > 0);
    m_downChoice->setEnabled(selected && row < m_choices->count() - 1);
}

void AttributeDialog::addChoice()
{
    const QString text = api::normalizedText(m_newChoice->text());
    if (text.isEmpty() || m_busy)
        return;
    auto *item = new QListWidgetItem(text, m_choices);
    item->setFlags(item->flags() | Qt::ItemIsEditable);
    m_choices->setCurrentItem(item);
    m_newChoice->clear();
    validate();
}

void AttributeDialog::removeChoice()
{
    const int row = m_choices->currentRow();
    if (row < 0 || m_busy)
        return;
    delete m_choices->takeItem(row);
    updateChoiceButtons();
    validate();
}

void AttributeDialog::moveChoice(int offset)
{
    const int row = m_choices->currentRow();
    const int target = row + offset;
    if (row < 0 || target < 0 || target >= m_choices->count() || m_busy)
        return;
    QListWidgetItem *item = m_choices->takeItem(row);
    m_choices->insertItem(target, item);
    m_choices->setCurrentRow(target);
    validate();
}

void AttributeDialog::onSaveClicked()
{
    if (m_busy || !m_saveButton->isEnabled())
        return;
    m_banner->hide();
    setBusy(true);
    Q_EMIT saveRequested(fields());
}

} // namespace engage::ui
