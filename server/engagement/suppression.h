#pragma once

#include <QList>
#include <QSet>
#include <QString>

namespace engage::server::engagement {

// Anonymity (issue 6): which slices the service withholds so that no
// combination of the scores it shows rests on fewer respondents than the
// tenant's threshold. Counts are the slices' score bases
// (CellSums::respondents).

// A slice of a family shown side by side: the groups of a heatmap (a tree by
// parentId; the first node is the root: the tenant or the slice's group), or
// the values of an attribute breakdown (a root for the group and one child
// per value).
struct SliceNode
{
    QString id;
    QString parentId; // empty for the root
    qint64 respondents = 0;
};

struct Suppression
{
    QSet<QString> primary;       // fewer respondents than the threshold (and more than none)
    QSet<QString> complementary; // withheld so that differences reveal nothing

    bool withheld(const QString &id) const
    {
        return primary.contains(id) || complementary.contains(id);
    }
};

// Primary suppression, then complementary: for every shown node, its
// respondents minus those of the shown nodes directly below it (looking
// through withheld ones) must be 0 or at least `threshold`, so "parent minus
// the sum of its visible children" never isolates fewer people than the
// threshold; where it would, the smallest of those shown nodes below it
// (ties: by id) is withheld too, until none remains: the parent keeps its
// score. Deterministic for the same input.
Suppression suppressFamily(const QList<SliceNode> &nodes, int threshold);

// The difference rule across filters ("A minus (A and B)"): a slice that is
// the intersection of two shown slices A and B (a group's subtree and an
// attribute value) is shown only when each difference, A without it and B
// without it, has no respondents or at least `threshold`. Counts are score
// bases of the intersection and of A and B.
bool intersectionShown(qint64 intersection, qint64 a, qint64 b, int threshold);

} // namespace engage::server::engagement
