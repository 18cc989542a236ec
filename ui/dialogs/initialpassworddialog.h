#pragma once

#include "api/person.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace engage::ui {

// Shows a new person's generated first password, once: the service keeps only
// its hash. The password is selectable and has a "Copy" button; a warning says
// it will not be shown again.
class InitialPasswordDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InitialPasswordDialog)

public:
    InitialPasswordDialog(const api::Person &person, const QString &tenant, const QString &password,
                          QWidget *parent = nullptr);

    QString password() const; // for tests

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void copyPassword();

    api::Person m_person;
    QLabel *m_intro;
    QLabel *m_tenantLabel;
    QLabel *m_tenant;
    QLabel *m_emailLabel;
    QLabel *m_email;
    QLabel *m_passwordLabel;
    QLineEdit *m_password;
    QPushButton *m_copy;
    QLabel *m_copied;
    QLabel *m_warningIcon;
    QLabel *m_warning;
    QDialogButtonBox *m_buttons;
};

} // namespace engage::ui
