#pragma once

#include <QStyledItemDelegate>

namespace engage::ui {

// Paints the dashboard's score tables (HeatmapModel, AttributeBreakdownModel):
// a score cell (one with models::WithheldRole) is filled with its place on a
// colour scale from orange (low) through the palette's base to blue (high),
// a pair colour-blind readers tell apart, with the number on it in whichever
// of black or white reads better; a withheld score shows "—" on a hatched
// cell, its reason in the model's tooltip. The first column's cells are
// indented by their depth (HeatmapModel::DepthRole), so the group column
// reads as the tree. Selection shows as a frame, so the colour stays readable.
class HeatmapDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HeatmapDelegate)

public:
    explicit HeatmapDelegate(QObject *parent = nullptr);

    // The fill of a score of 0-100 on a view with `palette`.
    static QColor scoreColour(double score, const QPalette &palette);
    // Black or white, whichever contrasts more with `background`.
    static QColor textColourOn(const QColor &background);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    void paintScore(QPainter *painter, const QStyleOptionViewItem &option,
                    const QModelIndex &index) const;
    void paintIndented(QPainter *painter, const QStyleOptionViewItem &option,
                       const QModelIndex &index, int depth) const;
};

} // namespace engage::ui
