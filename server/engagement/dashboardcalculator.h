#pragma once

#include "api/dashboard.h"
#include "api/group.h"
#include "cellsums.h"
#include "roundsums.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

namespace engage::server::engagement {

// A closed round's cells, as the aggregate cache holds them.
struct RoundCells
{
    QString roundId;
    QDateTime closesAt;
    QList<Cell> cells;
    // Sums already made of these cells (the aggregate cache's); none: the
    // calculator makes them at every call.
    std::shared_ptr<RoundSumsMemo> sums;
};

// What the dashboards answer (issue 6), computed from cells alone: no store,
// no HTTP, no answers.
//
// A slice is a group's subtree in the tenant's current tree (the whole tenant
// when the query names no group), optionally narrowed to one value of an
// attribute of the delivery snapshot. A cell counts for the group its
// respondents were in at delivery and every group above it; a cell of a group
// deleted since, or of none, counts for the whole tenant only.
//
// Anonymity, decided for each round from its own cells so that every answer
// about the same slice agrees whichever endpoint gives it:
//  - a score resting on fewer respondents than the threshold is withheld
//    (TooFewRespondents);
//  - group slices are one family, the tenant's whole tree (suppressFamily),
//    so parent minus its visible children never isolates fewer than the
//    threshold, in any heatmap or any sequence of summaries;
//  - a slice narrowed to a value v is withheld (Complementary) when its
//    group is, when the tree narrowed to v withholds it, when the group's
//    breakdown by the attribute withholds v, or when either difference with
//    the group alone and with v alone (intersectionShown) is too small;
//  - a withheld slice withholds every score of it, every factor of a heatmap row.
// Changes compare with the previous closed round's slice, computed the same way.
class DashboardCalculator final
{
public:
    // `groups`: the live tree, parents before children (GroupRepository::list).
    DashboardCalculator(const QList<api::Group> &groups, const api::EngagementSettings &settings);

    // The query as the routes resolved it: `groupId` empty (the tenant) or a
    // group of the tree; a value counts only with an attribute. `previous`:
    // the previous closed round of the same survey, if any.
    api::Summary summary(const api::DashboardQuery &query, const RoundCells &round,
                         const std::optional<RoundCells> &previous) const;
    api::FactorBreakdown factors(const api::DashboardQuery &query, const RoundCells &round,
                                 const std::optional<RoundCells> &previous,
                                 const api::BenchmarkSet &benchmarks) const;
    api::Heatmap heatmap(const api::DashboardQuery &query, const RoundCells &round,
                         const std::optional<RoundCells> &previous) const;
    // One row per value of `query.attributeId` in the group's subtree (its
    // value, if any, is not read), sorted, members without a value ("") last.
    api::AttributeBreakdown attributes(const api::DashboardQuery &query, const RoundCells &round,
                                       const std::optional<RoundCells> &previous) const;
    api::PriorityChart priority(const api::DashboardQuery &query, const RoundCells &round,
                                const std::optional<RoundCells> &previous) const;
    api::TrendPoint trendPoint(const api::DashboardQuery &query, const RoundCells &round,
                               const std::optional<RoundCells> &previous) const;

    // For results that are not the bank's (a custom survey's round): cells
    // that carry counts only, each cell's `respondents` those the results
    // rest on. The slice's count and whether the rules above withhold it,
    // as a score without value (NoAnswers when nobody is in it).
    api::Score sliceCount(const api::DashboardQuery &query, const RoundCells &round) const;

    // What every answer says about its slice; `roundId` empty in a trend.
    api::SliceInfo sliceInfo(const api::DashboardQuery &query, const QString &roundId) const;

    // The tree as the calculator reads it, for the slices' family structure.
    struct Tree
    {
        QStringList order;              // parents before children
        QHash<QString, QString> parent; // group -> its parent, or the tenant's node
        QHash<QString, int> depth;      // top-level groups 1, the tenant's node 0
        QHash<QString, QString> names;
    };

private:
    class Slices;
    struct Slice;

    // The round's sums, from its memo when it has one.
    Slices slicesOf(const RoundCells &round, const QString &attributeId) const;
    Slice slice(const Slices &slices, const QString &node,
                const std::optional<QString> &value) const;
    api::Score factorScore(const Slice &slice, api::Factor factor) const;
    QList<api::Score> factorRow(const Slice &slice, const QList<api::Factor> &factors) const;
    QList<api::FactorScore> breakdown(const Slice &slice) const;

    Tree m_tree;
    QByteArray m_treeKey; // names the tree in a RoundSumsMemo key
    int m_threshold = api::kAnonymityThresholdDefault;
    int m_validityDays = api::kAnswerValidityDaysDefault;
};

} // namespace engage::server::engagement
