#pragma once

#include "storeresult.h"

#include <QLatin1String>
#include <QSqlDatabase>
#include <QString>
#include <QtGlobal>
#include <vector>

namespace engage::server::store {

// How many rows each tenant's access, operation and error log holds per
// quarter hour (UTC), in log_counts (schema/0007_log_counts.sql): what an
// unfiltered histogram and the viewer's total read instead of counting ten
// million rows. Every writer of a log row adds to it, and the archiver takes
// off what it deletes, in the same transaction as the rows, so the counts are
// exactly COUNT(*) of each quarter hour at every commit.
//
// A quarter hour rather than an hour: bucket boundaries fall at the viewer's
// local midnight or hour, and every time zone in use is a whole number of
// quarter hours from UTC (+05:30, +05:45, +09:45, -03:30), so its buckets are
// whole slots.
//
// Plain queries, like logchain.h: the access log has a chain for requests of
// no known tenant (tenant id ""), which no TenantScope can name. Every
// statement binds the tenant it is given as its first condition.
namespace logcounts {

inline constexpr qint64 kSlotMs = 15 * 60 * 1000;

// The start of the slot holding `atMs` (floor, for times before 1970 too).
qint64 slotOf(qint64 atMs);

// Counts one new row of `tenantId`'s `log` at each of `atMs`, inside the
// caller's write transaction: one statement per slot, not per row.
StoreStatus add(const QSqlDatabase &database, const QString &tenantId, QLatin1String log,
                const std::vector<qint64> &atMs);

// Takes rows firstSeq..lastSeq of `tenantId`'s `log` off the counts, inside
// the transaction that is about to delete them (the rows must still be there).
StoreStatus removeRows(const QSqlDatabase &database, const QString &tenantId, QLatin1String log,
                       qint64 firstSeq, qint64 lastSeq);

} // namespace logcounts
} // namespace engage::server::store
