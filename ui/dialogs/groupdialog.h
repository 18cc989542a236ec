#pragma once

#include "api/group.h"
#include "models/apierror.h"

#include <QDialog>
#include <optional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace engage::models {
class GroupTreeModel;
}

namespace engage::ui {

class GroupPicker;
class MessageBanner;

// A new group (name, code and where it goes in the tree) or a group renamed
// or recoded (moving is done by dragging in the tree). The OK button stays
// disabled until name and code pass the service's validators, with the reason
// beside the field. OK does not close the dialog: submitted() is emitted and
// the dialog waits (setBusy) until the caller closes it on success or shows
// the service's refusal with showError() (a code another group has, say).
class GroupDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GroupDialog)

public:
    // `group` nullopt: a new group, placed under `parentId` at first.
    GroupDialog(const models::GroupTreeModel &groups, const std::optional<api::Group> &group,
                const std::optional<QString> &parentId, QWidget *parent = nullptr);

    bool isNew() const { return !m_groupId; }
    std::optional<QString> groupId() const { return m_groupId; }
    api::GroupFields fields() const;

    void setBusy(bool busy);
    bool isBusy() const { return m_busy; }
    void showError(const models::ApiError &error);

Q_SIGNALS:
    void submitted(const engage::api::GroupFields &fields);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void validate();
    void onOkClicked();

    std::optional<QString> m_groupId;
    std::optional<QString> m_parentId; // kept when editing
    MessageBanner *m_banner;
    QLabel *m_nameLabel;
    QLineEdit *m_name;
    QLabel *m_nameProblem;
    QLabel *m_codeLabel;
    QLineEdit *m_code;
    QLabel *m_codeProblem;
    QLabel *m_parentLabel;
    GroupPicker *m_parent;
    QDialogButtonBox *m_buttons;
    QPushButton *m_okButton;
    bool m_busy = false;
};

} // namespace engage::ui
