#include "prioritymodel.h"

#include "dashboardtext.h"
#include "scoreroles.h"

#include <QLocale>
#include <algorithm>

namespace engage::models {

namespace {

// The median of the impacts the chart can place (with a shown score).
std::optional<double> impactMedian(const api::PriorityChart &chart)
{
    QList<double> impacts;
    for (const api::PriorityPoint &point : chart.points) {
        if (point.impact && point.score.value)
            impacts.append(*point.impact);
    }
    if (impacts.isEmpty())
        return std::nullopt;
    std::sort(impacts.begin(), impacts.end());
    const qsizetype middle = impacts.size() / 2;
    return impacts.size() % 2 ? impacts.at(middle)
                              : (impacts.at(middle - 1) + impacts.at(middle)) / 2;
}

} // namespace

PriorityModel::PriorityModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    followLanguage(this, [this] { announceRetranslation(*this); });
}

void PriorityModel::setChart(const api::PriorityChart &chart, std::optional<double> engagementScore)
{
    beginResetModel();
    m_chart = chart;
    m_quadrants.clear();
    m_engagementScore = engagementScore;
    m_medianImpact = impactMedian(chart);
    const std::optional<double> &median = m_medianImpact;
    for (const api::PriorityPoint &point : chart.points) {
        Quadrant quadrant = Quadrant::Unknown;
        if (point.score.value && point.impact && engagementScore && median) {
            const bool high = *point.score.value >= *engagementScore;
            const bool strong = *point.impact >= *median;
            quadrant = strong ? (high ? Quadrant::Keep : Quadrant::ActFirst)
                              : (high ? Quadrant::LowPriority : Quadrant::Watch);
        }
        m_quadrants.append(quadrant);
    }
    endResetModel();
}

QString PriorityModel::quadrantName(Quadrant quadrant)
{
    switch (quadrant) {
    case Quadrant::Unknown:
        //: Priority chart: a factor whose score or impact is withheld has no place.
        return tr("Not placed");
    case Quadrant::ActFirst:
        //: Priority chart: low score, high impact on engagement.
        return tr("Act first");
    case Quadrant::Keep:
        //: Priority chart: high score, high impact on engagement.
        return tr("Keep up");
    case Quadrant::Watch:
        //: Priority chart: low score, low impact on engagement.
        return tr("Watch");
    case Quadrant::LowPriority:
        //: Priority chart: high score, low impact on engagement.
        return tr("Low priority");
    }
    return {};
}

int PriorityModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_chart.points.size());
}

int PriorityModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PriorityModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const api::PriorityPoint &point = m_chart.points.at(index.row());
    const Quadrant quadrant = m_quadrants.at(index.row());
    switch (role) {
    case QuadrantRole:
        return static_cast<int>(quadrant);
    case ImpactRole:
        return point.impact ? QVariant(*point.impact) : QVariant();
    case FactorRole:
        return static_cast<int>(point.factor);
    case ScoreIdRole:
        return api::factorId(point.factor);
    default:
        break;
    }
    switch (index.column()) {
    case NameColumn:
        if (role == Qt::DisplayRole)
            return factorName(point.factor);
        if (role == Qt::ToolTipRole)
            return quadrantName(quadrant);
        return {};
    case ScoreColumn:
        return scoreData(point.score, m_chart.slice.threshold, role);
    case ImpactColumn:
        if (role == Qt::DisplayRole)
            return point.impact ? QLocale().toString(*point.impact, 'f', 2)
                                : DashboardText::noValue();
        if (role == Qt::TextAlignmentRole)
            return DashboardText::alignedNumber();
        if (role == Qt::ToolTipRole) {
            if (!point.score.value)
                return scoreExplanation(point.score, m_chart.slice.threshold);
            if (!point.impact)
                return tr("No impact: it needs at least three respondents with both scores, "
                          "and answers that differ.");
            return tr("How closely this factor moves with engagement across respondents "
                      "(correlation, from −1 to 1).");
        }
        return {};
    default:
        return {};
    }
}

QVariant PriorityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Factor");
    case ScoreColumn:
        return tr("Score");
    case ImpactColumn:
        //: Column of the priority table: the factor's correlation with engagement.
        return tr("Impact");
    default:
        return {};
    }
}

} // namespace engage::models
