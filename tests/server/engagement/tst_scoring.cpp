#include "bankanswers.h"
#include "engagement/scoring.h"

#include <QRandomGenerator>
#include <QTest>
#include <cmath>

using namespace engage;
using namespace engage::server::engagement;
using engage::test::answersOf;
using engage::test::itemIndex;

namespace core = engage::server::engagement;

using OptionalScore = std::optional<double>;
Q_DECLARE_METATYPE(OptionalScore)
Q_DECLARE_METATYPE(engage::api::Withheld)
Q_DECLARE_METATYPE(engage::api::Score)
Q_DECLARE_METATYPE(engage::server::engagement::CellSums)

class TestScoring final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundScore_data();
    void roundScore();
    void roundingNeedsTheNudge();
    void itemScores_data();
    void itemScores();
    void handTable_data();
    void handTable();
    void handTableRespondents();
    void impactOfTheHandTable();
    void impact_data();
    void impact();
    void makeScore_data();
    void makeScore();
    void setChange_data();
    void setChange();
    void changeIsTheDifferenceOfDisplayedValues();
    void responseRate_data();
    void responseRate();
};

namespace {

// Exact comparison: QCOMPARE's fuzzy one would let 62.500000001 pass for 62.5.
QString describe(const OptionalScore &value)
{
    return value ? QString::number(*value, 'g', 17) : QStringLiteral("nothing");
}

bool same(const OptionalScore &a, const OptionalScore &b)
{
    return a.has_value() == b.has_value() && (!a || *a == *b);
}

#define COMPARE_EXACT(actual, expected)                                                            \
    QVERIFY2(same((actual), (expected)),                                                           \
             qPrintable(describe(actual) + QStringLiteral(" != ") + describe(expected)))

// The hand table: six respondents, engagement's and job's items (– none).
//
//        adv.1 adv.2 com.1 com.2 | mean.1 mean.2 auton. workl.
//   R1     5     4     4     –   |   4      5      3      2
//   R2     4     4     3     –   |   3      4      2      –
//   R3     3     –     3     –   |   2      3      –      1
//   R4     5     5     4     –   |   5      –      4      3
//   R5     2     3     2     –   |   1      2      –      –
//   R6     4     –     –     –   |   –      –      –      –
CellSums handTable()
{
    CellSums sums;
    const auto add = [&sums](int a1, int a2, int c1, int m1, int m2, int au, int wl) {
        sums.addRespondent(answersOf({{"engagement.advocacy.1", a1},
                                      {"engagement.advocacy.2", a2},
                                      {"engagement.commitment.1", c1},
                                      {"job.meaning.1", m1},
                                      {"job.meaning.2", m2},
                                      {"job.autonomy.1", au},
                                      {"job.workload.1", wl}}));
    };
    add(5, 4, 4, 4, 5, 3, 2);
    add(4, 4, 3, 3, 4, 2, 0);
    add(3, 0, 3, 2, 3, 0, 1);
    add(5, 5, 4, 5, 0, 4, 3);
    add(2, 3, 2, 1, 2, 0, 0);
    add(4, 0, 0, 0, 0, 0, 0);
    return sums;
}

CellSums pairs(std::initializer_list<std::pair<int, int>> jobAndEngagement)
{
    CellSums sums;
    for (const auto &[job, engagement] : jobAndEngagement) {
        sums.addRespondent(
            answersOf({{"job.meaning.1", job}, {"engagement.advocacy.1", engagement}}));
    }
    return sums;
}

api::Score shown(double value, qint64 respondents = 10)
{
    api::Score score;
    score.value = value;
    score.respondents = respondents;
    return score;
}

} // namespace

