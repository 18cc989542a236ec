#include "surveyspage.h"

#include "dialogs/confirmation.h"
#include "dialogs/errordialog.h"
#include "export/exportcontroller.h"
#include "models/dashboard/dashboardtext.h"
#include "models/export/surveyexportsource.h"
#include "models/grouptreemodel.h"
#include "models/session.h"
#include "models/surveys/surveytestmail.h"
#include "models/surveys/surveytext.h"
#include "surveys/deliveryeditor.h"
#include "surveys/extenddialog.h"
#include "surveys/roundview.h"
#include "surveys/surveybuilder.h"
#include "surveys/surveyresultsview.h"
#include "surveys/surveysummary.h"
#include "widgets/messagebanner.h"
#include "widgets/pageaccess.h"
#include "widgets/pageactions.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QTimeZone>
#include <QVBoxLayout>

namespace engage::ui {

using models::SurveyListModel;
using models::SurveyText;
using Action = SurveyListModel::Action;

namespace {

// What a new survey starts from: names in both languages (the company's
// texts, not the window's, so both are set whatever the UI language), the
// first delivery next Monday at 9:00 Tokyo time, a week to answer.
api::SurveyDefinition newDefinition(api::SurveyKind kind)
{
    api::SurveyDefinition definition;
    definition.kind = kind;
    definition.name =
        kind == api::SurveyKind::Pulse
            ? api::LocalizedText{QStringLiteral("エンゲージメント・パルス"),
                                 QStringLiteral("Engagement pulse")}
            : api::LocalizedText{QStringLiteral("新しいアンケート"), QStringLiteral("New survey")};
    const QDate today = QDateTime::currentDateTimeUtc()
                            .toTimeZone(QTimeZone(api::kDefaultTimeZone.toLatin1()))
                            .date();
    definition.delivery.startDate = today.addDays(8 - today.dayOfWeek());
    return definition;
}

} // namespace

SurveysPage::SurveysPage(models::ApiClient &client, models::Session &session, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_session(session)
    , m_access(new PageAccess(session, PageAccess::Audience::SignedIn, this))
    , m_model(new SurveyListModel(client, this))
    , m_groups(new models::GroupTreeModel(client, this))
    , m_banner(new MessageBanner(this))
    , m_intro(new QLabel(this))
    , m_view(new QTableView(this))
    , m_detail(new QTextBrowser(this))
    , m_results(new SurveyResultsView(client, this))
    , m_round(new RoundView(client, this))
    , m_testMail(new models::SurveyTestMail(client, this))
    , m_panes(new QTabWidget(this))
    , m_content(new QWidget(this))
    , m_newPulseAction(pageAction(QKeySequence::New, this))
    , m_newCustomAction(pageAction(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), this))
    , m_editAction(pageAction(Qt::Key_F2, this))
    , m_publishAction(pageAction(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), this))
    , m_closeAction(pageAction(QKeySequence(), this))
    , m_extendAction(pageAction(QKeySequence(), this))
    , m_deleteAction(pageAction(QKeySequence::Delete, this))
    , m_reloadAction(pageAction(QKeySequence::Refresh, this))
    , m_testAction(pageAction(QKeySequence(), this))
    , m_export(new ExportController(
          this,
          [this] {
              return std::make_unique<models::SurveyExportSource>(m_client, m_session.tenant(),
                                                                  QString());
          },
          ExportController::Formats::XlsxOnly, [this] { return m_session.tenant(); }))
{
    m_intro->setWordWrap(true);

    m_view->setObjectName(QStringLiteral("surveyTable"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(SurveyListModel::NameColumn, QHeaderView::Stretch);
    m_detail->setObjectName(QStringLiteral("surveyDetail"));
    m_detail->setOpenLinks(false);

    QList<QWidget *> buttons;
    auto *buttonRow = new QHBoxLayout;
    for (QAction *action : {m_newPulseAction, m_newCustomAction, m_editAction, m_testAction,
                            m_publishAction, m_closeAction, m_extendAction, m_deleteAction}) {
        m_view->addAction(action);
        buttons.append(buttonFor(action, this));
        buttonRow->addWidget(buttons.constLast());
    }
    buttons.append(buttonFor(m_export->action(), this));
    buttonRow->addWidget(buttons.constLast());
    buttonRow->addStretch();
    buttons.append(buttonFor(m_reloadAction, this));
    buttonRow->addWidget(buttons.constLast());

    auto *splitter = new QSplitter(m_content);
    splitter->setChildrenCollapsible(false);
    m_panes->addTab(m_detail, QString());
    m_panes->addTab(m_results, QString());
    m_panes->addTab(m_round, QString());
    splitter->addWidget(m_view);
    splitter->addWidget(m_panes);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    // The table gets the room its five columns need; the pane the rest.
    splitter->setSizes({600, 400});
    auto *contentLayout = new QVBoxLayout(m_content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addLayout(buttonRow);
    contentLayout->addWidget(splitter, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_intro);
    layout->addWidget(m_content, 1);

    QList<QWidget *> order = buttons;
    order << m_view << m_panes;
    QWidget *previous = order.takeFirst();
    for (QWidget *next : std::as_const(order)) {
        setTabOrder(previous, next);
        previous = next;
    }

    connect(m_newPulseAction, &QAction::triggered, this,
            [this] { createSurvey(api::SurveyKind::Pulse); });
    connect(m_newCustomAction, &QAction::triggered, this,
            [this] { createSurvey(api::SurveyKind::Custom); });
    connect(m_editAction, &QAction::triggered, this, [this] {
        if (const api::Survey *survey = selectedSurvey())
            openBuilder(survey->id);
    });
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (m_access->hasAccess())
            openBuilder(m_model->surveyAt(index.row()).id);
    });
    connect(m_publishAction, &QAction::triggered, this, [this] {
        if (const api::Survey *survey = selectedSurvey())
            confirmPublishing(*survey, this);
    });
    connect(m_testAction, &QAction::triggered, this, [this] {
        if (const api::Survey *survey = selectedSurvey())
            sendTest(*survey, false);
    });
    connect(m_testMail, &models::SurveyTestMail::sendingChanged, this, &SurveysPage::updateActions);
    connect(m_testMail, &models::SurveyTestMail::answered, this, &SurveysPage::onTestAnswered);
    connect(m_testMail, &models::SurveyTestMail::failed, this, &SurveysPage::onTestFailed);
    connect(m_closeAction, &QAction::triggered, this, &SurveysPage::onCloseRound);
    connect(m_extendAction, &QAction::triggered, this, &SurveysPage::onExtend);
    connect(m_deleteAction, &QAction::triggered, this, &SurveysPage::onDelete);
    connect(m_reloadAction, &QAction::triggered, this, &SurveysPage::reload);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (const api::Survey *survey = selectedSurvey())
            m_selectedId = survey->id;
        updateActions();
        updateDetail();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        if (!m_selectedId.isEmpty())
            selectSurvey(m_selectedId);
        updateActions();
        updateDetail();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        updateActions();
        updateDetail();
    });
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_model, signal, this, &SurveysPage::updateActions);
    connect(m_model, &SurveyListModel::loadingChanged, this, &SurveysPage::updateActions);
    connect(m_model, &SurveyListModel::created, this, [this](const api::Survey &survey) {
        selectSurvey(survey.id);
        openBuilder(survey.id, &survey);
    });
    connect(m_model, &SurveyListModel::done, this, &SurveysPage::onDone);
    connect(m_model, &SurveyListModel::removed, this, [this] {
        m_banner->showMessage(MessageBanner::Level::Information, tr("The draft was deleted."));
    });
    connect(m_model, &SurveyListModel::staleAction, this, &SurveysPage::onStale);
    connect(m_model, &SurveyListModel::actionFailed, this, &SurveysPage::onActionFailed);
    connect(m_model, &SurveyListModel::failed, this,
            [this](const models::ApiError &error) { reportPageFailure(this, *m_banner, error); });
    connect(m_groups, &models::GroupTreeModel::loaded, this, &SurveysPage::updateDetail);
    connect(m_groups, &models::GroupTreeModel::loaded, this, [this] {
        m_results->setGroups(m_groups->entries());
        m_round->setGroups(m_groups->entries());
    });
    connect(m_access, &PageAccess::changed, this, &SurveysPage::updateAccess);

    retranslateUi();
    m_access->update();
}

