// The dashboard's charts over models filled directly (no service): the
// trend's lines with gaps where a score is withheld, its memo markers and
// their tooltips, the factor bars with their benchmarks and "—" for a
// withheld factor, the priority chart's quadrants and split lines; the theme
// following the palette, titles following the language, and printing.
//
// With ENGAGE_CHART_SHOTS set to a folder, each chart is also saved there as
// a PNG in English and Japanese, for a person to look at.

#include "models/dashboard/factorscoremodel.h"
#include "models/dashboard/prioritymodel.h"
#include "models/dashboard/scoreroles.h"
#include "models/dashboard/trendmodel.h"
#include "models/languageswitcher.h"
#include "ui/charts/factorchart.h"
#include "ui/charts/prioritychart.h"
#include "ui/charts/trendchart.h"
#include "uitestsupport.h"

#include <QAbstractAxis>
#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDir>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QImage>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPainter>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QTest>
#include <QToolTip>
#include <QValueAxis>
#include <functional>
#include <memory>

using namespace engage;
using namespace engage::models;
using namespace engage::ui;
using Quadrant = PriorityModel::Quadrant;

namespace {

api::Score shown(double value, qint64 respondents = 40)
{
    api::Score score;
    score.value = value;
    score.respondents = respondents;
    return score;
}

api::Score withheld(api::Withheld why = api::Withheld::TooFewRespondents, qint64 respondents = 3)
{
    api::Score score;
    score.respondents = respondents;
    score.withheld = why;
    return score;
}

const QDate kFirstClose(2024, 6, 2);
constexpr int kRounds = 13;
// Engagement withheld in round 5; growth in rounds 3 and 5 (round 4 stands
// alone); health withheld throughout.
constexpr int kEngagementGap = 5;

api::Trend trendFixture()
{
    api::Trend trend;
    for (int round = 0; round < kRounds; ++round) {
        api::TrendPoint point;
        point.roundId = QStringLiteral("rnd_%1").arg(round);
        point.closesAt = QDateTime(kFirstClose.addDays(28 * round), QTime(9, 0), Qt::UTC);
        point.engagement = round == kEngagementGap ? withheld() : shown(62.0 + round * 0.8);
        for (const api::Factor factor : api::keyFactors()) {
            if (factor == api::Factor::Health)
                point.factors.append(withheld(api::Withheld::NoAnswers, 0));
            else if (factor == api::Factor::Growth && (round == 3 || round == 5))
                point.factors.append(withheld(api::Withheld::Complementary, 12));
            else
                point.factors.append(shown(50.0 + api::factorIndex(factor) * 3 + round % 4));
        }
        point.responseRate.targets = 60;
        point.responseRate.respondents = 45;
        point.responseRate.rate = 75.0;
        trend.points.append(point);
    }
    return trend;
}

QList<api::Memo> memoFixture()
{
    const auto memo = [](const QString &id, QDate date, const QString &text, bool shared) {
        api::Memo made;
        made.id = id;
        made.fields.date = date;
        made.fields.text = text;
        made.fields.shared = shared;
        made.authorName = QStringLiteral("Aiko Tanaka");
        made.mine = !shared;
        return made;
    };
    return {memo(QStringLiteral("memo_1"), kFirstClose.addDays(60),
                 QStringLiteral("New manager in Sales"), true),
            memo(QStringLiteral("memo_2"), kFirstClose.addDays(200),
                 QStringLiteral("Office move to Osaka"), true),
            memo(QStringLiteral("memo_3"), kFirstClose.addDays(200),
                 QStringLiteral("Check Sales again next round"), false)};
}

api::FactorBreakdown breakdownFixture()
{
    api::FactorBreakdown breakdown;
    for (const api::Factor factor : api::allFactors()) {
        api::FactorScore score;
        score.factor = factor;
        const int index = api::factorIndex(factor);
        score.score = factor == api::Factor::Health ? withheld() : shown(55.5 + index * 3.5);
        if (index % 2 == 0)
            score.benchmark = 60.0 + index;
        breakdown.factors.append(score);
    }
    return breakdown;
}

// Engagement 68: job and growth below it with high impact (act first),
// mission above it with high impact (keep), health withheld, culture
// without an impact.
api::PriorityChart priorityFixture()
{
    const QList<std::pair<double, std::optional<double>>> values = {
        {61.2, 0.71},         // job
        {58.4, 0.66},         // growth
        {-1, 0.30},           // health: withheld
        {70.9, 0.42},         // support
        {74.0, 0.21},         // relationships
        {63.5, 0.25},         // recognition
        {72.3, 0.64},         // mission
        {69.0, std::nullopt}, // culture
        {66.1, 0.38},         // environment
    };
    api::PriorityChart chart;
    const QList<api::Factor> factors = api::keyFactors();
    for (int i = 0; i < factors.size(); ++i) {
        api::PriorityPoint point;
        point.factor = factors.at(i);
        point.score = values.at(i).first < 0 ? withheld() : shown(values.at(i).first);
        point.impact = values.at(i).first < 0 ? std::nullopt : values.at(i).second;
        chart.points.append(point);
    }
    return chart;
}

QPointF viewPosition(const DashboardChart &chart, const QPointF &value, QAbstractSeries *series)
{
    const QPointF inChart = chart.chart()->mapToPosition(value, series);
    return chart.chartView()->mapFromScene(chart.chart()->mapToScene(inChart));
}

QString axisTitle(const QChart &chart, Qt::Orientation orientation)
{
    const QList<QAbstractAxis *> axes = chart.axes(orientation);
    return axes.isEmpty() ? QString() : axes.constFirst()->titleText();
}

QPalette darkPalette()
{
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x20, 0x22, 0x25));
    dark.setColor(QPalette::Base, QColor(0x18, 0x1a, 0x1c));
    dark.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
    dark.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
    return dark;
}

