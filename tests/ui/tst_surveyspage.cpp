// The Surveys page against the real engage-server over TLS on loopback: the
// list and its detail pane, publishing after a confirmation that sums the
// survey up (and not at all while a translation is missing), a round opened
// by the service's scheduler extended and then closed early, a draft
// deleted after confirmation, a new survey opened in the builder, and a
// manager offered nothing to change.

#include "../models/serviceclient.h"
#include "models/surveys/surveydocument.h"
#include "models/surveys/surveylistmodel.h"
#include "models/surveys/surveyresultsmodel.h"
#include "models/surveys/targetcounter.h"
#include "ui/pages/surveyspage.h"
#include "ui/surveys/extenddialog.h"
#include "ui/surveys/surveybuilder.h"
#include "ui/surveys/surveyresultsview.h"
#include "ui/widgets/messagebanner.h"
#include "uitestsupport.h"

#include <QAction>
#include <QDateEdit>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QTimeZone>
#include <QUuid>

using namespace engage;
using namespace engage::models;
using namespace engage::test;
using namespace engage::ui;

namespace {

const QString kTenant = QStringLiteral("sakura-foods");

api::SurveyDefinition complete(const QString &tag, const QDate &start)
{
    api::SurveyDefinition definition;
    definition.kind = api::SurveyKind::Custom;
    definition.name = {QStringLiteral("満足度 %1").arg(tag),
                       QStringLiteral("Satisfaction %1").arg(tag)};
    api::Question question;
    question.id = QStringLiteral("q1");
    question.type = api::QuestionType::Scale11;
    question.text = {QStringLiteral("満足していますか"), QStringLiteral("Are you satisfied?")};
    definition.questions = {question};
    definition.delivery.startDate = start;
    return definition;
}

QString tag()
{
    return QUuid::createUuid().toString(QUuid::Id128).left(8);
}

QDate tokyoToday()
{
    return QDateTime::currentDateTimeUtc()
        .toTimeZone(QTimeZone(api::kDefaultTimeZone.toLatin1()))
        .date();
}

} // namespace

class TestSurveysPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void showsTheListAndDetails();
    void publishesAfterConfirmation();
    void doesNotPublishAnIncompleteDraft();
    void extendsAndClosesAnOpenRound();
    void deletesADraftAfterConfirmation();
    void aNewSurveyOpensInTheBuilder();
    void aManagerIsOfferedNoChanges();
    void publishesFromTheBuilder();
    void followsTheLanguage();

private:
    api::Survey createThroughTheService(const api::SurveyDefinition &definition);
    bool publishThroughTheService(const api::Survey &survey);
    bool reloadPage();

    ServerProcess m_server;
    OwnerAtTwoDesks m_desks; // `client` is the page's
    std::unique_ptr<SurveysPage> m_page;
};

void TestSurveysPage::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QVERIFY(m_desks.signIn(m_server, kTenant, QStringLiteral("Engage tst_surveyspage")));
}

void TestSurveysPage::init()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    m_page = std::make_unique<SurveysPage>(m_desks.client->api, m_desks.client->session);
    QVERIFY(showActive(*m_page, {1100, 640}));
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->model().isLoading(), kWaitMs);
}

void TestSurveysPage::cleanup()
{
    m_page.reset();
    m_server.reportIfFailed();
}

void TestSurveysPage::cleanupTestCase()
{
    m_desks.signOut();
}

api::Survey TestSurveysPage::createThroughTheService(const api::SurveyDefinition &definition)
{
    ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/api/v1/surveys");
    request.body = api::toJson(definition);
    request.idempotencyKey = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    const Outcome created = call(m_desks.other->api, request);
    const auto survey =
        created.ok ? api::surveyFromJson(created.json) : api::Result<api::Survey>(api::Error{});
    return survey ? survey.value() : api::Survey{};
}

bool TestSurveysPage::publishThroughTheService(const api::Survey &survey)
{
    ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/api/v1/surveys/%1/publish").arg(survey.id);
    request.ifMatch = '"' + QByteArray::number(survey.revision) + '"';
    return call(m_desks.other->api, request).ok;
}

bool TestSurveysPage::reloadPage()
{
    QSignalSpy loaded(&m_page->model(), &SurveyListModel::loaded);
    m_page->reloadAction()->trigger();
    return waitFor(loaded);
}

