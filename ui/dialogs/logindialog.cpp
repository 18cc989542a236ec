#include "logindialog.h"

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

namespace {

// Failures of trust stop the connection; everything else is the person's to retry.
bool stopsTheConnection(const models::ApiError &error)
{
    using Kind = models::ApiError::Kind;
    return error.kind == Kind::PinMismatch || error.kind == Kind::UntrustedCertificate ||
           error.kind == Kind::TlsFailure;
}

} // namespace

LoginDialog::LoginDialog(models::Session &session, const models::ConnectionProfile &profile,
                         QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_profile(profile)
    , m_intro(new QLabel(this))
    , m_banner(new MessageBanner(this))
    , m_tenantLabel(new QLabel(this))
    , m_emailLabel(new QLabel(this))
    , m_passwordLabel(new QLabel(this))
    , m_tenant(new QLineEdit(profile.lastTenant, this))
    , m_email(new QLineEdit(profile.lastEmail, this))
    , m_password(new QLineEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("loginDialog"));
    m_intro->setWordWrap(true);
    m_tenant->setObjectName(QStringLiteral("tenant"));
    m_email->setObjectName(QStringLiteral("email"));
    m_password->setObjectName(QStringLiteral("password"));
    m_tenant->setInputMethodHints(Qt::ImhNoAutoUppercase | Qt::ImhPreferLowercase);
    m_email->setInputMethodHints(Qt::ImhEmailCharactersOnly | Qt::ImhNoAutoUppercase);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData |
                                    Qt::ImhNoPredictiveText);
    m_tenantLabel->setBuddy(m_tenant);
    m_emailLabel->setBuddy(m_email);
    m_passwordLabel->setBuddy(m_password);

    auto *form = new QFormLayout;
    form->addRow(m_tenantLabel, m_tenant);
    form->addRow(m_emailLabel, m_email);
    form->addRow(m_passwordLabel, m_password);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(dialogHeader(QIcon(QStringLiteral(":/icons/engage.svg")), m_intro));
    layout->addSpacing(6);
    layout->addWidget(m_banner);
    layout->addLayout(form);
    layout->addStretch();
    layout->addWidget(m_buttons);
    setMinimumWidth(440);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &LoginDialog::onSubmit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *field : {m_tenant, m_email, m_password})
        connect(field, &QLineEdit::textChanged, this, &LoginDialog::updateButtons);
    connect(&session, &models::Session::signedIn, this, &LoginDialog::onSucceeded);
    connect(&session, &models::Session::passwordChangeRequired, this, &LoginDialog::onSucceeded);
    connect(&session, &models::Session::failed, this, &LoginDialog::onFailed);

    if (m_tenant->text().isEmpty())
        m_tenant->setFocus();
    else if (m_email->text().isEmpty())
        m_email->setFocus();
    else
        m_password->setFocus();
    retranslateUi();
    updateButtons();
}

QString LoginDialog::tenant() const
{
    return m_tenant->text().trimmed();
}

QString LoginDialog::email() const
{
    return m_email->text().trimmed();
}

QString LoginDialog::password() const
{
    return m_password->text();
}

void LoginDialog::showNotice(const QString &text)
{
    m_banner->showMessage(MessageBanner::Level::Information, text);
}

void LoginDialog::onSubmit()
{
    if (m_busy || !m_buttons->button(QDialogButtonBox::Ok)->isEnabled())
        return;
    m_banner->hide();
    setBusy(true);
    m_session.signIn(tenant(), email(), m_password->text());
}

void LoginDialog::onSucceeded()
{
    if (!m_busy)
        return;
    setBusy(false);
    accept();
}

void LoginDialog::onFailed(const models::ApiError &error)
{
    if (!m_busy)
        return;
    setBusy(false);
    if (stopsTheConnection(error)) {
        m_connectionError = error;
        done(ConnectionFailed);
        return;
    }
    m_banner->showError(error);
    m_password->clear();
    m_password->setFocus();
}

void LoginDialog::setBusy(bool busy)
{
    m_busy = busy;
    for (QLineEdit *field : {m_tenant, m_email, m_password})
        field->setReadOnly(busy);
    updateButtons();
    retranslateUi();
}

void LoginDialog::updateButtons()
{
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!m_busy && !tenant().isEmpty() && !email().isEmpty() &&
                     !m_password->text().isEmpty());
}

void LoginDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void LoginDialog::retranslateUi()
{
    setWindowTitle(tr("Sign in to Engage"));
    m_intro->setText(
        tr("<p>Sign in to <b>%1</b> (%2).</p>")
            .arg(m_profile.name.toHtmlEscaped(), m_profile.url.toDisplayString().toHtmlEscaped()));
    m_tenantLabel->setText(tr("&Tenant:"));
    m_tenant->setPlaceholderText(tr("your company's ID, e.g. northwind"));
    m_emailLabel->setText(tr("&E-mail:"));
    m_passwordLabel->setText(tr("&Password:"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(m_busy ? tr("Signing in…") : tr("&Sign in"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("&Quit"));
}

} // namespace engage::ui