void TestScoring::roundScore_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<double>("rounded");

    // Halves whose binary neighbour lies below them (0.15 is stored as
    // 0.1499999999999999944...), above them (62.45) or on them (87.25).
    QTest::newRow("62.45") << 62.45 << 62.5;
    QTest::newRow("33.35") << 33.35 << 33.4;
    QTest::newRow("87.25") << 87.25 << 87.3;
    QTest::newRow("0.05") << 0.05 << 0.1;
    QTest::newRow("0.15") << 0.15 << 0.2;
    QTest::newRow("1.45") << 1.45 << 1.5;
    QTest::newRow("99.95") << 99.95 << 100.0;
    // Below a half, even closely: down.
    QTest::newRow("62.44") << 62.44 << 62.4;
    QTest::newRow("62.4499") << 62.4499 << 62.4;
    QTest::newRow("a millionth below 62.45") << 62.449999 << 62.4;
    QTest::newRow("25/3") << 25.0 / 3 << 8.3;
    QTest::newRow("200/3") << 200.0 / 3 << 66.7;
    QTest::newRow("0") << 0.0 << 0.0;
    QTest::newRow("100") << 100.0 << 100.0;
    // A change: symmetric, so -0.05 and 0.05 are a tenth apart from 0 alike.
    QTest::newRow("-0.05") << -0.05 << -0.1;
    QTest::newRow("-1.25") << -1.25 << -1.3;
    QTest::newRow("-0.04") << -0.04 << 0.0;
    QTest::newRow("noise below 0.1") << 70.0 - 69.9 << 0.1;
}

void TestScoring::roundScore()
{
    QFETCH(double, value);
    QFETCH(double, rounded);
    const double actual = core::roundScore(value);
    COMPARE_EXACT(OptionalScore(actual), OptionalScore(rounded));
    QVERIFY(!std::signbit(actual) || actual < 0);
}

// Computed scores land a few ulps below their half: items answered 173/60,
// 7/2 and 26/12 (growth's three items, in bank order) score
// 25 * 173 / 60 = 72.08333..., 25 * 7 / 2 = 87.5 and 25 * 26 / 12 = 54.16666...;
// their mean is exactly (865/12 + 175/2 + 325/6) / 3 = 855/12 = 71.25, but the
// doubles add up to 71.24999999999999, which naive rounding takes to 71.2.
void TestScoring::roundingNeedsTheNudge()
{
    CellSums sums;
    sums.items[std::size_t(itemIndex("growth.learning.1"))] = {60, 173};
    sums.items[std::size_t(itemIndex("growth.challenge.1"))] = {2, 7};
    sums.items[std::size_t(itemIndex("growth.career.1"))] = {12, 26};
    const OptionalScore growth = factorScore(sums, api::Factor::Growth);
    QVERIFY(growth);
    QVERIFY2(*growth < 71.25, qPrintable(describe(growth)));
    QCOMPARE(std::floor(*growth * 10 + 0.5) / 10, 71.2);
    COMPARE_EXACT(OptionalScore(core::roundScore(*growth)), OptionalScore(71.3));
}

void TestScoring::itemScores_data()
{
    QTest::addColumn<qint64>("count");
    QTest::addColumn<qint64>("sum");
    QTest::addColumn<OptionalScore>("score");
    QTest::addColumn<OptionalScore>("rounded");

    // answers 5, 4, 4, 2 -> 4 + 3 + 3 + 1 = 11; 25 * 11 / 4 = 68.75
    QTest::newRow("four answers") << qint64(4) << qint64(11) << OptionalScore(68.75)
                                  << OptionalScore(68.8);
    // answers 1, 1, 2 -> 1; 25 / 3 = 8.333...
    QTest::newRow("a third") << qint64(3) << qint64(1) << OptionalScore(25.0 / 3)
                             << OptionalScore(8.3);
    // 25 * 1249 / 500 = 31225 / 500 = 62.45
    QTest::newRow("on a half") << qint64(500) << qint64(1249) << OptionalScore(62.45)
                               << OptionalScore(62.5);
    // six times 5 -> 24; 25 * 24 / 6 = 100
    QTest::newRow("all agree") << qint64(6) << qint64(24) << OptionalScore(100.0)
                               << OptionalScore(100.0);
    QTest::newRow("all disagree") << qint64(7) << qint64(0) << OptionalScore(0.0)
                                  << OptionalScore(0.0);
    QTest::newRow("nobody") << qint64(0) << qint64(0) << OptionalScore() << OptionalScore();
}

