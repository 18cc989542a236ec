#include "loghistogram.h"

#include "models/loghistogrammodel.h"

#include <QEvent>
#include <QHelpEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>
#include <cmath>

namespace engage::ui {

namespace {

constexpr int kMargin = 6;
constexpr int kAxisHeight = 18;

} // namespace

LogHistogram::LogHistogram(models::LogHistogramModel &model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_zone(QTimeZone::systemTimeZone())
{
    setMouseTracking(true);
    setCursor(Qt::CrossCursor);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    connect(&m_model, &QAbstractItemModel::modelReset, this, [this] { update(); });
    connect(&m_model, &models::LogHistogramModel::loadingChanged, this, [this] { update(); });
}

void LogHistogram::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone;
    update();
}

QSize LogHistogram::sizeHint() const
{
    return {600, 96};
}

QSize LogHistogram::minimumSizeHint() const
{
    return {200, 72};
}

QRect LogHistogram::plotArea() const
{
    return rect().adjusted(kMargin, kMargin, -kMargin, -kMargin - kAxisHeight);
}

std::optional<LogHistogram::Span> LogHistogram::span() const
{
    const auto &buckets = m_model.buckets();
    if (buckets.isEmpty())
        return std::nullopt;
    return Span{buckets.constFirst().start.toMSecsSinceEpoch(),
                buckets.constLast().start.toMSecsSinceEpoch() + m_model.bucketWidthMs()};
}

int LogHistogram::xOf(const QDateTime &time) const
{
    const auto range = span();
    const QRect area = plotArea();
    if (!range)
        return area.left();
    const double share = double(time.toMSecsSinceEpoch() - range->startMs) /
                         double(std::max<qint64>(1, range->endMs - range->startMs));
    return area.left() + int(std::lround(share * area.width()));
}

std::optional<QDateTime> LogHistogram::timeAt(int x) const
{
    const auto range = span();
    if (!range)
        return std::nullopt;
    const QRect area = plotArea();
    const double share =
        std::clamp(double(x - area.left()) / double(std::max(1, area.width())), 0.0, 1.0);
    const qint64 ms =
        range->startMs + qint64(std::floor(share * double(range->endMs - range->startMs)));
    return QDateTime::fromMSecsSinceEpoch(std::min(ms, range->endMs - 1), Qt::UTC);
}

// The start of the bucket holding `ms`.
qint64 LogHistogram::snap(qint64 ms) const
{
    const qint64 width = m_model.bucketWidthMs();
    const qint64 offset = qint64(m_model.utcOffsetMinutes()) * 60 * 1000;
    const qint64 shifted = ms + offset;
    const qint64 start = shifted >= 0 ? shifted / width : (shifted - width + 1) / width;
    return start * width - offset;
}

QString LogHistogram::timeText(qint64 ms) const
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toTimeZone(m_zone);
    const QLocale locale;
    if (m_model.bucket() == api::LogBucket::Day)
        return locale.toString(local.date(), QLocale::ShortFormat);
    return locale.toString(local, QLocale::ShortFormat);
}

void LogHistogram::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing, false);
    const QPalette colours = palette();
    painter.fillRect(rect(), colours.color(QPalette::Base));
    painter.setPen(colours.color(QPalette::Mid));
    painter.drawRect(rect().adjusted(0, 0, -1, -1));

    const QRect area = plotArea();
    const auto range = span();
    if (!range) {
        painter.setPen(colours.color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter,
                         m_model.isLoading() ? tr("Counting rows…") : tr("No rows in this range"));
        return;
    }
    const double largest = double(std::max<qint64>(1, m_model.largestCount()));
    const QColor bar = colours.color(QPalette::Highlight);
    for (const api::LogHistogramBucket &bucket : m_model.buckets()) {
        const int left = xOf(bucket.start);
        const int right = xOf(bucket.start.addMSecs(m_model.bucketWidthMs()));
        const int height =
            std::max(1, int(std::lround(double(bucket.count) / largest * area.height())));
        const int width = std::max(1, right - left - (right - left > 3 ? 1 : 0));
        painter.fillRect(QRect(left, area.bottom() - height + 1, width, height), bar);
    }
    painter.setPen(colours.color(QPalette::Mid));
    painter.drawLine(area.bottomLeft(), area.bottomRight());

    // The first and last instants, and the largest count.
    painter.setPen(colours.color(QPalette::Text));
    const QRect axis(area.left(), area.bottom() + 2, area.width(), kAxisHeight);
    painter.drawText(axis, Qt::AlignLeft | Qt::AlignVCenter, timeText(range->startMs));
    painter.drawText(axis, Qt::AlignRight | Qt::AlignVCenter, timeText(range->endMs - 1));
    //: The tallest bar of the log histogram: the most rows in one hour or day.
    painter.drawText(area.adjusted(4, 0, -4, 0), Qt::AlignTop | Qt::AlignRight,
                     tr("peak %1").arg(QLocale().toString(m_model.largestCount())));

    if (m_dragFrom) {
        QColor selection = colours.color(QPalette::Highlight);
        selection.setAlpha(70);
        const int left = std::min(*m_dragFrom, m_dragTo);
        const int right = std::max(*m_dragFrom, m_dragTo);
        painter.fillRect(QRect(left, area.top(), std::max(1, right - left), area.height()),
                         selection);
    }
}

void LogHistogram::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !span()) {
        QWidget::mousePressEvent(event);
        return;
    }
    m_dragFrom = int(event->position().x());
    m_dragTo = *m_dragFrom;
    update();
}

void LogHistogram::mouseMoveEvent(QMouseEvent *event)
{
    if (m_dragFrom) {
        m_dragTo = int(event->position().x());
        update();
    }
    QWidget::mouseMoveEvent(event);
}

void LogHistogram::mouseReleaseEvent(QMouseEvent *event)
{
    if (!m_dragFrom || event->button() != Qt::LeftButton) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    m_dragTo = int(event->position().x());
    const auto first = timeAt(std::min(*m_dragFrom, m_dragTo));
    const auto last = timeAt(std::max(*m_dragFrom, m_dragTo));
    m_dragFrom.reset();
    update();
    if (!first || !last)
        return;
    const qint64 from = snap(first->toMSecsSinceEpoch());
    const qint64 to = snap(last->toMSecsSinceEpoch()) + m_model.bucketWidthMs();
    Q_EMIT rangeSelected(QDateTime::fromMSecsSinceEpoch(from, Qt::UTC),
                         QDateTime::fromMSecsSinceEpoch(to, Qt::UTC));
}

bool LogHistogram::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const auto time = timeAt(help->pos().x());
        if (!time || !plotArea().contains(help->pos())) {
            QToolTip::hideText();
            event->ignore();
            return true;
        }
        const qint64 start = snap(time->toMSecsSinceEpoch());
        qint64 count = 0;
        for (const api::LogHistogramBucket &bucket : m_model.buckets()) {
            if (bucket.start.toMSecsSinceEpoch() == start)
                count = bucket.count;
        }
        //: Tooltip of a bar of the log histogram: %1 its hour or day, %2 its rows.
        QToolTip::showText(help->globalPos(),
                           tr("%1: %Ln row(s)", nullptr, int(count)).arg(timeText(start)), this);
        return true;
    }
    if (event->type() == QEvent::LanguageChange)
        update();
    return QWidget::event(event);
}

} // namespace engage::ui