void TestSurveysPage::showsTheListAndDetails()
{
    const api::Survey survey =
        createThroughTheService(complete(tag(), QDate::currentDate().addDays(12)));
    QVERIFY(reloadPage());
    QVERIFY(m_page->detailPane()->toPlainText().contains(QStringLiteral("Choose a survey")));
    QVERIFY(!m_page->editAction()->isEnabled());
    QVERIFY(m_page->selectSurvey(survey.id));
    const QString detail = m_page->detailPane()->toPlainText();
    QVERIFY(detail.contains(survey.definition.name.ja));
    QVERIFY(detail.contains(QStringLiteral("First delivery")));
    QVERIFY(detail.contains(QStringLiteral("Round 1")));
    QVERIFY(m_page->editAction()->isEnabled());
    QVERIFY(m_page->publishAction()->isEnabled());
    QVERIFY(m_page->deleteAction()->isEnabled());
    QVERIFY(!m_page->extendAction()->isEnabled());
    QVERIFY(!m_page->closeRoundAction()->isEnabled());
    // Mnemonics on every action.
    for (QAction *action :
         {m_page->newPulseAction(), m_page->newCustomAction(), m_page->editAction(),
          m_page->publishAction(), m_page->closeRoundAction(), m_page->extendAction(),
          m_page->deleteAction(), m_page->reloadAction()})
        QVERIFY2(action->text().contains(u'&'), qPrintable(action->text()));
}

void TestSurveysPage::publishesAfterConfirmation()
{
    const api::Survey survey =
        createThroughTheService(complete(tag(), QDate::currentDate().addDays(12)));
    QVERIFY(reloadPage());
    QVERIFY(m_page->selectSurvey(survey.id));

    // Cancelled: nothing happens.
    m_page->publishAction()->trigger();
    auto *box = waitForModal<QMessageBox>();
    QVERIFY(box);
    QCOMPARE(box->objectName(), QStringLiteral("publishConfirmation"));
    QVERIFY(box->text().contains(survey.definition.name.en));
    for (const QString &fact : {QStringLiteral("1 question"), QStringLiteral("First delivery"),
                                QStringLiteral("Response period"), QStringLiteral("Targets"),
                                QStringLiteral("can no longer be changed")})
        QVERIFY2(box->informativeText().contains(fact), qPrintable(fact));
    QVERIFY(answerMessageBox(QMessageBox::RejectRole));
    QTest::qWait(200);
    QCOMPARE(m_page->model().survey(survey.id)->status, api::SurveyStatus::Draft);

    QSignalSpy done(&m_page->model(), &SurveyListModel::done);
    m_page->publishAction()->trigger();
    QVERIFY(answerMessageBox(QMessageBox::AcceptRole));
    QVERIFY(waitFor(done));
    QCOMPARE(m_page->model().survey(survey.id)->status, api::SurveyStatus::Scheduled);
    QVERIFY(m_page->banner()->isVisible());
    QVERIFY(m_page->banner()->text().contains(QStringLiteral("published")));
    QVERIFY(!m_page->publishAction()->isEnabled());
    QVERIFY(!m_page->deleteAction()->isEnabled());
}

void TestSurveysPage::doesNotPublishAnIncompleteDraft()
{
    api::SurveyDefinition definition = complete(tag(), QDate::currentDate().addDays(12));
    definition.questions[0].text.en.clear();
    const api::Survey survey = createThroughTheService(definition);
    QVERIFY(reloadPage());
    QVERIFY(m_page->selectSurvey(survey.id));
    m_page->publishAction()->trigger();
    QVERIFY(m_page->banner()->isVisible());
    QVERIFY(m_page->banner()->text().contains(QStringLiteral("Question 1 has no English text.")));
    QVERIFY(!QApplication::activeModalWidget());
    QCOMPARE(m_page->model().survey(survey.id)->status, api::SurveyStatus::Draft);
}