void TestScoring::itemScores()
{
    QFETCH(qint64, count);
    QFETCH(qint64, sum);
    QFETCH(OptionalScore, score);
    QFETCH(OptionalScore, rounded);
    CellSums sums;
    const int index = itemIndex("culture.respect.1");
    sums.items[std::size_t(index)] = {count, sum};
    const OptionalScore actual = itemScore(sums, index);
    COMPARE_EXACT(actual, score);
    COMPARE_EXACT(actual ? OptionalScore(core::roundScore(*actual)) : OptionalScore(), rounded);
    QCOMPARE(itemRespondents(sums, index), count);
    // The neighbours are untouched.
    QVERIFY(!itemScore(sums, index - 1));
    QVERIFY(!itemScore(sums, -1));
    QVERIFY(!itemScore(sums, api::kBankSize));
    QCOMPARE(itemRespondents(sums, api::kBankSize), 0);
}

void TestScoring::handTable_data()
{
    QTest::addColumn<QString>("level"); // "item", "sub-item" or "factor"
    QTest::addColumn<QString>("id");
    QTest::addColumn<OptionalScore>("score");
    QTest::addColumn<OptionalScore>("rounded");

    const auto row = [](const char *level, const char *id, OptionalScore score,
                        OptionalScore rounded) {
        QTest::addRow("%s %s", level, id)
            << QString::fromLatin1(level) << QString::fromLatin1(id) << score << rounded;
    };
    // adv.1: 4+3+2+4+1+3 = 17 over 6 -> 25 * 17 / 6 = 70.8333...
    row("item", "engagement.advocacy.1", 425.0 / 6, 70.8);
    // adv.2: 3+3+4+2 = 12 over 4 -> 75
    row("item", "engagement.advocacy.2", 75.0, 75.0);
    // com.1: 3+2+2+3+1 = 11 over 5 -> 55
    row("item", "engagement.commitment.1", 55.0, 55.0);
    row("item", "engagement.commitment.2", std::nullopt, std::nullopt);
    // mean.1: 3+2+1+4+0 = 10 over 5 -> 50
    row("item", "job.meaning.1", 50.0, 50.0);
    // mean.2: 4+3+2+1 = 10 over 4 -> 62.5
    row("item", "job.meaning.2", 62.5, 62.5);
    // auton.: 2+1+3 = 6 over 3 -> 50
    row("item", "job.autonomy.1", 50.0, 50.0);
    // workl.: 1+0+2 = 3 over 3 -> 25
    row("item", "job.workload.1", 25.0, 25.0);
    // (70.8333 + 75) / 2 = 72.91666...
    row("sub-item", "engagement.advocacy", (425.0 / 6 + 75) / 2, 72.9);
    // com.2 has no answers and is left out: 55
    row("sub-item", "engagement.commitment", 55.0, 55.0);
    // (50 + 62.5) / 2 = 56.25: half up
    row("sub-item", "job.meaning", 56.25, 56.3);
    row("sub-item", "job.autonomy", 50.0, 50.0);
    row("sub-item", "growth.learning", std::nullopt, std::nullopt);
    row("sub-item", "no.such", std::nullopt, std::nullopt);
    // The mean of the items, not of the sub-items ((72.92 + 55) / 2 = 63.96):
    // (70.8333 + 75 + 55) / 3 = 1205 / 18 = 66.9444...
    row("factor", "engagement", (425.0 / 6 + 75 + 55) / 3, 66.9);
    // (50 + 62.5 + 50 + 25) / 4 = 46.875
    row("factor", "job", 46.875, 46.9);
    row("factor", "growth", std::nullopt, std::nullopt);
}

void TestScoring::handTable()
{
    QFETCH(QString, level);
    QFETCH(QString, id);
    QFETCH(OptionalScore, score);
    QFETCH(OptionalScore, rounded);
    const CellSums sums = ::handTable();
    OptionalScore actual;
    if (level == QLatin1String("item"))
        actual = itemScore(sums, itemIndex(qPrintable(id)));
    else if (level == QLatin1String("sub-item"))
        actual = subItemScore(sums, id);
    else
        actual = factorScore(sums, *api::factorFromId(id));
    QVERIFY2(actual.has_value() == score.has_value(), qPrintable(describe(actual)));
    if (actual)
        QVERIFY2(std::abs(*actual - *score) < 1e-12, qPrintable(describe(actual)));
    COMPARE_EXACT(actual ? OptionalScore(core::roundScore(*actual)) : OptionalScore(), rounded);
}

