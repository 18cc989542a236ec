#pragma once

#include "api/person.h"
#include "models/apierror.h"

#include <QDialog>
#include <QSet>

class QDialogButtonBox;
class QLabel;
class QPushButton;
class QTreeView;

namespace engage::models {
class ApiClient;
class GroupTreeModel;
class ManagerScope;
} // namespace engage::models

namespace engage::ui {

class GroupScopeChecks;
class MessageBanner;

// Which groups a manager sees: the company's group tree with a check box per
// group. A ticked group brings every group beneath it along (shown ticked and
// greyed), so the scope saved names subtrees, as the service keeps it. Reads
// the scope (GET /api/v1/users/{id}/groups) and the tree, and saves the
// ticked groups (PUT) when the person clicks Save; the dialog closes once the
// service agreed, and shows a refusal in its banner.
class GroupScopeDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GroupScopeDialog)

public:
    GroupScopeDialog(models::ApiClient &client, const api::Person &manager,
                     QWidget *parent = nullptr);
    ~GroupScopeDialog() override;

    // For tests: the ticked groups (subtree roots only), the tree, Save.
    QStringList checkedGroupIds() const;
    QTreeView *view() const { return m_view; }
    models::GroupTreeModel &groups() const { return *m_groups; }
    QPushButton *saveButton() const { return m_saveButton; }
    bool isReady() const; // tree and scope loaded

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void onLoaded();
    void updateSummary();
    void onSave();
    void onFailed(const models::ApiError &error);

    api::Person m_manager;
    models::GroupTreeModel *m_groups;
    models::ManagerScope *m_scope;
    GroupScopeChecks *m_checks;
    MessageBanner *m_banner;
    QLabel *m_intro;
    QTreeView *m_view;
    QLabel *m_summary;
    QDialogButtonBox *m_buttons;
    QPushButton *m_saveButton;
    bool m_treeLoaded = false;
    bool m_scopeLoaded = false;
    bool m_saving = false;
};

} // namespace engage::ui