// Colours a chart paints: more than a blank or a one-colour fill.
int distinctColours(const QImage &image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3) {
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    }
    return int(colours.size());
}

} // namespace

class TestDashboardCharts final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void trendLinesLeaveGapsForWithheldScores();
    void trendShowsChosenFactors();
    void trendMarksMemos();
    void trendFollowsTheModel();
    void factorBarsWithBenchmarks();
    void priorityQuadrants();
    void themeFollowsThePalette_data();
    void themeFollowsThePalette();
    void titlesFollowTheLanguage();
    void printsAndShows_data();
    void printsAndShows();
    void reloadsKeepTheScene_data();
    void reloadsKeepTheScene();

private:
    models::LanguageSwitcher m_language;
    const QPalette m_palette = QApplication::palette();
    std::unique_ptr<TrendModel> m_trend;
    std::unique_ptr<FactorScoreModel> m_factors;
    std::unique_ptr<PriorityModel> m_priority;
};

void TestDashboardCharts::init()
{
    QVERIFY(m_language.setLanguage(QStringLiteral("en")));
    m_trend = std::make_unique<TrendModel>();
    m_trend->setTrend(trendFixture());
    m_factors = std::make_unique<FactorScoreModel>();
    m_factors->setBreakdown(breakdownFixture());
    m_priority = std::make_unique<PriorityModel>();
    m_priority->setChart(priorityFixture(), 68.0);
}

void TestDashboardCharts::cleanup()
{
    QApplication::setPalette(m_palette);
}