void TestScoring::handTableRespondents()
{
    const CellSums sums = ::handTable();
    QCOMPARE(sums.respondents, 6);
    QCOMPARE(itemRespondents(sums, itemIndex("engagement.advocacy.1")), 6);
    QCOMPARE(itemRespondents(sums, itemIndex("engagement.commitment.2")), 0);
    // A sub-item: the largest of its items' counts (6 and 4; 5 and 0).
    QCOMPARE(subItemRespondents(sums, QStringLiteral("engagement.advocacy")), 6);
    QCOMPARE(subItemRespondents(sums, QStringLiteral("engagement.commitment")), 5);
    QCOMPARE(subItemRespondents(sums, QStringLiteral("job.workload")), 3);
    QCOMPARE(subItemRespondents(sums, QStringLiteral("no.such")), 0);
    // R1-R6 answered engagement, R1-R5 job.
    QCOMPARE(factorRespondents(sums, api::Factor::Engagement), 6);
    QCOMPARE(factorRespondents(sums, api::Factor::Job), 5);
    QCOMPARE(factorRespondents(sums, api::Factor::Growth), 0);
}

// Each respondent's job and engagement scores (means of their valid items):
//   R1 x = (75 + 100 + 50 + 25) / 4 = 62.5   y = (100 + 75 + 75) / 3 = 83.33
//   R2 x = (50 + 75 + 25) / 3 = 50           y = (75 + 75 + 50) / 3 = 66.67
//   R3 x = (25 + 50 + 0) / 3 = 25            y = (50 + 50) / 2 = 50
//   R4 x = (100 + 75 + 50) / 3 = 75          y = (100 + 100 + 75) / 3 = 91.67
//   R5 x = (0 + 25) / 2 = 12.5               y = (25 + 50 + 25) / 3 = 33.33
//   R6 no job answer: not paired.
// Means 45 and 65; deviations x: 17.5, 5, -20, 30, -32.5 and y: 55/3, 5/3,
// -45/3, 80/3, -95/3. Sxy = (962.5 + 25 + 900 + 2400 + 3087.5) / 3 = 7375/3,
// Sxx = 306.25 + 25 + 400 + 900 + 1056.25 = 2687.5,
// Syy = (3025 + 25 + 2025 + 6400 + 9025) / 9 = 20500/9;
// r = 2458.33 / sqrt(2687.5 * 2277.78) = 2458.33 / 2474.17 = 0.9936 -> 0.99.
void TestScoring::impactOfTheHandTable()
{
    const CellSums sums = ::handTable();
    QCOMPARE(sums.impact[std::size_t(api::factorIndex(api::Factor::Job))].n, 5);
    COMPARE_EXACT(core::impact(sums, api::Factor::Job), OptionalScore(0.99));
    COMPARE_EXACT(core::impact(sums, api::Factor::Growth), OptionalScore());
    COMPARE_EXACT(core::impact(sums, api::Factor::Engagement), OptionalScore());
}

void TestScoring::impact_data()
{
    QTest::addColumn<CellSums>("sums");
    QTest::addColumn<OptionalScore>("impact");

    // job (x) 0, 25, 50 against engagement (y) 50, 50, 0: means 25 and 100/3;
    // Sxy = (-25)(50/3) + 0 + 25(-100/3) = -1250, Sxx = 1250, Syy = 5000/3;
    // r = -1250 / sqrt(1250 * 5000/3) = -1250 / 1443.38 = -0.866 -> -0.87.
    QTest::newRow("negative") << pairs({{1, 3}, {2, 3}, {3, 1}}) << OptionalScore(-0.87);
    // x 0, 50, 100 against y 0, 50, 100: exactly 1.
    QTest::newRow("perfect") << pairs({{1, 1}, {3, 3}, {5, 5}}) << OptionalScore(1.0);
    // x 0, 25, 50, 75 against y 25, 0, 75, 50, both of mean 37.5: deviations
    // (-37.5, -12.5, 12.5, 37.5) and (-12.5, -37.5, 37.5, 12.5);
    // Sxy = 4 * 468.75 = 1875, Sxx = Syy = 1406.25 + 156.25 + 156.25 + 1406.25 = 3125;
    // r = 1875 / 3125 = 0.6.
    QTest::newRow("0.6") << pairs({{1, 2}, {2, 1}, {3, 4}, {4, 3}}) << OptionalScore(0.6);
    QTest::newRow("two pairs") << pairs({{1, 1}, {5, 5}}) << OptionalScore();
    QTest::newRow("no pairs") << CellSums{} << OptionalScore();
    QTest::newRow("job never varies") << pairs({{3, 1}, {3, 4}, {3, 5}}) << OptionalScore();
    QTest::newRow("engagement never varies")
        << pairs({{1, 2}, {4, 2}, {5, 2}, {2, 2}}) << OptionalScore();
    // Sums that went through + and - keep rounding noise where the variance is 0.
    CellSums noisy = pairs({{2, 2}, {2, 4}, {2, 5}});
    QRandomGenerator random(17);
    CellSums others;
    for (int i = 0; i < 200; ++i)
        others += pairs({{random.bounded(1, 6), random.bounded(1, 6)}});
    noisy += others;
    noisy -= others;
    QTest::newRow("no variance after subtraction") << noisy << OptionalScore();
}

