#include "dashboardcalculator.h"

#include "scoring.h"
#include "suppression.h"

#include <QCryptographicHash>
#include <QMap>
#include <QSet>
#include <algorithm>
#include <cmath>

namespace engage::server::engagement {

namespace {

// The tenant's node of the tree; no group id contains a '/'.
const QString kTenantNode = QStringLiteral("/");
// An attribute breakdown's family: the group, then one node per value (a
// prefix keeps any value, "" and "/" included, apart from the root).
const QString kBreakdownRoot = QStringLiteral("group");
QString valueNode(const QString &value)
{
    return QLatin1Char('=') + value;
}

using TreeSums = RoundSums::TreeSums;

const CellSums &noSums()
{
    static const CellSums empty;
    return empty;
}

const CellSums &sumsOf(const TreeSums &sums, const QString &node)
{
    const auto found = sums.constFind(node);
    return found == sums.constEnd() ? noSums() : *found;
}

// Each node's own cells added to all its ancestors, children before parents.
void sumSubtrees(const DashboardCalculator::Tree &tree, TreeSums &sums)
{
    for (auto it = tree.order.crbegin(); it != tree.order.crend(); ++it) {
        const auto found = sums.constFind(*it);
        if (found == sums.constEnd())
            continue;
        const CellSums own = *found; // a copy: the insertion below may move it
        sums[tree.parent.value(*it)] += own;
    }
}

QString nodeOf(const DashboardCalculator::Tree &tree, const Cell &cell)
{
    return tree.parent.contains(cell.groupId) ? cell.groupId : kTenantNode;
}

Suppression treeFamily(const DashboardCalculator::Tree &tree, const TreeSums &sums, int threshold)
{
    QList<SliceNode> nodes;
    nodes.reserve(tree.order.size() + 1);
    nodes.append({kTenantNode, QString(), sumsOf(sums, kTenantNode).respondents});
    for (const QString &id : tree.order)
        nodes.append({id, tree.parent.value(id), sumsOf(sums, id).respondents});
    return suppressFamily(nodes, threshold);
}

// Percentage points between two one-decimal rates, without the binary noise
// of the subtraction.
double pointsBetween(double current, double previous)
{
    return std::round((current - previous) * 10.0) / 10.0;
}

void setChanges(QList<api::Score> &current, const QList<api::Score> &previous)
{
    for (qsizetype i = 0; i < current.size() && i < previous.size(); ++i)
        setChange(current[i], previous.at(i));
}

RoundSums sumRound(const DashboardCalculator::Tree &tree, const QList<Cell> &cells,
                   const QString &attributeId, int threshold)
{
    RoundSums sums;
    for (const Cell &cell : cells) {
        const QString node = nodeOf(tree, cell);
        sums.all[node] += cell.sums;
        if (!attributeId.isEmpty())
            sums.byValue[cell.snapshot.value(attributeId)][node] += cell.sums;
    }
    sumSubtrees(tree, sums.all);
    for (TreeSums &byNode : sums.byValue)
        sumSubtrees(tree, byNode);
    sums.allFamily = treeFamily(tree, sums.all, threshold);
    return sums;
}

} // namespace

// ---- the slices of one round ----------------------------------------------

struct DashboardCalculator::Slice
{
    CellSums sums;
    bool withheld = false; // by a family or the intersection rule, not only its own count
};

// A round's sums over the tree with the families that decide what is
// withheld. The families of an attribute are computed when first asked for.
class DashboardCalculator::Slices final
{
public:
    Slices(const Tree &tree, RoundSumsMemo::Sums sums, int threshold)
        : m_tree(tree)
        , m_threshold(threshold)
        , m_sums(std::move(sums))
        , m_all(m_sums->all)
        , m_byValue(m_sums->byValue)
        , m_allFamily(m_sums->allFamily)
    {}

    const CellSums &sums(const QString &node, const std::optional<QString> &value) const
    {
        if (!value)
            return sumsOf(m_all, node);
        const auto found = m_byValue.constFind(*value);
        return found == m_byValue.constEnd() ? noSums() : sumsOf(*found, node);
    }

    bool withheld(const QString &node, const std::optional<QString> &value) const
    {
        if (m_allFamily.withheld(node))
            return true;
        if (!value)
            return false;
        if (valueFamily(*value).withheld(node) || breakdownFamily(node).withheld(valueNode(*value)))
            return true;
        return !intersectionShown(sums(node, value).respondents, sums(node, {}).respondents,
                                  sums(kTenantNode, value).respondents, m_threshold);
    }

