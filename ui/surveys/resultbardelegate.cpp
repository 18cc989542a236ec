#include "resultbardelegate.h"

#include "models/surveys/surveyresultsmodel.h"

#include <QApplication>
#include <QPainter>
#include <algorithm>

namespace engage::ui {

namespace {

constexpr int kBarMinimumWidth = 120;
constexpr int kMargin = 2;

} // namespace

ResultBarDelegate::ResultBarDelegate(QObject *parent)
    : ResultBarDelegate(models::SurveyResultsModel::ShareRole, parent)
{}

ResultBarDelegate::ResultBarDelegate(int shareRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_shareRole(shareRole)
{}

void ResultBarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    const QVariant share = index.data(m_shareRole);
    if (!share.isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem base = option;
    initStyleOption(&base, index);
    base.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &base, painter, widget);

    const QRect track = option.rect.adjusted(kMargin, kMargin + 1, -kMargin, -kMargin - 1);
    const double fraction = std::clamp(share.toDouble(), 0.0, 1.0);
    QRect bar = track;
    bar.setWidth(int(track.width() * fraction));
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    QColor fill = option.palette.color(QPalette::Highlight);
    fill.setAlphaF(0.45);
    painter->fillRect(bar, fill);
    painter->setPen(option.palette.color(QPalette::Mid));
    painter->drawRect(track.adjusted(0, 0, -1, -1));
    painter->setPen(option.palette.color(QPalette::Text));
    painter->drawText(track.adjusted(4, 0, -4, 0), Qt::AlignVCenter | Qt::AlignRight,
                      index.data(Qt::DisplayRole).toString());
    painter->restore();
}

QSize ResultBarDelegate::sizeHint(const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (index.data(m_shareRole).isValid())
        size.setWidth(std::max(size.width(), kBarMinimumWidth));
    return size;
}

} // namespace engage::ui
