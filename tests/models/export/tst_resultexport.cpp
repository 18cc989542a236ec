// The results export against the real engage-server over TLS on loopback,
// signed in as the owner of the demo tenant "sakura-foods" (a year of demo
// pulses): the workbook read back by openpyxl holds the cover (the tenant,
// the filters, the anonymity threshold), then the summary, factors, heatmap
// and trend sheets with exactly what DashboardLoader (the dashboard page's
// source) reads for the same query: scores as numbers, response rates as
// real percentages, withheld scores as empty cells with a note, the heatmap's
// scores under a three-colour scale, the factors as a bar chart and the trend
// as a line chart.

#include "exporttestsupport.h"
#include "models/dashboard/dashboardloader.h"
#include "models/dashboard/scoreroles.h"
#include "models/export/exporttask.h"
#include "models/export/resultexportsource.h"
#include "serviceclient.h"

#include <QJsonArray>
#include <QTemporaryDir>

using namespace engage;
using namespace engage::models;
using namespace engage::test;

namespace {

QJsonArray rowsOf(const QJsonObject &sheet)
{
    return sheet.value(QLatin1String("rows")).toArray();
}

QJsonObject cellAt(const QJsonArray &rows, int row, int column)
{
    return rows.at(row).toArray().at(column).toObject();
}

// The cell holds the score, or is empty when the score is withheld.
bool holdsScore(const QJsonObject &cell, const api::Score &score)
{
    if (!score.value)
        return cell.value(QLatin1String("t")).toString() == QLatin1String("e");
    return cell.value(QLatin1String("t")).toString() == QLatin1String("n") &&
           qFuzzyCompare(cell.value(QLatin1String("v")).toDouble(), *score.value);
}

bool holdsPercent(const QJsonObject &cell, const api::ResponseRate &rate)
{
    if (!rate.rate)
        return cell.value(QLatin1String("t")).toString() == QLatin1String("e");
    return cell.value(QLatin1String("fmt")).toString() == QLatin1String("0.0%") &&
           qFuzzyCompare(cell.value(QLatin1String("v")).toDouble(), *rate.rate / 100.0);
}

QString chartType(const QJsonObject &sheet)
{
    const QJsonArray charts = sheet.value(QLatin1String("charts")).toArray();
    return charts.size() == 1 ? charts.at(0).toObject().value(QLatin1String("type")).toString()
                              : QStringLiteral("%1 charts").arg(charts.size());
}

} // namespace

class TestResultExport final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void holdsWhatTheDashboardShows();

private:
    ServerProcess m_server;
    OwnerAtTwoDesks m_owner;
    QTemporaryDir m_dir;
};

void TestResultExport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_server.startWithHistory(), qPrintable(m_server.errorString()));
    QVERIFY(m_owner.signIn(m_server, QStringLiteral("sakura-foods"),
                           QStringLiteral("Engage tst_resultexport")));
}

void TestResultExport::cleanupTestCase()
{
    m_owner.signOut();
}

void TestResultExport::cleanup()
{
    m_server.reportIfFailed();
}

