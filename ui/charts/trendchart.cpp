#include "trendchart.h"

#include "models/dashboard/scoreroles.h"
#include "models/dashboard/trendmodel.h"

#include <QCategoryAxis>
#include <QChart>
#include <QDateTime>
#include <QFontMetrics>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QMap>
#include <QScatterSeries>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace engage::ui {

namespace {

constexpr double kMsPerDay = 24.0 * 60 * 60 * 1000;

double timeOf(const QDate &date)
{
    // Noon, so that a memo sits on its day in any time zone's rendering.
    return double(QDateTime(date, QTime(12, 0)).toMSecsSinceEpoch());
}

} // namespace

TrendChart::TrendChart(models::TrendModel &model, QWidget *parent)
    : DashboardChart(parent)
    , m_model(model)
    , m_visible{api::Factor::Engagement}
{
    chart()->legend()->setAlignment(Qt::AlignRight);
    m_scoreAxis = new QValueAxis;
    m_scoreAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_scoreAxis->setTickType(QValueAxis::TicksDynamic);
    m_scoreAxis->setTickAnchor(0);
    m_scoreAxis->setTickInterval(10);
    addAxis(m_scoreAxis, Qt::AlignLeft, QString());
    m_timeAxis = new QCategoryAxis;
    m_timeAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    addAxis(m_timeAxis, Qt::AlignBottom, QString());
    // Every factor's first line before the memo markers: the legend lists
    // the series in the order they were added.
    for (const api::Factor factor : api::allFactors())
        m_segments[api::factorIndex(factor)].append(newSegment(factor));

    m_memoMarkers = new QScatterSeries;
    m_memoMarkers->setMarkerShape(QScatterSeries::MarkerShapeTriangle);
    m_memoMarkers->setMarkerSize(13);
    chart()->addSeries(m_memoMarkers);
    m_memoMarkers->attachAxis(m_timeAxis);
    m_memoMarkers->attachAxis(m_scoreAxis);
    connect(m_memoMarkers, &QScatterSeries::hovered, this,
            [this](const QPointF &point, bool state) {
                showToolTip(state ? memoToolTip(memoIndexAt(point)) : QString());
            });
    connect(m_memoMarkers, &QScatterSeries::clicked, this, [this](const QPointF &point) {
        const int index = memoIndexAt(point);
        if (index >= 0)
            Q_EMIT memoActivated(m_memos.at(index).id);
    });

    connect(&m_model, &QAbstractItemModel::modelReset, this, &TrendChart::rebuild);
    connect(&m_model, &QAbstractItemModel::dataChanged, this, &TrendChart::rebuild);
    connect(&m_model, &QAbstractItemModel::rowsInserted, this, &TrendChart::rebuild);
    connect(&m_model, &QAbstractItemModel::rowsRemoved, this, &TrendChart::rebuild);
    connect(chart(), &QChart::plotAreaChanged, this, &TrendChart::labelTimeAxis);
    refresh();
}

TrendChart::~TrendChart() = default;

void TrendChart::setMemos(const QList<api::Memo> &memos)
{
    m_memos = memos;
    rebuild();
}

QList<api::Factor> TrendChart::visibleFactors() const
{
    QList<api::Factor> factors;
    for (const api::Factor factor : api::allFactors()) {
        if (m_visible.contains(factor))
            factors.append(factor);
    }
    return factors;
}

void TrendChart::setVisibleFactors(const QList<api::Factor> &factors)
{
    if (visibleFactors() == factors)
        return;
    m_visible = factors;
    applyVisibility();
    Q_EMIT visibleFactorsChanged();
}

void TrendChart::setFactorVisible(api::Factor factor, bool visible)
{
    if (isFactorVisible(factor) == visible)
        return;
    if (visible)
        m_visible.append(factor);
    else
        m_visible.removeAll(factor);
    applyVisibility();
    Q_EMIT visibleFactorsChanged();
}

bool TrendChart::isFactorVisible(api::Factor factor) const
{
    return m_visible.contains(factor);
}

