#include "dashboardchart.h"

#include <QAbstractAxis>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QEvent>
#include <QGraphicsScene>
#include <QLegend>
#include <QLocale>
#include <QPainter>
#include <QToolTip>
#include <QVBoxLayout>
#include <array>

namespace engage::ui {

namespace {

// Ten hues told apart by colour-blind readers as well as possible, engagement
// first; the dark set is lighter so that lines stay legible on a dark base.
constexpr std::array<QRgb, 10> kLightColours = {0x1b5fbf, 0xd66a00, 0x23915a, 0xc0392b, 0x7d3cb5,
                                                0x8c564b, 0xc2337f, 0x6b7a1a, 0x0f8794, 0x5d6d7e};
constexpr std::array<QRgb, 10> kDarkColours = {0x6aa8ff, 0xffa94d, 0x5fd38d, 0xff7b72, 0xc49bff,
                                               0xd2a27e, 0xff7ac3, 0xc8d65a, 0x4fd6e0, 0xaab7c4};

} // namespace

DashboardChart::DashboardChart(QWidget *parent)
    : QWidget(parent)
    // Made with its chart, the view owns it: a view made without one makes
    // its own, which setChart() would only release, never delete (a leak
    // LeakSanitizer reported for every chart).
    , m_view(new QChartView(new QChart, this))
    , m_chart(m_view->chart())
{
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
}

DashboardChart::~DashboardChart() = default;

bool DashboardChart::isDark() const
{
    return palette().color(QPalette::Window).lightness() < 128;
}

QSize DashboardChart::sizeHint() const
{
    return {600, 380};
}

QSize DashboardChart::minimumSizeHint() const
{
    return {360, 300};
}

void DashboardChart::render(QPainter *painter, const QRectF &target)
{
    const QRectF source = m_chart->sceneBoundingRect();
    if (source.isEmpty() || target.isEmpty())
        return;
    QSizeF fitted = source.size();
    fitted.scale(target.size(), Qt::KeepAspectRatio);
    QRectF placed(QPointF(), fitted);
    placed.moveCenter(target.center());
    m_chart->scene()->render(painter, placed, source, Qt::KeepAspectRatio);
}

QColor DashboardChart::seriesColour(int index) const
{
    const auto &colours = isDark() ? kDarkColours : kLightColours;
    return QColor(colours.at(std::size_t(index) % colours.size()));
}

QColor DashboardChart::textColour() const
{
    return palette().color(QPalette::Text);
}

QColor DashboardChart::gridColour() const
{
    QColor grid = palette().color(QPalette::Text);
    grid.setAlphaF(0.15f);
    return grid;
}

QFont DashboardChart::labelFont() const
{
    return font();
}

QFont DashboardChart::titleFont() const
{
    QFont title = font();
    title.setBold(true);
    return title;
}

void DashboardChart::addAxis(QAbstractAxis *axis, Qt::Alignment alignment, const QString &title)
{
    m_chart->addAxis(axis, alignment);
    styleAxis(axis, title);
}

void DashboardChart::styleAxis(QAbstractAxis *axis, const QString &title)
{
    axis->setLabelsFont(labelFont());
    axis->setLabelsBrush(textColour());
    axis->setTitleFont(labelFont());
    axis->setTitleBrush(textColour());
    axis->setGridLineColor(gridColour());
    axis->setMinorGridLineColor(gridColour());
    QColor line = textColour();
    line.setAlphaF(0.4f);
    axis->setLinePenColor(line);
    axis->setTitleText(title);
}

void DashboardChart::showToolTip(const QString &text)
{
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(QCursor::pos(), text, m_view);
}

void DashboardChart::refresh()
{
    // setTheme resets fonts, colours and backgrounds: everything after it
    // overrides the theme with the palette and the widget's font.
    m_chart->setTheme(isDark() ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    const QPalette colours = palette();
    m_chart->setBackgroundBrush(colours.color(QPalette::Base));
    m_chart->setBackgroundPen(Qt::NoPen);
    m_chart->setBackgroundRoundness(0);
    m_chart->setPlotAreaBackgroundVisible(false);
    m_chart->setTitleFont(titleFont());
    m_chart->setTitleBrush(textColour());
    m_chart->legend()->setFont(labelFont());
    m_chart->legend()->setLabelColor(textColour());
    m_chart->setLocale(QLocale());
    m_chart->setLocalizeNumbers(true);
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_view->setBackgroundBrush(colours.color(QPalette::Base));
    rebuild();
}

void DashboardChart::changeEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::PaletteChange:
    case QEvent::FontChange:
        refresh();
        break;
    case QEvent::LanguageChange:
        // Queued: the language switcher installs the translators (which
        // sends this) before it sets the default QLocale that the axes'
        // numbers and dates read; several translators make one refresh.
        if (!m_refreshQueued) {
            m_refreshQueued = true;
            QMetaObject::invokeMethod(
                this,
                [this] {
                    m_refreshQueued = false;
                    refresh();
                },
                Qt::QueuedConnection);
        }
        break;
    default:
        break;
    }
    QWidget::changeEvent(event);
}

} // namespace engage::ui
