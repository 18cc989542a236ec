#pragma once

#include "api/dashboard.h"
#include "ui/charts/dashboardchart.h"

#include <QList>
#include <QStringList>

class QBarCategoryAxis;
class QBarSet;
class QGraphicsSimpleTextItem;
class QHorizontalBarSeries;
class QScatterSeries;
class QValueAxis;

namespace engage::models {
class FactorScoreModel;
}

namespace engage::ui {

// Engagement and the nine factors of a FactorScoreModel (its top-level rows)
// as horizontal bars on a 0-100 axis, engagement at the top, each bar's score
// written at its end in the UI language; a withheld factor has an empty bar
// labelled "—". The tenant's benchmark per factor is a diamond on its bar's
// row (none where the tenant set none). The pointer on a bar shows how many
// respondents its score rests on, or why it is withheld; a click emits
// factorActivated. Follows the model's modelReset, dataChanged, rowsInserted
// and rowsRemoved.
class FactorChart final : public DashboardChart
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FactorChart)

public:
    explicit FactorChart(models::FactorScoreModel &model, QWidget *parent = nullptr);
    ~FactorChart() override;

    // Where the benchmark figures come from (BenchmarkSet::label), shown in
    // the legend; empty names them just "Benchmark".
    void setBenchmarkLabel(const QString &label);

    // For tests and the page, top row (engagement) first: the factors shown,
    // their bars' values (0 for a withheld one), the text at each bar's end
    // ("72.5" or "—"), and the benchmark markers (x: the benchmark, y: the
    // bar's row counted from the bottom).
    QList<api::Factor> factorsShown() const { return m_factors; }
    QList<double> barValues() const;
    QStringList valueLabels() const;
    QScatterSeries *benchmarkMarkers() const { return m_benchmarks; }

Q_SIGNALS:
    void factorActivated(engage::api::Factor factor);

protected:
    void rebuild() override;

private:
    void placeValueLabels();
    int rowOfBar(int barIndex) const;

    models::FactorScoreModel &m_model;
    QString m_benchmarkLabel;
    QList<api::Factor> m_factors;
    QHorizontalBarSeries *m_bars = nullptr;
    QBarSet *m_scores = nullptr;
    QScatterSeries *m_benchmarks = nullptr;
    QBarCategoryAxis *m_names = nullptr;
    QValueAxis *m_scale = nullptr;
    QList<QGraphicsSimpleTextItem *> m_valueLabels; // top row first
};

} // namespace engage::ui
