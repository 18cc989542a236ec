#pragma once

#include "api/logrecord.h"
#include "store/storeresult.h"
#include "store/tenantscope.h"

#include <QSqlDatabase>
#include <QString>
#include <functional>
#include <map>

namespace engage::server::logs {

// Keyset position of a row in the viewer's order (newest first by time, then
// by seq): the wire cursor "<at ms>.<seq>".
struct LogPosition
{
    qint64 atMs = 0;
    qint64 seq = 0;
};

QString cursorOf(const LogPosition &position);
std::optional<LogPosition> positionOf(const QString &cursor);

// The read side of one tenant's three logs, through ScopedQuery. Every
// filter runs in SQL on an index that ends in (at, tenant_seq)
// (schema/0004_logs.sql), so a page costs the same at any depth. The free
// text filter is the exception: it reads the rows of the range it is given.
class LogReader final
{
public:
    LogReader(QSqlDatabase database, store::TenantScope scope);

    // `query` already checked by api::logQueryAppliesTo for `kind`. A cursor
    // that is not one of ours is NotFound.
    store::StoreResult<api::AccessLogPage> accessPage(const api::LogQuery &query);
    store::StoreResult<api::OperationLogPage> operationPage(const api::LogQuery &query);
    store::StoreResult<api::ErrorLogPage> errorPage(const api::LogQuery &query);

    // Counts of the rows `query.filter` matches, per bucket. LimitReached
    // when there would be more than api::kLogHistogramMaxBuckets.
    store::StoreResult<api::LogHistogram> histogram(api::LogKind kind,
                                                    const api::LogHistogramQuery &query);

    // Rows after `after` in seq order, at most api::kLogTailMaxRows.
    store::StoreResult<api::AccessLogTail> accessTail(qint64 after);
    store::StoreResult<api::OperationLogTail> operationTail(qint64 after);
    store::StoreResult<api::ErrorLogTail> errorTail(qint64 after);

    // The newest seq of `kind` (0 for an empty log).
    store::StoreResult<qint64> newestSeq(api::LogKind kind);

private:
    template<typename Row>
    store::StoreResult<api::LogPage<Row>> page(api::LogKind kind, const api::LogQuery &query);
    template<typename Row>
    store::StoreResult<api::LogTail<Row>> tail(api::LogKind kind, qint64 after);
    // The histogram's counts per bucket number ((at + offset) / width): of
    // the rows a filter matches, counted from them; or, when only the time
    // range filters, read from log_counts (store/logcounts.h), whose
    // quarter hours cut by the range or a bucket boundary are counted from
    // the rows.
    store::StoreStatus countMatches(api::LogKind kind, const api::LogQuery &filter, qint64 width,
                                    qint64 offset, std::map<qint64, qint64> &counts);
    store::StoreStatus countSlots(api::LogKind kind, const api::LogQuery &filter, qint64 width,
                                  qint64 offset, std::map<qint64, qint64> &counts);

    QSqlDatabase m_database;
    store::TenantScope m_scope;
};

} // namespace engage::server::logs
