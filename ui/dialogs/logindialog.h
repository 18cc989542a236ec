#pragma once

#include "models/apierror.h"
#include "models/connectionprofile.h"

#include <QDialog>
#include <optional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace engage::models {
class Session;
}

namespace engage::ui {

class MessageBanner;

// Tenant, e-mail and password for one connection profile. "Sign in" calls
// Session::signIn and keeps the dialog open until the service agreed (accepted:
// signed in, or a new password is required) or refused (the translated reason
// in the banner, the password cleared). A failure of trust (changed or untrusted
// certificate, TLS) is not the person's to fix here: the dialog then closes
// with ConnectionFailed and connectionError() says why.
class LoginDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoginDialog)

public:
    enum Result
    {
        ConnectionFailed = QDialog::Accepted + 1,
    };

    LoginDialog(models::Session &session, const models::ConnectionProfile &profile,
                QWidget *parent = nullptr);

    QString tenant() const;
    QString email() const;
    // The password typed, until the dialog is destroyed: a forced password
    // change right after sign-in need not ask for it again.
    QString password() const;
    std::optional<models::ApiError> connectionError() const { return m_connectionError; }
    MessageBanner *banner() const { return m_banner; }
    // Shown above the form (e.g. "your session has expired").
    void showNotice(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void onSubmit();
    void onFailed(const models::ApiError &error);
    void onSucceeded();
    void setBusy(bool busy);
    void updateButtons();

    models::Session &m_session;
    models::ConnectionProfile m_profile;
    QLabel *m_intro;
    MessageBanner *m_banner;
    QLabel *m_tenantLabel, *m_emailLabel, *m_passwordLabel;
    QLineEdit *m_tenant;
    QLineEdit *m_email;
    QLineEdit *m_password;
    QDialogButtonBox *m_buttons;
    std::optional<models::ApiError> m_connectionError;
    bool m_busy = false;
};

} // namespace engage::ui
