#pragma once

#include "api/person.h"
#include "models/apierror.h"

#include <QPointer>
#include <QWidget>
#include <optional>

class QAction;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace engage::models {
class ApiClient;
class Session;
class UserTableModel;
} // namespace engage::models

namespace engage::ui {

class GroupScopeDialog;
class InviteDialog;
class MessageBanner;
class PageAccess;
class PeopleFilterModel;

// The tenant's administrators: a sortable, searchable table and the edits an
// owner or admin may make (add with a first password shown once, change role
// in place, deactivate or reactivate, delete after confirmation, choose the
// groups a manager sees, reload).
// Actions the signed-in person may not take are not offered: managers and
// viewers see no list at all (the service serves it to owners and admins
// only), an admin cannot grant or touch the owner role, and nobody can change,
// deactivate or delete themselves. A stale edit (someone else changed the
// person) shows in the banner with a "Reload" button; other recoverable errors
// in the banner too, and errors that stop the work in the error dialog.
class PeoplePage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PeoplePage)

public:
    PeoplePage(models::ApiClient &client, models::Session &session, QWidget *parent = nullptr);

    // For tests and the screenshot tool.
    models::UserTableModel &model() const { return *m_model; }
    QTableView *view() const { return m_view; }
    MessageBanner *banner() const { return m_banner; }
    QAction *addPersonAction() const { return m_addAction; }
    QAction *changeRoleAction() const { return m_roleAction; }
    QAction *statusAction() const { return m_statusAction; }
    QAction *deletePersonAction() const { return m_deleteAction; }
    QAction *groupsAction() const { return m_groupsAction; } // a manager's groups
    QAction *reloadAction() const { return m_reloadAction; }
    QLineEdit *searchField() const { return m_search; }
    // Selects the row of `personId` (in view order); false when absent.
    bool selectPerson(const QString &personId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateAccess(bool load);
    void updateActions();
    void updateCount();
    void reload();
    // The selected person in source-model terms; nullopt without a selection.
    std::optional<int> selectedRow() const;
    const api::Person *selectedPerson() const;
    bool mayEdit(const api::Person &person) const;
    QList<api::Role> grantableRoles() const;

    void onAdd();
    void onChangeRole();
    void onToggleStatus();
    void onDelete();
    void onGroups();
    void onInvited(const api::Person &person, const QString &initialPassword);
    void onStaleEdit(const QString &personId);
    void onFailed(const models::ApiError &error);
    void showStaleNotice();

    models::ApiClient &m_client;
    models::Session &m_session;
    PageAccess *m_access;
    models::UserTableModel *m_model;
    PeopleFilterModel *m_filter;
    MessageBanner *m_banner;
    QLabel *m_noAccess;
    QLabel *m_searchLabel;
    QLineEdit *m_search;
    QTableView *m_view;
    QLabel *m_count;
    QLabel *m_hint;
    QAction *m_addAction;
    QAction *m_roleAction;
    QAction *m_statusAction;
    QAction *m_deleteAction;
    QAction *m_groupsAction;
    QAction *m_reloadAction;
    QAction *m_findAction;
    QList<QPushButton *> m_buttons;
    QPointer<InviteDialog> m_inviteDialog;
    QPointer<GroupScopeDialog> m_groupsDialog;
    // Kept across a reload, which resets the model and so the selection.
    QString m_selectedId;
    // The person of the stale-edit notice, re-shown in the new language.
    std::optional<QString> m_staleId;
};

} // namespace engage::ui
