#pragma once

#include <QWidget>

class QAbstractAxis;
class QChart;
class QChartView;
class QPainter;

namespace engage::ui {

// What the dashboard's Qt Charts have in common: a QChartView filling the
// widget, a chart themed from the widget's palette (QChart::ChartThemeLight
// or ChartThemeDark by the lightness of QPalette::Window, the background and
// text in the palette's own colours), fonts from the widget's font so that
// Japanese is drawn with a Japanese face, axis numbers in the UI language
// (QChart::locale), and a rebuild on every palette, font or language change.
// Subclasses build their series from their model in rebuild().
class DashboardChart : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardChart)

public:
    ~DashboardChart() override;

    QChart *chart() const { return m_chart; }
    QChartView *chartView() const { return m_view; }
    // True when the palette is dark and the chart uses the dark theme.
    bool isDark() const;

    // Prints: draws the chart as shown, in vector form, into `target` of
    // `painter` (a QPrinter page, a QPdfWriter, an image), scaled to fit with
    // its aspect ratio kept and centred. QWidget::render stays usable for a
    // bitmap of the whole widget.
    void render(QPainter *painter, const QRectF &target);
    using QWidget::render;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    // After every rebuild from the model, the theme or the language (for
    // tests and timing: one model reset is one rebuild).
    void rebuilt();

protected:
    explicit DashboardChart(QWidget *parent = nullptr);

    // Fills the chart's axes, series, titles and labels from the model, in
    // the current theme and language; called again whenever any of them
    // changes. Subclasses create their series and axes once and refill them
    // here: QChart only hides the graphics of a removed series or axis and
    // deletes them later, when the event loop next runs, so removing and
    // adding them on every rebuild piles dead items up in the scene.
    virtual void rebuild() = 0;
    // Applies the palette's theme, fonts and locale to the chart, then rebuild().
    void refresh();

    // The colour of the index-th series of a chart (0 engagement, 1-9 the
    // factors, in api::allFactors() order), legible on the palette's background.
    QColor seriesColour(int index) const;
    QColor textColour() const;
    QColor gridColour() const;
    QFont labelFont() const;
    QFont titleFont() const;
    // Adds `axis` to the chart with the palette's colours, the widget's
    // fonts and `title`. After QChart::addAxis, which applies the theme's.
    void addAxis(QAbstractAxis *axis, Qt::Alignment alignment, const QString &title);
    // Gives an axis already on the chart the palette's colours, the widget's
    // fonts and `title` again: QChart::setTheme replaces them.
    void styleAxis(QAbstractAxis *axis, const QString &title);
    // Shows `text` at the pointer, or hides the tooltip when it is empty.
    void showToolTip(const QString &text);

    void changeEvent(QEvent *event) override;

private:
    QChartView *m_view = nullptr;
    QChart *m_chart = nullptr;
    bool m_refreshQueued = false;
};

} // namespace engage::ui