SurveysPage::~SurveysPage()
{
    // The builder is a window of its own; it goes with the page.
    delete m_builder.data();
}

SurveyBuilder *SurveysPage::builder() const
{
    return m_builder;
}

ExtendDialog *SurveysPage::extendDialog() const
{
    return m_extendDialog;
}

bool SurveysPage::selectSurvey(const QString &surveyId)
{
    const int row = m_model->rowOf(surveyId);
    if (row < 0)
        return false;
    const QModelIndex index = m_model->index(row, 0);
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    return true;
}

QString SurveysPage::selectedSurveyId() const
{
    const api::Survey *survey = selectedSurvey();
    return survey ? survey->id : QString();
}

const api::Survey *SurveysPage::selectedSurvey() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty() || rows.constFirst().row() >= m_model->rowCount())
        return nullptr;
    return &m_model->surveyAt(rows.constFirst().row());
}

void SurveysPage::reload()
{
    if (!m_access->hasAccess())
        return;
    m_banner->hide();
    m_model->reload();
    m_groups->reload();
    if (!m_round->roundId().isEmpty())
        m_round->reload();
}

void SurveysPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void SurveysPage::retranslateUi()
{
    setWindowTitle(tr("Surveys"));
    m_intro->setText(tr("Engagement pulses and your own surveys. A new survey starts as a draft "
                        "that saves itself as you edit it; once published it goes out on its "
                        "schedule."));
    m_newPulseAction->setText(tr("New &Pulse"));
    m_newPulseAction->setToolTip(
        withShortcut(tr("Create an engagement pulse from the question bank"), m_newPulseAction));
    m_newCustomAction->setText(tr("New &Custom Survey"));
    m_newCustomAction->setToolTip(
        withShortcut(tr("Create a survey with questions of your own"), m_newCustomAction));
    m_editAction->setText(tr("&Edit…"));
    m_editAction->setToolTip(withShortcut(
        tr("Open the selected survey in the builder (read-only once published)"), m_editAction));
    m_publishAction->setText(tr("P&ublish…"));
    m_publishAction->setToolTip(
        withShortcut(tr("Publish the selected draft, after a summary"), m_publishAction));
    m_closeAction->setText(tr("C&lose Round…"));
    m_closeAction->setToolTip(tr("End the open round now"));
    m_extendAction->setText(tr("E&xtend…"));
    m_extendAction->setToolTip(tr("Give members more days to answer the open round"));
    m_deleteAction->setText(tr("&Delete Draft…"));
    m_deleteAction->setToolTip(withShortcut(tr("Delete the selected draft"), m_deleteAction));
    m_testAction->setText(tr("Send Te&st to Myself"));
    m_testAction->setToolTip(tr("Mail yourself the selected draft's invitation, in the language "
                                "of this window: its link opens a preview that records nothing"));
    m_reloadAction->setText(tr("Rel&oad"));
    m_reloadAction->setToolTip(
        withShortcut(tr("Load the list again from the service"), m_reloadAction));
    m_view->setAccessibleName(tr("Surveys"));
    m_detail->setAccessibleName(tr("Survey details"));
    m_panes->setTabText(m_panes->indexOf(m_detail), tr("De&tails"));
    m_panes->setTabText(m_panes->indexOf(m_results), tr("&Results"));
    //: The tab of a survey's latest round: answers by group, reminders, the delivery log.
    m_panes->setTabText(m_panes->indexOf(m_round), tr("Round &Activity"));
    updateDetail();
}