QList<QLineSeries *> TrendChart::segments(api::Factor factor) const
{
    return m_segments.value(api::factorIndex(factor));
}

QString TrendChart::memoToolTip(int index) const
{
    if (index < 0 || index >= m_memos.size())
        return {};
    const api::Memo &memo = m_memos.at(index);
    const QString date = QLocale().toString(memo.fields.date, QLocale::LongFormat);
    const QString heading =
        memo.fields.shared
            //: Tooltip of a memo on the trend chart: %1 its date, %2 its author.
            ? tr("Memo by %2 on %1").arg(date, memo.authorName)
            //: Tooltip of a memo on the trend chart that only its author sees.
            : tr("Your private memo on %1").arg(date);
    return heading + u'\n' + memo.fields.text;
}

QLineSeries *TrendChart::newSegment(api::Factor factor)
{
    auto *run = new QLineSeries;
    run->setPointsVisible(true);
    run->setMarkerSize(factor == api::Factor::Engagement ? 5 : 4);
    connect(run, &QLineSeries::hovered, this, [this, factor](const QPointF &point, bool state) {
        if (state)
            showPointToolTip(factor, point);
        else
            showToolTip({});
    });
    chart()->addSeries(run);
    run->attachAxis(m_timeAxis);
    run->attachAxis(m_scoreAxis);
    for (QLegendMarker *marker : chart()->legend()->markers(run)) {
        connect(marker, &QLegendMarker::clicked, this,
                [this, factor] { setFactorVisible(factor, !isFactorVisible(factor)); });
    }
    return run;
}

void TrendChart::rebuild()
{
    QChart &plot = *chart();
    const int rounds = m_model.rowCount();
    // The years are in the axis's title, so that its labels stay short.
    QString period;
    if (rounds > 0) {
        const QLocale locale;
        //: A QLocale date format for the period in the title of the trend
        //: chart's time axis. Japanese: yyyy年M月
        const QString month = tr("MMM yyyy");
        const auto closeOf = [this](int row) {
            return m_model.data(m_model.index(row, 0), Qt::UserRole).toDateTime().date();
        };
        //: The horizontal axis of the trend chart: %1 and %2 the months of the
        //: first and last rounds shown.
        period = tr("Rounds closed from %1 to %2")
                     .arg(locale.toString(closeOf(0), month),
                          locale.toString(closeOf(rounds - 1), month));
    }
    //: The vertical axis of the trend chart.
    styleAxis(m_scoreAxis, tr("Score"));
    styleAxis(m_timeAxis, period);

    plot.setTitle(rounds == 0 ? tr("No closed rounds in this period.") : QString());
    double lowest = 100;
    double highest = 0;
    for (const api::Factor factor : api::allFactors()) {
        const int column = models::TrendModel::columnOf(factor);
        QList<QList<QPointF>> runs;
        bool inRun = false;
        for (int row = 0; row < rounds; ++row) {
            const QVariant value = m_model.data(m_model.index(row, column), models::ScoreValueRole);
            if (!value.isValid()) {
                inRun = false;
                continue;
            }
            if (!inRun)
                runs.emplaceBack();
            inRun = true;
            const double score = value.toDouble();
            lowest = std::min(lowest, score);
            highest = std::max(highest, score);
            const QDateTime closes = m_model.data(m_model.index(row, 0), Qt::UserRole).toDateTime();
            runs.last().append(QPointF(double(closes.toMSecsSinceEpoch()), score));
        }
        // The legend names a factor through its first series, so one exists
        // even when every score is withheld.
        if (runs.isEmpty())
            runs.emplaceBack();

        // The lines are kept and refilled; only a change in the number of
        // runs adds or removes one.
        QList<QLineSeries *> &segments = m_segments[api::factorIndex(factor)];
        while (segments.size() < runs.size())
            segments.append(newSegment(factor));
        while (segments.size() > runs.size()) {
            QLineSeries *extra = segments.takeLast();
            plot.removeSeries(extra);
            delete extra;
        }
        QPen pen(seriesColour(api::factorIndex(factor)));
        pen.setWidthF(factor == api::Factor::Engagement ? 3.0 : 2.0);
        for (int i = 0; i < runs.size(); ++i) {
            QLineSeries *run = segments.at(i);
            run->setName(models::factorName(factor));
            run->setPen(pen);
            run->replace(runs.at(i));
        }
    }

    // The score axis spans the scores shown, on multiples of ten, with room
    // below them for the memo markers.
    double bottom = 0;
    double top = 100;
    if (lowest <= highest) {
        bottom = std::max(0.0, std::floor((lowest - 8) / 10) * 10);
        top = std::min(100.0, std::ceil((highest + 3) / 10) * 10);
    }
    m_scoreAxis->setRange(bottom, top);

    //: The legend entry of the memo markers on the trend chart.
    m_memoMarkers->setName(tr("Memo"));
    m_memoMarkers->setColor(textColour());
    m_memoMarkers->setBorderColor(palette().color(QPalette::Base));
    const double step = (top - bottom) * 0.06;
    QMap<QDate, int> perDay;
    QList<QPointF> markers;
    for (const api::Memo &memo : std::as_const(m_memos)) {
        const int stacked = perDay[memo.fields.date]++;
        markers.append(QPointF(timeOf(memo.fields.date), bottom + step * (0.7 + stacked)));
    }
    m_memoMarkers->replace(markers);
    for (QLegendMarker *marker : plot.legend()->markers(m_memoMarkers))
        marker->setVisible(!m_memos.isEmpty());

    buildTimeAxis();
    applyVisibility();
    Q_EMIT rebuilt();
}

