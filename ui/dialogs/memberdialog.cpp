#include "memberdialog.h"

#include "api/language.h"
#include "api/validators.h"
#include "fieldproblem.h"
#include "models/attributelistmodel.h"
#include "models/grouptreemodel.h"
#include "models/memberform.h"
#include "models/membertablemodel.h"
#include "widgets/grouppicker.h"
#include "widgets/messagebanner.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace engage::ui {

namespace {

// validateMemberFields' range: no date before 1900 or more than a year ahead.
const QDate kEarliestDate(1900, 1, 1);
// The language combo's item for a member who follows the company's language.
constexpr int kCompanyLanguage = -1;

QDate latestDate()
{
    return QDate::currentDate().addYears(1);
}

QDateEdit *dateEdit(const QString &objectName, QWidget *parent)
{
    auto *edit = new QDateEdit(parent);
    edit->setObjectName(objectName);
    edit->setCalendarPopup(true);
    edit->setDateRange(kEarliestDate, latestDate());
    edit->setDate(QDate::currentDate());
    edit->setEnabled(false);
    return edit;
}

// An optional date: the check box is the field's label, and ticking it
// enables the date.
QCheckBox *dateToggle(const QString &objectName, QDateEdit *date, QWidget *parent)
{
    auto *toggle = new QCheckBox(parent);
    toggle->setObjectName(objectName);
    QObject::connect(toggle, &QCheckBox::toggled, date, &QWidget::setEnabled);
    return toggle;
}

QLineEdit *lineEdit(const QString &objectName, int maxLength, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setMaxLength(maxLength);
    return edit;
}

QLabel *buddyLabel(QWidget *buddy, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setBuddy(buddy);
    return label;
}

std::optional<QString> optionalText(const QLineEdit *edit)
{
    const QString text = api::normalizedText(edit->text());
    return text.isEmpty() ? std::nullopt : std::optional<QString>(text);
}

std::optional<QDate> optionalDate(const QCheckBox *known, const QDateEdit *date)
{
    return known->isChecked() ? std::optional<QDate>(date->date()) : std::nullopt;
}

void setOptionalDate(QCheckBox *known, QDateEdit *date, const std::optional<QDate> &value)
{
    known->setChecked(value.has_value());
    if (value)
        date->setDate(*value);
}

} // namespace

// ---- attribute fields ---------------------------------------------------------

QWidget *MemberDialog::AttributeField::field() const
{
    if (choice)
        return choice;
    if (date)
        return date;
    return text;
}

QString MemberDialog::AttributeField::value() const
{
    if (choice)
        return choice->currentData().toString();
    if (date)
        return dateKnown->isChecked() ? date->date().toString(Qt::ISODate) : QString();
    return api::normalizedText(text->text());
}

void MemberDialog::AttributeField::setValue(const QString &value)
{
    if (choice) {
        const int index = choice->findData(value);
        choice->setCurrentIndex(index < 0 ? 0 : index);
    } else if (date) {
        const QDate day = QDate::fromString(value, Qt::ISODate);
        setOptionalDate(dateKnown, date, day.isValid() ? std::optional<QDate>(day) : std::nullopt);
    } else {
        text->setText(value);
    }
}

// ---- dialog ---------------------------------------------------------------------

