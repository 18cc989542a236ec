#include "loghistogrammodel.h"

#include "apiclient.h"
#include "apireply.h"
#include "logwindowmodel.h"

#include <QLocale>
#include <QUrlQuery>
#include <algorithm>
#include <utility>

namespace engage::models {

namespace {

constexpr qint64 kFortnightMs = qint64(14) * 86400 * 1000;

} // namespace

LogHistogramModel::LogHistogramModel(ApiClient &client, QObject *parent)
    : QAbstractListModel(parent)
    , m_client(client)
{}

LogHistogramModel::~LogHistogramModel()
{
    if (ApiReply *reply = std::exchange(m_reply, nullptr))
        reply->abort();
}

int LogHistogramModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_histogram.buckets.size());
}

qint64 LogHistogramModel::bucketWidthMs() const
{
    return m_histogram.bucket == api::LogBucket::Hour ? qint64(3600) * 1000 : qint64(86400) * 1000;
}

QVariant LogHistogramModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.parent().isValid() || index.row() >= rowCount() ||
        index.column() != 0)
        return {};
    const api::LogHistogramBucket &bucket = m_histogram.buckets.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return QLocale().toString(bucket.count);
    case StartRole:
        return bucket.start;
    case EndRole:
        return bucket.start.addMSecs(bucketWidthMs());
    case CountRole:
        return bucket.count;
    default:
        return {};
    }
}

api::LogBucket LogHistogramModel::bucketFor(const api::LogQuery &filter, const QDateTime &now)
{
    if (!filter.from)
        return api::LogBucket::Day;
    const QDateTime end = filter.to ? *filter.to : now;
    return filter.from->msecsTo(end) <= kFortnightMs ? api::LogBucket::Hour : api::LogBucket::Day;
}

void LogHistogramModel::setQuery(api::LogKind kind, const api::LogQuery &filter,
                                 int utcOffsetMinutes)
{
    m_kind = kind;
    m_filter = filter;
    m_filter.cursor.reset();
    m_filter.direction = api::LogDirection::Older;
    m_filter.limit = api::kLogPageDefault;
    m_offsetMinutes =
        std::clamp(utcOffsetMinutes, -api::kUtcOffsetMaxMinutes, api::kUtcOffsetMaxMinutes);
    m_added.clear();
    reload();
}

void LogHistogramModel::follow(LogWindowModel &table)
{
    connect(&table, &LogWindowModel::snapshotTaken, this, [this, &table] {
        setQuery(table.log(), table.snapshotFilter(),
                 table.timeZone().offsetFromUtc(QDateTime::currentDateTimeUtc()) / 60);
    });
    connect(&table, &LogWindowModel::liveRowsArrived, this, [this, &table](int rows) {
        QList<QDateTime> times;
        times.reserve(rows);
        for (int row = 0; row < rows; ++row)
            times.append(table.index(row, 0).data(LogWindowModel::TimeRole).toDateTime());
        addRows(times);
    });
}

void LogHistogramModel::addRows(const QList<QDateTime> &times)
{
    QList<qint64> atMs;
    atMs.reserve(times.size());
    for (const QDateTime &time : times)
        atMs.append(time.toMSecsSinceEpoch());
    m_added.append(atMs);
    if (!m_answered)
        return; // counted when the answer comes
    beginResetModel();
    count(atMs);
    endResetModel();
}

void LogHistogramModel::count(const QList<qint64> &atMs)
{
    const qint64 width = bucketWidthMs();
    const qint64 offset = qint64(m_histogram.utcOffsetMinutes) * 60 * 1000;
    QList<api::LogHistogramBucket> &buckets = m_histogram.buckets;
    for (const qint64 at : atMs) {
        const qint64 shifted = at + offset;
        const qint64 number = shifted >= 0 ? shifted / width : (shifted - width + 1) / width;
        const QDateTime start = QDateTime::fromMSecsSinceEpoch(number * width - offset, Qt::UTC);
        auto bucket = std::lower_bound(buckets.begin(), buckets.end(), start,
                                       [](const api::LogHistogramBucket &held,
                                          const QDateTime &wanted) { return held.start < wanted; });
        if (bucket == buckets.end() || bucket->start != start)
            bucket = buckets.insert(bucket, api::LogHistogramBucket{start, 0});
        ++bucket->count;
        ++m_histogram.total;
        m_largest = std::max(m_largest, bucket->count);
    }
}

void LogHistogramModel::reload()
{
    if (ApiReply *previous = std::exchange(m_reply, nullptr))
        previous->abort();
    m_answered = false;
    api::LogHistogramQuery query;
    query.filter = m_filter;
    query.bucket = bucketFor(m_filter, QDateTime::currentDateTimeUtc());
    query.utcOffsetMinutes = m_offsetMinutes;
    ApiReply *reply = m_client.get(QStringLiteral("/api/v1/logs/") + api::logKindName(m_kind) +
                                   QStringLiteral("/histogram?") +
                                   api::toUrlQuery(query).toString(QUrl::FullyEncoded));
    m_reply = reply;
    connect(reply, &ApiReply::finished, this, [this, reply] {
        if (reply != m_reply)
            return;
        m_reply.clear();
        Q_EMIT loadingChanged(false);
        if (!reply->isOk()) {
            Q_EMIT failed(reply->error());
            return;
        }
        auto histogram = api::logHistogramFromJson(reply->json().object());
        if (!histogram) {
            Q_EMIT failed(reply->unreadable(histogram.error().detail));
            return;
        }
        beginResetModel();
        m_histogram = histogram.takeValue();
        m_largest = 0;
        for (const api::LogHistogramBucket &bucket : std::as_const(m_histogram.buckets))
            m_largest = std::max(m_largest, bucket.count);
        count(m_added);
        m_answered = true;
        endResetModel();
    });
    Q_EMIT loadingChanged(true);
}

} // namespace engage::models
