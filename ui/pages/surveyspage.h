#pragma once

#include "api/mail.h"
#include "api/survey.h"
#include "models/apierror.h"
#include "models/surveys/surveylistmodel.h"

#include <QPointer>
#include <QWidget>
#include <optional>

class QAction;
class QLabel;
class QTabWidget;
class QTableView;
class QTextBrowser;

namespace engage::models {
class ApiClient;
class GroupTreeModel;
class Session;
class SurveyTestMail;
} // namespace engage::models

namespace engage::ui {

class ExportController;
class ExtendDialog;
class MessageBanner;
class PageAccess;
class RoundView;
class SurveyBuilder;
class SurveyResultsView;

// The company's surveys (issue 7): a table (name in the UI language, kind,
// status, response rate of the open round, next delivery) beside a detail
// pane (names, questions, delivery settings, targets, the open round's
// progress and the upcoming rounds), and what can be done with them: a new
// pulse or custom survey (created as a draft and opened in the builder),
// edit (a draft in the builder; a published survey opens read-only),
// publish after a confirmation that sums the survey up, close an open round
// early or extend it, delete a draft, send a draft's invitation to oneself
// as a test, and Export to Excel… of every survey's definition and
// questions (SurveyExportSource). The latest round (RoundView: the response
// rate per group, live while open; "remind now"; the delivery log) is a tab
// of its own. Everyone signed in reads the list (as the service lets them)
// and exports it; owners and admins alone are offered the changes and the
// round.
class SurveysPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SurveysPage)

public:
    SurveysPage(models::ApiClient &client, models::Session &session, QWidget *parent = nullptr);
    ~SurveysPage() override;

    // For tests and the screenshot tool.
    models::SurveyListModel &model() const { return *m_model; }
    models::GroupTreeModel &groupModel() const { return *m_groups; }
    QTableView *view() const { return m_view; }
    QTextBrowser *detailPane() const { return m_detail; }
    SurveyResultsView *resultsPane() const { return m_results; }
    RoundView *roundPane() const { return m_round; }
    QTabWidget *panes() const { return m_panes; }
    MessageBanner *banner() const { return m_banner; }
    QAction *newPulseAction() const { return m_newPulseAction; }
    QAction *newCustomAction() const { return m_newCustomAction; }
    QAction *editAction() const { return m_editAction; }
    QAction *publishAction() const { return m_publishAction; }
    QAction *closeRoundAction() const { return m_closeAction; }
    QAction *extendAction() const { return m_extendAction; }
    QAction *deleteAction() const { return m_deleteAction; }
    QAction *sendTestAction() const { return m_testAction; }
    QAction *reloadAction() const { return m_reloadAction; }
    ExportController *exportController() const { return m_export; }
    SurveyBuilder *builder() const;
    ExtendDialog *extendDialog() const;
    bool selectSurvey(const QString &surveyId);
    QString selectedSurveyId() const;

public Q_SLOTS:
    void reload();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateAccess(bool load);
    void updateActions();
    void updateDetail();
    const api::Survey *selectedSurvey() const;
    void createSurvey(api::SurveyKind kind);
    // `known`: the survey as just read (created), so that it is not read again.
    void openBuilder(const QString &surveyId, const api::Survey *known = nullptr);
    void confirmPublishing(const api::Survey &survey, QWidget *over);
    void onExtend();
    void onCloseRound();
    void onDelete();
    // "Send a test to myself", in the UI language.
    void sendTest(const api::Survey &survey, bool fromBuilder);
    void onTestAnswered(const QString &surveyId, const api::MailTestResult &result);
    void onTestFailed(const QString &surveyId, const models::ApiError &error);
    // Where the test's outcome shows: the builder that asked, or the page.
    MessageBanner *testBanner(const QString &surveyId) const;
    void onDone(models::SurveyListModel::Action action, const QString &surveyId);
    void onStale(models::SurveyListModel::Action action, const QString &surveyId);
    void onActionFailed(models::SurveyListModel::Action action, const QString &surveyId,
                        const models::ApiError &error);

    models::ApiClient &m_client;
    models::Session &m_session;
    PageAccess *m_access;
    models::SurveyListModel *m_model;
    models::GroupTreeModel *m_groups;
    MessageBanner *m_banner;
    QLabel *m_intro;
    QTableView *m_view;
    QTextBrowser *m_detail;
    // The details, and the results of a custom survey's latest round
    // (owners, admins and managers: the service shows viewers none).
    SurveyResultsView *m_results;
    // The latest round as it runs (owners and admins).
    RoundView *m_round;
    models::SurveyTestMail *m_testMail;
    QTabWidget *m_panes;
    QWidget *m_content;
    QAction *m_newPulseAction;
    QAction *m_newCustomAction;
    QAction *m_editAction;
    QAction *m_publishAction;
    QAction *m_closeAction;
    QAction *m_extendAction;
    QAction *m_deleteAction;
    QAction *m_reloadAction;
    QAction *m_testAction;
    // Every survey's definition and questions, to .xlsx.
    ExportController *m_export;
    QPointer<SurveyBuilder> m_builder;
    QPointer<ExtendDialog> m_extendDialog;
    QString m_selectedId;   // kept across a reload
    QString m_resultsRound; // the round m_results shows
    bool m_testFromBuilder = false;
    bool m_mayEdit = false; // owners and admins
};

} // namespace engage::ui
