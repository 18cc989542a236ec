#pragma once

#include "models/apierror.h"
#include "models/attributelistmodel.h"

#include <QPointer>
#include <QWidget>
#include <optional>

class QAction;
class QLabel;
class QTableView;

namespace engage::models {
class ApiClient;
class Session;
} // namespace engage::models

namespace engage::ui {

class AttributeDialog;
class MessageBanner;
class PageAccess;

// The attributes the company defines for its members: a table (name in the
// UI language and in the other one, type, number of choices) and the edits
// an owner or admin makes (add, edit in AttributeDialog, delete after
// confirmation, reload). Managers and viewers see a sentence instead, as on
// the People page. A refusal the user can act on is explained in the dialog
// (the list is full; a choice members hold was removed); a stale edit offers
// a reload in the banner.
class AttributesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AttributesPage)

public:
    AttributesPage(models::ApiClient &client, models::Session &session, QWidget *parent = nullptr);

    // For tests and the screenshot tool.
    models::AttributeListModel &model() const { return *m_model; }
    QTableView *view() const { return m_view; }
    MessageBanner *banner() const { return m_banner; }
    QAction *addAttributeAction() const { return m_addAction; }
    QAction *editAttributeAction() const { return m_editAction; }
    QAction *deleteAttributeAction() const { return m_deleteAction; }
    QAction *reloadAction() const { return m_reloadAction; }
    AttributeDialog *openDialog() const;
    bool selectAttribute(const QString &attributeId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateAccess(bool load);
    void updateActions();
    void updateCount();
    void reload();
    std::optional<int> selectedRow() const;
    void openDialogFor(std::optional<int> row);

    void onDelete();
    void onStaleEdit(const QString &attributeId);
    void onEditFailed(models::AttributeListModel::Edit edit, const models::ApiError &error);
    void onFailed(const models::ApiError &error);

    PageAccess *m_access;
    models::AttributeListModel *m_model;
    MessageBanner *m_banner;
    QLabel *m_intro;
    QLabel *m_noAccess;
    QTableView *m_view;
    QLabel *m_count;
    QAction *m_addAction;
    QAction *m_editAction;
    QAction *m_deleteAction;
    QAction *m_reloadAction;
    QList<QWidget *> m_buttons;
    QPointer<AttributeDialog> m_dialog;
    QString m_selectedId; // kept across a reload
};

} // namespace engage::ui