void SurveysPage::updateAccess(bool load)
{
    const auto &me = m_session.person();
    const api::Role role = me ? me->role : api::Role::Viewer;
    // The service's rules, so that the page never offers what it would refuse.
    m_mayEdit = m_access->hasAccess() && (role == api::Role::Owner || role == api::Role::Admin);
    m_access->showContent({m_intro, m_content}, {m_editAction, m_reloadAction});
    for (QAction *action : {m_newPulseAction, m_newCustomAction, m_publishAction, m_closeAction,
                            m_extendAction, m_deleteAction, m_testAction})
        action->setVisible(m_mayEdit);
    m_access->rejectWithoutAccess({m_builder, m_extendDialog});
    if (m_extendDialog && !m_mayEdit)
        m_extendDialog->reject();
    if (load)
        reload();
    updateActions();
}

void SurveysPage::updateActions()
{
    const bool hasAccess = m_access->hasAccess();
    const api::Survey *survey = hasAccess ? selectedSurvey() : nullptr;
    const bool draft = survey && survey->status == api::SurveyStatus::Draft;
    const bool open = survey && survey->status == api::SurveyStatus::Open && survey->openRound;
    m_newPulseAction->setEnabled(m_mayEdit);
    m_newCustomAction->setEnabled(m_mayEdit);
    m_editAction->setEnabled(survey != nullptr);
    m_publishAction->setEnabled(m_mayEdit && draft);
    m_closeAction->setEnabled(m_mayEdit && open);
    m_extendAction->setEnabled(m_mayEdit && open);
    m_deleteAction->setEnabled(m_mayEdit && draft);
    m_testAction->setEnabled(m_mayEdit && draft && !m_testMail->isSending());
    m_reloadAction->setEnabled(hasAccess && !m_model->isLoading());
    m_export->action()->setEnabled(hasAccess);
}