void TestSurveysPage::extendsAndClosesAnOpenRound()
{
    // Opened at midnight today, Tokyo time: the scheduler opens it at once.
    api::SurveyDefinition definition = complete(tag(), tokyoToday());
    definition.delivery.startTime = QTime(0, 0);
    definition.delivery.periodDays = 3;
    const api::Survey survey = createThroughTheService(definition);
    QVERIFY(publishThroughTheService(survey));
    QVERIFY(QTest::qWaitFor(
        [&] {
            if (!reloadPage())
                return false;
            const api::Survey *listed = m_page->model().survey(survey.id);
            return listed && listed->openRound.has_value();
        },
        45000));
    QVERIFY(m_page->selectSurvey(survey.id));
    QVERIFY(m_page->extendAction()->isEnabled());
    QVERIFY(m_page->closeRoundAction()->isEnabled());
    QVERIFY(m_page->detailPane()->toPlainText().contains(QStringLiteral("Open round")));
    // The results of the running round, beside the details.
    const QString roundId = m_page->model().survey(survey.id)->openRound->roundId;
    QVERIFY(m_page->panes()->isTabEnabled(m_page->panes()->indexOf(m_page->resultsPane())));
    QCOMPARE(m_page->resultsPane()->model().roundId(), roundId);
    QTRY_VERIFY_WITH_TIMEOUT(m_page->resultsPane()->model().hasResults(), 20000);

    m_page->extendAction()->trigger();
    auto *dialog = waitForModal<ExtendDialog>();
    QVERIFY(dialog);
    const QDate lastDay = tokyoToday().addDays(2);
    QCOMPARE(dialog->dateEdit()->minimumDate(), lastDay.addDays(1));
    dialog->dateEdit()->setDate(lastDay.addDays(5));
    QSignalSpy done(&m_page->model(), &SurveyListModel::done);
    dialog->accept();
    QVERIFY(waitFor(done));
    QCOMPARE(done.constFirst().at(0).value<SurveyListModel::Action>(),
             SurveyListModel::Action::Extend);
    const QTimeZone tokyo(api::kDefaultTimeZone.toLatin1());
    QCOMPARE(m_page->model().survey(survey.id)->openRound->closesAt.toTimeZone(tokyo).date(),
             lastDay.addDays(5));

    // Closing early asks first; cancelled, the round stays open.
    m_page->closeRoundAction()->trigger();
    QVERIFY(answerMessageBox(QMessageBox::RejectRole));
    QTest::qWait(200);
    QVERIFY(m_page->model().survey(survey.id)->openRound);
    done.clear();
    m_page->closeRoundAction()->trigger();
    QVERIFY(answerMessageBox(QMessageBox::DestructiveRole));
    QVERIFY(waitFor(done));
    QVERIFY(!m_page->model().survey(survey.id)->openRound);
    QCOMPARE(m_page->model().survey(survey.id)->status, api::SurveyStatus::Closed);
    QVERIFY(!m_page->extendAction()->isEnabled());
    // Closed, its results stay on the page.
    QCOMPARE(m_page->model().survey(survey.id)->latestRoundId, std::optional<QString>(roundId));
    QVERIFY(m_page->panes()->isTabEnabled(m_page->panes()->indexOf(m_page->resultsPane())));
}

void TestSurveysPage::deletesADraftAfterConfirmation()
{
    const api::Survey survey = createThroughTheService(complete(tag(), QDate()));
    QVERIFY(reloadPage());
    QVERIFY(m_page->selectSurvey(survey.id));
    m_page->deleteAction()->trigger();
    QVERIFY(answerMessageBox(QMessageBox::RejectRole));
    QTest::qWait(200);
    QVERIFY(m_page->model().rowOf(survey.id) >= 0);
    QSignalSpy removed(&m_page->model(), &SurveyListModel::removed);
    m_page->deleteAction()->trigger();
    QVERIFY(answerMessageBox(QMessageBox::DestructiveRole));
    QVERIFY(waitFor(removed));
    QCOMPARE(m_page->model().rowOf(survey.id), -1);
}

void TestSurveysPage::aNewSurveyOpensInTheBuilder()
{
    QSignalSpy created(&m_page->model(), &SurveyListModel::created);
    m_page->newCustomAction()->trigger();
    QVERIFY(waitFor(created));
    const auto survey = created.constFirst().constFirst().value<api::Survey>();
    QCOMPARE(survey.definition.kind, api::SurveyKind::Custom);
    QCOMPARE(survey.status, api::SurveyStatus::Draft);
    // Both names set, whatever the language of the window.
    QVERIFY(!survey.definition.name.ja.isEmpty() && !survey.definition.name.en.isEmpty());
    QVERIFY(survey.definition.delivery.startDate > QDate::currentDate());
    SurveyBuilder *builder = m_page->builder();
    QVERIFY(builder);
    QTRY_VERIFY_WITH_TIMEOUT(builder->isVisible() && builder->isReady(), kWaitMs);
    QCOMPARE(builder->surveyId(), survey.id);
    QVERIFY(builder->isEditable());
    QCOMPARE(m_page->selectedSurveyId(), survey.id);
    // Its saves show in the list.
    builder->autosaver().setDelay(50);
    builder->document().setName(false, QStringLiteral("Renamed in the builder"));

    QTRY_COMPARE_WITH_TIMEOUT(m_page->model().survey(survey.id)->definition.name.en,
                              QStringLiteral("Renamed in the builder"), kWaitMs);
    builder->close();
    QTRY_VERIFY_WITH_TIMEOUT(!builder->isVisible(), kWaitMs);
}

