#include "skeleton.h"

#include <QEvent>
#include <QPainter>
#include <QPainterPath>
#include <array>

namespace engage::ui {

namespace {

// Between the window and its text: visible on light and dark palettes
// without reading as content.
QColor shapeColour(const QPalette &palette)
{
    const QColor window = palette.color(QPalette::Window);
    const QColor text = palette.color(QPalette::WindowText);
    return QColor::fromRgbF(window.redF() * 0.85f + text.redF() * 0.15f,
                            window.greenF() * 0.85f + text.greenF() * 0.15f,
                            window.blueF() * 0.85f + text.blueF() * 0.15f);
}

void bar(QPainter &painter, const QRectF &rect)
{
    const qreal radius = std::min(rect.height(), rect.width()) / 4;
    painter.drawRoundedRect(rect, radius, radius);
}

} // namespace

Skeleton::Skeleton(Shape shape, QWidget *parent)
    : QWidget(parent)
    , m_shape(shape)
{
    setObjectName(QStringLiteral("skeleton"));
    setSizePolicy(QSizePolicy::Expanding,
                  m_shape == Shape::Figure ? QSizePolicy::Preferred : QSizePolicy::Expanding);
    retranslateUi();
}

QSize Skeleton::sizeHint() const
{
    const int line = fontMetrics().height();
    switch (m_shape) {
    case Shape::Figure:
        return {10 * line, 4 * line};
    case Shape::Chart:
    case Shape::Table:
        break;
    }
    return {24 * line, 12 * line};
}

void Skeleton::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void Skeleton::retranslateUi()
{
    setAccessibleName(tr("Loading"));
}

void Skeleton::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(shapeColour(palette()));
    const qreal line = fontMetrics().height();
    const QRectF area = QRectF(rect()).adjusted(2, 2, -2, -2);

    switch (m_shape) {
    case Shape::Figure:
        bar(painter, {area.left(), area.top(), area.width() * 0.45, line * 1.6});
        bar(painter, {area.left(), area.top() + line * 2.1, area.width() * 0.8, line * 0.7});
        bar(painter, {area.left(), area.top() + line * 3.1, area.width() * 0.6, line * 0.7});
        return;
    case Shape::Chart: {
        // Fixed heights: a skeleton that changed from paint to paint would flicker.
        constexpr std::array<qreal, 10> heights{0.55, 0.7,  0.45, 0.8, 0.6,
                                                0.5,  0.75, 0.65, 0.4, 0.7};
        const qreal axis = area.bottom() - line;
        const qreal slot = area.width() / heights.size();
        for (std::size_t i = 0; i < heights.size(); ++i) {
            const qreal height = (axis - area.top()) * heights.at(i);
            bar(painter, {area.left() + slot * i + slot * 0.2, axis - height, slot * 0.6, height});
        }
        bar(painter, {area.left(), axis + line * 0.3, area.width(), line * 0.3});
        return;
    }
    case Shape::Table: {
        const qreal rowHeight = line * 1.6;
        for (qreal y = area.top(); y + rowHeight <= area.bottom(); y += rowHeight) {
            bar(painter, {area.left(), y, area.width() * 0.3, line * 0.9});
            bar(painter, {area.left() + area.width() * 0.34, y, area.width() * 0.66, line * 0.9});
        }
        return;
    }
    }
}

} // namespace engage::ui