void TestDashboardCharts::trendLinesLeaveGapsForWithheldScores()
{
    TrendChart chart(*m_trend);
    QVERIFY(test::showActive(chart, QSize(800, 400)));
    const api::Trend trend = trendFixture();
    const auto closes = [&](int round) {
        return double(trend.points.at(round).closesAt.toMSecsSinceEpoch());
    };

    const QList<QLineSeries *> engagement = chart.segments(api::Factor::Engagement);
    QCOMPARE(engagement.size(), 2);
    QCOMPARE(engagement.at(0)->count(), kEngagementGap);
    QCOMPARE(engagement.at(1)->count(), kRounds - kEngagementGap - 1);
    QCOMPARE(engagement.at(0)->at(0), QPointF(closes(0), 62.0));
    QCOMPARE(engagement.at(1)->at(0), QPointF(closes(kEngagementGap + 1), 62.0 + 6 * 0.8));
    for (const QLineSeries *run : engagement) {
        for (const QPointF &point : run->points())
            QVERIFY2(point.x() != closes(kEngagementGap), "a withheld round has no point");
    }

    // Growth: rounds 0-2, round 4 alone (a dot), rounds 6-12.
    const QList<QLineSeries *> growth = chart.segments(api::Factor::Growth);
    QCOMPARE(growth.size(), 3);
    QCOMPARE(growth.at(0)->count(), 3);
    QCOMPARE(growth.at(1)->count(), 1);
    QCOMPARE(growth.at(1)->at(0).x(), closes(4));
    QVERIFY(growth.at(1)->pointsVisible());
    QCOMPARE(growth.at(2)->count(), 7);

    // Health, withheld throughout: one empty series, so that the legend
    // still names it; never a line at zero.
    const QList<QLineSeries *> health = chart.segments(api::Factor::Health);
    QCOMPARE(health.size(), 1);
    QCOMPARE(health.at(0)->count(), 0);

    // One legend entry per factor, not one per run, and none for memos
    // while there are none.
    int legendEntries = 0;
    for (const QLegendMarker *marker : chart.chart()->legend()->markers())
        legendEntries += marker->isVisible() ? 1 : 0;
    QCOMPARE(legendEntries, api::kFactorCount);

    // The score axis fits the scores (62-71.6 engagement, 53-84 factors).
    const auto *scores = qobject_cast<QValueAxis *>(chart.chart()->axes(Qt::Vertical).value(0));
    QVERIFY(scores);
    QCOMPARE(scores->min(), 40.0);
    QCOMPARE(scores->max(), 90.0);
}

void TestDashboardCharts::trendShowsChosenFactors()
{
    TrendChart chart(*m_trend);
    QVERIFY(test::showActive(chart, QSize(800, 400)));
    QCOMPARE(chart.visibleFactors(), QList<api::Factor>{api::Factor::Engagement});
    QVERIFY(chart.segments(api::Factor::Engagement).at(0)->isVisible());
    QVERIFY(!chart.segments(api::Factor::Growth).at(0)->isVisible());

    QSignalSpy changed(&chart, &TrendChart::visibleFactorsChanged);
    chart.setFactorVisible(api::Factor::Growth, true);
    QCOMPARE(changed.size(), 1);
    for (const QLineSeries *run : chart.segments(api::Factor::Growth))
        QVERIFY(run->isVisible());
    QCOMPARE(chart.visibleFactors(),
             (QList<api::Factor>{api::Factor::Engagement, api::Factor::Growth}));

    // The legend toggles: the hidden factor's entry stays, dimmed; its other
    // runs never get one.
    QLegendMarker *jobEntry =
        chart.chart()->legend()->markers(chart.segments(api::Factor::Job).at(0)).value(0);
    QVERIFY(jobEntry);
    QVERIFY(jobEntry->isVisible());
    QVERIFY(jobEntry->labelBrush().color().alphaF() < 0.5);
    Q_EMIT jobEntry->clicked();
    QVERIFY(chart.isFactorVisible(api::Factor::Job));
    QVERIFY(chart.segments(api::Factor::Job).at(0)->isVisible());
    QCOMPARE(jobEntry->labelBrush().color().alphaF(), 1.0);
    QLegendMarker *growthEntry =
        chart.chart()->legend()->markers(chart.segments(api::Factor::Growth).at(0)).value(0);
    Q_EMIT growthEntry->clicked();
    QVERIFY(!chart.isFactorVisible(api::Factor::Growth));
    QVERIFY(growthEntry->isVisible());
    for (QLineSeries *run : chart.segments(api::Factor::Growth).mid(1)) {
        for (const QLegendMarker *marker : chart.chart()->legend()->markers(run))
            QVERIFY(!marker->isVisible());
    }

    // The choice outlives new data.
    m_trend->setTrend(trendFixture());
    QVERIFY(chart.segments(api::Factor::Job).at(0)->isVisible());
    QVERIFY(!chart.segments(api::Factor::Growth).at(0)->isVisible());
}

