#include "passwordchangedialog.h"

#include "api/validators.h"
#include "models/session.h"
#include "ui/widgets/dialogheader.h"
#include "ui/widgets/messagebanner.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace engage::ui {

PasswordChangeDialog::PasswordChangeDialog(models::Session &session, Mode mode, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_mode(mode)
    , m_intro(new QLabel(this))
    , m_banner(new MessageBanner(this))
    , m_currentLabel(new QLabel(this))
    , m_newLabel(new QLabel(this))
    , m_confirmLabel(new QLabel(this))
    , m_current(new QLineEdit(this))
    , m_new(new QLineEdit(this))
    , m_confirm(new QLineEdit(this))
    , m_hint(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok, this))
{
    setObjectName(QStringLiteral("passwordChangeDialog"));
    m_intro->setWordWrap(true);
    m_hint->setWordWrap(true);
    m_current->setObjectName(QStringLiteral("currentPassword"));
    m_new->setObjectName(QStringLiteral("newPassword"));
    m_confirm->setObjectName(QStringLiteral("confirmPassword"));
    for (QLineEdit *field : {m_current, m_new, m_confirm}) {
        field->setEchoMode(QLineEdit::Password);
        field->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData |
                                   Qt::ImhNoPredictiveText);
        connect(field, &QLineEdit::textChanged, this, [this] { setBusy(m_busy); });
    }
    m_currentLabel->setBuddy(m_current);
    m_newLabel->setBuddy(m_new);
    m_confirmLabel->setBuddy(m_confirm);

    auto *form = new QFormLayout;
    form->addRow(m_currentLabel, m_current);
    form->addRow(m_newLabel, m_new);
    form->addRow(m_confirmLabel, m_confirm);
    form->addRow(QString(), m_hint);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(dialogHeader(QIcon(QStringLiteral(":/icons/engage.svg")), m_intro));
    layout->addWidget(m_banner);
    layout->addLayout(form);
    layout->addStretch();
    layout->addWidget(m_buttons);
    setMinimumWidth(460);

    if (mode == Mode::Forced) {
        m_signOut = m_buttons->addButton(QString(), QDialogButtonBox::DestructiveRole);
        m_signOut->setObjectName(QStringLiteral("signOutButton"));
        m_signOut->setAutoDefault(false);
        connect(m_signOut, &QPushButton::clicked, this, [this] { done(SignOutRequested); });
        setWindowFlag(Qt::WindowCloseButtonHint, false);
    } else {
        m_buttons->addButton(QDialogButtonBox::Cancel);
    }
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PasswordChangeDialog::onSubmit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &PasswordChangeDialog::reject);
    connect(&session, &models::Session::passwordChanged, this, &PasswordChangeDialog::onChanged);
    connect(&session, &models::Session::failed, this, &PasswordChangeDialog::onFailed);

    m_current->setFocus();
    retranslateUi();
    setBusy(false);
}

void PasswordChangeDialog::setCurrentPassword(const QString &password)
{
    m_current->setText(password);
    const bool known = !password.isEmpty();
    m_current->setVisible(!known);
    m_currentLabel->setVisible(!known);
    (known ? m_new : m_current)->setFocus();
}

void PasswordChangeDialog::reject()
{
    if (m_mode == Mode::Forced || m_busy)
        return;
    QDialog::reject();
}

// Why the new password cannot be sent yet; empty when it can. The service
// checks again (api::validatePassword), so this is for the person, not a wall.
QString PasswordChangeDialog::problem() const
{
    const qsizetype length = api::characterCount(m_new->text());
    if (m_new->text().isEmpty())
        return {};
    if (length < api::kPasswordMinLength)
        return tr("The new password needs at least %n characters.", nullptr,
                  api::kPasswordMinLength);
    if (length > api::kPasswordMaxLength)
        return tr("The new password may have at most %n characters.", nullptr,
                  api::kPasswordMaxLength);
    if (m_new->text() == m_current->text())
        return tr("The new password must differ from the current one.");
    if (!m_confirm->text().isEmpty() && m_confirm->text() != m_new->text())
        return tr("The two new passwords are not the same.");
    return {};
}

void PasswordChangeDialog::onSubmit()
{
    if (m_busy || !m_buttons->button(QDialogButtonBox::Ok)->isEnabled())
        return;
    m_banner->hide();
    setBusy(true);
    m_session.changePassword(m_current->text(), m_new->text());
}

void PasswordChangeDialog::onChanged()
{
    if (!m_busy)
        return;
    m_busy = false;
    accept();
}

void PasswordChangeDialog::onFailed(const models::ApiError &error)
{
    if (!m_busy)
        return;
    setBusy(false);
    m_banner->showError(error);
    // A wrong current password is the likeliest cause: let it be typed again.
    QLineEdit *retry = m_current->isVisible() ? m_current : m_new;
    retry->selectAll();
    retry->setFocus();
}

void PasswordChangeDialog::setBusy(bool busy)
{
    m_busy = busy;
    for (QLineEdit *field : {m_current, m_new, m_confirm})
        field->setReadOnly(busy);
    const QString why = problem();
    m_hint->setText(why.isEmpty() ? tr("At least %n characters.", nullptr, api::kPasswordMinLength)
                                  : why);
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!busy && why.isEmpty() && !m_current->text().isEmpty() &&
                     !m_new->text().isEmpty() && m_confirm->text() == m_new->text());
    if (m_signOut)
        m_signOut->setEnabled(!busy);
}

void PasswordChangeDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        setBusy(m_busy);
    }
    QDialog::changeEvent(event);
}

void PasswordChangeDialog::retranslateUi()
{
    setWindowTitle(tr("Change your password"));
    m_intro->setText(m_mode == Mode::Forced
                         ? tr("<p>You signed in with a password that was generated for you. "
                              "Choose a password of your own to continue.</p>")
                         : tr("<p>Choose a new password for your account.</p>"));
    m_currentLabel->setText(tr("C&urrent password:"));
    m_newLabel->setText(tr("&New password:"));
    m_confirmLabel->setText(tr("&Repeat new password:"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Change password"));
    if (m_signOut)
        m_signOut->setText(tr("Sign &out"));
    else
        m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
}

} // namespace engage::ui
