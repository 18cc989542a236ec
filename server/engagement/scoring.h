#pragma once

#include "api/dashboard.h"
#include "cellsums.h"

#include <optional>

namespace engage::server::engagement {

// Scores from sums (issue 6). Item score = mean over respondents of
// (answer - 1) / 4 * 100; sub-item, factor and engagement score = mean of
// their items' scores (items nobody answered are left out; none answered:
// no score). Computed in full precision and rounded once, half up, to one
// decimal (roundScore); a change is the difference of two rounded scores.

// Half up to one decimal, immune to the binary representation of the
// unrounded value's neighbourhood (62.45 rounds to 62.5).
double roundScore(double value);

// Unrounded scores; nothing when nobody answered.
std::optional<double> itemScore(const CellSums &sums, int bankIndex);
std::optional<double> subItemScore(const CellSums &sums, const QString &subItemId);
std::optional<double> factorScore(const CellSums &sums, api::Factor factor);

// Pearson's correlation of factor and engagement across respondents,
// rounded to two decimals; nothing with fewer than three pairs or no variance.
std::optional<double> impact(const CellSums &sums, api::Factor factor);

// The respondents a score rests on: item -> its count, sub-item and factor
// -> respondents with a valid answer in it (for a sub-item: the largest of
// its items' counts, a lower bound that never overstates).
qint64 itemRespondents(const CellSums &sums, int bankIndex);
qint64 subItemRespondents(const CellSums &sums, const QString &subItemId);
qint64 factorRespondents(const CellSums &sums, api::Factor factor);

// An api::Score for a slice: withheld TooFewRespondents when `respondents`
// is below `threshold`, NoAnswers without a value, Complementary when the
// caller's suppression said so (`complementary`); otherwise the rounded value.
api::Score makeScore(std::optional<double> unrounded, qint64 respondents, int threshold,
                     bool complementary);

// `current.change` from the previous round's score of the same slice: the
// difference of the two rounded values, when both are shown.
void setChange(api::Score &current, const api::Score &previous);

// Percent of targets who answered this round, one decimal; nothing without targets.
api::ResponseRate responseRate(const CellSums &sums);

} // namespace engage::server::engagement