void TestDashboardCharts::trendMarksMemos()
{
    TrendChart chart(*m_trend);
    QVERIFY(test::showActive(chart, QSize(800, 400)));
    const QList<api::Memo> memos = memoFixture();
    chart.setMemos(memos);
    QCOMPARE(chart.memoMarkers()->count(), memos.size());
    QTRY_VERIFY(chart.chart()->legend()->markers(chart.memoMarkers()).value(0)->isVisible());
    // Two memos on one day: one above the other, at that day.
    const QPointF second = chart.memoMarkers()->at(1);
    const QPointF third = chart.memoMarkers()->at(2);
    QCOMPARE(second.x(), third.x());
    QVERIFY(third.y() > second.y());
    QCOMPARE(QDateTime::fromMSecsSinceEpoch(qint64(second.x())).date(), memos.at(1).fields.date);
    const auto *scores = qobject_cast<QValueAxis *>(chart.chart()->axes(Qt::Vertical).value(0));
    QVERIFY(second.y() > scores->min());
    QVERIFY(third.y() < scores->min() + (scores->max() - scores->min()) / 4);

    const QString shared = chart.memoToolTip(1);
    QVERIFY2(shared.contains(QStringLiteral("Office move to Osaka")), qPrintable(shared));
    QVERIFY2(shared.contains(QStringLiteral("Aiko Tanaka")), qPrintable(shared));
    QVERIFY2(shared.contains(QLocale().toString(memos.at(1).fields.date, QLocale::LongFormat)),
             qPrintable(shared));
    QVERIFY2(chart.memoToolTip(2).contains(QStringLiteral("private")),
             qPrintable(chart.memoToolTip(2)));

    // The pointer on a marker shows its tooltip; a click activates it.
    const QPoint at =
        viewPosition(chart, chart.memoMarkers()->at(0), chart.memoMarkers()).toPoint();
    QSignalSpy activated(&chart, &TrendChart::memoActivated);
    QTest::mouseMove(chart.chartView()->viewport(), at);
    QTRY_COMPARE(QToolTip::text(), chart.memoToolTip(0));
    QTest::mouseClick(chart.chartView()->viewport(), Qt::LeftButton, {}, at);
    QTRY_COMPARE(activated.size(), 1);
    QCOMPARE(activated.at(0).at(0).toString(), QStringLiteral("memo_1"));

    chart.setMemos({});
    QCOMPARE(chart.memoMarkers()->count(), 0);
}

void TestDashboardCharts::trendFollowsTheModel()
{
    TrendChart chart(*m_trend);
    api::Trend shorter = trendFixture();
    shorter.points = shorter.points.mid(kEngagementGap + 1);
    m_trend->setTrend(shorter);
    QCOMPARE(chart.segments(api::Factor::Engagement).size(), 1);
    QCOMPARE(chart.segments(api::Factor::Engagement).at(0)->count(), shorter.points.size());

    m_trend->setTrend({});
    QCOMPARE(chart.segments(api::Factor::Engagement).at(0)->count(), 0);
    QVERIFY(!chart.chart()->title().isEmpty());
}

void TestDashboardCharts::factorBarsWithBenchmarks()
{
    FactorChart chart(*m_factors);
    chart.resize(700, 420);
    QCOMPARE(chart.factorsShown(), api::allFactors());
    const QList<double> values = chart.barValues();
    QCOMPARE(values.size(), api::kFactorCount);
    QCOMPARE(values.at(0), 55.5);
    QCOMPARE(values.at(api::factorIndex(api::Factor::Health)), 0.0);
    QCOMPARE(values.at(api::factorIndex(api::Factor::Environment)), 55.5 + 9 * 3.5);

    const QStringList labels = chart.valueLabels();
    QCOMPARE(labels.size(), api::kFactorCount);
    QCOMPARE(labels.at(0), QStringLiteral("55.5"));
    QCOMPARE(labels.at(api::factorIndex(api::Factor::Health)), QStringLiteral("—"));

    // Benchmarks on the even factors, on their bars' rows (counted from the
    // bottom: engagement, the top row, is row 9).
    const QList<QPointF> benchmarks = chart.benchmarkMarkers()->points();
    QCOMPARE(benchmarks.size(), 5);
    for (const QPointF &point : benchmarks) {
        const int index = api::kFactorCount - 1 - int(point.y());
        QCOMPARE(index % 2, 0);
        QCOMPARE(point.x(), 60.0 + index);
    }

    // The categories read top down in the model's order.
    auto *names = qobject_cast<QBarCategoryAxis *>(chart.chart()->axes(Qt::Vertical).value(0));
    QVERIFY(names);
    QCOMPARE(names->categories().constLast(), factorName(api::Factor::Engagement));
    QCOMPARE(names->categories().constFirst(), factorName(api::Factor::Environment));
    QCOMPARE(axisTitle(*chart.chart(), Qt::Horizontal), FactorChart::tr("Score (0–100)"));

    api::FactorBreakdown later = breakdownFixture();
    later.factors[0].score = withheld();
    m_factors->setBreakdown(later);
    QCOMPARE(chart.barValues().at(0), 0.0);
    QCOMPARE(chart.valueLabels().at(0), QStringLiteral("—"));
}

