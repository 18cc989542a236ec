#pragma once

#include "api/dashboard.h"

#include <QAbstractTableModel>

namespace engage::models {

// The heatmap (groups x factors) as a table: column 0 the group's name (its
// depth in DepthRole, for the view to indent), column 1 its response rate,
// then engagement and the nine factors, each cell with the ScoreRoles.
// sort() orders rows by any column, withheld cells last, ties in tree order;
// sorting by the group column restores the tree order.
class HeatmapModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HeatmapModel)

public:
    enum Column
    {
        GroupColumn,
        ResponseRateColumn,
        FirstFactorColumn, // engagement; then keyFactors() in order
    };
    enum Roles
    {
        DepthRole = Qt::UserRole + 1, // int
        GroupIdRole,                  // QString
    };

    explicit HeatmapModel(QObject *parent = nullptr);

    void setHeatmap(const api::Heatmap &heatmap);
    const api::Heatmap &heatmap() const { return m_heatmap; }
    // The factor a score column shows; nothing for the other columns.
    static std::optional<api::Factor> factorOf(int column);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    api::Heatmap m_heatmap;
    QList<int> m_order; // row -> index into m_heatmap.rows
    int m_sortColumn = GroupColumn;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace engage::models
