#pragma once

#include "api/questionbank.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <array>
#include <optional>

namespace engage::server::engagement {

// The additive aggregate of a round (issue 6): what the dashboards need of a
// set of respondents, kept as sums so that any slice (a group subtree, an
// attribute value, both) is the sum of the cells it covers and no dashboard
// reads an answer. Everything is exact integers except the impact sums.

// One respondent's answers valid at a round's close: per bank index the
// latest answer (1-5) within the validity window, 0 for none.
using RespondentAnswers = std::array<qint8, api::kBankSize>;

struct ItemSums
{
    qint64 count = 0; // respondents with a valid answer to the item
    qint64 sum = 0;   // of (answer - 1), 0..4 each
};

// For the impact of one key factor: over respondents with both a score for
// the factor (x, the mean of their valid items of it, 0-100) and for
// engagement (y, likewise), the sums Pearson's correlation needs.
struct PairSums
{
    qint64 n = 0;
    double x = 0;
    double y = 0;
    double xx = 0;
    double yy = 0;
    double xy = 0;
};

struct CellSums
{
    qint64 targets = 0;          // members the round was delivered to
    qint64 roundRespondents = 0; // of those, who answered this round
    qint64 respondents = 0;      // with at least one answer valid at the close (the score base)
    std::array<ItemSums, api::kBankSize> items{};
    std::array<qint64, api::kFactorCount> factorRespondents{}; // with a valid answer in the factor
    std::array<PairSums, api::kFactorCount>
        impact{}; // by factorIndex; Engagement's slot stays empty

    // Adds one respondent's valid answers (nothing when all are 0).
    void addRespondent(const RespondentAnswers &answers);
    CellSums &operator+=(const CellSums &other);
    // Exactly the sums of a slice; the difference attacks in the tests need it.
    CellSums &operator-=(const CellSums &other);

    friend bool operator==(const CellSums &a, const CellSums &b);
    friend bool operator!=(const CellSums &a, const CellSums &b) { return !(a == b); }
};

// Versioned binary form for round_cells.sums (QDataStream, big-endian).
QByteArray serialise(const CellSums &sums);
// Nothing for bytes that are not a serialised CellSums of this version.
std::optional<CellSums> deserialiseCellSums(const QByteArray &bytes);

// A cell of a round: the respondents and targets who shared a group and a
// snapshot at delivery.
struct Cell
{
    QString groupId;                  // empty: not in a group
    QHash<QString, QString> snapshot; // attribute id or snapshot key -> value
    CellSums sums;
};

} // namespace engage::server::engagement
