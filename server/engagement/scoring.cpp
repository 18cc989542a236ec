#include "scoring.h"

#include <algorithm>
#include <cmath>

namespace engage::server::engagement {

namespace {

// Half up (away from zero for a negative change) to 1/`scale`. The value to
// round is the double nearest a rational (25 * sum / count, or a mean of a
// few of those), a few ulps off after the arithmetic: item scores 25 * 173 /
// 60, 25 * 7 / 2 and 25 * 26 / 12 average exactly 71.25, but their doubles
// to 71.24999999999999 (tst_scoring). A relative nudge of 1e-12 carries
// such values onto the half they stand for: the arithmetic's error is below
// 1e-14 relative, while an item score's tenths (250 * sum / count, at most
// 1000) that are not on a half lie at least 1 / (2 * count) from it, more
// than 1e-12 relative below 5e8 answers. A mean of items could in theory
// come closer to a half than that without being on it; it then rounds up,
// the same way in every answer, since only the service rounds.
double roundHalfUp(double value, double scale)
{
    constexpr double kNudge = 1e-12;
    const double scaled = std::abs(value) * scale;
    const double rounded = std::floor(scaled * (1 + kNudge) + 0.5) / scale;
    // No "-0" for a change that rounds to nothing.
    return value < 0 && rounded != 0 ? -rounded : rounded;
}

// The mean of the scores of the bank's items that `take` selects and someone answered.
template<typename Take>
std::optional<double> meanOfItems(const CellSums &sums, Take take)
{
    double total = 0;
    int answered = 0;
    for (const api::BankItem &item : api::questionBank()) {
        if (!take(item))
            continue;
        if (const std::optional<double> score = itemScore(sums, item.index)) {
            total += *score;
            ++answered;
        }
    }
    if (answered == 0)
        return std::nullopt;
    return total / answered;
}

} // namespace

double roundScore(double value)
{
    return roundHalfUp(value, 10);
}

std::optional<double> itemScore(const CellSums &sums, int bankIndex)
{
    if (bankIndex < 0 || bankIndex >= api::kBankSize)
        return std::nullopt;
    const ItemSums &item = sums.items[std::size_t(bankIndex)];
    if (item.count <= 0)
        return std::nullopt;
    // (answer - 1) / 4 * 100 summed is 25 * sum: one division, correctly rounded.
    return 25.0 * double(item.sum) / double(item.count);
}

std::optional<double> subItemScore(const CellSums &sums, const QString &subItemId)
{
    return meanOfItems(
        sums, [&subItemId](const api::BankItem &item) { return item.subItemId == subItemId; });
}

std::optional<double> factorScore(const CellSums &sums, api::Factor factor)
{
    return meanOfItems(sums, [factor](const api::BankItem &item) { return item.factor == factor; });
}

std::optional<double> impact(const CellSums &sums, api::Factor factor)
{
    const PairSums &pairs = sums.impact[std::size_t(api::factorIndex(factor))];
    if (pairs.n < 3)
        return std::nullopt;
    const double n = double(pairs.n);
    const double sxx = pairs.xx - pairs.x * pairs.x / n;
    const double syy = pairs.yy - pairs.y * pairs.y / n;
    const double sxy = pairs.xy - pairs.x * pairs.y / n;
    // Sums that were added and subtracted keep rounding noise where the exact
    // variance is 0. Answers are steps of 25 / k (k <= 4 items a factor), so a
    // real variance is at least about 4 (one respondent 25/12 away from the
    // rest), which is above a billionth of the sum of squares for any slice of
    // fewer than 400,000 respondents: anything smaller is no variance.
    constexpr double kNoise = 1e-9;
    if (sxx <= kNoise * pairs.xx || syy <= kNoise * pairs.yy)
        return std::nullopt;
    const double r = std::clamp(sxy / std::sqrt(sxx * syy), -1.0, 1.0);
    return roundHalfUp(r, 100);
}

qint64 itemRespondents(const CellSums &sums, int bankIndex)
{
    if (bankIndex < 0 || bankIndex >= api::kBankSize)
        return 0;
    return sums.items[std::size_t(bankIndex)].count;
}

qint64 subItemRespondents(const CellSums &sums, const QString &subItemId)
{
    qint64 respondents = 0;
    for (const api::BankItem &item : api::questionBank()) {
        if (item.subItemId == subItemId)
            respondents = std::max(respondents, sums.items[std::size_t(item.index)].count);
    }
    return respondents;
}

qint64 factorRespondents(const CellSums &sums, api::Factor factor)
{
    return sums.factorRespondents[std::size_t(api::factorIndex(factor))];
}

api::Score makeScore(std::optional<double> unrounded, qint64 respondents, int threshold,
                     bool complementary)
{
    api::Score score;
    score.respondents = respondents;
    // Too few comes first: whether so few people answered at all is itself
    // something the threshold protects.
    if (respondents > 0 && respondents < threshold)
        score.withheld = api::Withheld::TooFewRespondents;
    else if (!unrounded || respondents <= 0)
        score.withheld = api::Withheld::NoAnswers;
    else if (complementary)
        score.withheld = api::Withheld::Complementary;
    else
        score.value = roundScore(*unrounded);
    return score;
}

void setChange(api::Score &current, const api::Score &previous)
{
    current.change.reset();
    // Both values already have one decimal; rounding the difference again
    // only removes the binary noise of the subtraction (62.5 - 62.4).
    if (current.value && previous.value)
        current.change = roundScore(*current.value - *previous.value);
}

api::ResponseRate responseRate(const CellSums &sums)
{
    api::ResponseRate rate;
    rate.targets = sums.targets;
    rate.respondents = sums.roundRespondents;
    if (sums.targets > 0)
        rate.rate = roundScore(100.0 * double(sums.roundRespondents) / double(sums.targets));
    return rate;
}

} // namespace engage::server::engagement
