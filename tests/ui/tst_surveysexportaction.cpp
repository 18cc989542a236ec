// The Surveys page's Export to Excel… against the real engage-server,
// offscreen: the file dialog offers the workbook alone and names the file for
// the company and the day in the last export's folder; the progress dialog
// runs to a message naming the file, with Open Folder; the workbook, read
// back by openpyxl, holds the cover, a row per survey the page lists and a
// row per question of its custom surveys, with the sheets and headers in the
// UI language.

#include "../models/export/exporttestsupport.h"
#include "../models/serviceclient.h"
#include "exportactionsupport.h"
#include "models/export/exportfolder.h"
#include "models/surveys/surveylistmodel.h"
#include "models/surveys/surveytext.h"
#include "ui/export/exportcontroller.h"
#include "ui/pages/surveyspage.h"
#include "uitestsupport.h"

#include <QAction>
#include <QApplication>
#include <QDate>
#include <QFileDialog>
#include <QJsonArray>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUuid>

using namespace engage;
using namespace engage::models;
using namespace engage::test;
using namespace engage::ui;

namespace {

const QString kTenant = QStringLiteral("sakura-foods");

QJsonArray rowsOf(const QJsonObject &sheet)
{
    return sheet.value(QLatin1String("rows")).toArray();
}

QString textAt(const QJsonArray &rows, int row, int column)
{
    return rows.at(row).toArray().at(column).toObject().value(QLatin1String("v")).toString();
}

} // namespace

class TestSurveysExportAction final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void exportsEverySurveyThroughTheDialogs();
    void sheetsFollowTheLanguage();

private:
    // Runs the page's action through its dialogs to `path`; empty, or what went wrong.
    QString exportThroughTheDialogs(const QString &path);

    ServerProcess m_server;
    OwnerAtTwoDesks m_desks; // `client` is the page's
    std::unique_ptr<SurveysPage> m_page;
    QTemporaryDir m_dir;
};

void TestSurveysExportAction::initTestCase()
{
    // The last folder goes to settings of the test's own.
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QVERIFY(m_desks.signIn(m_server, kTenant, QStringLiteral("Engage tst_surveysexportaction")));
    ExportFolder::remember(m_dir.filePath(QStringLiteral("earlier.xlsx")));

    // A custom survey with two questions, and a pulse, which lists none.
    api::SurveyDefinition custom;
    custom.kind = api::SurveyKind::Custom;
    custom.name = {QStringLiteral("研修の振り返り"), QStringLiteral("Training review")};
    api::Question useful;
    useful.id = QStringLiteral("useful");
    useful.type = api::QuestionType::Agreement5;
    useful.text = {QStringLiteral("研修は役に立った"), QStringLiteral("The training was useful")};
    api::Question more;
    more.id = QStringLiteral("more");
    more.type = api::QuestionType::FreeText;
    more.required = false;
    more.text = {QStringLiteral("他に学びたいこと"), QStringLiteral("What else would you learn?")};
    custom.questions = {useful, more};
    api::SurveyDefinition pulse;
    pulse.kind = api::SurveyKind::Pulse;
    pulse.name = {QStringLiteral("パルス"), QStringLiteral("Pulse")};
    for (const api::SurveyDefinition &definition : {custom, pulse}) {
        ApiRequest request;
        request.method = "POST";
        request.path = QStringLiteral("/api/v1/surveys");
        request.body = api::toJson(definition);
        request.idempotencyKey = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        const Outcome created = call(m_desks.other->api, request);
        QVERIFY2(created.ok, qPrintable(created.error.detail));
    }
}

void TestSurveysExportAction::init()
{
    m_page = std::make_unique<SurveysPage>(m_desks.client->api, m_desks.client->session);
    QVERIFY(showActive(*m_page, {1280, 800}));
    QVERIFY(QTest::qWaitFor(
        [this] { return !m_page->model().isLoading() && m_page->model().rowCount() >= 2; },
        kWaitMs));
}

void TestSurveysExportAction::cleanup()
{
    while (QWidget *modal = QApplication::activeModalWidget())
        delete modal;
    m_page.reset();
    m_server.reportIfFailed();
}

void TestSurveysExportAction::cleanupTestCase()
{
    m_desks.signOut();
}

QString TestSurveysExportAction::exportThroughTheDialogs(const QString &path)
{
    ExportController *controller = m_page->exportController();
    if (!controller->action()->isEnabled())
        return QStringLiteral("the action is disabled");
    controller->action()->trigger();
    QFileDialog *dialog = controller->fileDialog();
    if (!dialog)
        return QStringLiteral("no file dialog");
    QSignalSpy exported(controller, &ExportController::exported);
    QSignalSpy failed(controller, &ExportController::exportFailed);
    dialog->selectFile(path);
    static_cast<QDialog *>(dialog)->accept(); // as the Save button does
    if (!QTest::qWaitFor([&] { return !exported.isEmpty() || !failed.isEmpty(); }, kWaitMs))
        return QStringLiteral("the export did not end");
    if (!failed.isEmpty())
        return failed.constFirst().constFirst().toString();
    if (QMessageBox *result = controller->resultBox())
        result->close();
    return exported.constFirst().constFirst().toString() == path
               ? QString()
               : QStringLiteral("exported another file");
}

