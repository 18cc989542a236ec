#pragma once

#include "api/dashboard.h"
#include "models/dashboard/prioritymodel.h"
#include "ui/charts/dashboardchart.h"

#include <QHash>
#include <QList>
#include <QStringList>
#include <optional>

class QGraphicsSimpleTextItem;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

namespace engage::ui {

// The key factors of a PriorityModel placed by score (x, 0-100) and impact
// (y, the correlation with engagement), each point labelled with its
// factor's name and coloured by the quadrant the model gives it. Dashed
// lines split the plot where the model splits its quadrants (the slice's
// engagement score and the median impact); the four quadrants are named in their
// corners ("Act first" low score and high impact, "Keep", "Watch", "Low
// priority"). A factor whose score or impact is withheld is left out and
// named below the plot. Follows the model's modelReset, dataChanged,
// rowsInserted and rowsRemoved.
class PriorityChart final : public DashboardChart
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PriorityChart)

public:
    explicit PriorityChart(models::PriorityModel &model, QWidget *parent = nullptr);
    ~PriorityChart() override;

    // For tests and the page: the points of a quadrant (x score, y impact),
    // where the lines split the plot (nothing when not drawn), the factors'
    // labels as shown, and the factors left out.
    QScatterSeries *quadrantPoints(models::PriorityModel::Quadrant quadrant) const;
    std::optional<double> scoreSplit() const { return m_scoreSplit; }
    std::optional<double> impactSplit() const { return m_impactSplit; }
    QStringList pointLabels() const;
    QList<api::Factor> factorsLeftOut() const { return m_leftOut; }

Q_SIGNALS:
    void factorActivated(engage::api::Factor factor);

protected:
    void rebuild() override;

private:
    void placeLabels();
    models::PriorityModel::Quadrant quadrantOf(int row) const;

    models::PriorityModel &m_model;
    std::optional<double> m_scoreSplit;
    std::optional<double> m_impactSplit;
    QList<api::Factor> m_leftOut;
    QValueAxis *m_scoreAxis = nullptr;
    QValueAxis *m_impactAxis = nullptr;
    QLineSeries *m_scoreLine = nullptr;       // at the score split
    QLineSeries *m_impactLine = nullptr;      // at the impact split
    QHash<int, QScatterSeries *> m_quadrants; // by Quadrant
    struct PointLabel
    {
        QPointF value;
        QGraphicsSimpleTextItem *item = nullptr;
    };
    QList<PointLabel> m_pointLabels;
    QList<QGraphicsSimpleTextItem *> m_quadrantLabels; // ActFirst, Keep, Watch, LowPriority
    QGraphicsSimpleTextItem *m_leftOutNote = nullptr;
};

} // namespace engage::ui
