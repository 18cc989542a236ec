#pragma once

#include "api/dashboard.h"

#include <QAbstractTableModel>

namespace engage::models {

// The trend as a table, one row per closed round, oldest first: the round's
// close date (Qt::DisplayRole in the UI language, Qt::UserRole the
// QDateTime), engagement, the nine factors (ScoreRoles), response rate.
class TrendModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrendModel)

public:
    enum Column
    {
        DateColumn,
        EngagementColumn,
        FirstKeyFactorColumn, // keyFactors() in order
        ResponseRateColumn = FirstKeyFactorColumn + api::kFactorCount - 1,
        ColumnCount
    };

    explicit TrendModel(QObject *parent = nullptr);

    void setTrend(const api::Trend &trend);
    const api::Trend &trend() const { return m_trend; }
    // The column of a factor's scores (engagement included).
    static int columnOf(api::Factor factor);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    api::Trend m_trend;
};

} // namespace engage::models
