#include "invitedialog.h"

#include "api/validators.h"
#include "fieldproblem.h"
#include "models/usertablemodel.h"
#include "widgets/messagebanner.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace engage::ui {

namespace {

// What each role may do, beside the combo: the names alone do not say whether
// a manager sees more than a viewer.
QString roleHint(api::Role role)
{
    switch (role) {
    case api::Role::Owner:
        return InviteDialog::tr("Owners manage everything, including other owners.");
    case api::Role::Admin:
        return InviteDialog::tr("Administrators manage people, surveys and settings, but not "
                                "owners.");
    case api::Role::Manager:
        return InviteDialog::tr("Managers run surveys and read the results of their groups.");
    case api::Role::Viewer:
        return InviteDialog::tr("Viewers read dashboards and reports.");
    }
    return {};
}

} // namespace

InviteDialog::InviteDialog(const QList<api::Role> &grantableRoles, QWidget *parent)
    : QDialog(parent)
    , m_banner(new MessageBanner(this))
    , m_intro(new QLabel(this))
    , m_nameLabel(new QLabel(this))
    , m_name(new QLineEdit(this))
    , m_nameProblem(fieldProblemLabel(this))
    , m_emailLabel(new QLabel(this))
    , m_email(new QLineEdit(this))
    , m_emailProblem(fieldProblemLabel(this))
    , m_roleLabel(new QLabel(this))
    , m_role(new QComboBox(this))
    , m_roleHint(new QLabel(this))
    , m_progress(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
    // Not the standard Ok button: QDialogButtonBox puts Qt's own "OK" back on
    // that one at every language change.
    , m_addButton(m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole))
{
    m_addButton->setDefault(true);
    // Names for tests and accessibility tools.
    m_name->setObjectName(QStringLiteral("displayName"));
    m_email->setObjectName(QStringLiteral("email"));
    m_role->setObjectName(QStringLiteral("role"));
    m_addButton->setObjectName(QStringLiteral("add"));
    m_intro->setWordWrap(true);
    m_name->setMaxLength(api::kDisplayNameMaxLength);
    m_email->setMaxLength(api::kEmailMaxLength);
    m_nameLabel->setBuddy(m_name);
    m_emailLabel->setBuddy(m_email);
    m_roleLabel->setBuddy(m_role);
    m_roleHint->setWordWrap(true);
    m_progress->hide();
    for (const api::Role role : grantableRoles)
        m_role->addItem(QString(), static_cast<int>(role));
    // Least privilege first: the weakest role offered is preselected, so a
    // hurried "Invite" never hands out more power than asked for.
    m_role->setCurrentIndex(m_role->count() - 1);

    auto *form = new QFormLayout;
    form->addRow(m_nameLabel, withProblem(m_name, m_nameProblem));
    form->addRow(m_emailLabel, withProblem(m_email, m_emailProblem));
    form->addRow(m_roleLabel, withProblem(m_role, m_roleHint));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addStretch();
    layout->addWidget(m_buttons);

    connect(m_name, &QLineEdit::textChanged, this, &InviteDialog::validate);
    connect(m_email, &QLineEdit::textChanged, this, &InviteDialog::validate);
    connect(m_role, &QComboBox::currentIndexChanged, this,
            [this] { m_roleHint->setText(roleHint(role())); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &InviteDialog::onInviteClicked);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    retranslateUi();
    validate();
    setMinimumWidth(440);
}

QString InviteDialog::displayName() const
{
    return api::normalizedText(m_name->text());
}

QString InviteDialog::email() const
{
    return api::normalizedText(m_email->text());
}

api::Role InviteDialog::role() const
{
    return static_cast<api::Role>(m_role->currentData().toInt());
}

void InviteDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_name->setReadOnly(busy);
    m_email->setReadOnly(busy);
    m_role->setEnabled(!busy);
    m_progress->setVisible(busy);
    validate();
}

void InviteDialog::showError(const models::ApiError &error)
{
    setBusy(false);
    m_banner->showError(error);
    m_email->setFocus();
}

void InviteDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void InviteDialog::retranslateUi()
{
    setWindowTitle(tr("Add a Person"));
    m_intro->setText(tr("The person gets a first password, shown to you once. They choose "
                        "their own when they first sign in."));
    m_nameLabel->setText(tr("&Name:"));
    m_name->setPlaceholderText(tr("As colleagues know them"));
    m_emailLabel->setText(tr("&E-mail:"));
    m_email->setPlaceholderText(tr("name@example.com"));
    m_roleLabel->setText(tr("&Role:"));
    for (int i = 0; i < m_role->count(); ++i)
        m_role->setItemText(i, models::UserTableModel::roleText(
                                   static_cast<api::Role>(m_role->itemData(i).toInt())));
    m_roleHint->setText(roleHint(role()));
    m_progress->setText(tr("Adding…"));
    m_addButton->setText(tr("&Add"));
    validate();
}

void InviteDialog::validate()
{
    // An empty field gets no reproach (the disabled button says enough); a
    // wrong one says what would be right.
    const bool nameValid = !api::validateDisplayName(displayName());
    showFieldProblem(m_nameProblem, m_name,
                     nameValid || m_name->text().isEmpty()
                         ? QString()
                         : tr("Enter a name of up to %n characters, on one line.", nullptr,
                              api::kDisplayNameMaxLength));
    const bool emailValid = !api::validateEmail(email());
    showFieldProblem(m_emailProblem, m_email,
                     emailValid || m_email->text().isEmpty()
                         ? QString()
                         : tr("Enter an e-mail address such as name@example.com."));
    m_addButton->setEnabled(nameValid && emailValid && m_role->count() > 0 && !m_busy);
}

void InviteDialog::onInviteClicked()
{
    if (m_busy || !m_addButton->isEnabled())
        return;
    m_banner->hide();
    setBusy(true);
    Q_EMIT inviteRequested(displayName(), email(), role());
}

} // namespace engage::ui