void TrendChart::buildTimeAxis()
{
    double first = 0;
    double last = 0;
    bool any = false;
    const auto include = [&](double x) {
        first = any ? std::min(first, x) : x;
        last = any ? std::max(last, x) : x;
        any = true;
    };
    for (int row = 0; row < m_model.rowCount(); ++row)
        include(double(
            m_model.data(m_model.index(row, 0), Qt::UserRole).toDateTime().toMSecsSinceEpoch()));
    for (const api::Memo &memo : std::as_const(m_memos))
        include(timeOf(memo.fields.date));
    if (!any) {
        const double now = double(QDateTime::currentMSecsSinceEpoch());
        first = now - 365 * kMsPerDay;
        last = now;
    }
    // A margin of a week or 4 % on each side keeps the first and last
    // points and their labels off the plot's edges.
    const double margin = std::max(7 * kMsPerDay, (last - first) * 0.04);
    m_timeAxis->setRange(first - margin, last + margin);
    m_timeAxis->setStartValue(first - margin);
    labelTimeAxis();
}

// Names every round's close date, or every second, third, ... when the
// plot is too narrow for all of them.
void TrendChart::labelTimeAxis()
{
    QList<QDateTime> closes;
    for (int row = 0; row < m_model.rowCount(); ++row)
        closes.append(m_model.data(m_model.index(row, 0), Qt::UserRole).toDateTime());
    const QLocale locale;
    //: A QLocale date format for the rounds on the trend chart's time axis
    //: (the year is in its title). Japanese: M/d
    const QString format = tr("d MMM");

    const QFontMetrics metrics(labelFont());
    int widest = 0;
    for (const QDateTime &close : std::as_const(closes))
        widest = std::max(widest, metrics.horizontalAdvance(locale.toString(close.date(), format)));
    const double plotWidth =
        chart()->plotArea().width() > 0 ? chart()->plotArea().width() : width() * 0.6;
    const double span = std::max(1.0, m_timeAxis->max() - m_timeAxis->min());
    double spacing = plotWidth;
    for (int i = 1; i < closes.size(); ++i)
        spacing =
            std::min(spacing, double(closes.at(i - 1).msecsTo(closes.at(i))) / span * plotWidth);
    // Qt gives each label of the axis an equal share of its width: as many
    // labels as fit so, rounds at least a label apart.
    const double labelWidth = widest + 16;
    const int fitting = std::max(1, int(plotWidth / labelWidth));
    const int stride = std::max({1, int(std::ceil(labelWidth / std::max(1.0, spacing))),
                                 int(std::ceil(double(closes.size()) / fitting))});

    // The last round is always named; the stride counts back from it.
    QStringList labels;
    QList<double> positions;
    const int first = closes.isEmpty() ? 0 : int((closes.size() - 1) % stride);
    for (int i = first; i < closes.size(); i += stride) {
        const QString label = locale.toString(closes.at(i).date(), format);
        if (labels.contains(label))
            continue;
        labels.append(label);
        positions.append(double(closes.at(i).toMSecsSinceEpoch()));
    }
    // Relabelling changes the layout, which calls this again: only a change
    // of the labels goes on.
    if (labels == m_timeAxis->categoriesLabels())
        return;
    for (const QString &label : m_timeAxis->categoriesLabels())
        m_timeAxis->remove(label);
    for (int i = 0; i < labels.size(); ++i)
        m_timeAxis->append(labels.at(i), positions.at(i));
}

