#pragma once

#include "api/role.h"
#include "models/apierror.h"

#include <QDialog>
#include <QList>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace engage::ui {

class MessageBanner;

// Asks for a new administrator's name, e-mail and role. The role combo offers
// only `grantableRoles` (an admin cannot create owners). "Invite" stays
// disabled until both fields pass the same validators the service uses, with
// the reason shown beside the field. Clicking it does not close the dialog:
// inviteRequested() is emitted and the dialog waits (setBusy) until the caller
// closes it on success or shows the service's refusal with showError(), so a
// refused e-mail can be corrected without typing everything again.
class InviteDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InviteDialog)

public:
    explicit InviteDialog(const QList<api::Role> &grantableRoles, QWidget *parent = nullptr);

    QString displayName() const; // trimmed
    QString email() const;       // trimmed
    api::Role role() const;

    void setBusy(bool busy);
    bool isBusy() const { return m_busy; }
    void showError(const models::ApiError &error);

Q_SIGNALS:
    void inviteRequested(const QString &displayName, const QString &email, engage::api::Role role);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void validate();
    void onInviteClicked();

    MessageBanner *m_banner;
    QLabel *m_intro;
    QLabel *m_nameLabel;
    QLineEdit *m_name;
    QLabel *m_nameProblem;
    QLabel *m_emailLabel;
    QLineEdit *m_email;
    QLabel *m_emailProblem;
    QLabel *m_roleLabel;
    QComboBox *m_role;
    QLabel *m_roleHint;
    QLabel *m_progress;
    QDialogButtonBox *m_buttons;
    QPushButton *m_addButton;
    bool m_busy = false;
};

} // namespace engage::ui
