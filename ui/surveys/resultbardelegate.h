#pragma once

#include <QStyledItemDelegate>

namespace engage::ui {

// Paints a share (0..1, by default models::SurveyResultsModel::ShareRole;
// any model's role given to the constructor) as a horizontal bar in the
// palette's highlight colour across the cell, its text ("25.0%") on top in
// the view's text colour; cells without a share (questions, free text, a
// withheld rate) are painted as usual.
class ResultBarDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultBarDelegate)

public:
    explicit ResultBarDelegate(QObject *parent = nullptr);
    ResultBarDelegate(int shareRole, QObject *parent);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_shareRole;
};

} // namespace engage::ui