    // The values of the attribute among the node's cells, sorted, "" last.
    QStringList values(const QString &node) const
    {
        QStringList values;
        for (auto it = m_byValue.cbegin(); it != m_byValue.cend(); ++it) {
            if (it->contains(node))
                values.append(it.key());
        }
        std::sort(values.begin(), values.end(), [](const QString &a, const QString &b) {
            if (a.isEmpty() != b.isEmpty())
                return b.isEmpty();
            return a < b;
        });
        return values;
    }

private:
    const Suppression &valueFamily(const QString &value) const
    {
        auto found = m_valueFamilies.constFind(value);
        if (found == m_valueFamilies.constEnd())
            found = m_valueFamilies.insert(value,
                                           treeFamily(m_tree, m_byValue.value(value), m_threshold));
        return *found;
    }

    const Suppression &breakdownFamily(const QString &node) const
    {
        auto found = m_breakdowns.constFind(node);
        if (found == m_breakdowns.constEnd()) {
            QList<SliceNode> nodes{{kBreakdownRoot, QString(), sumsOf(m_all, node).respondents}};
            for (const QString &value : values(node))
                nodes.append({valueNode(value), kBreakdownRoot, sums(node, value).respondents});
            found = m_breakdowns.insert(node, suppressFamily(nodes, m_threshold));
        }
        return *found;
    }

