#include "resultexportsource.h"

#include "models/apiclient.h"
#include "models/apireply.h"
#include "models/attributelistmodel.h"
#include "models/dashboard/attributebreakdownmodel.h"
#include "models/dashboard/scoreroles.h"
#include "models/surveys/surveytext.h"

#include <QLocale>
#include <QUrlQuery>

namespace engage::models {

namespace {

const QString kEngagementPath = QStringLiteral("/api/v1/engagement/");
const QString kAttributesPath = QStringLiteral("/api/v1/attributes");
// Rounds, summary, factors, heatmap, trend and the tenant's attributes; a
// breakdown per attribute besides, once they are known.
constexpr int kPartCount = 6;

// The same paths (and so the same offline cache entries) as DashboardLoader:
// the trend reads a period instead of a round, the others a round and no period.
QString pathOf(const QString &name, const api::DashboardQuery &query)
{
    const QString encoded = api::toUrlQuery(query).toString(QUrl::FullyEncoded);
    const QString path = kEngagementPath + name;
    return encoded.isEmpty() ? path : path + u'?' + encoded;
}

QVariant scoreCell(const api::Score &score)
{
    return score.value ? QVariant(*score.value) : QVariant();
}

QVariant optionalNumber(std::optional<double> value)
{
    return value ? QVariant(*value) : QVariant();
}

// A response rate as a fraction, for a percent cell.
QVariant rateCell(const api::ResponseRate &rate)
{
    return rate.rate ? QVariant(*rate.rate / 100.0) : QVariant();
}

// Why the withheld scores among `scores` (named alike by `names`) are empty:
// "Engagement, Job: Withheld to keep answers anonymous: fewer than 5
// respondents (3)." one sentence per reason, in the UI language.
QString withheldNote(const QStringList &names, const QList<api::Score> &scores, int threshold)
{
    QStringList reasons;
    QList<QStringList> named;
    for (qsizetype i = 0; i < scores.size() && i < names.size(); ++i) {
        const api::Score &score = scores.at(i);
        if (score.value)
            continue;
        const QString reason = scoreExplanation(score, threshold);
        const qsizetype at = reasons.indexOf(reason);
        if (at < 0) {
            reasons.append(reason);
            named.append({names.at(i)});
        } else {
            named[at].append(names.at(i));
        }
    }
    QStringList sentences;
    for (qsizetype i = 0; i < reasons.size(); ++i)
        //: A note beside withheld scores: %1 the factors, %2 why they are withheld.
        sentences.append(ResultExportSource::tr("%1: %2").arg(
            named.at(i).join(QStringLiteral(", ")), reasons.at(i)));
    return sentences.join(u' ');
}

QStringList factorNames()
{
    QStringList names;
    for (const api::Factor factor : api::allFactors())
        names.append(factorName(factor));
    return names;
}

// The columns of a table of slices (heatmap, attribute breakdown, trend):
// `leading`, then engagement and the nine factors, then the note.
QList<ExportTable::Column> sliceColumns(QList<ExportTable::Column> leading)
{
    for (const QString &name : factorNames())
        leading.append({name, CellFormat::Number});
    leading.append({ResultExportSource::tr("Note"), CellFormat::Text});
    return leading;
}

// A row of such a table: `leading`, then each of `scores` (named alike by
// `names`; a withheld one empty) and the note saying why any is withheld.
QVariantList sliceRow(QVariantList leading, const QStringList &names,
                      const QList<api::Score> &scores, int threshold)
{
    for (const api::Score &score : scores)
        leading.append(scoreCell(score));
    leading.append(withheldNote(names, scores, threshold));
    return leading;
}

ColourScale scoreScale(int firstColumn)
{
    return ColourScale{firstColumn, firstColumn + api::kFactorCount - 1};
}

// The service answered that the attribute is gone (deleted since the list
// was read: 404), or that it does not know the snapshot key (400 on the
// attribute): its block is left out, the rest of the results still hold.
bool leavesBlockOut(const ApiError &error)
{
    return error.kind == ApiError::Kind::Problem &&
           (error.httpStatus == 404 ||
            (error.httpStatus == 400 && error.field == QLatin1String("attribute")));
}

} // namespace

ResultExportSource::ResultExportSource(ApiClient &client, api::DashboardQuery query, QString tenant,
                                       QString filters, QObject *parent)
    : ExportSource(client, std::move(tenant), std::move(filters), parent)
    , m_query(std::move(query))
{}

QList<ExportSheet> ResultExportSource::sheets() const
{
    ExportSheet summary;
    summary.title = tr("Summary");
    summary.model = &m_summaryTable;

    ExportSheet factors;
    factors.title = tr("Factors");
    factors.model = &m_factorTable;
    factors.charts.append({ExportChart::Kind::Bar, tr("Factor scores"), 0, {1}});

    ExportSheet heatmap;
    heatmap.title = tr("Heatmap");
    heatmap.model = &m_heatmapTable;
    heatmap.colourScale = scoreScale(kHeatmapFirstScoreColumn);

    ExportSheet attributes;
    attributes.title = tr("Attributes");
    attributes.model = &m_attributeTable;
    attributes.colourScale = scoreScale(kAttributeFirstScoreColumn);

    ExportSheet trend;
    trend.title = tr("Trend");
    trend.model = &m_trendTable;
    trend.charts.append(
        {ExportChart::Kind::Line, tr("Engagement over time"), 0, {kTrendFirstScoreColumn}});
    return {summary, factors, heatmap, attributes, trend};
}

QString ResultExportSource::fileLabel() const
{
    return tr("results");
}

void ResultExportSource::clear()
{
    m_rounds.reset();
    m_summary.reset();
    m_factors.reset();
    m_heatmap.reset();
    m_trend.reset();
    m_attributeBlocks.clear();
    m_parts = 0;
    m_summaryTable.clear();
    m_factorTable.clear();
    m_heatmapTable.clear();
    m_attributeTable.clear();
    m_trendTable.clear();
}

template<typename T>
void ResultExportSource::readPart(const QString &name, const api::DashboardQuery &query,
                                  api::Result<T> (*decode)(const QJsonObject &),
                                  std::optional<T> &target,
                                  std::function<bool(const ApiError &error)> refused)
{
    ApiRequest get;
    get.path = pathOf(name, query);
    get.offlineKey = get.path;
    read(
        get,
        [this, decode, &target](const ApiReply &reply) {
            api::Result<T> decoded = decode(reply.json().object());
            if (!decoded) {
                fail(reply.unreadable(decoded.error().detail));
                return;
            }
            target = decoded.takeValue();
            partRead();
        },
        std::move(refused));
}

void ResultExportSource::readAttributes()
{
    ApiRequest get;
    get.path = kAttributesPath;
    // The members export keeps the list under the same key.
    get.offlineKey = kAttributesPath;
    read(get, [this](const ApiReply &reply) {
        const auto attributes = api::attributeListFromJson(reply.json().object());
        if (!attributes) {
            fail(reply.unreadable(attributes.error().detail));
            return;
        }
        // In the order of the dashboard's attribute filter.
        for (const api::Attribute &attribute : attributes.value())
            m_attributeBlocks.append(
                {attribute.id, AttributeListModel::displayName(attribute.fields), std::nullopt});
        for (const QString &key : api::snapshotKeys())
            m_attributeBlocks.append({key, SurveyText::snapshotKeyName(key), std::nullopt});
        // Counted once the blocks are known, so that the total reported
        // includes their breakdowns, and before these are asked for.
        partRead();

        api::DashboardQuery slice = m_query;
        slice.from.reset();
        slice.to.reset();
        slice.attributeValue.clear();
        for (AttributeBlock &block : m_attributeBlocks) {
            slice.attributeId = block.id;
            readPart(QStringLiteral("attributes"), slice, api::attributeBreakdownFromJson,
                     block.breakdown, [this](const ApiError &error) {
                         if (!leavesBlockOut(error))
                             return false;
                         partRead();
                         return true;
                     });
        }
    });
}

void ResultExportSource::partRead()
{
    Q_EMIT progressChanged(++m_parts, partCount());
    finishIfComplete();
}

int ResultExportSource::partCount() const
{
    return kPartCount + int(m_attributeBlocks.size());
}

void ResultExportSource::startLoading()
{
    api::DashboardQuery slice = m_query;
    slice.from.reset();
    slice.to.reset();
    api::DashboardQuery period = m_query;
    period.roundId.clear();
    Q_EMIT progressChanged(0, partCount());
    readPart(QStringLiteral("rounds"), {}, api::roundListFromJson, m_rounds);
    readPart(QStringLiteral("summary"), slice, api::summaryFromJson, m_summary);
    readPart(QStringLiteral("factors"), slice, api::factorBreakdownFromJson, m_factors);
    readPart(QStringLiteral("heatmap"), slice, api::heatmapFromJson, m_heatmap);
    readPart(QStringLiteral("trend"), period, api::trendFromJson, m_trend);
    readAttributes();
}

// Every read either answered or, a breakdown, was left out; before the
// tenant's attributes are read the count falls short of the blocks' reads.
void ResultExportSource::finishIfComplete()
{
    if (m_parts < partCount())
        return;
    fillSummary();
    fillFactors();
    fillHeatmap();
    fillAttributes();
    fillTrend();
    finishLoading();
}

QString ResultExportSource::roundLabel(const QString &roundId) const
{
    for (const api::RoundInfo &round : m_rounds->rounds) {
        if (round.id == roundId)
            //: A round: %1 the survey's name, %2 the round's number.
            return tr("%1 #%2").arg(round.surveyName, QLocale().toString(round.number));
    }
    return roundId;
}

void ResultExportSource::fillSummary()
{
    const api::Summary &summary = *m_summary;
    m_summaryTable.setColumns({
        {tr("Round"), CellFormat::Text},
        {factorName(api::Factor::Engagement), CellFormat::Number},
        {tr("Change"), CellFormat::Number},
        {tr("Respondents"), CellFormat::Number},
        {tr("Invited"), CellFormat::Number},
        {tr("Response rate"), CellFormat::Percent},
        {tr("Change in response rate (points)"), CellFormat::Number},
        {tr("Note"), CellFormat::Text},
    });
    m_summaryTable.setRows({{
        roundLabel(summary.slice.roundId),
        scoreCell(summary.engagement),
        optionalNumber(summary.engagement.change),
        summary.engagement.respondents,
        summary.responseRate.targets,
        rateCell(summary.responseRate),
        optionalNumber(summary.responseRateChange),
        withheldNote({factorName(api::Factor::Engagement)}, {summary.engagement},
                     summary.slice.threshold),
    }});
}

void ResultExportSource::fillFactors()
{
    const api::FactorBreakdown &breakdown = *m_factors;
    m_factorTable.setColumns({
        {tr("Factor"), CellFormat::Text},
        {tr("Score"), CellFormat::Number},
        {tr("Change"), CellFormat::Number},
        {tr("Respondents"), CellFormat::Number},
        {tr("Benchmark"), CellFormat::Number},
        {tr("Note"), CellFormat::Text},
    });
    QList<QVariantList> rows;
    for (const api::FactorScore &factor : breakdown.factors) {
        const QString name = factorName(factor.factor);
        rows.append({name, scoreCell(factor.score), optionalNumber(factor.score.change),
                     factor.score.respondents, optionalNumber(factor.benchmark),
                     withheldNote({name}, {factor.score}, breakdown.slice.threshold)});
    }
    m_factorTable.setRows(std::move(rows));
}

void ResultExportSource::fillHeatmap()
{
    const api::Heatmap &heatmap = *m_heatmap;
    m_heatmapTable.setColumns(sliceColumns({
        {tr("Group"), CellFormat::Text},
        {tr("Response rate"), CellFormat::Percent},
        {tr("Respondents"), CellFormat::Number},
    }));

    // Each group by its path from the slice's group ("Sales / Tokyo"), so
    // that rows stay distinct when filtered or sorted in Excel.
    QHash<QString, QString> paths;
    const QStringList names = factorNames();
    QList<QVariantList> rows;
    for (const api::HeatmapRow &row : heatmap.rows) {
        const QString parent = paths.value(row.parentId);
        const QString path =
            parent.isEmpty() ? row.name : tr("%1 / %2", "a group's path").arg(parent, row.name);
        paths.insert(row.groupId, path);
        rows.append(sliceRow({path, rateCell(row.responseRate), row.responseRate.respondents},
                             names, row.cells, heatmap.slice.threshold));
    }
    m_heatmapTable.setRows(std::move(rows));
}

void ResultExportSource::fillAttributes()
{
    m_attributeTable.setColumns(sliceColumns({
        {tr("Attribute"), CellFormat::Text},
        {tr("Value"), CellFormat::Text},
        {tr("Respondents"), CellFormat::Number},
    }));

    const QStringList names = factorNames();
    QList<QVariantList> rows;
    for (const AttributeBlock &block : std::as_const(m_attributeBlocks)) {
        if (!block.breakdown)
            continue;
        const api::AttributeBreakdown &breakdown = *block.breakdown;
        // The values as the dashboard's breakdown names them ("(none)" for
        // the members without one).
        AttributeBreakdownModel values;
        values.setBreakdown(breakdown);
        for (int i = 0; i < values.rowCount(); ++i) {
            const api::AttributeRow &row = breakdown.rows.at(i);
            rows.append(
                sliceRow({block.name, values.index(i, AttributeBreakdownModel::ValueColumn).data(),
                          row.responseRate.respondents},
                         names, row.cells, breakdown.slice.threshold));
        }
    }
    m_attributeTable.setRows(std::move(rows));
}

void ResultExportSource::fillTrend()
{
    const api::Trend &trend = *m_trend;
    m_trendTable.setColumns(sliceColumns({
        {tr("Closed"), CellFormat::Date},
        {tr("Round"), CellFormat::Text},
        {tr("Response rate"), CellFormat::Percent},
    }));

    const QStringList names = factorNames();
    QList<QVariantList> rows;
    for (const api::TrendPoint &point : trend.points) {
        QList<api::Score> scores{point.engagement};
        scores.append(point.factors);
        rows.append(sliceRow({point.closesAt.toLocalTime().date(), roundLabel(point.roundId),
                              rateCell(point.responseRate)},
                             names, scores, trend.slice.threshold));
    }
    m_trendTable.setRows(std::move(rows));
}

} // namespace engage::models