MemberDialog::MemberDialog(models::ApiClient &client, const models::GroupTreeModel &groups,
                           const QList<api::Attribute> &attributes,
                           const std::optional<QString> &memberId,
                           const std::optional<QString> &groupId, QWidget *parent)
    : QDialog(parent)
    , m_form(new models::MemberForm(client, this))
    , m_banner(new MessageBanner(this))
    , m_status(new QLabel(this))
    , m_identityBox(new QGroupBox(this))
    , m_nameBox(new QGroupBox(this))
    , m_placementBox(new QGroupBox(this))
    , m_employmentBox(new QGroupBox(this))
    , m_attributesBox(new QGroupBox(this))
    , m_memoBox(new QGroupBox(this))
    , m_code(lineEdit(QStringLiteral("employeeCode"), api::kEmployeeCodeMaxLength, this))
    , m_codeProblem(fieldProblemLabel(this))
    , m_email(lineEdit(QStringLiteral("email"), api::kEmailMaxLength, this))
    , m_emailProblem(fieldProblemLabel(this))
    , m_familyName(lineEdit(QStringLiteral("familyName"), api::kMemberNameMaxLength, this))
    , m_familyNameProblem(fieldProblemLabel(this))
    , m_givenName(lineEdit(QStringLiteral("givenName"), api::kMemberNameMaxLength, this))
    , m_givenNameProblem(fieldProblemLabel(this))
    , m_group(new GroupPicker(this))
    , m_memberStatus(new QComboBox(this))
    , m_deliver(new QCheckBox(this))
    , m_language(new QComboBox(this))
    , m_hireDate(dateEdit(QStringLiteral("hireDate"), this))
    , m_hireDateKnown(dateToggle(QStringLiteral("hireDateKnown"), m_hireDate, this))
    , m_birthDate(dateEdit(QStringLiteral("birthDate"), this))
    , m_birthDateKnown(dateToggle(QStringLiteral("birthDateKnown"), m_birthDate, this))
    , m_birthDateProblem(fieldProblemLabel(this))
    , m_employmentType(lineEdit(QStringLiteral("employmentType"), api::kMemberFieldMaxLength, this))
    , m_grade(lineEdit(QStringLiteral("grade"), api::kMemberFieldMaxLength, this))
    , m_position(lineEdit(QStringLiteral("position"), api::kMemberFieldMaxLength, this))
    , m_jobCategory(lineEdit(QStringLiteral("jobCategory"), api::kMemberFieldMaxLength, this))
    , m_textProblem(fieldProblemLabel(this))
    , m_memo(new QPlainTextEdit(this))
    , m_memoProblem(fieldProblemLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
    // Not the standard Ok button: QDialogButtonBox puts Qt's own "OK" back on
    // that one at every language change.
    , m_okButton(m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole))
{
    m_codeLabel = buddyLabel(m_code, this);
    m_emailLabel = buddyLabel(m_email, this);
    m_familyNameLabel = buddyLabel(m_familyName, this);
    m_givenNameLabel = buddyLabel(m_givenName, this);
    m_groupLabel = buddyLabel(m_group, this);
    m_statusLabel = buddyLabel(m_memberStatus, this);
    m_languageLabel = buddyLabel(m_language, this);
    m_employmentTypeLabel = buddyLabel(m_employmentType, this);
    m_gradeLabel = buddyLabel(m_grade, this);
    m_positionLabel = buddyLabel(m_position, this);
    m_jobCategoryLabel = buddyLabel(m_jobCategory, this);

    m_okButton->setObjectName(QStringLiteral("ok"));
    m_okButton->setDefault(true);
    m_group->setObjectName(QStringLiteral("group"));
    m_memberStatus->setObjectName(QStringLiteral("status"));
    m_deliver->setObjectName(QStringLiteral("deliver"));
    m_language->setObjectName(QStringLiteral("language"));
    m_memo->setObjectName(QStringLiteral("memo"));
    m_codeProblem->setObjectName(QStringLiteral("employeeCodeProblem"));
    m_emailProblem->setObjectName(QStringLiteral("emailProblem"));
    m_familyNameProblem->setObjectName(QStringLiteral("familyNameProblem"));
    m_birthDateProblem->setObjectName(QStringLiteral("birthDateProblem"));
    m_memo->setTabChangesFocus(true);
    m_memo->setMinimumHeight(60);
    m_memo->setMaximumHeight(90);
    m_status->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_group->setGroups(groups.entries());
    m_group->setGroupId(groupId);
    for (const api::MemberStatus status :
         {api::MemberStatus::Active, api::MemberStatus::OnLeave, api::MemberStatus::Left})
        m_memberStatus->addItem(QString(), static_cast<int>(status));
    m_deliver->setChecked(true);
    // Each language by its own name, whatever the window's: the company's
    // default is named in tr() by retranslateUi().
    m_language->addItem(QString(), kCompanyLanguage);
    for (const api::Language language : {api::Language::Japanese, api::Language::English})
        m_language->addItem(api::languageName(language), static_cast<int>(language));
    for (const api::Attribute &attribute : attributes)
        m_attributes.append({attribute});

    auto *identity = new QFormLayout(m_identityBox);
    identity->addRow(m_codeLabel, withProblem(m_code, m_codeProblem));
    identity->addRow(m_emailLabel, withProblem(m_email, m_emailProblem));

    auto *name = new QFormLayout(m_nameBox);
    name->addRow(m_familyNameLabel, withProblem(m_familyName, m_familyNameProblem));
    name->addRow(m_givenNameLabel, withProblem(m_givenName, m_givenNameProblem));

    auto *placement = new QFormLayout(m_placementBox);
    placement->addRow(m_groupLabel, m_group);
    placement->addRow(m_statusLabel, m_memberStatus);
    placement->addRow(QString(), m_deliver);
    placement->addRow(m_languageLabel, m_language);

    auto *employment = new QFormLayout(m_employmentBox);
    employment->addRow(m_hireDateKnown, m_hireDate);
    employment->addRow(m_employmentTypeLabel, m_employmentType);
    employment->addRow(m_gradeLabel, m_grade);
    employment->addRow(m_positionLabel, m_position);
    employment->addRow(m_jobCategoryLabel, m_jobCategory);
    employment->addRow(QString(), m_textProblem);
    employment->addRow(m_birthDateKnown, withProblem(m_birthDate, m_birthDateProblem));

    buildAttributeFields();

    auto *memo = new QVBoxLayout(m_memoBox);
    memo->addWidget(m_memo);
    memo->addWidget(m_memoProblem);

    auto *columns = new QGridLayout;
    columns->setHorizontalSpacing(16);
    columns->addWidget(m_identityBox, 0, 0);
    columns->addWidget(m_nameBox, 1, 0);
    columns->addWidget(m_placementBox, 2, 0);
    columns->addWidget(m_employmentBox, 0, 1, 2, 1);
    columns->addWidget(m_attributesBox, 2, 1);
    columns->addWidget(m_memoBox, 3, 0, 1, 2);
    columns->setColumnStretch(0, 1);
    columns->setColumnStretch(1, 1);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_buttons);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(columns);
    layout->addLayout(bottom);

    // The order a person fills the form in: left column, right column, memo.
    QList<QWidget *> order{m_code,          m_email,        m_familyName,     m_givenName,
                           m_group,         m_memberStatus, m_deliver,        m_language,
                           m_hireDateKnown, m_hireDate,     m_employmentType, m_grade,
                           m_position,      m_jobCategory,  m_birthDateKnown, m_birthDate};
    for (const AttributeField &field : std::as_const(m_attributes)) {
        if (field.dateKnown)
            order.append(field.dateKnown);
        order.append(field.field());
    }
    order.append(m_memo);
    for (int i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));

    for (QLineEdit *edit : {m_code, m_email, m_familyName, m_givenName, m_employmentType, m_grade,
                            m_position, m_jobCategory})
        connect(edit, &QLineEdit::textChanged, this, &MemberDialog::validate);
    for (QCheckBox *toggle : {m_hireDateKnown, m_birthDateKnown})
        connect(toggle, &QCheckBox::toggled, this, &MemberDialog::validate);
    for (QDateEdit *date : {m_hireDate, m_birthDate})
        connect(date, &QDateEdit::dateChanged, this, &MemberDialog::validate);
    connect(m_memo, &QPlainTextEdit::textChanged, this, &MemberDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &MemberDialog::onOkClicked);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_form, &models::MemberForm::loaded, this, &MemberDialog::onLoaded);
    connect(m_form, &models::MemberForm::saved, this, [this](const api::Member &member) {
        setBusy(false);
        Q_EMIT saved(member);
        accept();
    });
    connect(m_form, &models::MemberForm::failed, this, &MemberDialog::onFailed);
    connect(m_form, &models::MemberForm::staleEdit, this, &MemberDialog::onStaleEdit);

    if (memberId) {
        setBusy(true);
        m_form->load(*memberId);
    } else {
        m_loaded = true;
        m_hireDateKnown->setChecked(true);
    }
    retranslateUi();
    m_code->setFocus();
    resize(860, sizeHint().height());
}

