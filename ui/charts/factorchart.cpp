#include "factorchart.h"

#include "models/dashboard/factorscoremodel.h"
#include "models/dashboard/scoreroles.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QFontMetrics>
#include <QGraphicsSimpleTextItem>
#include <QHorizontalBarSeries>
#include <QLegend>
#include <QScatterSeries>
#include <QValueAxis>
#include <algorithm>

namespace engage::ui {

using models::FactorScoreModel;

FactorChart::FactorChart(models::FactorScoreModel &model, QWidget *parent)
    : DashboardChart(parent)
    , m_model(model)
{
    chart()->legend()->setAlignment(Qt::AlignBottom);
    m_bars = new QHorizontalBarSeries;
    m_bars->setBarWidth(0.6);
    m_scores = new QBarSet(QString());
    m_bars->append(m_scores);
    m_benchmarks = new QScatterSeries;
    m_benchmarks->setMarkerShape(QScatterSeries::MarkerShapeRotatedRectangle);
    m_benchmarks->setMarkerSize(13);
    chart()->addSeries(m_bars);
    chart()->addSeries(m_benchmarks);

    m_names = new QBarCategoryAxis;
    m_names->setGridLineVisible(false);
    m_names->setTruncateLabels(false);
    addAxis(m_names, Qt::AlignLeft, QString());
    m_scale = new QValueAxis;
    m_scale->setRange(0, 100);
    m_scale->setTickType(QValueAxis::TicksDynamic);
    m_scale->setTickAnchor(0);
    m_scale->setTickInterval(20);
    m_scale->setLabelFormat(QStringLiteral("%.0f"));
    addAxis(m_scale, Qt::AlignBottom, QString());
    for (QAbstractSeries *series :
         {static_cast<QAbstractSeries *>(m_bars), static_cast<QAbstractSeries *>(m_benchmarks)}) {
        series->attachAxis(m_names);
        series->attachAxis(m_scale);
    }

    connect(m_bars, &QHorizontalBarSeries::hovered, this, [this](bool status, int bar) {
        const int row = rowOfBar(bar);
        showToolTip(
            status
                ? m_model.data(m_model.index(row, FactorScoreModel::NameColumn)).toString() +
                      u'\n' +
                      m_model
                          .data(m_model.index(row, FactorScoreModel::ScoreColumn), Qt::ToolTipRole)
                          .toString()
                : QString());
    });
    connect(m_bars, &QHorizontalBarSeries::clicked, this,
            [this](int bar) { Q_EMIT factorActivated(m_factors.at(rowOfBar(bar))); });
    connect(&m_model, &QAbstractItemModel::modelReset, this, &FactorChart::rebuild);
    connect(&m_model, &QAbstractItemModel::dataChanged, this, &FactorChart::rebuild);
    connect(&m_model, &QAbstractItemModel::rowsInserted, this, &FactorChart::rebuild);
    connect(&m_model, &QAbstractItemModel::rowsRemoved, this, &FactorChart::rebuild);
    connect(chart(), &QChart::plotAreaChanged, this, &FactorChart::placeValueLabels);
    refresh();
}

FactorChart::~FactorChart() = default;

void FactorChart::setBenchmarkLabel(const QString &label)
{
    if (label == m_benchmarkLabel)
        return;
    m_benchmarkLabel = label;
    rebuild();
}

QList<double> FactorChart::barValues() const
{
    QList<double> values;
    for (int bar = m_scores->count() - 1; bar >= 0; --bar)
        values.append(m_scores->at(bar));
    return values;
}

QStringList FactorChart::valueLabels() const
{
    QStringList labels;
    for (const QGraphicsSimpleTextItem *item : m_valueLabels)
        labels.append(item->text());
    return labels;
}

// The bars go from the bottom up, the model's rows from the top down.
int FactorChart::rowOfBar(int barIndex) const
{
    return int(m_factors.size()) - 1 - barIndex;
}

void FactorChart::rebuild()
{
    QChart &plot = *chart();
    qDeleteAll(m_valueLabels);
    m_valueLabels.clear();
    m_factors.clear();

    const QList<api::FactorScore> &factors = m_model.breakdown().factors;
    const int rows = std::min(m_model.rowCount(), int(factors.size()));
    for (int row = 0; row < rows; ++row)
        m_factors.append(factors.at(row).factor);

    m_scores->setLabel(tr("Score"));
    m_scores->setColor(seriesColour(0));
    m_scores->setBorderColor(seriesColour(0));
    m_benchmarks->setName(m_benchmarkLabel.isEmpty()
                              ? tr("Benchmark")
                              //: Legend of the factor chart: %1 where the benchmark comes from.
                              : tr("Benchmark (%1)").arg(m_benchmarkLabel));
    m_benchmarks->setColor(textColour());
    m_benchmarks->setBorderColor(palette().color(QPalette::Base));

    QStringList categories;
    QList<double> values;
    QList<QPointF> benchmarks;
    for (int bar = 0; bar < rows; ++bar) {
        const int row = rowOfBar(bar);
        const QModelIndex score = m_model.index(row, FactorScoreModel::ScoreColumn);
        categories.append(
            m_model.data(m_model.index(row, FactorScoreModel::NameColumn)).toString());
        const QVariant value = m_model.data(score, models::ScoreValueRole);
        values.append(value.isValid() ? value.toDouble() : 0.0);
        if (const auto benchmark = factors.at(row).benchmark)
            benchmarks.append(QPointF(*benchmark, bar));

        auto *label = new QGraphicsSimpleTextItem(m_model.data(score).toString(), &plot);
        label->setFont(labelFont());
        label->setBrush(textColour());
        label->setToolTip(m_model.data(score, Qt::ToolTipRole).toString());
        label->setZValue(10);
        m_valueLabels.prepend(label);
    }
    // The bars are kept and refilled: only a change in their number
    // restructures the series.
    if (m_scores->count() == values.size()) {
        for (int bar = 0; bar < values.size(); ++bar)
            m_scores->replace(bar, values.at(bar));
    } else {
        m_scores->remove(0, m_scores->count());
        m_scores->append(values);
    }
    m_benchmarks->replace(benchmarks);
    if (m_names->categories() != categories)
        m_names->setCategories(categories);
    styleAxis(m_names, QString());
    //: The horizontal axis of the factor chart.
    styleAxis(m_scale, tr("Score (0–100)"));
    plot.setTitle(rows == 0 ? tr("No scores for this selection.") : QString());
    placeValueLabels();
    Q_EMIT rebuilt();
}

// Each score sits just past its bar's end, or inside the end when the bar
// reaches so far that the text would leave the plot.
void FactorChart::placeValueLabels()
{
    const QRectF area = chart()->plotArea();
    for (int row = 0; row < m_valueLabels.size(); ++row) {
        QGraphicsSimpleTextItem *label = m_valueLabels.at(row);
        const int bar = rowOfBar(row);
        const QPointF end = chart()->mapToPosition(QPointF(m_scores->at(bar), bar), m_bars);
        const QRectF box = label->boundingRect();
        double x = end.x() + 4;
        // Past the benchmark's diamond when it would cover the text.
        for (const QPointF &benchmark : m_benchmarks->points()) {
            if (int(benchmark.y()) != bar)
                continue;
            const double marker = chart()->mapToPosition(benchmark, m_benchmarks).x();
            const double half = m_benchmarks->markerSize() / 2;
            if (marker + half >= x && marker - half <= x + box.width())
                x = std::max(x, marker + half + 3);
        }
        label->setBrush(textColour());
        if (x + box.width() > area.right()) {
            x = end.x() - 4 - box.width();
            label->setBrush(palette().color(QPalette::Base));
        }
        label->setPos(x, end.y() - box.height() / 2);
    }
}

} // namespace engage::ui
