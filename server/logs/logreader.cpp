#include "logreader.h"

#include "api/queryparams.h"
#include "store/logcounts.h"
#include "store/scopedquery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QVariant>
#include <algorithm>
#include <map>
#include <utility>

namespace engage::server::logs {

using store::ScopedQuery;
using store::StoreError;
using store::StoreErrorKind;
using store::StoreResult;

namespace {

struct Binding
{
    QString placeholder;
    QVariant value;
};

// The WHERE clause of a query's filters, opening with the tenant.
struct Where
{
    QStringList conditions{QStringLiteral("tenant_id = :tenant_id")};
    QList<Binding> bindings;

    void add(QString condition, QString placeholder, QVariant value)
    {
        conditions.append(std::move(condition));
        bindings.append({std::move(placeholder), std::move(value)});
    }
    QString sql() const
    {
        return QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    }
};

QString tableOf(api::LogKind kind)
{
    return api::logKindName(kind) + QLatin1String("_log");
}

QString columnsOf(api::LogKind kind)
{
    switch (kind) {
    case api::LogKind::Access:
        return QStringLiteral("tenant_seq, at, request_id, person_id, address, method, path, "
                              "status, latency_us, user_agent");
    case api::LogKind::Operation:
        return QStringLiteral("tenant_seq, at, request_id, actor_id, target_type, target_id, "
                              "action, summary, changes");
    case api::LogKind::Error:
        break;
    }
    return QStringLiteral(
        "tenant_seq, at, request_id, person_id, method, route, status, code, category");
}

// LIKE with '!' as the escape character: the text matches only as typed.
QString likeText(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'!', QLatin1String("!!"))
        .replace(u'%', QLatin1String("!%"))
        .replace(u'_', QLatin1String("!_"));
    return escaped;
}

// Rows on one side of a keyset position: before it (`below`) or after it.
struct Beyond
{
    LogPosition position;
    bool below = true;
};

// The WHERE clause of `query`'s filters, and of `beyond` when given.
Where whereOf(api::LogKind kind, const api::LogQuery &query,
              const std::optional<Beyond> &beyond = std::nullopt)
{
    Where where;
    // SQLite ranges an index by one bound a side: given a time filter and a
    // position on the same side, it may take the looser one and walk every
    // row between them (a month's filter with a cursor at the month's end
    // read the whole month; the viewer's snapshot `to` with a cursor deep
    // below it, every row in between). Only the tighter of the two is
    // written: it implies the other.
    const std::optional<qint64> from =
        query.from ? std::optional(query.from->toMSecsSinceEpoch()) : std::nullopt;
    const std::optional<qint64> to =
        query.to ? std::optional(query.to->toMSecsSinceEpoch()) : std::nullopt;
    bool positionBinds = beyond.has_value();
    if (beyond && beyond->below && to && beyond->position.atMs >= *to)
        positionBinds = false; // at < to: every row is below the position
    if (beyond && !beyond->below && from && beyond->position.atMs < *from)
        positionBinds = false; // at >= from: every row is above it
    if (from && !(positionBinds && !beyond->below))
        where.add(QStringLiteral("at >= :from"), QStringLiteral(":from"), *from);
    if (to && !(positionBinds && beyond->below))
        where.add(QStringLiteral("at < :to"), QStringLiteral(":to"), *to);
    if (positionBinds) {
        where.add(beyond->below
                      ? QStringLiteral("(at, tenant_seq) < (:position_at, :position_seq)")
                      : QStringLiteral("(at, tenant_seq) > (:position_at, :position_seq)"),
                  QStringLiteral(":position_at"), beyond->position.atMs);
        where.bindings.append({QStringLiteral(":position_seq"), beyond->position.seq});
    }
    if (query.person) {
        const QString column = kind == api::LogKind::Operation ? QStringLiteral("actor_id")
                                                               : QStringLiteral("person_id");
        where.add(column + QLatin1String(" = :person"), QStringLiteral(":person"), *query.person);
    }
    if (query.action) {
        const QString column =
            kind == api::LogKind::Operation ? QStringLiteral("action") : QStringLiteral("method");
        if (query.action->endsWith(QLatin1String(".*")))
            where.add(column + QLatin1String(" LIKE :action ESCAPE '!'"), QStringLiteral(":action"),
                      QString(likeText(query.action->chopped(1)) + u'%'));
        else
            where.add(column + QLatin1String(" = :action"), QStringLiteral(":action"),
                      *query.action);
    }
    if (query.targetType)
        where.add(QStringLiteral("target_type = :target_type"), QStringLiteral(":target_type"),
                  *query.targetType);
    if (query.targetId)
        where.add(QStringLiteral("target_id = :target_id"), QStringLiteral(":target_id"),
                  *query.targetId);
    if (query.status) {
        const auto range = api::logStatusRange(*query.status);
        where.add(QStringLiteral("status >= :status_first"), QStringLiteral(":status_first"),
                  range->first);
        where.add(QStringLiteral("status <= :status_last"), QStringLiteral(":status_last"),
                  range->last);
    }
    if (query.address)
        where.add(QStringLiteral("address = :address"), QStringLiteral(":address"), *query.address);
    if (!query.search.isEmpty()) {
        QString text;
        switch (kind) {
        case api::LogKind::Access:
            text = QStringLiteral("path || ' ' || user_agent");
            break;
        case api::LogKind::Operation:
            text = QStringLiteral(
                "action || ' ' || target_type || ' ' || target_id || ' ' || summary");
            break;
        case api::LogKind::Error:
            text = QStringLiteral("route || ' ' || code || ' ' || category");
            break;
        }
        where.add(QStringLiteral("LOWER(%1) LIKE LOWER(:q) ESCAPE '!'").arg(text),
                  QStringLiteral(":q"), QString(u'%' + likeText(query.search) + u'%'));
    }
    return where;
}

bool run(ScopedQuery &query, const QString &sql, const QList<Binding> &bindings)
{
    if (!query.prepare(sql))
        return false;
    for (const Binding &binding : bindings)
        query.bindValue(binding.placeholder, binding.value);
    return query.exec();
}

QDateTime timeOf(const QVariant &value)
{
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

std::optional<QString> optionalText(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toString();
}

void readRow(const ScopedQuery &query, api::AccessLogRow &row)
{
    row.seq = query.value(0).toLongLong();
    row.at = timeOf(query.value(1));
    row.requestId = query.value(2).toString();
    row.personId = optionalText(query.value(3));
    row.address = query.value(4).toString();
    row.method = query.value(5).toString();
    row.path = query.value(6).toString();
    row.status = query.value(7).toInt();
    row.latencyUs = query.value(8).toLongLong();
    row.userAgent = query.value(9).toString();
}

void readRow(const ScopedQuery &query, api::OperationLogRow &row)
{
    row.seq = query.value(0).toLongLong();
    row.at = timeOf(query.value(1));
    row.requestId = query.value(2).toString();
    row.actorId = optionalText(query.value(3));
    row.targetType = query.value(4).toString();
    row.targetId = query.value(5).toString();
    row.action = query.value(6).toString();
    row.summary = query.value(7).toString();
    // Written by OperationLog from api::FieldChange values; a row that no
    // longer parses shows without its changes (verification reports it).
    const QJsonArray changes = QJsonDocument::fromJson(query.value(8).toString().toUtf8()).array();
    row.changes.clear();
    for (const QJsonValue &change : changes) {
        auto decoded = api::fieldChangeFromJson(change.toObject());
        if (decoded)
            row.changes.append(decoded.takeValue());
    }
}

void readRow(const ScopedQuery &query, api::ErrorLogRow &row)
{
    row.seq = query.value(0).toLongLong();
    row.at = timeOf(query.value(1));
    row.requestId = query.value(2).toString();
    row.personId = optionalText(query.value(3));
    row.method = query.value(4).toString();
    row.route = query.value(5).toString();
    row.status = query.value(6).toInt();
    row.code = query.value(7).toString();
    row.category = query.value(8).toString();
}

StoreError failure(const char *what, const ScopedQuery &query)
{
    return store::databaseError(QString::fromLatin1(what), query.errorText());
}

// Whether `filter` narrows rows by anything but time: then the histogram
// counts the rows it matches; otherwise log_counts holds the answer.
bool filtersRows(const api::LogQuery &filter)
{
    return filter.person || filter.action || filter.targetType || filter.targetId ||
           filter.status || filter.address || !filter.search.isEmpty();
}

qint64 floorDiv(qint64 value, qint64 divisor)
{
    const qint64 quotient = value / divisor;
    return value % divisor < 0 ? quotient - 1 : quotient;
}

} // namespace

QString cursorOf(const LogPosition &position)
{
    return QString::number(position.atMs) + u'.' + QString::number(position.seq);
}

std::optional<LogPosition> positionOf(const QString &cursor)
{
    const QStringList parts = cursor.split(u'.');
    if (parts.size() != 2)
        return std::nullopt;
    const auto at = api::readWholeNumber(QString(), parts.at(0), 0, api::kMaxJsonInteger);
    const auto seq = api::readWholeNumber(QString(), parts.at(1), 1, api::kMaxLogSeq);
    if (!at || !seq)
        return std::nullopt;
    return LogPosition{at.value(), seq.value()};
}

LogReader::LogReader(QSqlDatabase database, store::TenantScope scope)
    : m_database(std::move(database))
    , m_scope(std::move(scope))
{}

template<typename Row>
StoreResult<api::LogPage<Row>> LogReader::page(api::LogKind kind, const api::LogQuery &query)
{
    std::optional<LogPosition> cursor;
    if (query.cursor) {
        cursor = positionOf(*query.cursor);
        if (!cursor)
            return StoreError{StoreErrorKind::NotFound, QStringLiteral("not a log cursor")};
    }
    const bool older = query.direction == api::LogDirection::Older;
    const Where where =
        whereOf(kind, query, cursor ? std::optional(Beyond{*cursor, older}) : std::nullopt);
    const QString order = older ? QStringLiteral(" ORDER BY at DESC, tenant_seq DESC")
                                : QStringLiteral(" ORDER BY at, tenant_seq");
    ScopedQuery select(m_scope, m_database);
    if (!run(select,
             QStringLiteral("SELECT %1 FROM %2").arg(columnsOf(kind), tableOf(kind)) + where.sql() +
                 order + QStringLiteral(" LIMIT %1").arg(query.limit + 1),
             where.bindings))
        return failure("reading a log page", select);
    api::LogPage<Row> page;
    QList<LogPosition> positions;
    bool more = false;
    while (select.next()) {
        if (page.page.items.size() == query.limit) {
            more = true;
            break;
        }
        Row row;
        readRow(select, row);
        positions.append({row.at.toMSecsSinceEpoch(), row.seq});
        page.page.items.append(std::move(row));
    }
    select.finish();
    if (!older) {
        std::reverse(page.page.items.begin(), page.page.items.end());
        std::reverse(positions.begin(), positions.end());
    }

    // Whether rows lie beyond `edge` on the side the query did not read.
    auto beyond = [&](const LogPosition &edge, bool newer) -> StoreResult<bool> {
        const Where other = whereOf(kind, query, Beyond{edge, !newer});
        ScopedQuery exists(m_scope, m_database);
        if (!run(exists,
                 QStringLiteral("SELECT 1 FROM %1").arg(tableOf(kind)) + other.sql() +
                     QStringLiteral(" LIMIT 1"),
                 other.bindings))
            return failure("looking past a log page", exists);
        return exists.next();
    };
    const std::optional<LogPosition> newest =
        positions.isEmpty() ? cursor : std::optional(positions.first());
    const std::optional<LogPosition> oldest =
        positions.isEmpty() ? cursor : std::optional(positions.last());
    bool hasNewer = !older && more;
    bool hasOlder = older && more;
    if (older && newest) {
        const auto found = beyond(*newest, true);
        if (!found)
            return found.error();
        hasNewer = found.value();
    }
    if (!older && oldest) {
        const auto found = beyond(*oldest, false);
        if (!found)
            return found.error();
        hasOlder = found.value();
    }
    if (hasOlder && oldest)
        page.page.nextCursor = cursorOf(*oldest);
    if (hasNewer && newest)
        page.page.prevCursor = cursorOf(*newest);
    const auto newestSeq = this->newestSeq(kind);
    if (!newestSeq)
        return newestSeq.error();
    page.newestSeq = newestSeq.value();
    return page;
}

StoreResult<api::AccessLogPage> LogReader::accessPage(const api::LogQuery &query)
{
    return page<api::AccessLogRow>(api::LogKind::Access, query);
}

StoreResult<api::OperationLogPage> LogReader::operationPage(const api::LogQuery &query)
{
    return page<api::OperationLogRow>(api::LogKind::Operation, query);
}

StoreResult<api::ErrorLogPage> LogReader::errorPage(const api::LogQuery &query)
{
    return page<api::ErrorLogRow>(api::LogKind::Error, query);
}

StoreResult<api::LogHistogram> LogReader::histogram(api::LogKind kind,
                                                    const api::LogHistogramQuery &query)
{
    const qint64 width = query.bucket == api::LogBucket::Hour ? 3600000 : 86400000;
    const qint64 offset = qint64(query.utcOffsetMinutes) * 60000;
    std::map<qint64, qint64> counts; // bucket number -> rows
    const store::StoreStatus counted = filtersRows(query.filter)
                                           ? countMatches(kind, query.filter, width, offset, counts)
                                           : countSlots(kind, query.filter, width, offset, counts);
    if (!counted)
        return counted.error();
    api::LogHistogram histogram;
    histogram.bucket = query.bucket;
    histogram.utcOffsetMinutes = query.utcOffsetMinutes;
    for (const auto &[bucket, count] : counts) {
        if (count == 0)
            continue;
        if (histogram.buckets.size() == api::kLogHistogramMaxBuckets)
            return StoreError{StoreErrorKind::LimitReached, QStringLiteral("too many buckets")};
        histogram.buckets.append(
            {QDateTime::fromMSecsSinceEpoch(bucket * width - offset, Qt::UTC), count});
        histogram.total += count;
    }
    return histogram;
}

store::StoreStatus LogReader::countMatches(api::LogKind kind, const api::LogQuery &filter,
                                           qint64 width, qint64 offset,
                                           std::map<qint64, qint64> &counts)
{
    const Where where = whereOf(kind, filter);
    // Numbers written into the text (both are ours, not the client's): bound
    // parameters in arithmetic leave PostgreSQL to guess their type.
    const QString bucket = QStringLiteral("(at + %1) / %2").arg(offset).arg(width);
    ScopedQuery select(m_scope, m_database);
    if (!run(select,
             QStringLiteral("SELECT %1 AS bucket, COUNT(*) FROM %2").arg(bucket, tableOf(kind)) +
                 where.sql() + QStringLiteral(" GROUP BY bucket ORDER BY bucket"),
             where.bindings))
        return failure("counting log rows", select);
    while (select.next()) {
        counts[select.value(0).toLongLong()] += select.value(1).toLongLong();
        if (counts.size() > std::size_t(api::kLogHistogramMaxBuckets))
            break; // enough to refuse
    }
    return store::Done{};
}

store::StoreStatus LogReader::countSlots(api::LogKind kind, const api::LogQuery &filter,
                                         qint64 width, qint64 offset,
                                         std::map<qint64, qint64> &counts)
{
    using store::logcounts::kSlotMs;
    const std::optional<qint64> from =
        filter.from ? std::optional(filter.from->toMSecsSinceEpoch()) : std::nullopt;
    const std::optional<qint64> to =
        filter.to ? std::optional(filter.to->toMSecsSinceEpoch()) : std::nullopt;
    Where where;
    where.add(QStringLiteral("log = :log"), QStringLiteral(":log"), api::logKindName(kind));
    if (from)
        where.add(QStringLiteral("slot_at >= :from"), QStringLiteral(":from"),
                  store::logcounts::slotOf(*from));
    if (to)
        where.add(QStringLiteral("slot_at < :to"), QStringLiteral(":to"), *to);
    std::vector<std::pair<qint64, qint64>> slots; // start, rows
    {
        ScopedQuery select(m_scope, m_database);
        select.setForwardOnly(true);
        if (!run(select,
                 QStringLiteral("SELECT slot_at, row_count FROM log_counts") + where.sql() +
                     QStringLiteral(" ORDER BY slot_at"),
                 where.bindings))
            return failure("reading log counts", select);
        while (select.next())
            slots.emplace_back(select.value(0).toLongLong(), select.value(1).toLongLong());
    }

    // The rows of [begin, end), within one slot: a range of the time index
    // no longer than a quarter hour.
    const auto rowsBetween = [&](qint64 begin, qint64 end) -> StoreResult<qint64> {
        ScopedQuery select(m_scope, m_database);
        if (!run(select,
                 QStringLiteral("SELECT COUNT(*) FROM %1 WHERE tenant_id = :tenant_id AND at >= "
                                ":begin AND at < :end")
                     .arg(tableOf(kind)),
                 {{QStringLiteral(":begin"), begin}, {QStringLiteral(":end"), end}}) ||
            !select.next())
            return failure("counting log rows of a quarter hour", select);
        return select.value(0).toLongLong();
    };
    const auto bucketOf = [&](qint64 at) {
        return floorDiv(at + offset, width);
    };
    for (const auto &[start, rows] : slots) {
        const qint64 end = start + kSlotMs;
        const qint64 begin = from ? std::max(start, *from) : start;
        const qint64 stop = to ? std::min(end, *to) : end;
        if (begin >= stop)
            continue;
        const bool whole = begin == start && stop == end;
        if (whole && bucketOf(start) == bucketOf(end - 1)) {
            counts[bucketOf(start)] += rows;
            continue;
        }
        // A slot cut by the range or by a bucket boundary (an offset that is
        // not whole quarter hours): its pieces counted from the rows, the
        // last piece of a whole slot by difference.
        qint64 taken = 0;
        for (qint64 piece = begin; piece < stop;) {
            const qint64 bucket = bucketOf(piece);
            const qint64 pieceEnd = std::min(stop, (bucket + 1) * width - offset);
            qint64 found = rows - taken;
            if (!whole || pieceEnd != stop) {
                const auto between = rowsBetween(piece, pieceEnd);
                if (!between)
                    return between.error();
                found = between.value();
            }
            counts[bucket] += found;
            taken += found;
            piece = pieceEnd;
        }
    }
    return store::Done{};
}

template<typename Row>
StoreResult<api::LogTail<Row>> LogReader::tail(api::LogKind kind, qint64 after)
{
    ScopedQuery select(m_scope, m_database);
    if (!run(select,
             QStringLiteral("SELECT %1 FROM %2 WHERE tenant_id = :tenant_id AND tenant_seq > "
                            ":after ORDER BY tenant_seq LIMIT %3")
                 .arg(columnsOf(kind), tableOf(kind))
                 .arg(api::kLogTailMaxRows),
             {{QStringLiteral(":after"), after}}))
        return failure("reading a log tail", select);
    api::LogTail<Row> tail;
    tail.lastSeq = after;
    while (select.next()) {
        Row row;
        readRow(select, row);
        tail.lastSeq = row.seq;
        tail.items.append(std::move(row));
    }
    return tail;
}

StoreResult<api::AccessLogTail> LogReader::accessTail(qint64 after)
{
    return tail<api::AccessLogRow>(api::LogKind::Access, after);
}

StoreResult<api::OperationLogTail> LogReader::operationTail(qint64 after)
{
    return tail<api::OperationLogRow>(api::LogKind::Operation, after);
}

StoreResult<api::ErrorLogTail> LogReader::errorTail(qint64 after)
{
    return tail<api::ErrorLogRow>(api::LogKind::Error, after);
}

StoreResult<qint64> LogReader::newestSeq(api::LogKind kind)
{
    ScopedQuery select(m_scope, m_database);
    if (!run(select,
             QStringLiteral("SELECT MAX(tenant_seq) FROM %1 WHERE tenant_id = :tenant_id")
                 .arg(tableOf(kind)),
             {}) ||
        !select.next())
        return failure("reading the newest log row", select);
    return select.value(0).toLongLong();
}

} // namespace engage::server::logs
