#include "heatmapdelegate.h"

#include "models/dashboard/heatmapmodel.h"
#include "models/dashboard/scoreroles.h"

#include <QApplication>
#include <QPainter>
#include <array>
#include <cmath>

namespace engage::ui {

namespace {

// ColorBrewer's orange-to-blue diverging stops, centred where engagement
// scores usually sit: below 40 is as orange as it gets, above 80 as blue.
struct Stop
{
    double score;
    QRgb colour; // 0 for the palette's base
};
constexpr std::array<Stop, 5> kStops{{{40, qRgb(0xe6, 0x61, 0x01)},
                                      {50, qRgb(0xfd, 0xb8, 0x63)},
                                      {60, 0},
                                      {70, qRgb(0x92, 0xc5, 0xde)},
                                      {80, qRgb(0x05, 0x71, 0xb0)}}};

QColor stopColour(const Stop &stop, const QPalette &palette)
{
    return stop.colour == 0 ? palette.color(QPalette::Base) : QColor(stop.colour);
}

QColor mix(const QColor &a, const QColor &b, double t)
{
    const auto channel = [t](float x, float y) {
        return x + (y - x) * static_cast<float>(t);
    };
    return QColor::fromRgbF(channel(a.redF(), b.redF()), channel(a.greenF(), b.greenF()),
                            channel(a.blueF(), b.blueF()));
}

// WCAG's relative luminance.
double luminance(const QColor &colour)
{
    const auto linear = [](float c) {
        return c <= 0.03928f ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) +
           0.0722 * linear(colour.blueF());
}

double contrast(double a, double b)
{
    return (std::max(a, b) + 0.05) / (std::min(a, b) + 0.05);
}

// The name column alone is indented: the model gives the depth on every cell of a row.
int depthOf(const QModelIndex &index)
{
    return index.column() == 0 ? index.data(models::HeatmapModel::DepthRole).toInt() : 0;
}

} // namespace

HeatmapDelegate::HeatmapDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

QColor HeatmapDelegate::scoreColour(double score, const QPalette &palette)
{
    if (score <= kStops.front().score)
        return stopColour(kStops.front(), palette);
    for (std::size_t i = 1; i < kStops.size(); ++i) {
        const Stop &upper = kStops.at(i);
        if (score <= upper.score) {
            const Stop &lower = kStops.at(i - 1);
            return mix(stopColour(lower, palette), stopColour(upper, palette),
                       (score - lower.score) / (upper.score - lower.score));
        }
    }
    return stopColour(kStops.back(), palette);
}

QColor HeatmapDelegate::textColourOn(const QColor &background)
{
    const double base = luminance(background);
    return contrast(base, 0.0) >= contrast(base, 1.0) ? QColor(Qt::black) : QColor(Qt::white);
}

void HeatmapDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    if (index.data(models::WithheldRole).isValid()) {
        paintScore(painter, option, index);
        return;
    }
    const int depth = depthOf(index);
    if (depth > 0) {
        paintIndented(painter, option, index, depth);
        return;
    }
    QStyledItemDelegate::paint(painter, option, index);
}

void HeatmapDelegate::paintScore(QPainter *painter, const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const
{
    const QVariant value = index.data(models::ScoreValueRole);
    const QPalette &palette = option.palette;
    const QRect cell = option.rect.adjusted(1, 1, -1, -1);
    painter->save();
    QColor text;
    if (value.isValid()) {
        const QColor fill = scoreColour(value.toDouble(), palette);
        painter->fillRect(cell, fill);
        text = textColourOn(fill);
    } else {
        painter->fillRect(cell, palette.color(QPalette::Base));
        QColor hatch = palette.color(QPalette::Text);
        hatch.setAlphaF(0.12f);
        painter->fillRect(cell, QBrush(hatch, Qt::BDiagPattern));
        text = palette.color(QPalette::Text);
    }
    if (option.state & QStyle::State_Selected) {
        QPen frame(palette.color(QPalette::Highlight), 2);
        frame.setJoinStyle(Qt::MiterJoin);
        painter->setPen(frame);
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(QRectF(cell).adjusted(1, 1, -1, -1));
    }
    if (option.state & QStyle::State_HasFocus) {
        QPen focus(text, 1, Qt::DotLine);
        painter->setPen(focus);
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(cell.adjusted(3, 3, -4, -4));
    }
    painter->setFont(option.font);
    painter->setPen(text);
    painter->drawText(cell, Qt::AlignCenter, index.data(Qt::DisplayRole).toString());
    painter->restore();
}

void HeatmapDelegate::paintIndented(QPainter *painter, const QStyleOptionViewItem &option,
                                    const QModelIndex &index, int depth) const
{
    QStyleOptionViewItem item = option;
    initStyleOption(&item, index);
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    // The row's background over the whole cell, the text where its depth puts it.
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &item, painter, widget);
    const int indent = option.fontMetrics.horizontalAdvance(QLatin1Char('M')) * depth;
    item.rect.setLeft(std::min(item.rect.left() + indent, item.rect.right()));
    style->drawControl(QStyle::CE_ItemViewItem, &item, painter, widget);
}

QSize HeatmapDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.rwidth() += option.fontMetrics.horizontalAdvance(QLatin1Char('M')) * depthOf(index);
    if (index.data(models::WithheldRole).isValid())
        size.setWidth(
            std::max(size.width(), option.fontMetrics.horizontalAdvance(QStringLiteral("100.0")) +
                                       option.fontMetrics.height()));
    return size;
}

} // namespace engage::ui
