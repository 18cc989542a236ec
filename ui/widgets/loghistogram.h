#pragma once

#include <QDateTime>
#include <QTimeZone>
#include <QWidget>
#include <optional>

namespace engage::models {
class LogHistogramModel;
}

namespace engage::ui {

// The rows of a log over time, as bars (one per hour or day of the
// LogHistogramModel), above the log viewer's table. Dragging across bars
// selects their time range (rangeSelected), which the page makes its time
// filter; a click selects one bar. The bar under the pointer names its time
// and count in a tooltip, in the time zone given and the UI language.
class LogHistogram final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogHistogram)

public:
    explicit LogHistogram(models::LogHistogramModel &model, QWidget *parent = nullptr);

    void setTimeZone(const QTimeZone &zone);
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    // The instant at x (in widget coordinates), for tests; nullopt without bars.
    std::optional<QDateTime> timeAt(int x) const;
    // The x where `time` is drawn, for tests.
    int xOf(const QDateTime &time) const;

Q_SIGNALS:
    // [from, to) in UTC, on bucket boundaries.
    void rangeSelected(const QDateTime &from, const QDateTime &to);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override; // tooltips, language change

private:
    struct Span
    {
        qint64 startMs = 0;
        qint64 endMs = 0;
    };
    std::optional<Span> span() const;
    QRect plotArea() const;
    qint64 snap(qint64 ms) const;
    QString timeText(qint64 ms) const;

    models::LogHistogramModel &m_model;
    QTimeZone m_zone;
    std::optional<int> m_dragFrom;
    int m_dragTo = 0;
};

} // namespace engage::ui