void TestScoring::impact()
{
    QFETCH(CellSums, sums);
    QFETCH(OptionalScore, impact);
    COMPARE_EXACT(core::impact(sums, api::Factor::Job), impact);
}

void TestScoring::makeScore_data()
{
    QTest::addColumn<OptionalScore>("unrounded");
    QTest::addColumn<qint64>("respondents");
    QTest::addColumn<int>("threshold");
    QTest::addColumn<bool>("complementary");
    QTest::addColumn<OptionalScore>("value");
    QTest::addColumn<api::Withheld>("withheld");

    using W = api::Withheld;
    QTest::newRow("shown, rounded once")
        << OptionalScore(62.45) << qint64(10) << 5 << false << OptionalScore(62.5) << W::No;
    QTest::newRow("at the threshold")
        << OptionalScore(50.0) << qint64(3) << 3 << false << OptionalScore(50.0) << W::No;
    QTest::newRow("one below") << OptionalScore(62.45) << qint64(4) << 5 << false << OptionalScore()
                               << W::TooFewRespondents;
    QTest::newRow("one respondent") << OptionalScore(100.0) << qint64(1) << 5 << false
                                    << OptionalScore() << W::TooFewRespondents;
    QTest::newRow("too few beats complementary")
        << OptionalScore(50.0) << qint64(2) << 3 << true << OptionalScore() << W::TooFewRespondents;
    QTest::newRow("too few without answers")
        << OptionalScore() << qint64(4) << 5 << false << OptionalScore() << W::TooFewRespondents;
    QTest::newRow("nobody") << OptionalScore() << qint64(0) << 5 << false << OptionalScore()
                            << W::NoAnswers;
    QTest::newRow("a value without respondents")
        << OptionalScore(50.0) << qint64(0) << 5 << false << OptionalScore() << W::NoAnswers;
    QTest::newRow("respondents without these items")
        << OptionalScore() << qint64(7) << 5 << true << OptionalScore() << W::NoAnswers;
    QTest::newRow("complementary")
        << OptionalScore(50.0) << qint64(5) << 5 << true << OptionalScore() << W::Complementary;
}

void TestScoring::makeScore()
{
    QFETCH(OptionalScore, unrounded);
    QFETCH(qint64, respondents);
    QFETCH(int, threshold);
    QFETCH(bool, complementary);
    QFETCH(OptionalScore, value);
    QFETCH(api::Withheld, withheld);
    const api::Score score = core::makeScore(unrounded, respondents, threshold, complementary);
    COMPARE_EXACT(score.value, value);
    QCOMPARE(score.withheld, withheld);
    // How many people a score rests on is shown even when it is withheld.
    QCOMPARE(score.respondents, respondents);
    QVERIFY(!score.change);
}

