#pragma once

#include <QWidget>

namespace engage::ui {

// What a dashboard panel shows while its data is on the way: grey shapes
// where the figures, the chart or the table will be, so the page keeps its
// layout and nobody reads an empty panel as "no data". The shapes take the
// palette's colours, so they suit dark themes too.
class Skeleton final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Skeleton)

public:
    enum class Shape
    {
        Figure, // one large value and two short lines (a KPI card)
        Chart,  // bars of several heights over an axis
        Table,  // rows of cells
    };

    explicit Skeleton(Shape shape, QWidget *parent = nullptr);

    Shape shape() const { return m_shape; }
    QSize sizeHint() const override;

protected:
    void changeEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void retranslateUi();

    const Shape m_shape;
};

} // namespace engage::ui
