#include "initialpassworddialog.h"

#include "models/usertablemodel.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace engage::ui {

InitialPasswordDialog::InitialPasswordDialog(const api::Person &person, const QString &tenant,
                                             const QString &password, QWidget *parent)
    : QDialog(parent)
    , m_person(person)
    , m_intro(new QLabel(this))
    , m_tenantLabel(new QLabel(this))
    , m_tenant(new QLabel(tenant, this))
    , m_emailLabel(new QLabel(this))
    , m_email(new QLabel(person.email, this))
    , m_passwordLabel(new QLabel(this))
    , m_password(new QLineEdit(password, this))
    , m_copy(new QPushButton(this))
    , m_copied(new QLabel(this))
    , m_warningIcon(new QLabel(this))
    , m_warning(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
{
    m_password->setObjectName(QStringLiteral("password"));
    m_copy->setObjectName(QStringLiteral("copy"));
    m_intro->setWordWrap(true);
    m_intro->setTextFormat(Qt::PlainText);
    m_tenant->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_email->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_password->setReadOnly(true);
    m_password->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_passwordLabel->setBuddy(m_password);
    m_copied->hide();
    // A replayed invitation (a retry after a lost answer) comes without it.
    m_password->setVisible(!password.isEmpty());
    m_copy->setVisible(!password.isEmpty());
    m_passwordLabel->setVisible(!password.isEmpty());
    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    m_warningIcon->setPixmap(
        style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(iconSize));
    m_warningIcon->setAlignment(Qt::AlignTop);
    m_warning->setWordWrap(true);
    m_warning->setTextFormat(Qt::PlainText);

    auto *passwordRow = new QHBoxLayout;
    passwordRow->addWidget(m_password, 1);
    passwordRow->addWidget(m_copy);

    auto *form = new QFormLayout;
    form->addRow(m_tenantLabel, m_tenant);
    form->addRow(m_emailLabel, m_email);
    form->addRow(m_passwordLabel, passwordRow);
    form->addRow(QString(), m_copied);

    auto *warningRow = new QHBoxLayout;
    warningRow->addWidget(m_warningIcon);
    warningRow->addWidget(m_warning, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addLayout(warningRow);
    layout->addWidget(m_buttons);

    connect(m_copy, &QPushButton::clicked, this, &InitialPasswordDialog::copyPassword);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);

    retranslateUi();
    setMinimumWidth(460);
    m_password->selectAll();
    m_password->setFocus();
}

QString InitialPasswordDialog::password() const
{
    return m_password->text();
}

void InitialPasswordDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void InitialPasswordDialog::retranslateUi()
{
    setWindowTitle(tr("First Password"));
    m_intro->setText(
        tr("%1 was added as %2. They sign in with this first password and then "
           "choose their own.")
            .arg(m_person.displayName, models::UserTableModel::roleText(m_person.role)));
    m_tenantLabel->setText(tr("Company:"));
    m_emailLabel->setText(tr("E-mail:"));
    m_passwordLabel->setText(tr("First &password:"));
    m_copy->setText(tr("&Copy"));
    m_copied->setText(tr("Copied to the clipboard."));
    if (m_password->text().isEmpty()) {
        m_warning->setText(tr("The answer that carried the first password was lost on the way, "
                              "and the service does not show it twice. Delete %1 and add them "
                              "again to get a new one.")
                               .arg(m_person.displayName));
    } else {
        m_warning->setText(tr("This password is shown only now and cannot be shown again. Pass "
                              "it on through a channel only this person reads."));
    }
}

void InitialPasswordDialog::copyPassword()
{
    QGuiApplication::clipboard()->setText(m_password->text());
    m_copied->show();
}

} // namespace engage::ui