void TestSurveysExportAction::exportsEverySurveyThroughTheDialogs()
{
    ExportController *controller = m_page->exportController();
    QVERIFY(controller->action()->isEnabled());
    QVERIFY2(controller->action()->text().contains(QStringLiteral("Excel")),
             qPrintable(controller->action()->text()));
    bool button = false;
    for (const QPushButton *pushButton : m_page->findChildren<QPushButton *>())
        button = button || pushButton->text() == controller->action()->text();
    QVERIFY2(button, "the page shows the action as a button");

    controller->action()->trigger();
    QFileDialog *dialog = controller->fileDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->nameFilters().size(), 1); // the workbook alone: two sheets
    QCOMPARE(dialog->directory().absolutePath(), QDir(m_dir.path()).absolutePath());
    const QString suggested = dialog->selectedFiles().value(0);
    QVERIFY2(QFileInfo(suggested).fileName().startsWith(kTenant + QLatin1Char(' ')),
             qPrintable(suggested));
    QVERIFY2(QFileInfo(suggested).fileName().contains(QStringLiteral("surveys")),
             qPrintable(suggested));
    QVERIFY2(
        suggested.endsWith(QDate::currentDate().toString(Qt::ISODate) + QStringLiteral(".xlsx")),
        qPrintable(suggested));

    const QString path = m_dir.filePath(QStringLiteral("surveys.xlsx"));
    saveThroughDialog(*controller, *dialog, path);
    if (QTest::currentTestFailed())
        return;

    QString error;
    const QJsonObject workbook = readWorkbook(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QJsonArray sheets = workbook.value(QLatin1String("sheets")).toArray();
    QCOMPARE(sheets.size(), 3); // the cover, the surveys, their questions

    const SurveyListModel &model = m_page->model();
    const QJsonArray surveys = rowsOf(sheets.at(1).toObject());
    QCOMPARE(surveys.size(), model.rowCount() + 1);
    QList<QStringList> expectedQuestions;
    for (int row = 0; row < model.rowCount(); ++row) {
        const api::Survey &survey = model.surveyAt(row);
        QCOMPARE(textAt(surveys, row + 1, 0), survey.id);
        QCOMPARE(textAt(surveys, row + 1, 1), survey.definition.name.ja);
        QCOMPARE(textAt(surveys, row + 1, 4), SurveyText::statusText(survey.status));
        for (const api::Question &question : survey.definition.questions)
            expectedQuestions.append({survey.id, SurveyText::surveyName(survey.definition.name),
                                      question.id, question.text.ja});
    }
    const QJsonArray questions = rowsOf(sheets.at(2).toObject());
    QCOMPARE(questions.size(), expectedQuestions.size() + 1);
    QVERIFY(expectedQuestions.size() >= 2);
    for (int row = 1; row < questions.size(); ++row) {
        const QStringList &expected = expectedQuestions.at(row - 1);
        QCOMPARE((QStringList{textAt(questions, row, 0), textAt(questions, row, 1),
                              textAt(questions, row, 3), textAt(questions, row, 5)}),
                 expected);
    }
    QCOMPARE(ExportFolder::last(), QDir(m_dir.path()).absolutePath());
}

void TestSurveysExportAction::sheetsFollowTheLanguage()
{
    MarkingTranslator marking;
    QCoreApplication::installTranslator(&marking);
    // The event comes through the event loop.
    QTRY_VERIFY_WITH_TIMEOUT(
        m_page->exportController()->action()->text().startsWith(QStringLiteral("[T] ")), kUiWaitMs);
    const QString path = m_dir.filePath(QStringLiteral("marked.xlsx"));
    const QString failure = exportThroughTheDialogs(path);
    QCoreApplication::removeTranslator(&marking);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));

    QString error;
    const QJsonObject workbook = readWorkbook(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QJsonArray sheets = workbook.value(QLatin1String("sheets")).toArray();
    QCOMPARE(sheets.size(), 3);
    // A sheet's name holds no brackets: "[T] Surveys" becomes "_T_ Surveys".
    QCOMPARE(sheets.at(1).toObject().value(QLatin1String("name")).toString(),
             QStringLiteral("_T_ Surveys"));
    QCOMPARE(sheets.at(2).toObject().value(QLatin1String("name")).toString(),
             QStringLiteral("_T_ Questions"));
    for (int sheet = 1; sheet < sheets.size(); ++sheet) {
        const QJsonArray header = rowsOf(sheets.at(sheet).toObject()).at(0).toArray();
        for (const QJsonValue cell : header)
            QVERIFY2(cell.toObject()
                         .value(QLatin1String("v"))
                         .toString()
                         .startsWith(QStringLiteral("[T] ")),
                     qPrintable(cell.toObject().value(QLatin1String("v")).toString()));
    }
    // The kind and status as the page names them, in the UI language too.
    const QJsonArray surveys = rowsOf(sheets.at(1).toObject());
    QVERIFY(textAt(surveys, 1, 3).startsWith(QStringLiteral("[T] ")));
    QVERIFY(textAt(surveys, 1, 4).startsWith(QStringLiteral("[T] ")));
}

QTEST_MAIN(TestSurveysExportAction)
#include "tst_surveysexportaction.moc"
