#pragma once

#include "api/logrecord.h"
#include "apierror.h"

#include <QAbstractListModel>
#include <QPointer>

namespace engage::models {

class ApiClient;
class ApiReply;
class LogWindowModel;

// How many rows of a log the filters match per hour or day
// (GET /api/v1/logs/{log}/histogram), oldest first, for the histogram above
// the log viewer. By hour when the time range is a fortnight or less, else
// by day; days begin at midnight at the UTC offset given.
class LogHistogramModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogHistogramModel)

public:
    enum Roles
    {
        StartRole = Qt::UserRole + 1, // QDateTime, UTC
        EndRole,                      // QDateTime, UTC
        CountRole,                    // qint64
    };

    explicit LogHistogramModel(ApiClient &client, QObject *parent = nullptr);
    ~LogHistogramModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // Counts `kind` with `filter` (only its filters are used).
    void setQuery(api::LogKind kind, const api::LogQuery &filter, int utcOffsetMinutes);
    void reload();
    // Counts the rows `table` lists: its snapshot (the same filter, ending
    // at the same moment) whenever it takes one, and the rows its live tail
    // puts above it. Asked on its own, the histogram missed what the table
    // showed: rows of the last second, not yet committed by the access
    // log's writer when it asked, and every row written since.
    void follow(LogWindowModel &table);
    // Rows after the query's `to` (the table's live rows), each counted in
    // its bucket; kept until the query changes, so that an answer arriving
    // after them does not drop them.
    void addRows(const QList<QDateTime> &times);

    api::LogBucket bucket() const { return m_histogram.bucket; }
    qint64 bucketWidthMs() const;
    const QList<api::LogHistogramBucket> &buckets() const { return m_histogram.buckets; }
    qint64 total() const { return m_histogram.total; }
    qint64 largestCount() const { return m_largest; }
    int utcOffsetMinutes() const { return m_offsetMinutes; }
    bool isLoading() const { return !m_reply.isNull(); }

    // The bucket a query is counted by: hours over a fortnight or less.
    static api::LogBucket bucketFor(const api::LogQuery &filter, const QDateTime &now);

Q_SIGNALS:
    void loadingChanged(bool loading);
    void failed(const engage::models::ApiError &error);

private:
    // Counts `atMs` into m_histogram's buckets.
    void count(const QList<qint64> &atMs);

    ApiClient &m_client;
    api::LogKind m_kind = api::LogKind::Access;
    api::LogQuery m_filter;
    int m_offsetMinutes = 0;
    api::LogHistogram m_histogram;
    qint64 m_largest = 0;
    QList<qint64> m_added;   // addRows() since the query was set, ms
    bool m_answered = false; // m_histogram is the current query's
    QPointer<ApiReply> m_reply;
};

} // namespace engage::models
