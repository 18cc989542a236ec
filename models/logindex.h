#pragma once

#include "api/logrecord.h"

#include <QList>
#include <optional>

namespace engage::models {

// Where the rows of a log lie in time, from the service's counts per bucket:
// what lets a windowed view of millions of rows fetch the page at any row
// without walking there. The rows of the buckets newer than a bucket come
// before it, so the first row older than a bucket's end is at a row number
// known exactly, and a page read from there (?to=end) lands where it belongs.
// A bucket too full to land near a row is refined by the counts of its hours.
class LogIndex final
{
public:
    struct Bucket
    {
        qint64 startMs = 0; // UTC
        qint64 widthMs = 0;
        qint64 count = 0;
    };

    // The bucket around a row: the rows newer than its end (`firstRow` of
    // them), so that a page read before `endMs` starts at `firstRow`.
    struct Anchor
    {
        int bucket = -1;
        qint64 firstRow = 0;
        qint64 startMs = 0;
        qint64 endMs = 0;
        qint64 count = 0;
        qint64 widthMs = 0;
    };

    LogIndex() = default;
    // `histogram` as the service answers it (oldest first).
    explicit LogIndex(const api::LogHistogram &histogram);

    qint64 total() const { return m_total; }
    bool isEmpty() const { return m_buckets.isEmpty(); }
    int bucketCount() const { return int(m_buckets.size()); }

    // The bucket holding `row` (0 the newest); nullopt past the end.
    std::optional<Anchor> anchorFor(qint64 row) const;
    // The rows at or after `ms`, exact when `ms` is a bucket boundary (or
    // outside every bucket).
    qint64 rowsSince(qint64 ms) const;
    // Replaces bucket `bucket` by `finer` (the same rows counted in smaller
    // buckets). False, and nothing changed, when they do not add up to the
    // bucket's count (the rows moved meanwhile) or lie outside it.
    bool refine(int bucket, const api::LogHistogram &finer);

private:
    void recount();

    QList<Bucket> m_buckets; // newest first
    QList<qint64> m_newer;   // rows in the buckets before each
    qint64 m_total = 0;
};

} // namespace engage::models