void TestScoring::setChange_data()
{
    QTest::addColumn<api::Score>("current");
    QTest::addColumn<api::Score>("previous");
    QTest::addColumn<OptionalScore>("change");

    // 62.45 -> 62.5 and 62.36 -> 62.4: the screen shows +0.1, not +0.09.
    QTest::newRow("rounded first") << core::makeScore(62.45, 9, 5, false)
                                   << core::makeScore(62.36, 9, 5, false) << OptionalScore(0.1);
    // 70.0 - 69.9 is 0.0999999999999943 in binary.
    QTest::newRow("binary noise") << shown(70.0) << shown(69.9) << OptionalScore(0.1);
    QTest::newRow("down") << shown(33.3) << shown(33.4) << OptionalScore(-0.1);
    QTest::newRow("unchanged") << shown(50.0) << shown(50.0) << OptionalScore(0.0);
    QTest::newRow("large") << shown(12.3) << shown(98.7) << OptionalScore(-86.4);
    QTest::newRow("previous withheld")
        << shown(50.0) << core::makeScore(40.0, 2, 5, false) << OptionalScore();
    QTest::newRow("current withheld")
        << core::makeScore(std::nullopt, 0, 5, false) << shown(50.0) << OptionalScore();
    QTest::newRow("complementary before")
        << shown(50.0) << core::makeScore(40.0, 9, 5, true) << OptionalScore();
}

void TestScoring::setChange()
{
    QFETCH(api::Score, current);
    QFETCH(api::Score, previous);
    QFETCH(OptionalScore, change);
    current.change = 123.4; // a stale change never survives
    core::setChange(current, previous);
    COMPARE_EXACT(current.change, change);
}

// Whatever the unrounded scores, the change is exactly what one gets by
// subtracting the two numbers as displayed (one decimal, decimal arithmetic).
void TestScoring::changeIsTheDifferenceOfDisplayedValues()
{
    QRandomGenerator random(6);
    for (int i = 0; i < 20000; ++i) {
        // Item scores of real cells: 25 * sum / count.
        const qint64 countNow = random.bounded(1, 400);
        const qint64 countBefore = random.bounded(1, 400);
        const double now = 25.0 * double(random.bounded(4 * countNow + 1)) / double(countNow);
        const double before =
            25.0 * double(random.bounded(4 * countBefore + 1)) / double(countBefore);
        api::Score current = core::makeScore(now, 10, 5, false);
        core::setChange(current, core::makeScore(before, 10, 5, false));
        const QString shownNow = QString::number(*current.value, 'f', 1);
        const QString shownBefore = QString::number(core::roundScore(before), 'f', 1);
        const auto tenths = [](const QString &text) {
            return QString(text).remove(QLatin1Char('.')).toLongLong();
        };
        const qint64 difference = tenths(shownNow) - tenths(shownBefore);
        QVERIFY(current.change);
        QCOMPARE(QString::number(*current.change, 'f', 1),
                 QString::number(double(difference) / 10, 'f', 1));
        QVERIFY2(*current.change == double(difference) / 10, qPrintable(describe(current.change)));
    }
}

void TestScoring::responseRate_data()
{
    QTest::addColumn<qint64>("targets");
    QTest::addColumn<qint64>("respondents");
    QTest::addColumn<OptionalScore>("rate");

    QTest::newRow("no targets") << qint64(0) << qint64(0) << OptionalScore();
    // 5 / 8 = 62.5 %
    QTest::newRow("5 of 8") << qint64(8) << qint64(5) << OptionalScore(62.5);
    // 1 / 3 = 33.33 %, 2 / 3 = 66.67 %
    QTest::newRow("1 of 3") << qint64(3) << qint64(1) << OptionalScore(33.3);
    QTest::newRow("2 of 3") << qint64(3) << qint64(2) << OptionalScore(66.7);
    // 1249 / 2000 = 62.45 %: half up
    QTest::newRow("on a half") << qint64(2000) << qint64(1249) << OptionalScore(62.5);
    QTest::newRow("everyone") << qint64(7) << qint64(7) << OptionalScore(100.0);
    QTest::newRow("nobody") << qint64(7) << qint64(0) << OptionalScore(0.0);
}

void TestScoring::responseRate()
{
    QFETCH(qint64, targets);
    QFETCH(qint64, respondents);
    QFETCH(OptionalScore, rate);
    CellSums sums;
    sums.targets = targets;
    sums.roundRespondents = respondents;
    sums.respondents = respondents + 3; // earlier answers still valid do not count here
    const api::ResponseRate actual = core::responseRate(sums);
    QCOMPARE(actual.targets, targets);
    QCOMPARE(actual.respondents, respondents);
    COMPARE_EXACT(actual.rate, rate);
}

QTEST_APPLESS_MAIN(TestScoring)
#include "tst_scoring.moc"
