// The results export against the real engage-server over TLS on loopback,
// signed in as the owner of the demo tenant "sakura-foods" (a year of demo
// pulses): the workbook read back by openpyxl holds the cover (the tenant,
// the filters, the anonymity threshold), then the summary, factors, heatmap,
// attributes and trend sheets with exactly what DashboardLoader (the
// dashboard page's source) and GET /engagement/attributes read for the same
// query: scores as numbers, response rates as real percentages, withheld
// scores as empty cells with a note, the heatmap's and the attribute
// breakdown's scores under a three-colour scale, the factors as a bar chart
// and the trend as a line chart. An attribute deleted while the export reads
// is left out, and the export still succeeds.

#include "api/attribute.h"
#include "exporttestsupport.h"
#include "models/dashboard/dashboardloader.h"
#include "models/dashboard/scoreroles.h"
#include "models/export/exporttask.h"
#include "models/export/resultexportsource.h"
#include "rawhttpsclient.h"
#include "serviceclient.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QUuid>

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

QString textAt(const QJsonArray &rows, int row, int column)
{
    return cellAt(rows, row, column).value(QLatin1String("v")).toString();
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
    void breaksDownByEveryAttribute();
    void leavesOutAnAttributeDeletedMeanwhile();

private:
    // The results of the latest round for the whole tenant, exported to
    // `fileName` and read back; empty, with the reason in `error`, on failure.
    QJsonObject exportResults(const QString &fileName, const QString &filters, QString *error);

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

QJsonObject TestResultExport::exportResults(const QString &fileName, const QString &filters,
                                            QString *error)
{
    const QString path = m_dir.filePath(fileName);
    ExportTask task(std::make_unique<ResultExportSource>(m_owner.client->api, api::DashboardQuery{},
                                                         QStringLiteral("Sakura Foods"), filters));
    QSignalSpy finished(&task, &ExportTask::finished);
    QSignalSpy failed(&task, &ExportTask::failed);
    task.start(path, ExportTask::Format::Xlsx);
    if (!QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, kWaitMs)) {
        *error = QStringLiteral("the export did not end");
        return {};
    }
    if (!failed.isEmpty()) {
        *error = failed.constFirst().constFirst().toString();
        return {};
    }
    return readWorkbook(path, error);
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
    QString error;
    const QJsonObject workbook = exportResults(QStringLiteral("results.xlsx"), filters, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QJsonArray sheets = workbook.value(QLatin1String("sheets")).toArray();
    QCOMPARE(sheets.size(), 6); // the cover, then the five tables
    QStringList names;
    for (const QJsonValue sheet : sheets)
        names.append(sheet.toObject().value(QLatin1String("name")).toString());
    QCOMPARE(names.mid(1), QStringList({QStringLiteral("Summary"), QStringLiteral("Factors"),
                                        QStringLiteral("Heatmap"), QStringLiteral("Attributes"),
                                        QStringLiteral("Trend")}));

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
    const QJsonObject trendSheet = sheets.at(5).toObject();
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

// The attributes sheet: a block of rows per tenant attribute (in the
// tenant's order) and per snapshot key, each row what GET
// /engagement/attributes answers for that attribute, cell by cell.
void TestResultExport::breaksDownByEveryAttribute()
{
    ApiClient &client = m_owner.client->api;
    const Outcome listed = get(client, QStringLiteral("/api/v1/attributes"));
    QVERIFY2(listed.ok, qPrintable(listed.error.detail));
    const auto attributes = api::attributeListFromJson(listed.json);
    QVERIFY(attributes);
    QVERIFY(!attributes.value().isEmpty());
    QList<QPair<QString, QString>> blocks; // id, name as the dashboard shows it (in English here)
    for (const api::Attribute &attribute : attributes.value())
        blocks.append({attribute.id, attribute.fields.nameEn});
    const QStringList keyNames{QStringLiteral("Age band"), QStringLiteral("Length of service"),
                               QStringLiteral("Employment type"), QStringLiteral("Grade"),
                               QStringLiteral("Job category")};
    QCOMPARE(api::snapshotKeys().size(), keyNames.size());
    for (qsizetype i = 0; i < keyNames.size(); ++i)
        blocks.append({api::snapshotKeys().at(i), keyNames.at(i)});

    QString error;
    const QJsonObject workbook =
        exportResults(QStringLiteral("attributes.xlsx"), QString(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QJsonArray sheets = workbook.value(QLatin1String("sheets")).toArray();
    QCOMPARE(sheets.size(), 6);
    const QJsonObject sheet = sheets.at(4).toObject();
    QCOMPARE(sheet.value(QLatin1String("name")).toString(), QStringLiteral("Attributes"));
    const QJsonArray rows = rowsOf(sheet);

    QStringList headers{QStringLiteral("Attribute"), QStringLiteral("Value"),
                        QStringLiteral("Respondents")};
    for (const api::Factor factor : api::allFactors())
        headers.append(factorName(factor));
    headers.append(QStringLiteral("Note"));
    QStringList written;
    for (const QJsonValue cell : rows.at(0).toArray())
        written.append(cell.toObject().value(QLatin1String("v")).toString());
    QCOMPARE(written, headers);

    constexpr int first = ResultExportSource::kAttributeFirstScoreColumn;
    constexpr int noteColumn = first + api::kFactorCount;
    // The heatmap's scores, in the number format the attribute breakdown's share.
    const QJsonArray heatmapRows = rowsOf(sheets.at(3).toObject());
    const QString scoreFormat = cellAt(heatmapRows, 1, ResultExportSource::kHeatmapFirstScoreColumn)
                                    .value(QLatin1String("fmt"))
                                    .toString();
    int line = 1;
    int withheld = 0;
    for (const auto &[id, name] : std::as_const(blocks)) {
        api::DashboardQuery query;
        query.attributeId = id;
        const Outcome answered =
            get(client, QStringLiteral("/api/v1/engagement/attributes?") +
                            api::toUrlQuery(query).toString(QUrl::FullyEncoded));
        QVERIFY2(answered.ok, qPrintable(answered.error.detail));
        const auto breakdown = api::attributeBreakdownFromJson(answered.json);
        QVERIFY(breakdown);
        QVERIFY2(!breakdown.value().rows.isEmpty(), qPrintable(name));
        for (const api::AttributeRow &row : breakdown.value().rows) {
            const QString where =
                QStringLiteral("%1 = \"%2\", line %3").arg(name, row.value).arg(line);
            QCOMPARE(textAt(rows, line, 0), name);
            QCOMPARE(textAt(rows, line, 1),
                     row.value.isEmpty() ? QStringLiteral("(none)") : row.value);
            const QJsonObject respondents = cellAt(rows, line, 2);
            QCOMPARE(respondents.value(QLatin1String("t")).toString(), QStringLiteral("n"));
            QCOMPARE(respondents.value(QLatin1String("v")).toVariant().toLongLong(),
                     row.responseRate.respondents);
            bool anyWithheld = false;
            for (int c = 0; c < row.cells.size(); ++c) {
                const QJsonObject cell = cellAt(rows, line, first + c);
                QVERIFY2(holdsScore(cell, row.cells.at(c)),
                         qPrintable(QStringLiteral("%1, column %2").arg(where).arg(first + c)));
                if (row.cells.at(c).value)
                    QCOMPARE(cell.value(QLatin1String("fmt")).toString(), scoreFormat);
                anyWithheld = anyWithheld || !row.cells.at(c).value;
            }
            withheld += anyWithheld ? 1 : 0;
            const QString note = textAt(rows, line, noteColumn);
            QVERIFY2(note.isEmpty() == !anyWithheld, qPrintable(where + u' ' + note));
            for (const api::Score &score : row.cells) {
                if (!score.value)
                    QVERIFY2(
                        note.contains(scoreExplanation(score, breakdown.value().slice.threshold)),
                        qPrintable(where + u' ' + note));
            }
            ++line;
        }
    }
    QCOMPARE(rows.size(), line);
    QVERIFY2(withheld > 0, "the demo's small bands are withheld somewhere");

    const QJsonArray conditional = sheet.value(QLatin1String("conditional")).toArray();
    QCOMPARE(conditional.size(), 1);
    QCOMPARE(conditional.at(0).toObject().value(QLatin1String("range")).toString(),
             QStringLiteral("D2:M%1").arg(line));
    QCOMPARE(conditional.at(0).toObject().value(QLatin1String("types")).toArray().at(0).toString(),
             QStringLiteral("colorScale"));
}

// An attribute deleted after the export listed the tenant's attributes and
// before it asked for their breakdowns: the service answers 404 for it, the
// export leaves its block out and holds the others.
void TestResultExport::leavesOutAnAttributeDeletedMeanwhile()
{
    ApiClient &client = m_owner.client->api;
    ApiRequest create;
    create.method = "POST";
    create.path = QStringLiteral("/api/v1/attributes");
    create.body = api::toJson(api::AttributeFields{
        QStringLiteral("一時"), QStringLiteral("Temporary"), api::AttributeType::Text, {}});
    create.idempotencyKey = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    const Outcome created = call(m_owner.other->api, create);
    QVERIFY2(created.ok, qPrintable(created.error.detail));
    const auto attribute = api::attributeFromJson(created.json);
    QVERIFY(attribute);
    const Outcome listed = get(client, QStringLiteral("/api/v1/attributes"));
    QVERIFY2(listed.ok, qPrintable(listed.error.detail));
    const auto attributes = api::attributeListFromJson(listed.json);
    QVERIFY(attributes);

    ResultExportSource source(client, api::DashboardQuery{}, QStringLiteral("Sakura Foods"),
                              QString());
    // The source reports the list read (its total grows by the breakdowns)
    // before it asks for them; the attribute goes then, through blocking
    // calls that run no events, so that nothing else happens meanwhile.
    std::optional<qint64> firstTotal;
    qint64 totalWhenDeleted = 0;
    std::optional<RawResponse> deleted;
    QString deleteError;
    connect(&source, &ExportSource::progressChanged, &source, [&](qint64, qint64 total) {
        if (!firstTotal) {
            firstTotal = total;
            return;
        }
        if (total == *firstTotal || totalWhenDeleted != 0)
            return;
        totalWhenDeleted = total;
        RawHttpsClient raw(m_server.certificatePath());
        const QByteArray path = "/api/v1/attributes/" + attribute.value().id.toUtf8();
        const HeaderList headers{
            {"Authorization",
             QByteArray("Bearer " + m_owner.other->session.accessToken().toUtf8())},
            {"If-Match", QByteArray('"' + QByteArray::number(attribute.value().revision) + '"')}};
        if (raw.connectTo(m_server.port()) &&
            raw.send(RawHttpsClient::request("DELETE", path, headers)))
            deleted = raw.readResponse();
        deleteError = raw.errorString();
    });
    QSignalSpy loaded(&source, &ExportSource::loaded);
    QSignalSpy failed(&source, &ExportSource::failed);
    source.load();
    QVERIFY(QTest::qWaitFor([&] { return !loaded.isEmpty() || !failed.isEmpty(); }, kWaitMs));
    QVERIFY2(deleted, qPrintable(deleteError));
    QVERIFY2(deleted->status == 204, qPrintable(deleted->describe()));
    // The list the source read held the attribute.
    QVERIFY(firstTotal);
    QCOMPARE(totalWhenDeleted - *firstTotal,
             qint64(attributes.value().size() + api::snapshotKeys().size()));
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).value<ApiError>().detail));

    const ExportTable &table = source.attributeTable();
    QStringList named;
    for (int row = 0; row < table.rowCount(); ++row)
        named.append(table.index(row, 0).data().toString());
    QVERIFY2(!named.contains(QStringLiteral("Temporary")), qPrintable(named.join(u',')));
    for (const api::Attribute &kept : attributes.value()) {
        if (kept.id != attribute.value().id)
            QVERIFY2(named.contains(kept.fields.nameEn), qPrintable(kept.fields.nameEn));
    }
    QVERIFY(named.contains(QStringLiteral("Age band")));
}

QTEST_MAIN(TestResultExport)
#include "tst_resultexport.moc"
