#pragma once

#include "api/attribute.h"
#include "models/apierror.h"

#include <QDialog>
#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace engage::ui {

class MessageBanner;

// Defines an attribute or changes one: its name in Japanese and in English,
// its type and, for type choice, its choices (added, renamed in place,
// removed and reordered in a list). The save button stays disabled until the
// fields pass the service's own rules (api::validateAttributeFields and the
// rules of each field), with the reason beside the field. Saving does not
// close the dialog: saveRequested() is emitted and the dialog waits (setBusy)
// until the caller closes it or shows why the service refused (showMessage),
// so nothing typed is lost.
class AttributeDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AttributeDialog)

public:
    // `existing` empty: a new attribute.
    explicit AttributeDialog(const std::optional<api::AttributeFields> &existing,
                             QWidget *parent = nullptr);

    // Normalised as the service expects them (trimmed; no choices unless type choice).
    api::AttributeFields fields() const;
    bool isEditing() const { return m_editing; }

    void setBusy(bool busy);
    bool isBusy() const { return m_busy; }
    // The service refused: the dialog stays open for a correction. `text`
    // already translated.
    void showMessage(const QString &text);
    void showError(const models::ApiError &error);

    // For tests: the choices editor.
    QListWidget *choicesList() const { return m_choices; }
    QLineEdit *newChoiceField() const { return m_newChoice; }
    QPushButton *saveButton() const { return m_saveButton; }

Q_SIGNALS:
    void saveRequested(const engage::api::AttributeFields &fields);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslateUi();
    void validate();
    void updateChoiceButtons();
    void addChoice();
    void removeChoice();
    void moveChoice(int offset);
    void onSaveClicked();
    QStringList choiceTexts() const;

    bool m_editing;
    bool m_busy = false;
    MessageBanner *m_banner;
    QLabel *m_intro;
    QLabel *m_nameJaLabel;
    QLineEdit *m_nameJa;
    QLabel *m_nameJaProblem;
    QLabel *m_nameEnLabel;
    QLineEdit *m_nameEn;
    QLabel *m_nameEnProblem;
    QLabel *m_typeLabel;
    QComboBox *m_type;
    QLabel *m_typeHint;
    QLabel *m_choicesLabel;
    QWidget *m_choicesBox;
    QListWidget *m_choices;
    QLineEdit *m_newChoice;
    QPushButton *m_addChoice;
    QPushButton *m_removeChoice;
    QPushButton *m_upChoice;
    QPushButton *m_downChoice;
    QLabel *m_choicesProblem;
    QLabel *m_progress;
    QDialogButtonBox *m_buttons;
    QPushButton *m_saveButton;
};

} // namespace engage::ui
