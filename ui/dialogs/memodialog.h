#pragma once

#include "api/dashboard.h"
#include "models/apierror.h"

#include <QDialog>
#include <optional>

class QCheckBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace engage::ui {

class MessageBanner;

// A memo on the dashboard's trend: its day, up to 140 characters of text,
// and whether the whole company sees it or only its author. A new memo, or
// one of the caller's own to change or delete; someone else's shared memo
// opens read-only. Save stays disabled until the memo passes the service's
// rules (api::validateMemoFields), with the reason beneath the text and a
// count of the characters. Saving and deleting do not close the dialog: it
// asks (saveRequested; deleteRequested, which the caller confirms) and waits
// (setBusy) until the caller closes it or shows why the service refused.
class MemoDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemoDialog)

public:
    // `memo` empty: a new memo on `date`.
    MemoDialog(const std::optional<api::Memo> &memo, const QDate &date, QWidget *parent = nullptr);

    // Normalised as the service expects (text trimmed).
    api::MemoFields fields() const;
    const std::optional<api::Memo> &memo() const { return m_memo; }
    bool isReadOnly() const { return m_readOnly; }
    // What is wrong with the memo as typed, translated; empty when it may be saved.
    QString problem() const;

    void setBusy(bool busy);
    bool isBusy() const { return m_busy; }
    void showError(const models::ApiError &error);

    // For tests.
    QDateEdit *dateEdit() const { return m_date; }
    QLineEdit *textField() const { return m_text; }
    QCheckBox *sharedBox() const { return m_shared; }
    QLabel *countLabel() const { return m_count; }
    QPushButton *saveButton() const { return m_saveButton; }
    QPushButton *deleteButton() const { return m_deleteButton; }

Q_SIGNALS:
    void saveRequested(const engage::api::MemoFields &fields);
    void deleteRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void validate();

    const std::optional<api::Memo> m_memo;
    const bool m_readOnly;
    bool m_busy = false;
    MessageBanner *m_banner;
    QLabel *m_intro;
    QLabel *m_dateLabel;
    QDateEdit *m_date;
    QLabel *m_textLabel;
    QLineEdit *m_text;
    QLabel *m_count;
    QLabel *m_textProblem;
    QCheckBox *m_shared;
    QLabel *m_author;
    QDialogButtonBox *m_buttons;
    QPushButton *m_saveButton;
    QPushButton *m_deleteButton;
};

} // namespace engage::ui