void TestSurveysPage::aManagerIsOfferedNoChanges()
{
    QString email;
    QString password;
    for (const auto &value : m_server.announcement().value(QLatin1String("tenants")).toArray()) {
        const QJsonObject tenant = value.toObject();
        if (tenant.value(QLatin1String("slug")).toString() == kTenant) {
            email = tenant.value(QLatin1String("managerEmail")).toString();
            password = tenant.value(QLatin1String("managerPassword")).toString();
        }
    }
    QVERIFY2(!email.isEmpty(), "the demo announces no manager");
    Client manager(m_server, *m_desks.store, QStringLiteral("manager"));
    QVERIFY(signIn(manager.session, {kTenant, email, password}));
    SurveysPage page(manager.api, manager.session);
    QVERIFY(showActive(page, {1000, 600}));
    QTRY_VERIFY_WITH_TIMEOUT(!page.model().isLoading() && page.model().rowCount() > 0, kWaitMs);
    page.selectSurvey(page.model().surveyAt(0).id);
    for (QAction *action : {page.newPulseAction(), page.newCustomAction(), page.publishAction(),
                            page.closeRoundAction(), page.extendAction(), page.deleteAction()})
        QVERIFY2(!action->isVisible() && !action->isEnabled(), qPrintable(action->text()));
    QVERIFY(page.editAction()->isEnabled()); // to read it
    manager.session.signOut();
    QTest::qWait(500);
}

void TestSurveysPage::publishesFromTheBuilder()
{
    api::SurveyDefinition definition = complete(tag(), QDate::currentDate().addDays(12));
    definition.questions[0].text.en.clear();
    const api::Survey survey = createThroughTheService(definition);
    QVERIFY(reloadPage());
    QVERIFY(m_page->selectSurvey(survey.id));
    m_page->editAction()->trigger();
    SurveyBuilder *builder = m_page->builder();
    QVERIFY(builder);
    QTRY_VERIFY_WITH_TIMEOUT(builder->isReady() && builder->targetCounter().isLoaded(), kWaitMs);
    builder->autosaver().setDelay(50);
    // Not ready: Publish shows what is missing instead of asking.
    builder->publishAction()->trigger();
    QVERIFY(!QApplication::activeModalWidget());
    builder->document().setQuestionText(0, false, QStringLiteral("Are you satisfied?"));
    QVERIFY(!builder->publishingProblem());
    // The change is saved first, then the summary asked about, with the members it reaches.
    builder->publishAction()->trigger();
    auto *box = waitForModal<QMessageBox>();
    QVERIFY(box);
    QCOMPARE(box->objectName(), QStringLiteral("publishConfirmation"));
    QVERIFY(box->informativeText().contains(QStringLiteral("would be asked")));
    QSignalSpy done(&m_page->model(), &SurveyListModel::done);
    QVERIFY(answerMessageBox(QMessageBox::AcceptRole));
    QVERIFY(waitFor(done));
    QCOMPARE(m_page->model().survey(survey.id)->status, api::SurveyStatus::Scheduled);
    QCOMPARE(m_page->model().survey(survey.id)->definition.questions.at(0).text.en,
             QStringLiteral("Are you satisfied?"));
    QTRY_VERIFY_WITH_TIMEOUT(!builder->isVisible(), kWaitMs);
}

void TestSurveysPage::followsTheLanguage()
{
    MarkingTranslator marking;
    QVERIFY(QCoreApplication::installTranslator(&marking));
    // The widgets hear of it through posted events.
    QTRY_VERIFY(m_page->windowTitle().startsWith(QStringLiteral("[T] ")));
    QVERIFY(m_page->newPulseAction()->text().startsWith(QStringLiteral("[T] ")));
    QVERIFY(m_page->model()
                .headerData(SurveyListModel::StatusColumn, Qt::Horizontal)
                .toString()
                .startsWith(QStringLiteral("[T] ")));
    QVERIFY(m_page->detailPane()->toPlainText().startsWith(QStringLiteral("[T] ")));
    QCoreApplication::removeTranslator(&marking);
    QTRY_COMPARE(m_page->newPulseAction()->text(), QStringLiteral("New &Pulse"));
}

QTEST_MAIN(TestSurveysPage)
#include "tst_surveyspage.moc"
