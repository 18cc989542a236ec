#pragma once

#include "api/logrecord.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QLocale>
#include <QString>
#include <QTimeZone>
#include <optional>
#include <variant>

namespace engage::models {

// One row of any of the three logs, as the log viewer holds it.
using LogEntry = std::variant<api::AccessLogRow, api::OperationLogRow, api::ErrorLogRow>;

api::LogKind logKindOf(const LogEntry &entry);
qint64 logSeqOf(const LogEntry &entry);
QDateTime logTimeOf(const LogEntry &entry); // UTC

// A page or a tail of `kind` read from the service's JSON, rows newest first
// for a page, oldest first for a tail (as the service sends them).
struct LogEntryPage
{
    QList<LogEntry> items;
    std::optional<QString> nextCursor;
    std::optional<QString> prevCursor;
    qint64 newestSeq = 0;
};
api::Result<LogEntryPage> logEntryPageFromJson(api::LogKind kind, const QJsonObject &object);

struct LogEntryTail
{
    QList<LogEntry> items;
    qint64 lastSeq = 0;
};
api::Result<LogEntryTail> logEntryTailFromJson(api::LogKind kind, const QJsonObject &object);

// Whether `entry` matches the filters of `query` as the service applies them
// (server/logs/logreader.cpp): the live tail comes unfiltered, and only the
// rows the filters would have let through are shown.
bool logEntryMatches(const api::LogQuery &query, const LogEntry &entry);

// The filters of `query` checked as the service checks them (the same strict
// parser, and whether each applies to `kind`): the error names the parameter.
std::optional<api::Error> checkLogFilter(const api::LogQuery &query, api::LogKind kind);

// "2024/05/01 13:45:12 +09:00": the instant in `zone`, the date as the
// locale writes it, seconds (and milliseconds when asked), and the offset
// from UTC, which a log read across time zones cannot do without.
QString logTimeText(const QDateTime &utc, const QTimeZone &zone, const QLocale &locale,
                    bool milliseconds = false);

} // namespace engage::models
