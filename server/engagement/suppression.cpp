#include "suppression.h"

#include <QHash>
#include <optional>
#include <vector>

namespace engage::server::engagement {

namespace {

bool isolates(qint64 respondents, int threshold)
{
    return respondents > 0 && respondents < threshold;
}

class Family final
{
public:
    Family(const QList<SliceNode> &nodes, int threshold)
        : m_nodes(nodes)
        , m_threshold(threshold)
        , m_children(std::size_t(nodes.size()))
        , m_withheld(std::size_t(nodes.size()), false)
    {
        QHash<QString, int> positions;
        for (int i = 0; i < m_nodes.size(); ++i)
            positions.insert(m_nodes.at(i).id, i);
        for (int i = 1; i < m_nodes.size(); ++i) {
            const int parent = positions.value(m_nodes.at(i).parentId, -1);
            if (parent >= 0 && parent != i)
                m_children[std::size_t(parent)].push_back(i);
        }
    }

    void withhold(int node) { m_withheld[std::size_t(node)] = true; }

    // The shown nodes directly below `node`, looking through withheld ones.
    std::vector<int> frontier(int node) const
    {
        std::vector<int> found;
        std::vector<int> pending = m_children[std::size_t(node)];
        // A parent cycle in the input must not hang the service.
        std::vector<bool> seen(m_withheld.size(), false);
        seen[std::size_t(node)] = true;
        while (!pending.empty()) {
            const int next = pending.back();
            pending.pop_back();
            if (seen[std::size_t(next)])
                continue;
            seen[std::size_t(next)] = true;
            if (m_withheld[std::size_t(next)]) {
                const std::vector<int> &below = m_children[std::size_t(next)];
                pending.insert(pending.end(), below.cbegin(), below.cend());
            } else {
                found.push_back(next);
            }
        }
        return found;
    }

    qint64 residual(int node) const
    {
        qint64 rest = m_nodes.at(node).respondents;
        for (int shown : frontier(node))
            rest -= m_nodes.at(shown).respondents;
        return rest;
    }

    // Smallest first, ties by id: the order that makes the result independent
    // of the order of the input.
    bool smaller(int a, int b) const
    {
        const SliceNode &x = m_nodes.at(a);
        const SliceNode &y = m_nodes.at(b);
        return x.respondents != y.respondents ? x.respondents < y.respondents : x.id < y.id;
    }

    std::optional<int> smallestViolation() const
    {
        std::optional<int> smallest;
        for (int i = 0; i < m_nodes.size(); ++i) {
            if (m_withheld[std::size_t(i)] || !isolates(residual(i), m_threshold))
                continue;
            if (!smallest || smaller(i, *smallest))
                smallest = i;
        }
        return smallest;
    }

    std::optional<int> smallestOf(const std::vector<int> &candidates) const
    {
        std::optional<int> smallest;
        for (int candidate : candidates) {
            if (!smallest || smaller(candidate, *smallest))
                smallest = candidate;
        }
        return smallest;
    }

    const SliceNode &node(int i) const { return m_nodes.at(i); }
    int size() const { return int(m_nodes.size()); }

private:
    const QList<SliceNode> &m_nodes;
    const int m_threshold;
    std::vector<std::vector<int>> m_children;
    std::vector<bool> m_withheld;
};

} // namespace

Suppression suppressFamily(const QList<SliceNode> &nodes, int threshold)
{
    Suppression suppression;
    Family family(nodes, threshold);
    for (int i = 0; i < family.size(); ++i) {
        if (isolates(family.node(i).respondents, threshold)) {
            suppression.primary.insert(family.node(i).id);
            family.withhold(i);
        }
    }
    // A shown node whose difference isolates too few people keeps its score:
    // the smallest shown node below it goes instead, so departments stay
    // visible and the finer slices give way. A shown node has at least the
    // threshold, so a residual below it means something below is shown. Each
    // pass withholds one more node, so this ends after at most one pass per
    // node.
    while (const std::optional<int> violation = family.smallestViolation()) {
        const int target = family.smallestOf(family.frontier(*violation)).value_or(*violation);
        suppression.complementary.insert(family.node(target).id);
        family.withhold(target);
    }
    return suppression;
}

bool intersectionShown(qint64 intersection, qint64 a, qint64 b, int threshold)
{
    // Counts that do not nest are not trusted to reveal nothing.
    if (intersection < 0 || intersection > a || intersection > b)
        return false;
    // The intersection's own count too: its score is withheld anyway then,
    // and a caller asking only this question stays safe.
    return !isolates(intersection, threshold) && !isolates(a - intersection, threshold) &&
           !isolates(b - intersection, threshold);
}

} // namespace engage::server::engagement
