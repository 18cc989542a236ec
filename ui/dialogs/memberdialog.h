#pragma once

#include "api/attribute.h"
#include "api/member.h"
#include "models/apierror.h"

#include <QDialog>
#include <QList>
#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace engage::models {
class ApiClient;
class GroupTreeModel;
class MemberForm;
} // namespace engage::models

namespace engage::ui {

class GroupPicker;
class MessageBanner;

// A member's every field, to read and edit: employee code and e-mail (one of
// them at least), family and given name (family first, as Japanese names are
// written), group, status, survey delivery, dates, employment details, the
// tenant's own attributes (a field per type) and a memo. What is wrong is said
// beside the field as the user types, with the service's validators, and OK
// stays disabled until all is right. An edit is saved with If-Match against
// the member as it was read: if someone else changed it meanwhile, the dialog
// says so and offers to load their version. An e-mail or code that another
// member has is shown beside its field.
class MemberDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemberDialog)

public:
    // `memberId` nullopt: a new member, placed in `groupId` at first.
    MemberDialog(models::ApiClient &client, const models::GroupTreeModel &groups,
                 const QList<api::Attribute> &attributes, const std::optional<QString> &memberId,
                 const std::optional<QString> &groupId, QWidget *parent = nullptr);
    ~MemberDialog() override;

    bool isNew() const;
    // What the form holds, normalised as it would be sent.
    api::MemberFields fields() const;
    // False while the member is read or saved.
    bool isReady() const;
    QPushButton *okButton() const { return m_okButton; }
    MessageBanner *banner() const { return m_banner; }

Q_SIGNALS:
    void saved(const engage::api::Member &member);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct AttributeField
    {
        api::Attribute attribute;
        QLabel *label = nullptr;
        QCheckBox *dateKnown = nullptr; // Date: the label, ticked when there is a date
        QComboBox *choice = nullptr;    // Choice
        QDateEdit *date = nullptr;      // Date
        QLineEdit *text = nullptr;      // Number, Text
        QLabel *problem = nullptr;
        QWidget *field() const;
        QString value() const;
        void setValue(const QString &value);
    };

    void buildAttributeFields();
    void retranslateUi();
    void setFields(const api::MemberFields &fields);
    void validate();
    void setBusy(bool busy);
    void onLoaded(const api::Member &member);
    void onOkClicked();
    void onFailed(const models::ApiError &error, const QString &field);
    void onStaleEdit();

    models::MemberForm *m_form;
    bool m_loaded = false;
    bool m_busy = false;
    MessageBanner *m_banner;
    QLabel *m_status;
    QGroupBox *m_identityBox;
    QGroupBox *m_nameBox;
    QGroupBox *m_placementBox;
    QGroupBox *m_employmentBox;
    QGroupBox *m_attributesBox;
    QGroupBox *m_memoBox;
    QLabel *m_codeLabel;
    QLineEdit *m_code;
    QLabel *m_codeProblem;
    QLabel *m_emailLabel;
    QLineEdit *m_email;
    QLabel *m_emailProblem;
    QLabel *m_familyNameLabel;
    QLineEdit *m_familyName;
    QLabel *m_familyNameProblem;
    QLabel *m_givenNameLabel;
    QLineEdit *m_givenName;
    QLabel *m_givenNameProblem;
    QLabel *m_groupLabel;
    GroupPicker *m_group;
    QLabel *m_statusLabel;
    QComboBox *m_memberStatus;
    QCheckBox *m_deliver;
    QLabel *m_languageLabel;
    QComboBox *m_language; // item data: -1 for the company's, else api::Language
    QDateEdit *m_hireDate;
    QCheckBox *m_hireDateKnown; // after the date it enables
    QDateEdit *m_birthDate;
    QCheckBox *m_birthDateKnown;
    QLabel *m_birthDateProblem;
    QLabel *m_employmentTypeLabel;
    QLineEdit *m_employmentType;
    QLabel *m_gradeLabel;
    QLineEdit *m_grade;
    QLabel *m_positionLabel;
    QLineEdit *m_position;
    QLabel *m_jobCategoryLabel;
    QLineEdit *m_jobCategory;
    QLabel *m_textProblem; // one note for the four employment texts
    QPlainTextEdit *m_memo;
    QLabel *m_memoProblem;
    QList<AttributeField> m_attributes;
    QDialogButtonBox *m_buttons;
    QPushButton *m_okButton;
    // Set when the service refused a value: shown until that field changes.
    QString m_refusedEmail;
    QString m_refusedCode;
};

} // namespace engage::ui
