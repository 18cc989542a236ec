#pragma once

#include "api/dashboard.h"
#include "ui/charts/dashboardchart.h"

#include <QHash>
#include <QList>

class QCategoryAxis;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

namespace engage::models {
class TrendModel;
}

namespace engage::ui {

// Engagement and the chosen factors over the rounds of a TrendModel, one line
// each; a withheld score is a gap in its line (never a zero), and a point
// with withheld neighbours on both sides stays visible as a dot. The time
// axis names the rounds' close dates in the UI language. Memos are triangles
// just above the time axis at their dates (several on one day stacked); the
// pointer on one shows its date, author and text, a click emits
// memoActivated. The legend (right of the plot) names engagement and the
// nine factors: clicking an entry shows or hides that line (a hidden one's
// entry is dimmed). Follows the model's modelReset, dataChanged, rowsInserted
// and rowsRemoved.
class TrendChart final : public DashboardChart
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrendChart)

public:
    explicit TrendChart(models::TrendModel &model, QWidget *parent = nullptr);
    ~TrendChart() override;

    // The memos to mark (the dashboard loader's memos()).
    void setMemos(const QList<api::Memo> &memos);
    const QList<api::Memo> &memos() const { return m_memos; }

    // Engagement alone until chosen otherwise; allFactors() order.
    QList<api::Factor> visibleFactors() const;
    void setVisibleFactors(const QList<api::Factor> &factors);
    void setFactorVisible(api::Factor factor, bool visible);
    bool isFactorVisible(api::Factor factor) const;

    // For tests and the page: the factor's unbroken runs of shown scores,
    // oldest first, each one series (x: msecs since the epoch of the round's
    // close, y: the score).
    QList<QLineSeries *> segments(api::Factor factor) const;
    // The memo markers, in memos() order.
    QScatterSeries *memoMarkers() const { return m_memoMarkers; }
    // What the pointer on the index-th memo marker shows.
    QString memoToolTip(int index) const;

Q_SIGNALS:
    void memoActivated(const QString &memoId);
    void visibleFactorsChanged();

protected:
    void rebuild() override;
    void resizeEvent(QResizeEvent *event) override;

private:
    // A line of `factor` on the chart, with its tooltip and legend toggle.
    QLineSeries *newSegment(api::Factor factor);
    void buildTimeAxis();
    void labelTimeAxis();
    void applyVisibility();
    void showPointToolTip(api::Factor factor, const QPointF &point);
    int memoIndexAt(const QPointF &point) const;

    models::TrendModel &m_model;
    QList<api::Memo> m_memos;
    QList<api::Factor> m_visible;
    QHash<int, QList<QLineSeries *>> m_segments; // by api::factorIndex
    QScatterSeries *m_memoMarkers = nullptr;
    QCategoryAxis *m_timeAxis = nullptr;
    QValueAxis *m_scoreAxis = nullptr;
};

} // namespace engage::ui