void SurveysPage::updateDetail()
{
    const api::Survey *survey = selectedSurvey();
    if (!survey) {
        m_panes->setTabEnabled(m_panes->indexOf(m_results), false);
        m_panes->setTabEnabled(m_panes->indexOf(m_round), false);
        m_round->showRound(QString(), false);
        m_detail->setHtml(QStringLiteral("<p>%1</p>")
                              .arg(tr("Choose a survey to see its details.").toHtmlEscaped()));
        return;
    }
    m_detail->setHtml(SurveySummary::detailHtml(*survey, m_groups));
    const auto &me = m_session.person();
    const bool readsResults = me && me->role != api::Role::Viewer;
    const bool hasResults =
        readsResults && survey->definition.kind == api::SurveyKind::Custom && survey->latestRoundId;
    m_panes->setTabEnabled(m_panes->indexOf(m_results), hasResults);
    if (hasResults && *survey->latestRoundId != m_resultsRound) {
        m_resultsRound = *survey->latestRoundId;
        m_results->showRound(m_resultsRound);
    }
    // The service shows a round's progress and deliveries to owners and admins.
    const bool hasRound = m_mayEdit && survey->latestRoundId;
    m_panes->setTabEnabled(m_panes->indexOf(m_round), hasRound);
    const bool open =
        hasRound && survey->openRound && survey->openRound->roundId == *survey->latestRoundId;
    m_round->showRound(hasRound ? *survey->latestRoundId : QString(), open);
}

void SurveysPage::createSurvey(api::SurveyKind kind)
{
    m_banner->hide();
    m_model->create(newDefinition(kind));
}

void SurveysPage::openBuilder(const QString &surveyId, const api::Survey *known)
{
    if (m_builder && m_builder->surveyId() == surveyId) {
        m_builder->raise();
        m_builder->activateWindow();
        return;
    }
    if (m_builder)
        m_builder->close();
    if (m_builder && m_builder->isVisible())
        return; // its unsaved changes are being saved or asked about
    delete m_builder.data();
    m_builder = new SurveyBuilder(m_client, window());
    connect(m_builder, &SurveyBuilder::surveySaved, m_model, &SurveyListModel::store);
    connect(m_builder, &SurveyBuilder::publishRequested, this,
            [this](const api::Survey &survey) { confirmPublishing(survey, m_builder); });
    connect(m_builder, &SurveyBuilder::testRequested, this,
            [this](const api::Survey &survey) { sendTest(survey, true); });
    m_builder->setReadOnly(!m_mayEdit);
    // A published survey no longer changes: the list's copy is the survey.
    // A draft is read again, as someone may be editing it.
    const api::Survey *listed = m_model->survey(surveyId);
    if (!known && listed && listed->status != api::SurveyStatus::Draft)
        known = listed;
    if (known)
        m_builder->start(*known);
    else
        m_builder->open(surveyId);
    m_builder->show();
}

