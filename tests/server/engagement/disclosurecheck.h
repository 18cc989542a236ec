#pragma once

// The attacker of issue 6's anonymity tests. Given every slice whose score an
// attacker saw (shown or not, with the respondents each score names), it
// looks for a difference of shown scores that rests on fewer people than the
// threshold, which would reveal their mean:
//  - A minus B for every pair of shown slices with B inside A (a group and a
//    group below it, a group and the group narrowed to a value, the tenant's
//    value and a group's same value, ...);
//  - a shown slice minus the sum of the shown slices directly below it in
//    the tree (looking through withheld ones), with or without a value;
//  - a shown group minus the sum of its shown values of the attribute.
// Slices are a group's subtree ("" for the whole tenant), perhaps narrowed
// to one value of one attribute.

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <algorithm>
#include <optional>

namespace engage::test {

struct SeenSlice
{
    QString groupId; // "" for the whole tenant
    std::optional<QString> value;
    qint64 respondents = 0;
    bool shown = false;
};

class DisclosureCheck final
{
public:
    // `parents`: group -> its parent ("" for top-level groups).
    DisclosureCheck(QHash<QString, QString> parents, int threshold)
        : m_parents(std::move(parents))
        , m_threshold(threshold)
    {}

    // The same slice seen twice must have been answered the same way.
    void add(const SeenSlice &slice)
    {
        const QString key = keyOf(slice);
        const auto known = m_slices.constFind(key);
        if (known != m_slices.constEnd() &&
            (known->respondents != slice.respondents || known->shown != slice.shown))
            m_inconsistent.append(key);
        m_slices.insert(key, slice);
    }

    qsizetype shownCount() const
    {
        return std::count_if(m_slices.cbegin(), m_slices.cend(),
                             [](const SeenSlice &slice) { return slice.shown; });
    }

    // What an attacker learns about fewer people than the threshold; empty when nothing.
    QStringList disclosures() const
    {
        QStringList found;
        for (const QString &key : m_inconsistent)
            found.append(QStringLiteral("%1 answered two ways").arg(key));
        QList<SeenSlice> shown;
        for (const SeenSlice &slice : m_slices) {
            if (slice.shown)
                shown.append(slice);
        }
        for (const SeenSlice &a : shown) {
            qint64 treeChildren = 0;
            qint64 valueChildren = 0;
            bool anyValue = false;
            for (const SeenSlice &b : shown) {
                if (keyOf(a) == keyOf(b) || !inside(b, a))
                    continue;
                check(a.respondents - b.respondents,
                      QStringLiteral("%1 minus %2").arg(keyOf(a), keyOf(b)), found);
                if (a.value == b.value && directlyBelow(b, a, shown))
                    treeChildren += b.respondents;
                if (!a.value && b.value && b.groupId == a.groupId) {
                    valueChildren += b.respondents;
                    anyValue = true;
                }
            }
            check(a.respondents - treeChildren,
                  QStringLiteral("%1 minus its shown children").arg(keyOf(a)), found);
            if (anyValue)
                check(a.respondents - valueChildren,
                      QStringLiteral("%1 minus its shown values").arg(keyOf(a)), found);
        }
        return found;
    }

private:
    static QString keyOf(const SeenSlice &slice)
    {
        return (slice.groupId.isEmpty() ? QStringLiteral("tenant") : slice.groupId) +
               (slice.value ? QStringLiteral("=") + *slice.value : QString());
    }

    void check(qint64 difference, const QString &what, QStringList &found) const
    {
        if (difference > 0 && difference < m_threshold)
            found.append(QStringLiteral("%1 isolates %2").arg(what).arg(difference));
    }

    // Whether `ancestor` is `group` or above it.
    bool atOrAbove(const QString &ancestor, QString group) const
    {
        for (int guard = 0; guard < 10000; ++guard) {
            if (group == ancestor)
                return true;
            if (group.isEmpty())
                return false;
            group = m_parents.value(group);
        }
        return false;
    }

    bool inside(const SeenSlice &b, const SeenSlice &a) const
    {
        if (!atOrAbove(a.groupId, b.groupId))
            return false;
        return !a.value || (b.value && *b.value == *a.value);
    }

    // `b` below `a` in the tree, same value, with no shown slice between.
    bool directlyBelow(const SeenSlice &b, const SeenSlice &a, const QList<SeenSlice> &shown) const
    {
        if (b.groupId == a.groupId)
            return false;
        for (const SeenSlice &c : shown) {
            if (c.value != a.value || c.groupId == a.groupId || c.groupId == b.groupId)
                continue;
            if (atOrAbove(a.groupId, c.groupId) && atOrAbove(c.groupId, b.groupId))
                return false;
        }
        return true;
    }

    QHash<QString, QString> m_parents;
    int m_threshold;
    QHash<QString, SeenSlice> m_slices;
    QStringList m_inconsistent;
};

} // namespace engage::test
