#pragma once

#include "api/member.h"
#include "models/apierror.h"
#include "models/grouptreemodel.h"

#include <QPointer>
#include <QWidget>
#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QSplitter;
class QTableView;
class QTimer;
class QTreeView;

namespace engage::models {
class ApiClient;
class AttributeListModel;
class MemberTableModel;
class Session;
} // namespace engage::models

namespace engage::ui {

class ExportController;
class GroupDialog;
class MemberDialog;
class MessageBanner;
class PageAccess;

// The organisation: the group tree on the left ("All members" above the
// groups, each with the members of its subtree), the members of the chosen
// group's subtree on the right, searched and filtered by the service (search
// as you type, status, one attribute's value) and fetched page by page as the
// table scrolls. Members are added, edited (Enter or double-click) and
// deleted here; groups are created, renamed (F2), moved by dragging them in
// the tree (after confirmation) and deleted when empty. Keyboard first: Ctrl+F
// searches, Ins or Ctrl+N adds a member, Delete deletes what has the focus.
// Owners and admins edit groups; managers edit the members they see; viewers
// only read.
class MembersPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MembersPage)

public:
    MembersPage(models::ApiClient &client, models::Session &session, QWidget *parent = nullptr);
    ~MembersPage() override;

    // For tests and the screenshot tool.
    models::MemberTableModel &memberModel() const { return *m_members; }
    models::GroupTreeModel &groupModel() const { return *m_groups; }
    QTableView *memberView() const { return m_memberView; }
    QTreeView *groupView() const { return m_groupView; }
    MessageBanner *banner() const { return m_banner; }
    QLineEdit *searchField() const { return m_search; }
    QComboBox *statusFilter() const { return m_statusFilter; }
    QComboBox *attributeFilter() const { return m_attributeFilter; }
    QComboBox *attributeValueFilter() const { return m_valueFilter; }
    QLabel *countLabel() const { return m_count; }
    QAction *newMemberAction() const { return m_newAction; }
    QAction *editMemberAction() const { return m_editAction; }
    QAction *deleteMemberAction() const { return m_deleteAction; }
    QAction *newGroupAction() const { return m_newGroupAction; }
    QAction *renameGroupAction() const { return m_renameGroupAction; }
    QAction *deleteGroupAction() const { return m_deleteGroupAction; }
    QAction *importAction() const { return m_importAction; }
    ExportController *exportController() const { return m_export; }
    // The dialog open now, if any.
    MemberDialog *memberDialog() const;
    GroupDialog *groupDialog() const;
    // Milliseconds between the last key typed in the search and the query.
    static constexpr int kSearchDelayMs = 300;

    // The group whose subtree the table shows; empty for all members.
    QString selectedGroupId() const;
    bool selectGroup(const QString &groupId);
    std::optional<QString> selectedMemberId() const;

public Q_SLOTS:
    // Loads groups, attributes and members again (after an import, say).
    void reload();

Q_SIGNALS:
    // The user chose "Import…": the import wizard is someone else's.
    void importRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateAccess(bool load);
    void updateActions();
    void updateCount();
    void applyQuery();
    void fillAttributeFilter();
    // The query in the UI language, for the export's cover.
    QString describeQuery() const;
    void fillValueFilter();
    bool raiseOpenDialog();
    void sizeColumns();

    void onNewMember();
    void onEditMember();
    void onDeleteMember();
    void onNewGroup();
    void onRenameGroup();
    void onDeleteGroup();
    void onMoveRequested(const QString &groupId, const QString &newParentId);
    void onGroupEdited(models::GroupTreeModel::Edit edit, const QString &groupId);
    void onGroupEditFailed(models::GroupTreeModel::Edit edit, const QString &groupId,
                           const models::ApiError &error);
    void onMemberSaved(const api::Member &member);
    void onFailed(const models::ApiError &error);
    void showStaleNotice();

    models::ApiClient &m_client;
    models::Session &m_session;
    PageAccess *m_access;
    models::MemberTableModel *m_members;
    models::GroupTreeModel *m_groups;
    models::AttributeListModel *m_attributes;
    MessageBanner *m_banner;
    QSplitter *m_splitter;
    QLabel *m_groupsLabel;
    QTreeView *m_groupView;
    QLineEdit *m_search;
    QTimer *m_searchDelay;
    QLabel *m_statusLabel;
    QComboBox *m_statusFilter;
    QLabel *m_attributeLabel;
    QComboBox *m_attributeFilter;
    QComboBox *m_valueFilter;
    QTableView *m_memberView;
    QLabel *m_count;
    QAction *m_newAction;
    QAction *m_editAction;
    QAction *m_deleteAction;
    QAction *m_newGroupAction;
    QAction *m_renameGroupAction;
    QAction *m_deleteGroupAction;
    QAction *m_importAction;
    QAction *m_reloadAction;
    QAction *m_findAction;
    ExportController *m_export;
    QPointer<MemberDialog> m_memberDialog;
    QPointer<GroupDialog> m_groupDialog;
    // Re-selected after the tree is loaded again.
    QString m_selectedGroupId;
    bool m_mayEditMembers = false;
    bool m_mayEditGroups = false;
};

} // namespace engage::ui
