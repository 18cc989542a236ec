#pragma once

#include "api/dashboard.h"
#include "exportsource.h"
#include "exporttable.h"

#include <functional>
#include <optional>

namespace engage::models {

// The dashboard's results for one DashboardQuery, read from the same
// endpoints the dashboard page reads (so the workbook holds what the page
// shows, from the offline cache as the page does): a summary sheet, the
// factors with a bar chart, the heatmap of groups x factors under a colour
// scale, the attribute breakdown (a block of rows per attribute the tenant
// has and per key of the delivery snapshot, values x factors, under a
// colour scale too), and the trend over the period with a line chart; the
// cover names the filters. A withheld score stays an empty cell and the
// row's note says why: never a number.
//
// The breakdown covers the query's round and group: the service breaks a
// slice down by every value of one attribute, so the query's own attribute
// and value do not narrow it. An attribute deleted while the export reads
// (the service answers 404), or a snapshot key the service does not know,
// leaves its block out rather than failing the export.
class ResultExportSource final : public ExportSource
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultExportSource)

public:
    // The heatmap's, attribute breakdown's and trend's score columns:
    // engagement and the nine factors.
    static constexpr int kHeatmapFirstScoreColumn = 3;
    static constexpr int kAttributeFirstScoreColumn = 3;
    static constexpr int kTrendFirstScoreColumn = 3;

    ResultExportSource(ApiClient &client, api::DashboardQuery query, QString tenant,
                       QString filters, QObject *parent = nullptr);

    QList<ExportSheet> sheets() const override;
    QString fileLabel() const override;

    const ExportTable &summaryTable() const { return m_summaryTable; }
    const ExportTable &factorTable() const { return m_factorTable; }
    const ExportTable &heatmapTable() const { return m_heatmapTable; }
    const ExportTable &attributeTable() const { return m_attributeTable; }
    const ExportTable &trendTable() const { return m_trendTable; }

private:
    // One attribute of the breakdown sheet: a tenant attribute or a snapshot key.
    struct AttributeBlock
    {
        QString id;
        QString name; // as the dashboard names it, in the UI language
        std::optional<api::AttributeBreakdown> breakdown; // none when left out
    };

    void startLoading() override;
    void clear() override;
    // Reads GET /api/v1/engagement/<name>?<query> into `target`; `refused`
    // as ExportSource::read() takes it.
    template<typename T>
    void readPart(const QString &name, const api::DashboardQuery &query,
                  api::Result<T> (*decode)(const QJsonObject &), std::optional<T> &target,
                  std::function<bool(const ApiError &error)> refused = {});
    // Reads the tenant's attributes, then the breakdown by each of them and
    // by each snapshot key.
    void readAttributes();
    void partRead();
    int partCount() const;
    void finishIfComplete();
    QString roundLabel(const QString &roundId) const;
    void fillSummary();
    void fillFactors();
    void fillHeatmap();
    void fillAttributes();
    void fillTrend();

    api::DashboardQuery m_query;
    std::optional<api::RoundList> m_rounds;
    std::optional<api::Summary> m_summary;
    std::optional<api::FactorBreakdown> m_factors;
    std::optional<api::Heatmap> m_heatmap;
    std::optional<api::Trend> m_trend;
    QList<AttributeBlock> m_attributeBlocks; // known once the tenant's attributes are read
    int m_parts = 0;
    ExportTable m_summaryTable;
    ExportTable m_factorTable;
    ExportTable m_heatmapTable;
    ExportTable m_attributeTable;
    ExportTable m_trendTable;
};

} // namespace engage::models
