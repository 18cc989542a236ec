#pragma once

#include "api/survey.h"
#include "models/surveys/draftautosaver.h"
#include "ui/surveys/bankpickerdialog.h"

#include <QDialog>
#include <QPointer>
#include <optional>

class QAction;
class QLabel;
class QLineEdit;
class QListView;
class QMenu;
class QPushButton;
class QTabWidget;
class QTextBrowser;
class QToolButton;

namespace engage::models {
class AnonymityThreshold;
class ApiClient;
class AttributeListModel;
class GroupTreeModel;
class QuestionBankModel;
class SurveyDocument;
class TargetCounter;
} // namespace engage::models

namespace engage::ui {

class DeliveryEditor;
class MessageBanner;
class QuestionEditor;

// The survey builder, a window of its own over the Surveys page: the name
// in both languages; the questions (a list reordered by drag and drop or
// Alt+Up/Alt+Down, added from the bank or written anew, each edited in both
// languages side by side) with a live preview as respondents will see it in
// Japanese and in English; the delivery settings with their calendar and the
// members they reach. Every edit can be undone (Ctrl+Z, Ctrl+Shift+Z). A
// draft saves itself a moment after each change (DraftAutosaver); when
// someone else saved it meanwhile, the person chooses between their version
// and their own, and loses neither without deciding. Problems are explained
// beside the field they concern, the one that would stop publishing at the
// bottom. A published survey opens read-only.
class SurveyBuilder final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SurveyBuilder)

public:
    SurveyBuilder(models::ApiClient &client, QWidget *parent = nullptr);
    ~SurveyBuilder() override;

    // Reads the survey and shows it.
    void open(const QString &surveyId);
    // Shows a survey already read (just created).
    void start(const api::Survey &survey);
    QString surveyId() const;
    bool isReady() const;
    // Read-only whatever the survey's status (someone who may not change surveys).
    void setReadOnly(bool readOnly);
    // A draft opened by someone who may change it.
    bool isEditable() const;

    // For tests and the screenshot tool.
    models::SurveyDocument &document() const { return *m_document; }
    models::DraftAutosaver &autosaver() const { return *m_autosaver; }
    models::GroupTreeModel &groupModel() const { return *m_groups; }
    models::TargetCounter &targetCounter() const { return *m_counter; }
    QListView *questionView() const { return m_questionView; }
    QuestionEditor *questionEditor() const { return m_editor; }
    DeliveryEditor *deliveryEditor() const { return m_delivery; }
    QTabWidget *tabs() const { return m_tabs; }
    QLineEdit *nameField(bool japanese) const { return japanese ? m_nameJa : m_nameEn; }
    QLabel *nameProblemLabel() const { return m_nameProblem; }
    QLabel *publishProblemLabel() const { return m_publishProblem; }
    QLabel *saveStatusLabel() const { return m_status; }
    QTextBrowser *preview(bool japanese) const { return japanese ? m_previewJa : m_previewEn; }
    MessageBanner *banner() const { return m_banner; }
    QAction *undoAction() const { return m_undo; }
    QAction *redoAction() const { return m_redo; }
    QAction *moveUpAction() const { return m_moveUp; }
    QAction *moveDownAction() const { return m_moveDown; }
    QAction *addFromBankAction() const { return m_addFromBank; }
    QAction *removeAction() const { return m_remove; }
    QAction *publishAction() const { return m_publish; }
    QAction *sendTestAction() const { return m_sendTest; }
    QMenu *addQuestionMenu() const { return m_addMenu; }
    BankPickerDialog *bankPicker() const { return m_bankPicker; }
    // The problem publishing would meet now, if any.
    std::optional<api::Error> publishingProblem() const;

Q_SIGNALS:
    // Saved and valid for publishing: the page asks for confirmation and publishes.
    void publishRequested(const engage::api::Survey &survey);
    // Saved: the page mails the person a test invitation ("send a test to
    // myself") and shows the outcome in this window's banner.
    void testRequested(const engage::api::Survey &survey);
    // Each save the service agreed to (the page's list shows it).
    void surveySaved(const engage::api::Survey &survey);

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void retranslateUi();
    void onOpened();
    void onDocumentChanged();
    void onStateChanged();
    void onConflict();
    void updateActions();
    void updateProblems();
    void updatePreview();
    void selectQuestion(int row);
    int currentRow() const;
    void moveCurrent(int by);
    void openBankPicker();
    void showProblemField();
    void requestPublishing();
    void requestTest();

    models::ApiClient &m_client;
    models::SurveyDocument *m_document;
    models::DraftAutosaver *m_autosaver;
    models::AnonymityThreshold *m_threshold; // the preview's
    models::GroupTreeModel *m_groups;
    models::AttributeListModel *m_attributes;
    models::TargetCounter *m_counter;
    models::QuestionBankModel *m_bank;

    MessageBanner *m_banner;
    QLabel *m_nameJaLabel;
    QLabel *m_nameEnLabel;
    QLineEdit *m_nameJa;
    QLineEdit *m_nameEn;
    QLabel *m_nameProblem;
    QTabWidget *m_tabs;
    QWidget *m_questionsTab;
    QLabel *m_pulseNote;
    QWidget *m_listPanel;
    QListView *m_questionView;
    QuestionEditor *m_editor;
    QLabel *m_previewJaLabel;
    QLabel *m_previewEnLabel;
    QTextBrowser *m_previewJa;
    QTextBrowser *m_previewEn;
    DeliveryEditor *m_delivery;
    QLabel *m_status;
    QLabel *m_publishProblem;
    QToolButton *m_addButton;
    QMenu *m_addMenu;
    QList<QAction *> m_addTypeActions;
    QAction *m_undo;
    QAction *m_redo;
    QAction *m_addFromBank;
    QAction *m_remove;
    QAction *m_moveUp;
    QAction *m_moveDown;
    QAction *m_publish;
    QAction *m_sendTest;
    QPushButton *m_publishButton;
    QPushButton *m_closeButton;
    QList<QPushButton *> m_buttons;
    QPointer<BankPickerDialog> m_bankPicker;
    std::optional<api::Error> m_problem;
    bool m_readOnly = false;
    bool m_publishWhenSaved = false;
    bool m_testWhenSaved = false;
    bool m_closeWhenSaved = false;
};

} // namespace engage::ui
