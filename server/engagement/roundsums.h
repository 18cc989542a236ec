#pragma once

#include "cellsums.h"
#include "suppression.h"

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QString>
#include <memory>

namespace engage::server::engagement {

// A round's cells summed over the group tree: every node's subtree (the
// tenant's node included; nodes without cells are absent), whole and by each
// value of one attribute, with the tree's family of anonymity decisions.
// What a dashboard request would otherwise compute again from some 15,000
// cells a round (bench/dashboard).
struct RoundSums
{
    using TreeSums = QHash<QString, CellSums>;

    TreeSums all;
    QHash<QString, TreeSums> byValue; // by the attribute's value; empty without an attribute
    Suppression allFamily;
};

// The sums made from one version of a round's cells, kept with them by the
// aggregate cache and shared by the worker threads. A key names what else
// they depend on (the tree, the attribute, the threshold); a tree edited
// makes new keys, and the memo forgets everything once it holds kCapacity.
// Sums by an attribute's values take up to a few MB a round (values x
// groups x 1.1 kB), as much as the round's cells: a few keys, not more.
class RoundSumsMemo final
{
public:
    using Sums = std::shared_ptr<const RoundSums>;

    Sums find(const QByteArray &key) const;
    // The sums kept for `key`: these, or the ones another thread kept first.
    Sums keep(const QByteArray &key, Sums sums);

private:
    static constexpr int kCapacity = 4;
    mutable QMutex m_mutex;
    QHash<QByteArray, Sums> m_sums;
};

} // namespace engage::server::engagement
