#include "trendmodel.h"

#include "dashboardtext.h"
#include "scoreroles.h"

#include <QLocale>

namespace engage::models {

TrendModel::TrendModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    followLanguage(this, [this] { announceRetranslation(*this); });
}

void TrendModel::setTrend(const api::Trend &trend)
{
    beginResetModel();
    m_trend = trend;
    endResetModel();
}

int TrendModel::columnOf(api::Factor factor)
{
    return EngagementColumn + api::factorIndex(factor);
}

int TrendModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_trend.points.size());
}

int TrendModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TrendModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const api::TrendPoint &point = m_trend.points.at(index.row());
    const int column = index.column();
    if (column == DateColumn) {
        switch (role) {
        case Qt::DisplayRole:
            return QLocale().toString(point.closesAt.toLocalTime().date(), QLocale::ShortFormat);
        case Qt::ToolTipRole:
            //: The date a round of the trend closed, in full.
            return tr("Round closed on %1")
                .arg(QLocale().toString(point.closesAt.toLocalTime(), QLocale::LongFormat));
        case Qt::UserRole:
            return point.closesAt;
        default:
            return {};
        }
    }
    if (column == ResponseRateColumn)
        return DashboardText::rateData(point.responseRate, role);
    const int factorIndex = column - EngagementColumn;
    const api::Score &score =
        factorIndex == 0 ? point.engagement : point.factors.value(factorIndex - 1);
    if (role == ScoreIdRole)
        return api::factorId(api::allFactors().at(factorIndex));
    return scoreData(score, m_trend.slice.threshold, role);
}

QVariant TrendModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section == DateColumn)
        //: Column of the trend table: the day each round closed.
        return tr("Closed");
    if (section == ResponseRateColumn)
        return DashboardText::tr("Response rate");
    if (section >= EngagementColumn && section < ResponseRateColumn)
        return factorName(api::allFactors().at(section - EngagementColumn));
    return {};
}

} // namespace engage::models