void TestDashboardCharts::priorityQuadrants()
{
    PriorityChart chart(*m_priority);
    chart.resize(700, 460);
    QCOMPARE(chart.scoreSplit(), std::optional<double>(68.0));
    // Impacts of the seven placed factors: 0.21 0.25 0.38 0.42 0.64 0.66 0.71.
    QVERIFY(chart.impactSplit());
    QCOMPARE(*chart.impactSplit(), 0.42);
    QCOMPARE(chart.factorsLeftOut(),
             (QList<api::Factor>{api::Factor::Health, api::Factor::Culture}));

    int placed = 0;
    for (const Quadrant quadrant :
         {Quadrant::ActFirst, Quadrant::Keep, Quadrant::Watch, Quadrant::LowPriority}) {
        QScatterSeries *series = chart.quadrantPoints(quadrant);
        QVERIFY(series);
        for (const QPointF &point : series->points()) {
            ++placed;
            const bool low = point.x() < *chart.scoreSplit();
            const bool high = point.y() >= *chart.impactSplit();
            QVERIFY2((quadrant == Quadrant::ActFirst) == (low && high), qPrintable(series->name()));
            QVERIFY2((quadrant == Quadrant::Keep) == (!low && high), qPrintable(series->name()));
            QVERIFY2((quadrant == Quadrant::Watch) == (low && !high), qPrintable(series->name()));
        }
        // Each point is where the model places it.
        for (int row = 0; row < m_priority->rowCount(); ++row) {
            if (m_priority->data(m_priority->index(row, 0), PriorityModel::QuadrantRole).toInt() !=
                int(quadrant))
                continue;
            const api::PriorityPoint &point = m_priority->chart().points.at(row);
            QVERIFY(series->points().contains(QPointF(*point.score.value, *point.impact)));
        }
    }
    QCOMPARE(placed, 7);
    QCOMPARE(chart.quadrantPoints(Quadrant::ActFirst)->count(), 2); // job, growth
    QCOMPARE(chart.quadrantPoints(Quadrant::Keep)->count(), 2);     // support, mission

    QStringList names;
    for (const api::Factor factor :
         {api::Factor::Job, api::Factor::Growth, api::Factor::Support, api::Factor::Relationships,
          api::Factor::Recognition, api::Factor::Mission, api::Factor::Environment})
        names.append(factorName(factor));
    QCOMPARE(chart.pointLabels(), names);

    m_priority->setChart(priorityFixture(), std::nullopt);
    QVERIFY(!chart.scoreSplit());
}

void TestDashboardCharts::themeFollowsThePalette_data()
{
    QTest::addColumn<bool>("application");
    QTest::newRow("widget palette") << false;
    QTest::newRow("application palette") << true;
}

