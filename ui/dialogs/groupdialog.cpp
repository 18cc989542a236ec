#include "groupdialog.h"

#include "api/validators.h"
#include "fieldproblem.h"
#include "models/grouptreemodel.h"
#include "widgets/grouppicker.h"
#include "widgets/messagebanner.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace engage::ui {

GroupDialog::GroupDialog(const models::GroupTreeModel &groups,
                         const std::optional<api::Group> &group,
                         const std::optional<QString> &parentId, QWidget *parent)
    : QDialog(parent)
    , m_groupId(group ? std::optional<QString>(group->id) : std::nullopt)
    , m_parentId(group ? group->fields.parentId : parentId)
    , m_banner(new MessageBanner(this))
    , m_nameLabel(new QLabel(this))
    , m_name(new QLineEdit(this))
    , m_nameProblem(fieldProblemLabel(this))
    , m_codeLabel(new QLabel(this))
    , m_code(new QLineEdit(this))
    , m_codeProblem(fieldProblemLabel(this))
    , m_parentLabel(new QLabel(this))
    , m_parent(new GroupPicker(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
    // Not the standard Ok button: QDialogButtonBox puts Qt's own "OK" back on
    // that one at every language change.
    , m_okButton(m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole))
{
    m_okButton->setDefault(true);
    m_name->setObjectName(QStringLiteral("name"));
    m_code->setObjectName(QStringLiteral("code"));
    m_parent->setObjectName(QStringLiteral("parent"));
    m_okButton->setObjectName(QStringLiteral("ok"));
    m_name->setMaxLength(api::kGroupNameMaxLength);
    m_code->setMaxLength(api::kGroupCodeMaxLength);
    m_nameLabel->setBuddy(m_name);
    m_codeLabel->setBuddy(m_code);
    m_parentLabel->setBuddy(m_parent);
    m_parent->setGroups(groups.entries());
    m_parent->setGroupId(m_parentId);
    if (group) {
        m_name->setText(group->fields.name);
        m_code->setText(group->fields.code);
    }
    // Moving is dragging in the tree, where the result can be seen.
    m_parentLabel->setVisible(isNew());
    m_parent->setVisible(isNew());

    auto *form = new QFormLayout;
    form->addRow(m_nameLabel, withProblem(m_name, m_nameProblem));
    form->addRow(m_codeLabel, withProblem(m_code, m_codeProblem));
    form->addRow(m_parentLabel, m_parent);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(form);
    layout->addStretch();
    layout->addWidget(m_buttons);

    connect(m_name, &QLineEdit::textChanged, this, &GroupDialog::validate);
    connect(m_code, &QLineEdit::textChanged, this, &GroupDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &GroupDialog::onOkClicked);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    retranslateUi();
    setMinimumWidth(420);
}

api::GroupFields GroupDialog::fields() const
{
    return {api::normalizedText(m_code->text()), api::normalizedText(m_name->text()),
            isNew() ? m_parent->groupId() : m_parentId};
}

void GroupDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_name->setReadOnly(busy);
    m_code->setReadOnly(busy);
    m_parent->setEnabled(!busy);
    validate();
}

void GroupDialog::showError(const models::ApiError &error)
{
    setBusy(false);
    // The one clash a group can have with another is its code.
    if (error.code == api::ProblemCode::Conflict) {
        showFieldProblem(m_codeProblem, m_code,
                         tr("Another group has this code. Codes must be unique."));
        m_code->setFocus();
        m_code->selectAll();
        return;
    }
    m_banner->showError(error);
}

void GroupDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void GroupDialog::retranslateUi()
{
    setWindowTitle(isNew() ? tr("New Group") : tr("Edit Group"));
    m_nameLabel->setText(tr("&Name:"));
    m_name->setPlaceholderText(tr("Sales Department"));
    m_codeLabel->setText(tr("&Code:"));
    m_code->setPlaceholderText(tr("SALES"));
    m_code->setToolTip(tr("A short code that stays the same when the group is renamed. Imports "
                          "match groups by it."));
    m_parentLabel->setText(tr("&Parent group:"));
    m_parent->setNoGroupText(tr("(Top level)"));
    m_okButton->setText(isNew() ? tr("&Create") : tr("&Save"));
    validate();
}

void GroupDialog::validate()
{
    const QString name = api::normalizedText(m_name->text());
    const bool nameValid = !api::validateGroupName(name);
    showFieldProblem(m_nameProblem, m_name,
                     nameValid || m_name->text().isEmpty()
                         ? QString()
                         : tr("Enter a name of up to %n characters, on one line, without '/'.",
                              nullptr, api::kGroupNameMaxLength));
    const QString code = api::normalizedText(m_code->text());
    const bool codeValid = !api::validateGroupCode(code);
    showFieldProblem(m_codeProblem, m_code,
                     codeValid || m_code->text().isEmpty()
                         ? QString()
                         : tr("Enter a code of up to %n characters without spaces or '/'.", nullptr,
                              api::kGroupCodeMaxLength));
    m_okButton->setEnabled(nameValid && codeValid && !m_busy);
}

void GroupDialog::onOkClicked()
{
    if (m_busy || !m_okButton->isEnabled())
        return;
    m_banner->hide();
    setBusy(true);
    Q_EMIT submitted(fields());
}

} // namespace engage::ui