MemberDialog::~MemberDialog() = default;

void MemberDialog::buildAttributeFields()
{
    auto *form = new QFormLayout(m_attributesBox);
    for (AttributeField &field : m_attributes) {
        const QString name = QStringLiteral("attribute:") + field.attribute.id;
        switch (field.attribute.fields.type) {
        case api::AttributeType::Choice:
            field.choice = new QComboBox(this);
            field.choice->addItem(QString(), QString());
            for (const QString &choice : std::as_const(field.attribute.fields.choices))
                field.choice->addItem(choice, choice);
            connect(field.choice, &QComboBox::currentIndexChanged, this, &MemberDialog::validate);
            break;
        case api::AttributeType::Date:
            field.date = dateEdit(name, this);
            field.dateKnown = dateToggle(name + QStringLiteral(":known"), field.date, this);
            connect(field.dateKnown, &QCheckBox::toggled, this, &MemberDialog::validate);
            connect(field.date, &QDateEdit::dateChanged, this, &MemberDialog::validate);
            break;
        case api::AttributeType::Number:
        case api::AttributeType::Text:
            field.text = lineEdit(name, api::kAttributeTextMaxLength, this);
            connect(field.text, &QLineEdit::textChanged, this, &MemberDialog::validate);
            break;
        }
        field.field()->setObjectName(name);
        field.problem = fieldProblemLabel(this);
        if (field.dateKnown) {
            form->addRow(field.dateKnown, withProblem(field.field(), field.problem));
        } else {
            field.label = buddyLabel(field.field(), this);
            form->addRow(field.label, withProblem(field.field(), field.problem));
        }
    }
    m_attributesBox->setVisible(!m_attributes.isEmpty());
}

