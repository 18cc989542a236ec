// The Dashboard page's Export… against the real engage-server (sakura-foods'
// year of pulses), offscreen: the file dialog offers Excel alone; with a
// small group chosen in the filters, the workbook read back by openpyxl
// names that group among the filters on its cover, answers for its subtree
// (the heatmap's first row is the group), and leaves its withheld engagement
// an empty cell with the reason beside it, as the page's card does; its
// attribute breakdown splits the group's respondents by each attribute, and
// leaves every withheld score empty with a note.

#include "../models/export/exporttestsupport.h"
#include "../models/serviceclient.h"
#include "exportactionsupport.h"
#include "models/dashboard/dashboardloader.h"
#include "models/dashboard/heatmapmodel.h"
#include "models/dashboard/scoreroles.h"
#include "models/export/resultexportsource.h"
#include "models/grouptreemodel.h"
#include "ui/export/exportcontroller.h"
#include "ui/pages/dashboardpage.h"
#include "ui/widgets/grouppicker.h"
#include "uitestsupport.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QJsonArray>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace engage;
using namespace engage::models;
using namespace engage::test;
using namespace engage::ui;
using Panel = DashboardLoader::Panel;
using State = DashboardLoader::State;

namespace {

bool waitForLoad(DashboardPage &page)
{
    return QTest::qWaitFor(
        [&page] {
            const DashboardLoader &loader = page.loader();
            for (const Panel panel : {Panel::Rounds, Panel::Summary, Panel::Trend, Panel::Factors,
                                      Panel::Heatmap, Panel::Priority, Panel::Memos}) {
                if (loader.state(panel) == State::Loading)
                    return false;
            }
            return loader.state(Panel::Summary) == State::Ready && !page.groupModel().isLoading();
        },
        kWaitMs);
}

QString textAt(const QJsonObject &sheet, int row, int column)
{
    return sheet.value(QLatin1String("rows"))
        .toArray()
        .at(row)
        .toArray()
        .at(column)
        .toObject()
        .value(QLatin1String("v"))
        .toString();
}

} // namespace

class TestDashboardExportAction final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void offersExcelAlone();
    void exportsTheChosenGroup();

private:
    ServerProcess m_server;
    OwnerAtTwoDesks m_desks;
    std::unique_ptr<DashboardPage> m_page;
    QTemporaryDir m_dir;
};

void TestDashboardExportAction::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_server.startWithHistory(), qPrintable(m_server.errorString()));
    QVERIFY(m_desks.signIn(m_server, QStringLiteral("sakura-foods"),
                           QStringLiteral("Engage tst_dashboardexportaction")));
    m_page = std::make_unique<DashboardPage>(m_desks.client->api, m_desks.client->session);
    QVERIFY(showActive(*m_page, {1200, 900}));
    QVERIFY(waitForLoad(*m_page));
}

void TestDashboardExportAction::cleanup()
{
    while (QWidget *modal = QApplication::activeModalWidget())
        delete modal;
    m_server.reportIfFailed();
}

void TestDashboardExportAction::offersExcelAlone()
{
    ExportController *controller = m_page->exportController();
    QVERIFY(controller->action()->isEnabled());
    controller->action()->trigger();
    QFileDialog *dialog = controller->fileDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->nameFilters().size(), 1);
    QVERIFY(dialog->selectedFiles().value(0).endsWith(QLatin1String(".xlsx")));
    dialog->reject();
    QTest::qWait(100);
    QVERIFY(!controller->isRunning());
}

void TestDashboardExportAction::exportsTheChosenGroup()
{
    // A group whose engagement the heatmap withholds.
    const HeatmapModel &heatmap = m_page->heatmapModel();
    QString groupId;
    QString groupName;
    for (int row = 1; row < heatmap.rowCount() && groupId.isEmpty(); ++row) {
        const QModelIndex engagement = heatmap.index(row, HeatmapModel::FirstFactorColumn);
        if (!engagement.data(ScoreValueRole).isValid()) {
            groupId = heatmap.index(row, 0).data(HeatmapModel::GroupIdRole).toString();
            groupName = heatmap.index(row, 0).data().toString();
        }
    }
    QVERIFY2(!groupId.isEmpty(), "the demo has a group too small to show");
    m_page->groupPicker()->setGroupId(groupId);
    QVERIFY(waitForLoad(*m_page));
    const api::Summary summary = m_page->loader().summary();
    QVERIFY(!summary.engagement.value);

    ExportController *controller = m_page->exportController();
    const QString path = m_dir.filePath(QStringLiteral("results.xlsx"));
    const QString failure = exportDirectly(*controller, path);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));

    QString error;
    const QJsonObject workbook = readWorkbook(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QJsonArray sheets = workbook.value(QLatin1String("sheets")).toArray();
    QCOMPARE(sheets.size(), 6); // the cover, summary, factors, heatmap, attributes, trend
    bool groupNamed = false;
    for (const auto &line : sheets.at(0).toObject().value(QLatin1String("rows")).toArray()) {
        for (const auto &cell : line.toArray())
            groupNamed = groupNamed ||
                         cell.toObject().value(QLatin1String("v")).toString().contains(groupName);
    }
    QVERIFY2(groupNamed, "the cover names the group");

    const QJsonObject summarySheet = sheets.at(1).toObject();
    const QJsonObject engagement =
        summarySheet.value(QLatin1String("rows")).toArray().at(1).toArray().at(1).toObject();
    QCOMPARE(engagement.value(QLatin1String("t")).toString(), QStringLiteral("e"));
    const QString note = textAt(summarySheet, 1, 7);
    QVERIFY2(note.contains(scoreExplanation(summary.engagement, summary.slice.threshold)),
             qPrintable(note));
    QCOMPARE(textAt(sheets.at(3).toObject(), 1, 0), groupName);

    // Each attribute's block splits the group's respondents among its values.
    const QJsonObject attributeSheet = sheets.at(4).toObject();
    QCOMPARE(attributeSheet.value(QLatin1String("name")).toString(), QStringLiteral("Attributes"));
    const QJsonArray attributeRows = attributeSheet.value(QLatin1String("rows")).toArray();
    QVERIFY(attributeRows.size() > 1);
    constexpr int first = ResultExportSource::kAttributeFirstScoreColumn;
    QMap<QString, qint64> respondents;
    for (int row = 1; row < attributeRows.size(); ++row) {
        const QJsonArray cells = attributeRows.at(row).toArray();
        const QString attribute = textAt(attributeSheet, row, 0);
        respondents[attribute] +=
            cells.at(2).toObject().value(QLatin1String("v")).toVariant().toLongLong();
        bool anyWithheld = false;
        for (int column = first; column < first + api::kFactorCount; ++column) {
            anyWithheld = anyWithheld || cells.at(column).toObject().value(QLatin1String("t")) ==
                                             QLatin1String("e");
        }
        QCOMPARE(textAt(attributeSheet, row, first + api::kFactorCount).isEmpty(), !anyWithheld);
    }
    QVERIFY(respondents.size() >= api::snapshotKeys().size());
    QVERIFY(summary.responseRate.respondents > 0);
    for (auto it = respondents.cbegin(); it != respondents.cend(); ++it)
        QVERIFY2(it.value() == summary.responseRate.respondents, qPrintable(it.key()));
}

QTEST_MAIN(TestDashboardExportAction)
#include "tst_dashboardexportaction.moc"
