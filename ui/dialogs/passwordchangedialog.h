#pragma once

#include "models/apierror.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace engage::models {
class Session;
}

namespace engage::ui {

class MessageBanner;

// Current, new and confirmed password; "Change password" calls
// Session::changePassword and closes when the service agreed. In Forced mode
// (a generated first password) there is no way past it but signing out:
// Escape and the close button do nothing, and "Sign out" ends the dialog with
// SignOutRequested.
class PasswordChangeDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PasswordChangeDialog)

public:
    enum class Mode
    {
        Voluntary,
        Forced,
    };
    enum Result
    {
        SignOutRequested = QDialog::Accepted + 1,
    };

    PasswordChangeDialog(models::Session &session, Mode mode, QWidget *parent = nullptr);

    // The password just used to sign in: the current-password field is then
    // filled and hidden.
    void setCurrentPassword(const QString &password);
    MessageBanner *banner() const { return m_banner; }

public Q_SLOTS:
    void reject() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void onSubmit();
    void onChanged();
    void onFailed(const models::ApiError &error);
    void setBusy(bool busy);
    QString problem() const;

    models::Session &m_session;
    Mode m_mode;
    QLabel *m_intro;
    MessageBanner *m_banner;
    QLabel *m_currentLabel, *m_newLabel, *m_confirmLabel;
    QLineEdit *m_current;
    QLineEdit *m_new;
    QLineEdit *m_confirm;
    QLabel *m_hint;
    QDialogButtonBox *m_buttons;
    QPushButton *m_signOut = nullptr;
    bool m_busy = false;
};

} // namespace engage::ui