bool MemberDialog::isNew() const
{
    return m_form->isNew();
}

bool MemberDialog::isReady() const
{
    return m_loaded && !m_busy;
}

api::MemberFields MemberDialog::fields() const
{
    api::MemberFields fields;
    fields.employeeCode = optionalText(m_code);
    fields.email = optionalText(m_email);
    fields.familyName = api::normalizedText(m_familyName->text());
    fields.givenName = api::normalizedText(m_givenName->text());
    fields.groupId = m_group->groupId();
    for (const AttributeField &field : m_attributes) {
        const QString value = field.value();
        if (!value.isEmpty())
            fields.attributes.insert(field.attribute.id, value);
    }
    fields.hireDate = optionalDate(m_hireDateKnown, m_hireDate);
    fields.birthDate = optionalDate(m_birthDateKnown, m_birthDate);
    fields.employmentType = api::normalizedText(m_employmentType->text());
    fields.grade = api::normalizedText(m_grade->text());
    fields.position = api::normalizedText(m_position->text());
    fields.jobCategory = api::normalizedText(m_jobCategory->text());
    fields.status = static_cast<api::MemberStatus>(m_memberStatus->currentData().toInt());
    fields.deliver = m_deliver->isChecked();
    if (const int language = m_language->currentData().toInt(); language != kCompanyLanguage)
        fields.language = static_cast<api::Language>(language);
    // White space around the memo goes; the line breaks within it stay.
    fields.memo = api::normalizedText(m_memo->toPlainText());
    return fields;
}

void MemberDialog::setFields(const api::MemberFields &fields)
{
    m_code->setText(fields.employeeCode.value_or(QString()));
    m_email->setText(fields.email.value_or(QString()));
    m_familyName->setText(fields.familyName);
    m_givenName->setText(fields.givenName);
    m_group->setGroupId(fields.groupId);
    m_memberStatus->setCurrentIndex(m_memberStatus->findData(static_cast<int>(fields.status)));
    m_deliver->setChecked(fields.deliver);
    m_language->setCurrentIndex(m_language->findData(
        fields.language ? static_cast<int>(*fields.language) : kCompanyLanguage));
    setOptionalDate(m_hireDateKnown, m_hireDate, fields.hireDate);
    setOptionalDate(m_birthDateKnown, m_birthDate, fields.birthDate);
    m_employmentType->setText(fields.employmentType);
    m_grade->setText(fields.grade);
    m_position->setText(fields.position);
    m_jobCategory->setText(fields.jobCategory);
    m_memo->setPlainText(fields.memo);
    for (AttributeField &field : m_attributes)
        field.setValue(fields.attributes.value(field.attribute.id));
}

void MemberDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void MemberDialog::retranslateUi()
{
    setWindowTitle(isNew() ? tr("New Member") : tr("Member"));
    m_identityBox->setTitle(tr("Identification"));
    m_nameBox->setTitle(tr("Name"));
    m_placementBox->setTitle(tr("Group and surveys"));
    m_employmentBox->setTitle(tr("Employment"));
    m_attributesBox->setTitle(tr("Attributes"));
    m_memoBox->setTitle(tr("Memo"));
    m_codeLabel->setText(tr("Employee &code:"));
    m_code->setPlaceholderText(tr("E.g. 100234"));
    m_emailLabel->setText(tr("&E-mail:"));
    m_email->setPlaceholderText(tr("name@example.com"));
    //: Family name (surname); shown before the given name, as Japanese names are written.
    m_familyNameLabel->setText(tr("&Family name:"));
    m_givenNameLabel->setText(tr("&Given name:"));
    m_groupLabel->setText(tr("G&roup:"));
    m_group->setNoGroupText(tr("(Not in a group)"));
    m_statusLabel->setText(tr("S&tatus:"));
    for (int i = 0; i < m_memberStatus->count(); ++i)
        m_memberStatus->setItemText(
            i, models::MemberTableModel::statusText(
                   static_cast<api::MemberStatus>(m_memberStatus->itemData(i).toInt())));
    m_deliver->setText(tr("&Send surveys to this member"));
    m_languageLabel->setText(tr("&Language:"));
    m_language->setToolTip(tr("The language of the member's survey e-mails and survey page. "
                              "The page can still be switched to the other language."));
    //: The member's language follows the company's setting.
    m_language->setItemText(0, tr("Company default"));
    m_hireDateKnown->setText(tr("&Hire date:"));
    m_birthDateKnown->setText(tr("&Birth date:"));
    m_birthDateKnown->setToolTip(
        tr("Optional. Used only for age bands in results, never shown as a date."));
    m_employmentTypeLabel->setText(tr("Employment &type:"));
    m_employmentType->setPlaceholderText(tr("E.g. full-time, part-time"));
    m_gradeLabel->setText(tr("Gra&de:"));
    m_positionLabel->setText(tr("&Position:"));
    m_jobCategoryLabel->setText(tr("&Job category:"));
    m_memo->setPlaceholderText(tr("Notes for administrators; members never see them."));
    for (AttributeField &field : m_attributes) {
        const QString name = models::AttributeListModel::displayName(field.attribute.fields);
        //: The label of a field: the name of one of the company's own member attributes.
        const QString label = tr("%1:").arg(name);
        if (field.label)
            field.label->setText(label);
        if (field.dateKnown)
            field.dateKnown->setText(label);
        if (field.choice)
            field.choice->setItemText(0, tr("(None)"));
    }
    m_okButton->setText(isNew() ? tr("&Add") : tr("&Save"));
    if (m_busy)
        m_status->setText(m_loaded ? tr("Saving…") : tr("Loading…"));
    validate();
}

