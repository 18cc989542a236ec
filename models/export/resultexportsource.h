#pragma once

#include "api/dashboard.h"
#include "exportsource.h"
#include "exporttable.h"

#include <optional>

namespace engage::models {

// The dashboard's results for one DashboardQuery, read from the same
// endpoints the dashboard page reads (so the workbook holds what the page
// shows, from the offline cache as the page does): a summary sheet, the
// factors with a bar chart, the heatmap of groups x factors under a colour
// scale, and the trend over the period with a line chart; the cover names
// the filters. A withheld score stays an empty cell and the row's note says
// why: never a number.
class ResultExportSource final : public ExportSource
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultExportSource)

public:
    // The heatmap's and trend's score columns: engagement and the nine factors.
    static constexpr int kHeatmapFirstScoreColumn = 3;
    static constexpr int kTrendFirstScoreColumn = 3;

    ResultExportSource(ApiClient &client, api::DashboardQuery query, QString tenant,
                       QString filters, QObject *parent = nullptr);

    QList<ExportSheet> sheets() const override;
    QString fileLabel() const override;

    const ExportTable &summaryTable() const { return m_summaryTable; }
    const ExportTable &factorTable() const { return m_factorTable; }
    const ExportTable &heatmapTable() const { return m_heatmapTable; }
    const ExportTable &trendTable() const { return m_trendTable; }

private:
    void startLoading() override;
    void clear() override;
    // Reads GET /api/v1/engagement/<name>?<query> into `target`.
    template<typename T>
    void readPart(const QString &name, const api::DashboardQuery &query,
                  api::Result<T> (*decode)(const QJsonObject &), std::optional<T> &target);
    void finishIfComplete();
    QString roundLabel(const QString &roundId) const;
    void fillSummary();
    void fillFactors();
    void fillHeatmap();
    void fillTrend();

    api::DashboardQuery m_query;
    std::optional<api::RoundList> m_rounds;
    std::optional<api::Summary> m_summary;
    std::optional<api::FactorBreakdown> m_factors;
    std::optional<api::Heatmap> m_heatmap;
    std::optional<api::Trend> m_trend;
    int m_parts = 0;
    ExportTable m_summaryTable;
    ExportTable m_factorTable;
    ExportTable m_heatmapTable;
    ExportTable m_trendTable;
};

} // namespace engage::models
