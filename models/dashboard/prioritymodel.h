#pragma once

#include "api/dashboard.h"

#include <QAbstractTableModel>

namespace engage::models {

// The priority chart's points as a table, one row per key factor: name,
// score (ScoreRoles), impact (double or invalid), and the quadrant the
// chart places it in (QuadrantRole).
class PriorityModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PriorityModel)

public:
    enum Column
    {
        NameColumn,
        ScoreColumn,
        ImpactColumn,
        ColumnCount
    };
    // Split at the slice's engagement score and at the median impact:
    // low score and high impact is where to act first.
    enum class Quadrant
    {
        Unknown, // score or impact withheld
        ActFirst,
        Keep,
        Watch,
        LowPriority,
    };
    Q_ENUM(Quadrant)
    enum Roles
    {
        QuadrantRole = Qt::UserRole + 1, // Quadrant as int
        ImpactRole,                      // double or invalid
        FactorRole,                      // api::Factor as int
    };

    explicit PriorityModel(QObject *parent = nullptr);

    void setChart(const api::PriorityChart &chart, std::optional<double> engagementScore);
    const api::PriorityChart &chart() const { return m_chart; }
    // Where the quadrants split: the engagement score given to setChart and
    // the median impact of the points with a shown score (nothing without).
    std::optional<double> engagementScore() const { return m_engagementScore; }
    std::optional<double> medianImpact() const { return m_medianImpact; }
    static QString quadrantName(Quadrant quadrant);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    api::PriorityChart m_chart;
    QList<Quadrant> m_quadrants;
    std::optional<double> m_engagementScore;
    std::optional<double> m_medianImpact;
};

} // namespace engage::models
