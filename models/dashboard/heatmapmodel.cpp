#include "heatmapmodel.h"

#include "dashboardtext.h"
#include "scoreroles.h"

#include <algorithm>
#include <numeric>

namespace engage::models {

HeatmapModel::HeatmapModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    followLanguage(this, [this] { announceRetranslation(*this); });
}

void HeatmapModel::setHeatmap(const api::Heatmap &heatmap)
{
    beginResetModel();
    m_heatmap = heatmap;
    m_order.resize(m_heatmap.rows.size());
    std::iota(m_order.begin(), m_order.end(), 0);
    endResetModel();
    // A new answer keeps the order the user chose.
    if (m_sortColumn > GroupColumn)
        sort(m_sortColumn, m_sortOrder);
}

std::optional<api::Factor> HeatmapModel::factorOf(int column)
{
    return slicetable::factorOf(column);
}

int HeatmapModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_order.size());
}

int HeatmapModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : slicetable::kColumnCount;
}

QVariant HeatmapModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const api::HeatmapRow &row = m_heatmap.rows.at(m_order.at(index.row()));
    if (role == DepthRole)
        return row.depth;
    if (role == GroupIdRole)
        return row.groupId;
    if (index.column() != GroupColumn)
        return slicetable::cellData(row.responseRate, row.cells, m_heatmap.slice.threshold,
                                    index.column(), role, row.groupId);
    switch (role) {
    case Qt::DisplayRole:
        //: The heatmap's row for the whole tenant, above its groups.
        return row.groupId.isEmpty() ? tr("Whole company") : row.name;
    case Qt::ToolTipRole:
        return DashboardText::rateExplanation(row.responseRate);
    case ScoreIdRole:
        return row.groupId;
    default:
        return {};
    }
}

QVariant HeatmapModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    //: Column of the heatmap: the groups of the company, one per row.
    return slicetable::headerData(section, role, tr("Group"));
}

void HeatmapModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= slicetable::kColumnCount)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QList<int> sourceRows;
    sourceRows.reserve(before.size());
    for (const QModelIndex &index : before)
        sourceRows.append(m_order.at(index.row()));

    // Tree order first, so that the stable sort leaves ties in it.
    std::iota(m_order.begin(), m_order.end(), 0);
    if (column != GroupColumn) {
        auto key = [this, column](int row) {
            const api::HeatmapRow &heatmapRow = m_heatmap.rows.at(row);
            return slicetable::sortKey(heatmapRow.responseRate, heatmapRow.cells, column);
        };
        std::stable_sort(m_order.begin(), m_order.end(), [&key, order](int a, int b) {
            const std::optional<double> left = key(a);
            const std::optional<double> right = key(b);
            if (!left || !right)
                return left.has_value() && !right.has_value(); // withheld last
            return order == Qt::AscendingOrder ? *left < *right : *right < *left;
        });
    }

    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype i = 0; i < before.size(); ++i)
        after.append(index(int(m_order.indexOf(sourceRows.at(i))), before.at(i).column()));
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

} // namespace engage::models
