#pragma once

#include "api/dashboard.h"

#include <QAbstractItemModel>

namespace engage::models {

// The factor breakdown as a tree: engagement and the nine factors at the top,
// their sub-items below, the items below those. Columns: name (or item text),
// score, change, benchmark (factors only), respondents; score cells carry
// the ScoreRoles.
class FactorScoreModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FactorScoreModel)

public:
    enum Column
    {
        NameColumn,
        ScoreColumn,
        ChangeColumn,
        BenchmarkColumn,
        RespondentsColumn,
        ColumnCount
    };

    explicit FactorScoreModel(QObject *parent = nullptr);

    void setBreakdown(const api::FactorBreakdown &breakdown);
    const api::FactorBreakdown &breakdown() const { return m_breakdown; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    api::FactorBreakdown m_breakdown;
};

} // namespace engage::models