void MemberDialog::validate()
{
    const api::MemberFields current = fields();
    bool valid = true;
    // An empty field gets no reproach (the disabled button says enough); a
    // wrong one says what would be right.
    const auto check = [&valid](QLabel *problem, QWidget *field, bool ok, bool typed,
                                const QString &text) {
        valid = valid && ok;
        showFieldProblem(problem, field, ok || !typed ? QString() : text);
    };

    const bool codeOk = !current.employeeCode || !api::validateEmployeeCode(*current.employeeCode);
    const bool emailOk = !current.email || !api::validateEmail(*current.email);
    const bool identified = current.employeeCode || current.email;
    if (!codeOk) {
        check(m_codeProblem, m_code, false, true,
              tr("Enter a code of up to %n characters without spaces.", nullptr,
                 api::kEmployeeCodeMaxLength));
    } else if (!m_refusedCode.isEmpty() && current.employeeCode == m_refusedCode) {
        check(m_codeProblem, m_code, false, true, tr("Another member has this employee code."));
    } else {
        check(m_codeProblem, m_code, true, false, {});
    }
    if (!emailOk) {
        check(m_emailProblem, m_email, false, true,
              tr("Enter an e-mail address such as name@example.com."));
    } else if (!m_refusedEmail.isEmpty() && current.email == m_refusedEmail) {
        check(m_emailProblem, m_email, false, true, tr("Another member has this e-mail."));
    } else {
        // Said once something has been typed anywhere in the form's name or
        // identity, so that a blank new form does not open with a reproach.
        const bool started = !current.familyName.isEmpty() || !current.givenName.isEmpty();
        check(m_emailProblem, m_email, identified, started,
              tr("Enter an e-mail or an employee code: a member needs at least one of them, "
                 "to be sent surveys and to be matched by imports."));
    }

    check(m_familyNameProblem, m_familyName, !api::validateFamilyName(current.familyName),
          !m_familyName->text().isEmpty(),
          tr("Enter a family name of up to %n characters, on one line.", nullptr,
             api::kMemberNameMaxLength));
    check(m_givenNameProblem, m_givenName, !api::validateMemberText(current.givenName), true,
          tr("Enter a given name of up to %n characters, on one line.", nullptr,
             api::kMemberNameMaxLength));
    const bool textsOk = !api::validateMemberText(current.employmentType) &&
                         !api::validateMemberText(current.grade) &&
                         !api::validateMemberText(current.position) &&
                         !api::validateMemberText(current.jobCategory);
    check(m_textProblem, m_employmentType, textsOk, true,
          tr("Each of these takes up to %n characters, on one line.", nullptr,
             api::kMemberFieldMaxLength));
    const bool datesOk =
        !current.birthDate || !current.hireDate || *current.birthDate < *current.hireDate;
    check(m_birthDateProblem, m_birthDate, datesOk, true,
          tr("The birth date must be before the hire date."));
    check(m_memoProblem, m_memo, !api::validateMemberMemo(current.memo), true,
          tr("A memo takes up to %n characters.", nullptr, api::kMemberMemoMaxLength));

    for (const AttributeField &field : std::as_const(m_attributes)) {
        const QString value = field.value();
        const bool ok =
            value.isEmpty() || !api::validateAttributeValue(field.attribute.fields, value);
        QString text;
        switch (field.attribute.fields.type) {
        case api::AttributeType::Number:
            text = tr("Enter a number such as 12 or 3.5.");
            break;
        case api::AttributeType::Text:
            text = tr("Enter up to %n characters, on one line.", nullptr,
                      api::kAttributeTextMaxLength);
            break;
        case api::AttributeType::Choice:
        case api::AttributeType::Date:
            text = tr("Choose one of the values offered.");
            break;
        }
        check(field.problem, field.field(), ok, true, text);
    }

    // The service's own rule across fields has the last word.
    valid = valid && !api::validateMemberFields(current);
    m_okButton->setEnabled(valid && isReady());
}

void MemberDialog::setBusy(bool busy)
{
    m_busy = busy;
    for (QGroupBox *box :
         {m_identityBox, m_nameBox, m_placementBox, m_employmentBox, m_attributesBox, m_memoBox})
        box->setEnabled(!busy);
    m_status->setText(busy ? (m_loaded ? tr("Saving…") : tr("Loading…")) : QString());
    validate();
}

void MemberDialog::onLoaded(const api::Member &member)
{
    m_loaded = true;
    m_refusedEmail.clear();
    m_refusedCode.clear();
    setFields(member.fields);
    setBusy(false);
    retranslateUi();
    m_code->setFocus();
}

void MemberDialog::onOkClicked()
{
    if (!m_okButton->isEnabled())
        return;
    m_banner->hide();
    setBusy(true);
    m_form->save(fields());
}

void MemberDialog::onFailed(const models::ApiError &error, const QString &field)
{
    setBusy(false);
    if (!m_loaded) {
        // The member could not be read: nothing to edit.
        m_banner->showError(error);
        return;
    }
    if (error.code == api::ProblemCode::Conflict) {
        const api::MemberFields current = fields();
        if (field == QLatin1String("email") && current.email) {
            m_refusedEmail = *current.email;
            validate();
            m_email->setFocus();
            return;
        }
        if (field == QLatin1String("employeeCode") && current.employeeCode) {
            m_refusedCode = *current.employeeCode;
            validate();
            m_code->setFocus();
            return;
        }
    }
    m_banner->showError(error);
}

void MemberDialog::onStaleEdit()
{
    m_banner->showMessage(MessageBanner::Level::Warning,
                          tr("Someone else changed or deleted this member since you opened it, "
                             "so your change was not saved. Load their version to see it (what "
                             "you typed here is then lost), or cancel."));
    m_banner->setAction(tr("Load Their Version"), [this] {
        m_banner->hide();
        m_loaded = false;
        setBusy(true);
        m_form->load(m_form->memberId());
    });
}

} // namespace engage::ui