void TestResultExport::holdsWhatTheDashboardShows()
{
    DashboardLoader loader(m_owner.client->api);
    QSignalSpy loaded(&loader, &DashboardLoader::finished);
    loader.load({});
    QVERIFY(waitFor(loaded));
    const api::Heatmap &heatmap = loader.heatmap();
    const api::Trend &trend = loader.trend();
    const api::FactorBreakdown &factors = loader.factors();
    QVERIFY(heatmap.rows.size() > 1);
    QVERIFY(trend.points.size() >= 12);

    const QString filters = QStringLiteral("Round: latest; Group: whole company");
    const QString path = m_dir.filePath(QStringLiteral("results.xlsx"));
    ExportTask task(std::make_unique<ResultExportSource>(m_owner.client->api, api::DashboardQuery{},
                                                         QStringLiteral("Sakura Foods"), filters));
    QSignalSpy finished(&task, &ExportTask::finished);
    QSignalSpy failed(&task, &ExportTask::failed);
    task.start(path, ExportTask::Format::Xlsx);
    QVERIFY(QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, kWaitMs));
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));

    QString error;
    const QJsonObject workbook = readWorkbook(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QJsonArray sheets = workbook.value(QLatin1String("sheets")).toArray();
    QCOMPARE(sheets.size(), 5); // the cover, then the four tables

    // The cover names the tenant, the filters and the threshold.
    QStringList coverTexts;
    for (const QJsonValue row : rowsOf(sheets.at(0).toObject())) {
        for (const QJsonValue cell : row.toArray())
            coverTexts.append(cell.toObject().value(QLatin1String("v")).toVariant().toString());
    }
    QVERIFY2(coverTexts.contains(QStringLiteral("Sakura Foods")),
             qPrintable(coverTexts.join(u'|')));
    QVERIFY(coverTexts.contains(filters));
    QVERIFY(coverTexts.contains(QString::number(heatmap.slice.threshold)));

    // Summary: one row of the latest round.
    const QJsonArray summary = rowsOf(sheets.at(1).toObject());
    QCOMPARE(summary.size(), 2);
    QVERIFY(holdsScore(cellAt(summary, 1, 1), loader.summary().engagement));
    QVERIFY(holdsPercent(cellAt(summary, 1, 5), loader.summary().responseRate));
    QVERIFY(loader.summary().responseRate.rate.has_value());

    // Factors: every factor's score, and a bar chart of them.
    const QJsonObject factorSheet = sheets.at(2).toObject();
    const QJsonArray factorRows = rowsOf(factorSheet);
    QCOMPARE(factorRows.size(), factors.factors.size() + 1);
    for (int i = 0; i < factors.factors.size(); ++i) {
        const api::FactorScore &factor = factors.factors.at(i);
        QCOMPARE(cellAt(factorRows, i + 1, 0).value(QLatin1String("v")).toString(),
                 factorName(factor.factor));
        QVERIFY2(holdsScore(cellAt(factorRows, i + 1, 1), factor.score),
                 qPrintable(factorName(factor.factor)));
    }
    QCOMPARE(chartType(factorSheet), QStringLiteral("BarChart"));

    // Heatmap: every group's row; withheld scores empty with a note saying why.
    const QJsonObject heatmapSheet = sheets.at(3).toObject();
    const QJsonArray heatmapRows = rowsOf(heatmapSheet);
    QCOMPARE(heatmapRows.size(), heatmap.rows.size() + 1);
    constexpr int first = ResultExportSource::kHeatmapFirstScoreColumn;
    constexpr int noteColumn = first + api::kFactorCount;
    int withheld = 0;
    for (int i = 0; i < heatmap.rows.size(); ++i) {
        const api::HeatmapRow &row = heatmap.rows.at(i);
        QVERIFY(holdsPercent(cellAt(heatmapRows, i + 1, 1), row.responseRate));
        bool anyWithheld = false;
        for (int c = 0; c < row.cells.size(); ++c) {
            QVERIFY2(holdsScore(cellAt(heatmapRows, i + 1, first + c), row.cells.at(c)),
                     qPrintable(QStringLiteral("%1, column %2").arg(row.name).arg(first + c)));
            anyWithheld = anyWithheld || !row.cells.at(c).value;
        }
        withheld += anyWithheld ? 1 : 0;
        const QString note =
            cellAt(heatmapRows, i + 1, noteColumn).value(QLatin1String("v")).toString();
        QCOMPARE(note.isEmpty(), !anyWithheld);
        for (const api::Score &score : row.cells) {
            if (!score.value)
                QVERIFY2(note.contains(scoreExplanation(score, heatmap.slice.threshold)),
                         qPrintable(note));
        }
    }
    QVERIFY2(withheld > 0, "the demo's small groups are withheld somewhere");
    const QJsonArray conditional = heatmapSheet.value(QLatin1String("conditional")).toArray();
    QCOMPARE(conditional.size(), 1);
    QCOMPARE(conditional.at(0).toObject().value(QLatin1String("range")).toString(),
             QStringLiteral("D2:M%1").arg(heatmap.rows.size() + 1));
    QCOMPARE(conditional.at(0).toObject().value(QLatin1String("types")).toArray().at(0).toString(),
             QStringLiteral("colorScale"));
    QVERIFY(heatmapSheet.value(QLatin1String("charts")).toArray().isEmpty());

    // Trend: a row per closed round, oldest first, dates as dates, a line chart.
    const QJsonObject trendSheet = sheets.at(4).toObject();
    const QJsonArray trendRows = rowsOf(trendSheet);
    QCOMPARE(trendRows.size(), trend.points.size() + 1);
    for (int i = 0; i < trend.points.size(); ++i) {
        const api::TrendPoint &point = trend.points.at(i);
        const QJsonObject closed = cellAt(trendRows, i + 1, 0);
        QCOMPARE(closed.value(QLatin1String("t")).toString(), QStringLiteral("d"));
        QCOMPARE(
            QDate::fromString(closed.value(QLatin1String("v")).toString().left(10), Qt::ISODate),
            point.closesAt.toLocalTime().date());
        QVERIFY(holdsPercent(cellAt(trendRows, i + 1, 2), point.responseRate));
        QVERIFY(holdsScore(cellAt(trendRows, i + 1, ResultExportSource::kTrendFirstScoreColumn),
                           point.engagement));
    }
    QCOMPARE(chartType(trendSheet), QStringLiteral("LineChart"));
}

QTEST_MAIN(TestResultExport)
#include "tst_resultexport.moc"
