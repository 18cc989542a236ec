#pragma once

#include "api/dashboard.h"

#include <QAbstractTableModel>

namespace engage::models {

// The attribute breakdown as a table, laid out like HeatmapModel (value,
// response rate, engagement, nine factors; ScoreRoles), values in the
// service's order; "" shows as "(none)".
class AttributeBreakdownModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AttributeBreakdownModel)

public:
    enum Column
    {
        ValueColumn,
        ResponseRateColumn,
        FirstFactorColumn,
    };

    explicit AttributeBreakdownModel(QObject *parent = nullptr);

    void setBreakdown(const api::AttributeBreakdown &breakdown);
    const api::AttributeBreakdown &breakdown() const { return m_breakdown; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    api::AttributeBreakdown m_breakdown;
};

} // namespace engage::models