    const Tree &m_tree;
    const int m_threshold;
    const RoundSumsMemo::Sums m_sums;
    const TreeSums &m_all;
    const QHash<QString, TreeSums> &m_byValue;
    const Suppression &m_allFamily;
    mutable QHash<QString, Suppression> m_valueFamilies;
    mutable QHash<QString, Suppression> m_breakdowns;
};

// ---- the calculator -------------------------------------------------------

namespace {

QString nodeOf(const api::DashboardQuery &query)
{
    return query.groupId.isEmpty() ? kTenantNode : query.groupId;
}

std::optional<QString> valueOf(const api::DashboardQuery &query)
{
    if (query.attributeId.isEmpty() || query.attributeValue.isEmpty())
        return std::nullopt;
    return query.attributeValue;
}

} // namespace

DashboardCalculator::DashboardCalculator(const QList<api::Group> &groups,
                                         const api::EngagementSettings &settings)
    : m_threshold(settings.anonymityThreshold)
    , m_validityDays(settings.validityDays)
{
    m_tree.depth.insert(kTenantNode, 0);
    QCryptographicHash structure(QCryptographicHash::Sha256);
    for (const api::Group &group : groups) {
        const QString parent =
            group.fields.parentId && m_tree.parent.contains(*group.fields.parentId)
                ? *group.fields.parentId
                : kTenantNode;
        m_tree.order.append(group.id);
        m_tree.parent.insert(group.id, parent);
        m_tree.depth.insert(group.id, m_tree.depth.value(parent) + 1);
        m_tree.names.insert(group.id, group.fields.name);
        structure.addData(QString(group.id + u'\t' + parent + u'\n').toUtf8());
    }
    m_treeKey = structure.result();
}

api::SliceInfo DashboardCalculator::sliceInfo(const api::DashboardQuery &query,
                                              const QString &roundId) const
{
    api::SliceInfo info;
    info.roundId = roundId;
    info.groupId = query.groupId;
    info.attributeId = query.attributeId;
    info.attributeValue = query.attributeValue;
    info.threshold = m_threshold;
    info.validityDays = m_validityDays;
    return info;
}

DashboardCalculator::Slices DashboardCalculator::slicesOf(const RoundCells &round,
                                                          const QString &attributeId) const
{
    const auto make = [&] {
        return std::make_shared<const RoundSums>(
            sumRound(m_tree, round.cells, attributeId, m_threshold));
    };
    if (!round.sums)
        return Slices(m_tree, make(), m_threshold);
    const QByteArray key =
        m_treeKey + attributeId.toUtf8() + '\0' + QByteArray::number(m_threshold);
    RoundSumsMemo::Sums sums = round.sums->find(key);
    if (!sums)
        sums = round.sums->keep(key, make());
    return Slices(m_tree, std::move(sums), m_threshold);
}

DashboardCalculator::Slice DashboardCalculator::slice(const Slices &slices, const QString &node,
                                                      const std::optional<QString> &value) const
{
    return Slice{slices.sums(node, value), slices.withheld(node, value)};
}

api::Score DashboardCalculator::factorScore(const Slice &slice, api::Factor factor) const
{
    const qint64 respondents = factorRespondents(slice.sums, factor);
    // A count below the threshold is reason enough; the families' reason is
    // the other one.
    return makeScore(engagement::factorScore(slice.sums, factor), respondents, m_threshold,
                     slice.withheld && respondents >= m_threshold);
}

QList<api::Score> DashboardCalculator::factorRow(const Slice &slice,
                                                 const QList<api::Factor> &factors) const
{
    QList<api::Score> scores;
    scores.reserve(factors.size());
    for (const api::Factor factor : factors)
        scores.append(factorScore(slice, factor));
    return scores;
}

QList<api::FactorScore> DashboardCalculator::breakdown(const Slice &slice) const
{
    const auto score = [&](std::optional<double> unrounded, qint64 respondents) {
        return makeScore(unrounded, respondents, m_threshold,
                         slice.withheld && respondents >= m_threshold);
    };
    QList<api::FactorScore> factors;
    for (const api::Factor factor : api::allFactors()) {
        api::FactorScore row;
        row.factor = factor;
        row.score = factorScore(slice, factor);
        for (const api::SubItem &subItem : api::subItems()) {
            if (subItem.factor != factor)
                continue;
            api::SubItemScore sub;
            sub.subItemId = subItem.id;
            sub.score = score(subItemScore(slice.sums, subItem.id),
                              subItemRespondents(slice.sums, subItem.id));
            for (const api::BankItem &item : api::questionBank()) {
                if (item.subItemId == subItem.id)
                    sub.items.append({item.id, score(itemScore(slice.sums, item.index),
                                                     itemRespondents(slice.sums, item.index))});
            }
            row.subItems.append(sub);
        }
        factors.append(row);
    }
    return factors;
}

api::Score DashboardCalculator::sliceCount(const api::DashboardQuery &query,
                                           const RoundCells &round) const
{
    const Slices slices = slicesOf(round, query.attributeId);
    const Slice current = slice(slices, nodeOf(query), valueOf(query));
    const qint64 respondents = current.sums.respondents;
    // A count has no value of its own: any value lets makeScore give the
    // reasons in the dashboards' order, and is then dropped.
    api::Score score =
        makeScore(0.0, respondents, m_threshold, current.withheld && respondents >= m_threshold);
    score.value.reset();
    return score;
}

api::Summary DashboardCalculator::summary(const api::DashboardQuery &query, const RoundCells &round,
                                          const std::optional<RoundCells> &previous) const
{
    api::Summary summary;
    summary.slice = sliceInfo(query, round.roundId);
    const Slices slices = slicesOf(round, query.attributeId);
    const Slice current = slice(slices, nodeOf(query), valueOf(query));
    summary.engagement = factorScore(current, api::Factor::Engagement);
    summary.responseRate = responseRate(current.sums);
    if (!previous)
        return summary;
    summary.previousRoundId = previous->roundId;
    const Slices before = slicesOf(*previous, query.attributeId);
    const Slice earlier = slice(before, nodeOf(query), valueOf(query));
    setChange(summary.engagement, factorScore(earlier, api::Factor::Engagement));
    const api::ResponseRate rateBefore = responseRate(earlier.sums);
    if (summary.responseRate.rate && rateBefore.rate)
        summary.responseRateChange = pointsBetween(*summary.responseRate.rate, *rateBefore.rate);
    return summary;
}

api::FactorBreakdown DashboardCalculator::factors(const api::DashboardQuery &query,
                                                  const RoundCells &round,
                                                  const std::optional<RoundCells> &previous,
                                                  const api::BenchmarkSet &benchmarks) const
{
    api::FactorBreakdown answer;
    answer.slice = sliceInfo(query, round.roundId);
    const Slices slices = slicesOf(round, query.attributeId);
    answer.factors = breakdown(slice(slices, nodeOf(query), valueOf(query)));
    for (api::FactorScore &factor : answer.factors) {
        for (const api::Benchmark &benchmark : benchmarks.values) {
            if (benchmark.factor == factor.factor)
                factor.benchmark = benchmark.value;
        }
    }
    if (!previous)
        return answer;
    const Slices before = slicesOf(*previous, query.attributeId);
    const QList<api::FactorScore> earlier = breakdown(slice(before, nodeOf(query), valueOf(query)));
    for (qsizetype f = 0; f < answer.factors.size(); ++f) {
        api::FactorScore &factor = answer.factors[f];
        setChange(factor.score, earlier.at(f).score);
        for (qsizetype s = 0; s < factor.subItems.size(); ++s) {
            api::SubItemScore &sub = factor.subItems[s];
            setChange(sub.score, earlier.at(f).subItems.at(s).score);
            for (qsizetype i = 0; i < sub.items.size(); ++i)
                setChange(sub.items[i].score, earlier.at(f).subItems.at(s).items.at(i).score);
        }
    }
    return answer;
}

api::Heatmap DashboardCalculator::heatmap(const api::DashboardQuery &query, const RoundCells &round,
                                          const std::optional<RoundCells> &previous) const
{
    api::Heatmap heatmap;
    heatmap.slice = sliceInfo(query, round.roundId);
    const QString top = nodeOf(query);
    const std::optional<QString> value = valueOf(query);
    const Slices slices = slicesOf(round, query.attributeId);
    std::optional<Slices> before;
    if (previous)
        before.emplace(slicesOf(*previous, query.attributeId));

    QStringList nodes{top};
    QSet<QString> inside{top};
    for (const QString &id : m_tree.order) {
        if (id != top && inside.contains(m_tree.parent.value(id))) {
            nodes.append(id);
            inside.insert(id);
        }
    }
    const int topDepth = m_tree.depth.value(top);
    for (const QString &node : nodes) {
        api::HeatmapRow row;
        if (node != kTenantNode) {
            row.groupId = node;
            row.name = m_tree.names.value(node);
        }
        if (node != top) {
            const QString parent = m_tree.parent.value(node);
            row.parentId = parent == kTenantNode ? QString() : parent;
        }
        row.depth = m_tree.depth.value(node) - topDepth;
        const Slice current = slice(slices, node, value);
        row.responseRate = responseRate(current.sums);
        row.cells = factorRow(current, api::allFactors());
        if (before)
            setChanges(row.cells, factorRow(slice(*before, node, value), api::allFactors()));
        heatmap.rows.append(row);
    }
    return heatmap;
}

api::AttributeBreakdown
DashboardCalculator::attributes(const api::DashboardQuery &query, const RoundCells &round,
                                const std::optional<RoundCells> &previous) const
{
    api::AttributeBreakdown answer;
    answer.slice = sliceInfo(query, round.roundId);
    const QString node = nodeOf(query);
    const Slices slices = slicesOf(round, query.attributeId);
    std::optional<Slices> before;
    if (previous)
        before.emplace(slicesOf(*previous, query.attributeId));
    for (const QString &value : slices.values(node)) {
        api::AttributeRow row;
        row.value = value;
        const Slice current = slice(slices, node, value);
        row.responseRate = responseRate(current.sums);
        row.cells = factorRow(current, api::allFactors());
        if (before)
            setChanges(row.cells, factorRow(slice(*before, node, value), api::allFactors()));
        answer.rows.append(row);
    }
    return answer;
}

api::PriorityChart DashboardCalculator::priority(const api::DashboardQuery &query,
                                                 const RoundCells &round,
                                                 const std::optional<RoundCells> &previous) const
{
    api::PriorityChart chart;
    chart.slice = sliceInfo(query, round.roundId);
    const Slices slices = slicesOf(round, query.attributeId);
    const Slice current = slice(slices, nodeOf(query), valueOf(query));
    QList<api::Score> scores = factorRow(current, api::keyFactors());
    if (previous) {
        const Slices before = slicesOf(*previous, query.attributeId);
        setChanges(scores,
                   factorRow(slice(before, nodeOf(query), valueOf(query)), api::keyFactors()));
    }
    const QList<api::Factor> factors = api::keyFactors();
    for (qsizetype i = 0; i < factors.size(); ++i) {
        api::PriorityPoint point;
        point.factor = factors.at(i);
        point.score = scores.at(i);
        // A correlation over fewer pairs than the threshold says too much
        // about too few people, even when the score itself may be shown.
        const PairSums &pairs = current.sums.impact[api::factorIndex(point.factor)];
        if (point.score.withheld == api::Withheld::No && pairs.n >= m_threshold)
            point.impact = impact(current.sums, point.factor);
        chart.points.append(point);
    }
    return chart;
}

api::TrendPoint DashboardCalculator::trendPoint(const api::DashboardQuery &query,
                                                const RoundCells &round,
                                                const std::optional<RoundCells> &previous) const
{
    api::TrendPoint point;
    point.roundId = round.roundId;
    point.closesAt = round.closesAt;
    const Slices slices = slicesOf(round, query.attributeId);
    const Slice current = slice(slices, nodeOf(query), valueOf(query));
    point.engagement = factorScore(current, api::Factor::Engagement);
    point.factors = factorRow(current, api::keyFactors());
    point.responseRate = responseRate(current.sums);
    if (previous) {
        const Slices before = slicesOf(*previous, query.attributeId);
        const Slice earlier = slice(before, nodeOf(query), valueOf(query));
        setChange(point.engagement, factorScore(earlier, api::Factor::Engagement));
        setChanges(point.factors, factorRow(earlier, api::keyFactors()));
    }
    return point;
}

} // namespace engage::server::engagement
