#include "logindex.h"

#include <algorithm>

namespace engage::models {

namespace {

qint64 widthOf(api::LogBucket bucket)
{
    return bucket == api::LogBucket::Hour ? qint64(3600) * 1000 : qint64(86400) * 1000;
}

QList<LogIndex::Bucket> newestFirst(const api::LogHistogram &histogram)
{
    QList<LogIndex::Bucket> buckets;
    buckets.reserve(histogram.buckets.size());
    const qint64 width = widthOf(histogram.bucket);
    for (auto it = histogram.buckets.crbegin(); it != histogram.buckets.crend(); ++it)
        buckets.append({it->start.toMSecsSinceEpoch(), width, it->count});
    return buckets;
}

} // namespace

LogIndex::LogIndex(const api::LogHistogram &histogram)
    : m_buckets(newestFirst(histogram))
{
    recount();
}

void LogIndex::recount()
{
    m_newer.resize(m_buckets.size());
    m_total = 0;
    for (qsizetype i = 0; i < m_buckets.size(); ++i) {
        m_newer[i] = m_total;
        m_total += m_buckets.at(i).count;
    }
}

std::optional<LogIndex::Anchor> LogIndex::anchorFor(qint64 row) const
{
    if (row < 0 || row >= m_total)
        return std::nullopt;
    // The last bucket whose first row is at or before `row`.
    const auto after = std::upper_bound(m_newer.cbegin(), m_newer.cend(), row);
    const int bucket = int(after - m_newer.cbegin()) - 1;
    const Bucket &found = m_buckets.at(bucket);
    return Anchor{bucket,      m_newer.at(bucket), found.startMs, found.startMs + found.widthMs,
                  found.count, found.widthMs};
}

qint64 LogIndex::rowsSince(qint64 ms) const
{
    qint64 rows = 0;
    for (const Bucket &bucket : m_buckets) {
        if (bucket.startMs < ms)
            break;
        rows += bucket.count;
    }
    return rows;
}

bool LogIndex::refine(int bucket, const api::LogHistogram &finer)
{
    if (bucket < 0 || bucket >= m_buckets.size())
        return false;
    const Bucket coarse = m_buckets.at(bucket);
    const QList<Bucket> parts = newestFirst(finer);
    qint64 rows = 0;
    for (const Bucket &part : parts) {
        if (part.startMs < coarse.startMs ||
            part.startMs + part.widthMs > coarse.startMs + coarse.widthMs)
            return false;
        rows += part.count;
    }
    if (rows != coarse.count || parts.isEmpty())
        return false;
    m_buckets.remove(bucket);
    for (qsizetype i = 0; i < parts.size(); ++i)
        m_buckets.insert(bucket + i, parts.at(i));
    recount();
    return true;
}

} // namespace engage::models
