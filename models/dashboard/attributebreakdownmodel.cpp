#include "attributebreakdownmodel.h"

#include "dashboardtext.h"
#include "scoreroles.h"

namespace engage::models {

AttributeBreakdownModel::AttributeBreakdownModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    followLanguage(this, [this] { announceRetranslation(*this); });
}

void AttributeBreakdownModel::setBreakdown(const api::AttributeBreakdown &breakdown)
{
    beginResetModel();
    m_breakdown = breakdown;
    endResetModel();
}

int AttributeBreakdownModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_breakdown.rows.size());
}

int AttributeBreakdownModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : slicetable::kColumnCount;
}

QVariant AttributeBreakdownModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const api::AttributeRow &row = m_breakdown.rows.at(index.row());
    if (index.column() != ValueColumn) {
        const std::optional<api::Factor> factor = slicetable::factorOf(index.column());
        return slicetable::cellData(row.responseRate, row.cells, m_breakdown.slice.threshold,
                                    index.column(), role,
                                    factor ? QVariant(api::factorId(*factor)) : QVariant());
    }
    switch (role) {
    case Qt::DisplayRole:
        //: The row of the attribute breakdown for members without a value.
        return row.value.isEmpty() ? tr("(none)") : row.value;
    case Qt::ToolTipRole:
        return DashboardText::rateExplanation(row.responseRate);
    default:
        return {};
    }
}

QVariant AttributeBreakdownModel::headerData(int section, Qt::Orientation orientation,
                                             int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    //: Column of the attribute breakdown: the attribute's values, one per row.
    return slicetable::headerData(section, role, tr("Value"));
}

} // namespace engage::models