void TrendChart::applyVisibility()
{
    for (auto it = m_segments.cbegin(); it != m_segments.cend(); ++it) {
        const bool shown = m_visible.contains(api::allFactors().at(it.key()));
        for (QLineSeries *series : *it)
            series->setVisible(shown);
    }
    // Hiding a series hides its legend entry too: the first run of every
    // factor keeps its entry (dimmed when hidden) so it can be shown again,
    // the other runs never have one.
    for (auto it = m_segments.cbegin(); it != m_segments.cend(); ++it) {
        const bool shown = m_visible.contains(api::allFactors().at(it.key()));
        for (int i = 0; i < it->size(); ++i) {
            for (QLegendMarker *marker : chart()->legend()->markers(it->at(i))) {
                marker->setVisible(i == 0);
                QColor label = textColour();
                QColor swatch = it->at(i)->pen().color();
                if (!shown) {
                    label.setAlphaF(0.4f);
                    swatch.setAlphaF(0.25f);
                }
                marker->setLabelBrush(label);
                marker->setBrush(swatch);
                marker->setPen(Qt::NoPen);
            }
        }
    }
}

void TrendChart::showPointToolTip(api::Factor factor, const QPointF &point)
{
    // The nearest round to the pointer.
    int nearest = -1;
    double distance = 0;
    for (int row = 0; row < m_model.rowCount(); ++row) {
        const double x = double(
            m_model.data(m_model.index(row, 0), Qt::UserRole).toDateTime().toMSecsSinceEpoch());
        if (nearest < 0 || std::abs(x - point.x()) < distance) {
            nearest = row;
            distance = std::abs(x - point.x());
        }
    }
    if (nearest < 0)
        return;
    const QModelIndex score = m_model.index(nearest, models::TrendModel::columnOf(factor));
    //: Tooltip of a point of the trend chart: %1 the factor, %2 the round's
    //: close date, %3 the score; the next line says what it rests on.
    showToolTip(tr("%1 on %2: %3")
                    .arg(models::factorName(factor),
                         m_model.data(m_model.index(nearest, 0)).toString(),
                         m_model.data(score).toString()) +
                u'\n' + m_model.data(score, Qt::ToolTipRole).toString());
}

int TrendChart::memoIndexAt(const QPointF &point) const
{
    const QList<QPointF> points = m_memoMarkers->points();
    for (int i = 0; i < points.size(); ++i) {
        if (qFuzzyCompare(points.at(i).x(), point.x()) &&
            std::abs(points.at(i).y() - point.y()) < 1e-6)
            return i;
    }
    return -1;
}

void TrendChart::resizeEvent(QResizeEvent *event)
{
    DashboardChart::resizeEvent(event);
    labelTimeAxis();
}

} // namespace engage::ui