void SurveysPage::confirmPublishing(const api::Survey &survey, QWidget *over)
{
    if (const auto problem = api::validateForPublishing(survey.definition)) {
        m_banner->showMessage(MessageBanner::Level::Warning,
                              tr("“%1” cannot be published yet: %2")
                                  .arg(SurveyText::surveyName(survey.definition.name),
                                       SurveyText::problemText(*problem)));
        m_banner->setAction(tr("Edit"), [this, id = survey.id] { openBuilder(id); });
        return;
    }
    std::optional<int> population;
    if (m_builder && m_builder->surveyId() == survey.id)
        population = m_builder->deliveryEditor()->population();
    auto *box =
        new QMessageBox(QMessageBox::Question, tr("Publish Survey"),
                        tr("Publish “%1”?").arg(SurveyText::surveyName(survey.definition.name)),
                        QMessageBox::Cancel, over);
    box->setObjectName(QStringLiteral("publishConfirmation"));
    box->setTextFormat(Qt::PlainText);
    box->setInformativeText(SurveySummary::publishingText(survey.definition, m_groups, population));
    QPushButton *publish = box->addButton(tr("&Publish"), QMessageBox::AcceptRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setEscapeButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, publish, survey] {
        if (box->clickedButton() != publish)
            return;
        // The revision the person confirmed: what they saw is what goes out.
        m_model->store(survey);
        m_model->publish(survey.id);
    });
    box->open();
}

void SurveysPage::sendTest(const api::Survey &survey, bool fromBuilder)
{
    if (m_testMail->isSending())
        return;
    m_testFromBuilder = fromBuilder;
    testBanner(survey.id)->hide();
    m_testMail->send(survey.id, models::DashboardText::japaneseUi());
}

MessageBanner *SurveysPage::testBanner(const QString &surveyId) const
{
    if (m_testFromBuilder && m_builder && m_builder->isVisible() &&
        m_builder->surveyId() == surveyId)
        return m_builder->banner();
    return m_banner;
}

void SurveysPage::onTestAnswered(const QString &surveyId, const api::MailTestResult &result)
{
    const auto &me = m_session.person();
    const QString address = me ? me->email : QString();
    const api::Survey *survey = m_model->survey(surveyId);
    const QString name = survey ? SurveyText::surveyName(survey->definition.name) : QString();
    MessageBanner *banner = testBanner(surveyId);
    switch (result.outcome) {
    case api::MailTestOutcome::Sent:
        banner->showMessage(MessageBanner::Level::Information,
                            tr("A test invitation to “%1” was sent to %2. Its link opens a "
                               "preview that records nothing.")
                                .arg(name, address));
        return;
    case api::MailTestOutcome::Refused:
        //: %1 the person's address, %2 the mail server's answer (English, as it gave it).
        banner->showMessage(MessageBanner::Level::Warning,
                            tr("The mail server refused the test invitation to %1. Check the "
                               "SMTP settings and your address. Its answer: %2")
                                .arg(address, result.detail));
        return;
    case api::MailTestOutcome::Transient:
        banner->showMessage(MessageBanner::Level::Warning,
                            tr("The mail server could not take the test invitation to %1 just "
                               "now; try again in a moment. Its answer: %2")
                                .arg(address, result.detail));
        banner->setAction(tr("Try Again"), [this, surveyId] {
            if (const api::Survey *again = m_model->survey(surveyId))
                sendTest(*again, m_testFromBuilder);
        });
        return;
    }
}

void SurveysPage::onTestFailed(const QString &surveyId, const models::ApiError &error)
{
    if (error.isUnauthenticated() || error.kind == models::ApiError::Kind::Cancelled)
        return;
    MessageBanner *banner = testBanner(surveyId);
    if (models::SurveyTestMail::isNoMailServer(error)) {
        banner->showMessage(MessageBanner::Level::Warning,
                            tr("No mail server is set up for your company yet, so the test "
                               "invitation could not be sent. An owner or administrator saves "
                               "the company's SMTP settings (its mail server) first."));
        return;
    }
    if (banner == m_banner)
        reportPageFailure(this, *m_banner, error);
    else
        banner->showError(error);
}

void SurveysPage::onExtend()
{
    const api::Survey *survey = selectedSurvey();
    if (!survey || !survey->openRound || m_extendDialog)
        return;
    const QTimeZone zone(survey->definition.delivery.timeZone.toLatin1());
    const QDate lastDay = survey->openRound->closesAt.toTimeZone(zone).date();
    const QDate firstDay = lastDay.addDays(1 - survey->definition.delivery.periodDays);
    auto *dialog =
        new ExtendDialog(SurveyText::surveyName(survey->definition.name), firstDay, lastDay, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog, id = survey->id] { m_model->extend(id, dialog->periodEnds()); });
    m_extendDialog = dialog;
    dialog->open();
}

