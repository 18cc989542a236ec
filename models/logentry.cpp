#include "logentry.h"

#include <QJsonArray>
#include <QUrlQuery>
#include <cstdlib>

namespace engage::models {

namespace {

template<typename Row>
api::Result<LogEntryPage> entriesOf(const api::Result<api::LogPage<Row>> &page)
{
    if (!page)
        return page.error();
    LogEntryPage entries;
    entries.items.reserve(page.value().page.items.size());
    for (const Row &row : page.value().page.items)
        entries.items.append(row);
    entries.nextCursor = page.value().page.nextCursor;
    entries.prevCursor = page.value().page.prevCursor;
    entries.newestSeq = page.value().newestSeq;
    return entries;
}

template<typename Row>
api::Result<LogEntryTail> entriesOf(const api::Result<api::LogTail<Row>> &tail)
{
    if (!tail)
        return tail.error();
    LogEntryTail entries;
    entries.items.reserve(tail.value().items.size());
    for (const Row &row : tail.value().items)
        entries.items.append(row);
    entries.lastSeq = tail.value().lastSeq;
    return entries;
}

bool actionMatches(const std::optional<QString> &filter, const QString &value)
{
    if (!filter)
        return true;
    // "member.*" is a prefix ("member."); anything else is exact.
    if (filter->endsWith(QLatin1String(".*")))
        return value.startsWith(filter->chopped(1));
    return value == *filter;
}

bool statusMatches(const std::optional<QString> &filter, int status)
{
    if (!filter)
        return true;
    const auto range = api::logStatusRange(*filter);
    return range && status >= range->first && status <= range->last;
}

bool textMatches(const QString &search, const QStringList &parts)
{
    return search.isEmpty() || parts.join(QLatin1Char(' ')).contains(search, Qt::CaseInsensitive);
}

template<typename T>
bool equalOrUnset(const std::optional<T> &filter, const std::optional<T> &value)
{
    return !filter || filter == value;
}

} // namespace

api::LogKind logKindOf(const LogEntry &entry)
{
    switch (entry.index()) {
    case 0:
        return api::LogKind::Access;
    case 1:
        return api::LogKind::Operation;
    default:
        return api::LogKind::Error;
    }
}

qint64 logSeqOf(const LogEntry &entry)
{
    return std::visit([](const auto &row) { return row.seq; }, entry);
}

QDateTime logTimeOf(const LogEntry &entry)
{
    return std::visit([](const auto &row) { return row.at; }, entry);
}

api::Result<LogEntryPage> logEntryPageFromJson(api::LogKind kind, const QJsonObject &object)
{
    switch (kind) {
    case api::LogKind::Access:
        return entriesOf(api::accessLogPageFromJson(object));
    case api::LogKind::Operation:
        return entriesOf(api::operationLogPageFromJson(object));
    case api::LogKind::Error:
        break;
    }
    return entriesOf(api::errorLogPageFromJson(object));
}

api::Result<LogEntryTail> logEntryTailFromJson(api::LogKind kind, const QJsonObject &object)
{
    switch (kind) {
    case api::LogKind::Access:
        return entriesOf(api::accessLogTailFromJson(object));
    case api::LogKind::Operation:
        return entriesOf(api::operationLogTailFromJson(object));
    case api::LogKind::Error:
        break;
    }
    return entriesOf(api::errorLogTailFromJson(object));
}

bool logEntryMatches(const api::LogQuery &query, const LogEntry &entry)
{
    const QDateTime at = logTimeOf(entry);
    if ((query.from && at < *query.from) || (query.to && at >= *query.to))
        return false;
    if (const auto *access = std::get_if<api::AccessLogRow>(&entry))
        return equalOrUnset(query.person, access->personId) &&
               actionMatches(query.action, access->method) &&
               statusMatches(query.status, access->status) &&
               (!query.address || *query.address == access->address) &&
               textMatches(query.search, {access->path, access->userAgent});
    if (const auto *operation = std::get_if<api::OperationLogRow>(&entry))
        return equalOrUnset(query.person, operation->actorId) &&
               actionMatches(query.action, operation->action) &&
               (!query.targetType || *query.targetType == operation->targetType) &&
               (!query.targetId || *query.targetId == operation->targetId) &&
               textMatches(query.search, {operation->action, operation->targetType,
                                          operation->targetId, operation->summary});
    const auto &error = std::get<api::ErrorLogRow>(entry);
    return equalOrUnset(query.person, error.personId) &&
           actionMatches(query.action, error.method) && statusMatches(query.status, error.status) &&
           textMatches(query.search, {error.route, error.code, error.category});
}

std::optional<api::Error> checkLogFilter(const api::LogQuery &query, api::LogKind kind)
{
    const auto parsed = api::logQueryFromUrl(api::toUrlQuery(query));
    if (!parsed)
        return parsed.error();
    return api::logQueryAppliesTo(parsed.value(), kind);
}

QString logTimeText(const QDateTime &utc, const QTimeZone &zone, const QLocale &locale,
                    bool milliseconds)
{
    const QDateTime local = utc.toTimeZone(zone);
    const int offset = zone.offsetFromUtc(utc) / 60;
    const QString sign = offset < 0 ? QStringLiteral("-") : QStringLiteral("+");
    const QString zoneText = sign + QStringLiteral("%1:%2")
                                        .arg(std::abs(offset) / 60, 2, 10, QLatin1Char('0'))
                                        .arg(std::abs(offset) % 60, 2, 10, QLatin1Char('0'));
    const QString time = locale.toString(local.time(), milliseconds ? QStringLiteral("HH:mm:ss.zzz")
                                                                    : QStringLiteral("HH:mm:ss"));
    // The locale's short date, with the whole year: a log spans years, and
    // "5/1/24" reads three ways.
    QString dateFormat = locale.dateFormat(QLocale::ShortFormat);
    if (!dateFormat.contains(QLatin1String("yyyy")))
        dateFormat.replace(QLatin1String("yy"), QLatin1String("yyyy"));
    return locale.toString(local.date(), dateFormat) + QLatin1Char(' ') + time + QLatin1Char(' ') +
           zoneText;
}

} // namespace engage::models
