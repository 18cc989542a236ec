#include "prioritychart.h"

#include "models/dashboard/scoreroles.h"

#include <QChart>
#include <QGraphicsSimpleTextItem>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QScatterSeries>
#include <QValueAxis>
#include <algorithm>
#include <array>
#include <cmath>

namespace engage::ui {

using Quadrant = models::PriorityModel::Quadrant;

namespace {

constexpr std::array<Quadrant, 4> kQuadrants = {Quadrant::ActFirst, Quadrant::Keep, Quadrant::Watch,
                                                Quadrant::LowPriority};

// Low score is left, high impact is up.
bool isLeft(Quadrant quadrant)
{
    return quadrant == Quadrant::ActFirst || quadrant == Quadrant::Watch;
}

bool isTop(Quadrant quadrant)
{
    return quadrant == Quadrant::ActFirst || quadrant == Quadrant::Keep;
}

} // namespace

PriorityChart::PriorityChart(models::PriorityModel &model, QWidget *parent)
    : DashboardChart(parent)
    , m_model(model)
{
    chart()->legend()->hide();
    m_scoreAxis = new QValueAxis;
    m_scoreAxis->setTickType(QValueAxis::TicksDynamic);
    m_scoreAxis->setTickAnchor(0);
    m_scoreAxis->setTickInterval(10);
    m_scoreAxis->setLabelFormat(QStringLiteral("%.0f"));
    addAxis(m_scoreAxis, Qt::AlignBottom, QString());
    m_impactAxis = new QValueAxis;
    m_impactAxis->setTickType(QValueAxis::TicksDynamic);
    m_impactAxis->setTickAnchor(0);
    m_impactAxis->setTickInterval(0.2);
    m_impactAxis->setLabelFormat(QStringLiteral("%.1f"));
    addAxis(m_impactAxis, Qt::AlignLeft, QString());

    const auto attach = [this](QAbstractSeries *series) {
        chart()->addSeries(series);
        series->attachAxis(m_scoreAxis);
        series->attachAxis(m_impactAxis);
    };
    // The split lines first, so that the points are drawn over them.
    m_scoreLine = new QLineSeries;
    attach(m_scoreLine);
    m_impactLine = new QLineSeries;
    attach(m_impactLine);
    for (const Quadrant quadrant : kQuadrants) {
        auto *series = new QScatterSeries;
        series->setMarkerSize(12);
        connect(series, &QScatterSeries::hovered, this, [this](const QPointF &at, bool state) {
            QString text;
            for (int row = 0; state && row < m_model.rowCount(); ++row) {
                const api::PriorityPoint &point = m_model.chart().points.at(row);
                if (point.score.value == at.x() && point.impact == at.y())
                    //: Tooltip of a point of the priority chart: %1 the factor,
                    //: %2 its score, %3 its impact, %4 its quadrant.
                    text =
                        tr("%1: score %2, impact %3 (%4)")
                            .arg(models::factorName(point.factor), models::formatScore(point.score),
                                 QLocale().toString(*point.impact, 'f', 2),
                                 models::PriorityModel::quadrantName(quadrantOf(row))) +
                        u'\n' +
                        m_model
                            .data(m_model.index(row, models::PriorityModel::ScoreColumn),
                                  Qt::ToolTipRole)
                            .toString();
            }
            showToolTip(text);
        });
        connect(series, &QScatterSeries::clicked, this, [this](const QPointF &at) {
            for (const api::PriorityPoint &point : m_model.chart().points) {
                if (point.score.value == at.x() && point.impact == at.y()) {
                    Q_EMIT factorActivated(point.factor);
                    return;
                }
            }
        });
        m_quadrants.insert(int(quadrant), series);
        attach(series);
    }

    connect(&m_model, &QAbstractItemModel::modelReset, this, &PriorityChart::rebuild);
    connect(&m_model, &QAbstractItemModel::dataChanged, this, &PriorityChart::rebuild);
    connect(&m_model, &QAbstractItemModel::rowsInserted, this, &PriorityChart::rebuild);
    connect(&m_model, &QAbstractItemModel::rowsRemoved, this, &PriorityChart::rebuild);
    connect(chart(), &QChart::plotAreaChanged, this, &PriorityChart::placeLabels);
    refresh();
}

PriorityChart::~PriorityChart() = default;

QScatterSeries *PriorityChart::quadrantPoints(Quadrant quadrant) const
{
    return m_quadrants.value(int(quadrant));
}

QStringList PriorityChart::pointLabels() const
{
    QStringList labels;
    for (const PointLabel &label : m_pointLabels)
        labels.append(label.item->text());
    return labels;
}

Quadrant PriorityChart::quadrantOf(int row) const
{
    return static_cast<Quadrant>(m_model
                                     .data(m_model.index(row, models::PriorityModel::NameColumn),
                                           models::PriorityModel::QuadrantRole)
                                     .toInt());
}

void PriorityChart::rebuild()
{
    QChart &plot = *chart();
    for (const PointLabel &label : std::as_const(m_pointLabels))
        delete label.item;
    m_pointLabels.clear();
    qDeleteAll(m_quadrantLabels);
    m_quadrantLabels.clear();
    delete m_leftOutNote;
    m_leftOutNote = nullptr;
    m_leftOut.clear();

    const QList<api::PriorityPoint> &points = m_model.chart().points;
    const int rows = std::min(m_model.rowCount(), int(points.size()));
    double left = m_model.engagementScore().value_or(50);
    double right = left;
    double bottom = 0;
    double top = 0;
    for (int row = 0; row < rows; ++row) {
        const api::PriorityPoint &point = points.at(row);
        if (!point.score.value || !point.impact)
            continue;
        left = std::min(left, *point.score.value);
        right = std::max(right, *point.score.value);
        bottom = std::min(bottom, *point.impact);
        top = std::max(top, *point.impact);
    }
    // The model's splits, so that every point lies in the quadrant it gives.
    m_scoreSplit = m_model.engagementScore();
    m_impactSplit = m_model.medianImpact();

    // Scores on multiples of ten around the points and the split; impacts
    // from zero (or below, when some are negative) to the largest, on tenths.
    m_scoreAxis->setRange(std::max(0.0, std::floor((left - 5) / 10) * 10),
                          std::min(100.0, std::ceil((right + 5) / 10) * 10));
    //: The horizontal axis of the priority chart.
    styleAxis(m_scoreAxis, tr("Score"));
    m_impactAxis->setRange(std::max(-1.0, std::floor(bottom * 10 - 0.5) / 10),
                           std::min(1.0, std::ceil(top * 10 + 0.5) / 10));
    //: The vertical axis of the priority chart: how strongly a factor's
    //: score goes with engagement across respondents.
    styleAxis(m_impactAxis, tr("Impact (correlation with engagement)"));

    QPen splitPen(textColour(), 1, Qt::DashLine);
    splitPen.setColor([&] {
        QColor colour = textColour();
        colour.setAlphaF(0.55f);
        return colour;
    }());
    // A line without a split has no points, which draws nothing.
    m_scoreLine->setPen(splitPen);
    m_scoreLine->replace(m_scoreSplit ? QList<QPointF>{{*m_scoreSplit, m_impactAxis->min()},
                                                       {*m_scoreSplit, m_impactAxis->max()}}
                                      : QList<QPointF>());
    m_impactLine->setPen(splitPen);
    m_impactLine->replace(m_impactSplit ? QList<QPointF>{{m_scoreAxis->min(), *m_impactSplit},
                                                         {m_scoreAxis->max(), *m_impactSplit}}
                                        : QList<QPointF>());

    // Act first in red, keep in green, watch in amber, low priority in grey.
    const std::array<int, 4> colourOf = {3, 2, 1, 9};
    for (std::size_t i = 0; i < kQuadrants.size(); ++i) {
        QScatterSeries *series = m_quadrants.value(int(kQuadrants.at(i)));
        series->setName(models::PriorityModel::quadrantName(kQuadrants.at(i)));
        series->setColor(seriesColour(colourOf.at(i)));
        series->setBorderColor(palette().color(QPalette::Base));

        auto *name = new QGraphicsSimpleTextItem(series->name(), &plot);
        QFont bold = labelFont();
        bold.setBold(true);
        name->setFont(bold);
        name->setBrush(series->color());
        m_quadrantLabels.append(name);
    }

    QHash<int, QList<QPointF>> placed; // by Quadrant
    QStringList leftOutNames;
    for (int row = 0; row < rows; ++row) {
        const api::PriorityPoint &point = points.at(row);
        const Quadrant quadrant = quadrantOf(row);
        if (!m_quadrants.contains(int(quadrant)) || !point.score.value || !point.impact) {
            m_leftOut.append(point.factor);
            leftOutNames.append(models::factorName(point.factor));
            continue;
        }
        const QPointF value(*point.score.value, *point.impact);
        placed[int(quadrant)].append(value);
        auto *label = new QGraphicsSimpleTextItem(models::factorName(point.factor), &plot);
        label->setFont(labelFont());
        label->setBrush(textColour());
        label->setZValue(10);
        m_pointLabels.append({value, label});
    }
    for (auto it = m_quadrants.cbegin(); it != m_quadrants.cend(); ++it)
        it.value()->replace(placed.value(it.key()));
    if (!leftOutNames.isEmpty()) {
        //: Below the priority chart: %1 the factors (a list) whose score or
        //: impact is withheld.
        m_leftOutNote =
            new QGraphicsSimpleTextItem(tr("Not placed, score or impact withheld: %1")
                                            .arg(QLocale().createSeparatedList(leftOutNames)),
                                        &plot);
        m_leftOutNote->setFont(labelFont());
        m_leftOutNote->setBrush(textColour());
    }
    plot.setTitle(m_pointLabels.isEmpty() ? tr("No factor can be placed for this selection.")
                                          : QString());
    const int noteHeight = m_leftOutNote ? int(m_leftOutNote->boundingRect().height()) + 6 : 0;
    plot.setMargins(QMargins(8, 8, 8, 8 + noteHeight));
    placeLabels();
    Q_EMIT rebuilt();
}

// Quadrant names in the plot's corners; each factor's name beside its point
// on the first side (right, left, above, below) where it overlaps neither a
// name already placed nor the plot's edge.
void PriorityChart::placeLabels()
{
    const QRectF area = chart()->plotArea();
    QList<QRectF> taken;
    for (std::size_t i = 0; i < kQuadrants.size() && int(i) < m_quadrantLabels.size(); ++i) {
        QGraphicsSimpleTextItem *name = m_quadrantLabels.at(int(i));
        const QRectF box = name->boundingRect();
        const double x =
            isLeft(kQuadrants.at(i)) ? area.left() + 6 : area.right() - 6 - box.width();
        const double y =
            isTop(kQuadrants.at(i)) ? area.top() + 4 : area.bottom() - 4 - box.height();
        name->setPos(x, y);
        taken.append(QRectF(QPointF(x, y), box.size()));
    }
    for (const PointLabel &label : std::as_const(m_pointLabels)) {
        const QPointF at = chart()->mapToPosition(label.value);
        const QSizeF size = label.item->boundingRect().size();
        const double gap = 8;
        const std::array<QPointF, 4> corners = {
            QPointF(at.x() + gap, at.y() - size.height() / 2),
            QPointF(at.x() - gap - size.width(), at.y() - size.height() / 2),
            QPointF(at.x() - size.width() / 2, at.y() - gap - size.height()),
            QPointF(at.x() - size.width() / 2, at.y() + gap)};
        QRectF chosen(corners.front(), size);
        for (const QPointF &corner : corners) {
            const QRectF box(corner, size);
            const bool free = std::none_of(taken.cbegin(), taken.cend(), [&](const QRectF &other) {
                return other.intersects(box);
            });
            if (free && area.contains(box)) {
                chosen = box;
                break;
            }
        }
        label.item->setPos(chosen.topLeft());
        taken.append(chosen);
    }
    if (m_leftOutNote) {
        const QRectF whole = chart()->rect();
        m_leftOutNote->setPos(whole.left() + 10,
                              whole.bottom() - m_leftOutNote->boundingRect().height() - 6);
    }
}

} // namespace engage::ui