void TestDashboardCharts::themeFollowsThePalette()
{
    QFETCH(bool, application);
    // Inside a window, as on the dashboard page.
    QWidget window;
    auto &trend = *new TrendChart(*m_trend, &window);
    auto &factors = *new FactorChart(*m_factors, &window);
    auto &priority = *new PriorityChart(*m_priority, &window);
    const QList<DashboardChart *> charts = {&trend, &factors, &priority};
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QColor lightText = trend.palette().color(QPalette::Text);
    for (const DashboardChart *chart : charts) {
        QVERIFY(!chart->isDark());
        QCOMPARE(chart->chart()->theme(), QChart::ChartThemeLight);
    }
    const QColor lightLine = trend.segments(api::Factor::Engagement).at(0)->pen().color();

    const QPalette dark = darkPalette();
    if (application)
        QApplication::setPalette(dark);
    else
        window.setPalette(dark);
    for (const DashboardChart *chart : charts) {
        // The application's palette reaches its widgets through posted events.
        QTRY_VERIFY(chart->isDark());
        QCOMPARE(chart->chart()->theme(), QChart::ChartThemeDark);
        QCOMPARE(chart->chart()->backgroundBrush().color(), dark.color(QPalette::Base));
        const QList<QAbstractAxis *> axes = chart->chart()->axes();
        QVERIFY(!axes.isEmpty());
        for (const QAbstractAxis *axis : axes)
            QCOMPARE(axis->labelsBrush().color(), dark.color(QPalette::Text));
    }
    QVERIFY(trend.segments(api::Factor::Engagement).at(0)->pen().color() != lightLine);
    QCOMPARE(factors.valueLabels().size(), api::kFactorCount);

    if (application)
        QApplication::setPalette(m_palette);
    else
        window.setPalette(QPalette());
    QTRY_COMPARE(trend.chart()->theme(), QChart::ChartThemeLight);
    QCOMPARE(trend.chart()->axes().value(0)->labelsBrush().color(), lightText);
}

void TestDashboardCharts::titlesFollowTheLanguage()
{
    TrendChart trend(*m_trend);
    FactorChart factors(*m_factors);
    PriorityChart priority(*m_priority);
    const QString trendX = axisTitle(*trend.chart(), Qt::Horizontal);
    const QString trendY = axisTitle(*trend.chart(), Qt::Vertical);
    QCOMPARE(trendY, TrendChart::tr("Score"));

    test::MarkingTranslator marking;
    QVERIFY(QCoreApplication::installTranslator(&marking));
    const auto marked = [](const QString &text) {
        return text.startsWith(QStringLiteral("[T] "));
    };
    QVERIFY2(marked(axisTitle(*trend.chart(), Qt::Horizontal)),
             qPrintable(axisTitle(*trend.chart(), Qt::Horizontal)));
    QVERIFY(marked(axisTitle(*trend.chart(), Qt::Vertical)));
    QVERIFY(marked(axisTitle(*factors.chart(), Qt::Horizontal)));
    QVERIFY(marked(axisTitle(*priority.chart(), Qt::Horizontal)));
    QVERIFY(marked(axisTitle(*priority.chart(), Qt::Vertical)));
    QVERIFY(marked(trend.memoMarkers()->name()));
    QVERIFY(marked(factors.benchmarkMarkers()->name()));
    QVERIFY(QCoreApplication::removeTranslator(&marking));
    QTRY_COMPARE(axisTitle(*trend.chart(), Qt::Horizontal), trendX);

    // Numbers in the UI language: the chart's locale follows it.
    QVERIFY(m_language.setLanguage(QStringLiteral("ja")));
    QTRY_COMPARE(trend.chart()->locale().language(), QLocale::Japanese);
    QVERIFY(trend.chart()->localizeNumbers());
    QCOMPARE(priority.chart()->locale().language(), QLocale::Japanese);
}

void TestDashboardCharts::printsAndShows_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("ja") << QStringLiteral("ja");
}