void SurveysPage::onCloseRound()
{
    const api::Survey *survey = selectedSurvey();
    if (!survey || !survey->openRound)
        return;
    confirmDestruction(this, tr("Close Round"),
                       tr("Close the open round of “%1” now?")
                           .arg(SurveyText::surveyName(survey->definition.name)),
                       tr("Members who have not answered can no longer answer, and no more "
                          "reminders go out. Its results are counted as they stand."),
                       tr("&Close Round"), [this, id = survey->id] { m_model->closeRound(id); });
}

void SurveysPage::onDelete()
{
    const api::Survey *survey = selectedSurvey();
    if (!survey || survey->status != api::SurveyStatus::Draft)
        return;
    confirmDestruction(
        this, tr("Delete Draft"),
        tr("Delete the draft “%1”?").arg(SurveyText::surveyName(survey->definition.name)),
        tr("Its questions and settings are gone for good. Nothing was sent to anyone yet."),
        tr("&Delete"), [this, id = survey->id] {
            if (m_builder && m_builder->surveyId() == id)
                m_builder->close();
            m_model->removeDraft(id);
        });
}

void SurveysPage::onDone(Action action, const QString &surveyId)
{
    const api::Survey *survey = m_model->survey(surveyId);
    const QString name = survey ? SurveyText::surveyName(survey->definition.name) : QString();
    switch (action) {
    case Action::Publish:
        if (m_builder && m_builder->surveyId() == surveyId)
            m_builder->close();
        m_banner->showMessage(MessageBanner::Level::Information,
                              tr("“%1” is published and goes out as planned.").arg(name));
        break;
    case Action::Close:
        m_banner->showMessage(MessageBanner::Level::Information,
                              tr("The open round of “%1” is closed.").arg(name));
        break;
    case Action::Extend:
        m_banner->showMessage(MessageBanner::Level::Information,
                              tr("The open round of “%1” is extended.").arg(name));
        break;
    case Action::Create:
    case Action::Remove:
        break;
    }
    selectSurvey(surveyId);
}

void SurveysPage::onStale(Action action, const QString &surveyId)
{
    Q_UNUSED(action);
    Q_UNUSED(surveyId);
    m_banner->showMessage(MessageBanner::Level::Warning,
                          tr("Someone else changed this survey since the list was loaded, so "
                             "nothing was done. Reload to see their change, then try again."));
    m_banner->setAction(tr("Reload"), [this] { reload(); });
}

void SurveysPage::onActionFailed(Action action, const QString &surveyId,
                                 const models::ApiError &error)
{
    if (error.isUnauthenticated() || error.kind == models::ApiError::Kind::Cancelled)
        return;
    // What the survey still lacks, named by its field as the builder shows it.
    if (action == Action::Publish && error.code && !error.field.isEmpty()) {
        m_banner->showMessage(MessageBanner::Level::Warning,
                              SurveyText::problemText({*error.code, error.field, error.detail}));
        m_banner->setAction(tr("Edit"), [this, surveyId] { openBuilder(surveyId); });
        return;
    }
    // 409 is the service's "not now": which rule it was follows from the action.
    if (error.code == api::ProblemCode::Conflict) {
        QString explanation;
        switch (action) {
        case Action::Publish:
            explanation = tr("This survey is no longer a draft, so it cannot be published again.");
            break;
        case Action::Close:
        case Action::Extend:
            explanation = tr("This survey has no open round any more. Reload to see where it "
                             "stands.");
            break;
        case Action::Remove:
            explanation = tr("Only drafts can be deleted; this survey has been published.");
            break;
        case Action::Create:
            break;
        }
        if (!explanation.isEmpty()) {
            m_banner->showMessage(MessageBanner::Level::Warning, explanation);
            m_banner->setAction(tr("Reload"), [this] { reload(); });
            return;
        }
    }
    reportPageFailure(this, *m_banner, error);
}

} // namespace engage::ui