void TestDashboardCharts::printsAndShows()
{
    QFETCH(QString, language);
    QVERIFY(m_language.setLanguage(language));
    TrendChart trend(*m_trend);
    trend.setMemos(memoFixture());
    trend.setVisibleFactors({api::Factor::Engagement, api::Factor::Growth, api::Factor::Support});
    FactorChart factors(*m_factors);
    factors.setBenchmarkLabel(QStringLiteral("2024 survey"));
    PriorityChart priority(*m_priority);
    const QString shots = qEnvironmentVariable("ENGAGE_CHART_SHOTS");
    for (const auto &[chart, name] :
         {std::pair<DashboardChart *, QString>{&trend, QStringLiteral("trend")},
          {&factors, QStringLiteral("factors")},
          {&priority, QStringLiteral("priority")}}) {
        chart->resize(chart->sizeHint());
        chart->show();
        QVERIFY(QTest::qWaitForWindowExposed(chart));
        // Nothing elided: the names of the factors and the dates fit.
        for (const QAbstractAxis *axis : chart->chart()->axes())
            QVERIFY2(!axis->labelsTruncated(), qPrintable(name + u' ' + axis->titleText()));
        const QImage shown = chart->grab().toImage();
        QVERIFY(distinctColours(shown) > 8);

        // Printing: twice the size on a page, the chart scaled into it.
        QImage page(QSize(chart->width() * 2, chart->height() * 3), QImage::Format_ARGB32);
        page.fill(Qt::white);
        {
            QPainter painter(&page);
            chart->render(&painter, QRectF(QPointF(0, 0), page.size()));
        }
        QVERIFY(distinctColours(page) > 8);
        // Kept its aspect ratio, centred: the page's top and bottom stay blank.
        QCOMPARE(page.pixel(page.width() / 2, 2), QColor(Qt::white).rgb());
        QCOMPARE(page.pixel(page.width() / 2, page.height() - 3), QColor(Qt::white).rgb());

        if (!shots.isEmpty()) {
            const QString stem = QDir(shots).filePath(name + u'_' + language);
            QVERIFY(shown.save(stem + u".png"));
            QVERIFY(page.save(stem + u"_print.png"));
            chart->setPalette(darkPalette());
            QTest::qWait(50); // the chart lays itself out again on a posted event
            QVERIFY(chart->grab().toImage().save(stem + u"_dark.png"));
        }
        chart->hide();
    }
}

void TestDashboardCharts::reloadsKeepTheScene_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("trend") << QStringLiteral("trend");
    QTest::newRow("factors") << QStringLiteral("factors");
    QTest::newRow("priority") << QStringLiteral("priority");
}

// Reloading the same data leaves the chart as the first load did: QChart
// only hides the graphics of a series or axis it removes and deletes them
// when the event loop next runs, so a chart that replaced its series on
// every rebuild grew its scene (and every rebuild's cost) with each reload
// made outside the event loop, as the dashboard benchmark makes them.
void TestDashboardCharts::reloadsKeepTheScene()
{
    QFETCH(QString, kind);
    std::unique_ptr<DashboardChart> chart;
    std::function<void()> reload;
    if (kind == QStringLiteral("trend")) {
        auto trend = std::make_unique<TrendChart>(*m_trend);
        trend->setMemos(memoFixture());
        chart = std::move(trend);
        reload = [this] {
            m_trend->setTrend(trendFixture());
        };
    } else if (kind == QStringLiteral("factors")) {
        chart = std::make_unique<FactorChart>(*m_factors);
        reload = [this] {
            m_factors->setBreakdown(breakdownFixture());
        };
    } else {
        auto priority = std::make_unique<PriorityChart>(*m_priority);
        chart = std::move(priority);
        reload = [this] {
            m_priority->setChart(priorityFixture(), 68.0);
        };
    }
    QVERIFY(test::showActive(*chart, chart->sizeHint()));
    QSignalSpy rebuilt(chart.get(), &DashboardChart::rebuilt);
    // Events processed and the chart painted, with no event loop returned to.
    const auto settle = [&] {
        QCoreApplication::processEvents();
        return chart->grab();
    };

    reload();
    QCOMPARE(rebuilt.size(), 1);
    settle();
    const QChart &plot = *chart->chart();
    const qsizetype items = plot.scene()->items().size();
    const qsizetype series = plot.series().size();
    const qsizetype axes = plot.axes().size();
    for (int load = 2; load <= 20; ++load) {
        reload();
        QCOMPARE(rebuilt.size(), load);
        settle();
        QCOMPARE(plot.scene()->items().size(), items);
        QCOMPARE(plot.series().size(), series);
        QCOMPARE(plot.axes().size(), axes);
    }
}

QTEST_MAIN(TestDashboardCharts)
#include "tst_dashboardcharts.moc"
