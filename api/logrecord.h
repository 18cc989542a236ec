#pragma once

#include "cursorpage.h"
#include "result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <QUrlQuery>
#include <optional>

namespace engage::api {

// The three logs of a tenant (issue 8, R18, R37, R46), as the service answers
// them to owners and admins of tenants with the security option:
//
//   GET  /api/v1/logs/{log}            a page (LogQuery)        -> *LogPage
//   GET  /api/v1/logs/{log}/histogram  counts per bucket        -> LogHistogram
//   GET  /api/v1/logs/{log}/export     every matching row, NDJSON, newest first,
//                                      streamed (chunked): the filters and ?cursor=
//   GET  /api/v1/logs/{log}/tail       rows after a sequence    -> *LogTail
//   POST /api/v1/logs/verify           the tenant's hash chains -> LogVerification
//
// {log} is a LogKind name. Every row has `seq`, its position in the tenant's
// log: stable and gap-free from 1 (in the access and operation logs, the
// position in the hash chain).

enum class LogKind
{
    Access,    // every request
    Operation, // every change
    Error,     // every answer the service failed to give (500)
};

QString logKindName(LogKind kind); // "access", "operation", "error"
std::optional<LogKind> logKindFromName(QStringView name);
QStringList logKindNames();

inline constexpr qint64 kMaxLogSeq = (qint64(1) << 53) - 1; // kMaxJsonInteger

struct AccessLogRow
{
    qint64 seq = 0;
    QDateTime at; // UTC, when the request arrived
    QString requestId;
    std::optional<QString> personId; // absent when anonymous
    QString address;                 // the client's IP address
    QString method;                  // "GET", ...
    QString path;                    // without the query string
    int status = 0;
    qint64 latencyUs = 0;
    QString userAgent;

    friend bool operator==(const AccessLogRow &a, const AccessLogRow &b)
    {
        return a.seq == b.seq && a.at == b.at && a.requestId == b.requestId &&
               a.personId == b.personId && a.address == b.address && a.method == b.method &&
               a.path == b.path && a.status == b.status && a.latencyUs == b.latencyUs &&
               a.userAgent == b.userAgent;
    }
    friend bool operator!=(const AccessLogRow &a, const AccessLogRow &b) { return !(a == b); }
};

// One field of a change. Personal values (names, e-mail, dates of birth,
// memos, ...) are never shown: `masked` is true and before/after are absent.
// Other values (status, group id, role) are shown; absent also means "no
// value" on that side (a field set by a create has no before).
struct FieldChange
{
    QString field; // wire name of the field, e.g. "status", "attributes.<id>"
    std::optional<QString> before;
    std::optional<QString> after;
    bool masked = false;

    friend bool operator==(const FieldChange &a, const FieldChange &b)
    {
        return a.field == b.field && a.before == b.before && a.after == b.after &&
               a.masked == b.masked;
    }
    friend bool operator!=(const FieldChange &a, const FieldChange &b) { return !(a == b); }
};

inline constexpr int kFieldChangesMax = 200;
inline constexpr int kFieldChangeValueMaxLength = 200;

struct OperationLogRow
{
    qint64 seq = 0;
    QDateTime at;                   // UTC
    QString requestId;              // "system" for the service's own changes
    std::optional<QString> actorId; // absent for the system (start-up, jobs)
    QString targetType;             // "member", "group", "person", "tenant", "log", ...
    QString targetId;
    QString action;  // "member.update", "log.query", ...
    QString summary; // one line of English naming fields, never values
    QList<FieldChange> changes;

    friend bool operator==(const OperationLogRow &a, const OperationLogRow &b)
    {
        return a.seq == b.seq && a.at == b.at && a.requestId == b.requestId &&
               a.actorId == b.actorId && a.targetType == b.targetType && a.targetId == b.targetId &&
               a.action == b.action && a.summary == b.summary && a.changes == b.changes;
    }
    friend bool operator!=(const OperationLogRow &a, const OperationLogRow &b) { return !(a == b); }
};

// A request the service failed to answer. No internals: `code` is the problem
// code answered, `category` the part of the service that failed ("database",
// "crypto", "handler", ...), never a message, query or secret.
struct ErrorLogRow
{
    qint64 seq = 0;
    QDateTime at; // UTC
    QString requestId;
    std::optional<QString> personId;
    QString method;
    QString route; // the route's pattern, e.g. "/api/v1/members/{id}"
    int status = 0;
    QString code;     // problem code, e.g. "internal"
    QString category; // what failed, e.g. "database"

    friend bool operator==(const ErrorLogRow &a, const ErrorLogRow &b)
    {
        return a.seq == b.seq && a.at == b.at && a.requestId == b.requestId &&
               a.personId == b.personId && a.method == b.method && a.route == b.route &&
               a.status == b.status && a.code == b.code && a.category == b.category;
    }
    friend bool operator!=(const ErrorLogRow &a, const ErrorLogRow &b) { return !(a == b); }
};

// {"seq","at","requestId","personId"?,"address","method","path","status","latencyUs","userAgent"}
QJsonObject toJson(const AccessLogRow &row);
Result<AccessLogRow> accessLogRowFromJson(const QJsonObject &object);
// {"field","before"?,"after"?,"masked"}
QJsonObject toJson(const FieldChange &change);
Result<FieldChange> fieldChangeFromJson(const QJsonObject &object);
// {"seq","at","requestId","actorId"?,"targetType","targetId","action","summary","changes":[...]}
QJsonObject toJson(const OperationLogRow &row);
Result<OperationLogRow> operationLogRowFromJson(const QJsonObject &object);
// {"seq","at","requestId","personId"?,"method","route","status","code","category"}
QJsonObject toJson(const ErrorLogRow &row);
Result<ErrorLogRow> errorLogRowFromJson(const QJsonObject &object);

// ---------------------------------------------------------------------------
// Queries

enum class LogDirection
{
    Older, // rows before the cursor (the next page down); without one, the newest rows
    Newer, // rows after the cursor (the page above); without one, the oldest rows
};

QString logDirectionName(LogDirection direction); // "older", "newer"
std::optional<LogDirection> logDirectionFromName(QStringView name);
QStringList logDirectionNames();

inline constexpr int kLogPageDefault = 100;
inline constexpr int kLogPageMax = 1000;
inline constexpr int kLogSearchMaxLength = 100;
inline constexpr int kLogFilterMaxLength = 100; // action, target type, target id, address

// The filters of the log routes (the page, the histogram, the export). Which
// log each parameter applies to (logQueryAppliesTo): the service answers 400
// naming a parameter that does not apply to the log asked for.
struct LogQuery
{
    std::optional<QDateTime> from; // ?from=  rows at or after (wire date-time, UTC)
    std::optional<QDateTime> to;   // ?to=    rows before
    std::optional<QString> person; // ?person= the person's id (access, error: who asked;
                                   //          operation: the actor)
    // ?action= operation: the action, exact ("member.update") or a prefix
    // ending ".*" ("member.*"); access and error: the HTTP method ("GET").
    std::optional<QString> action;
    std::optional<QString> targetType; // ?targetType= operation only
    std::optional<QString> targetId;   // ?targetId=   operation only
    // ?status= access and error: "404" exactly, or a class "4xx".
    std::optional<QString> status;
    std::optional<QString> address; // ?address= access only: an IPv4 or IPv6 address
    // ?q= free text, case-insensitive, anywhere in: access the path and user
    // agent; operation the action, target and summary; error the route,
    // code and category.
    QString search;
    std::optional<QString> cursor;                // ?cursor= a page's nextCursor or prevCursor
    LogDirection direction = LogDirection::Older; // ?direction=
    int limit = kLogPageDefault;                  // ?limit= 1-1000

    friend bool operator==(const LogQuery &a, const LogQuery &b)
    {
        return a.from == b.from && a.to == b.to && a.person == b.person && a.action == b.action &&
               a.targetType == b.targetType && a.targetId == b.targetId && a.status == b.status &&
               a.address == b.address && a.search == b.search && a.cursor == b.cursor &&
               a.direction == b.direction && a.limit == b.limit;
    }
    friend bool operator!=(const LogQuery &a, const LogQuery &b) { return !(a == b); }
};

// Only members that differ from the defaults are written.
QUrlQuery toUrlQuery(const LogQuery &query);
// Strict: unknown, repeated and bad parameters are errors naming the
// parameter; `to` not after `from` names "to".
Result<LogQuery> logQueryFromUrl(const QUrlQuery &query);
// A filter of `query` that `kind` has no column for, as an error naming it.
std::optional<Error> logQueryAppliesTo(const LogQuery &query, LogKind kind);
// The statuses a `status` filter matches, inclusive: "404" -> {404, 404},
// "4xx" -> {400, 499}.
struct StatusRange
{
    int first = 0;
    int last = 0;
};
std::optional<StatusRange> logStatusRange(QStringView status);

// Every filter without cursor, direction or limit: what the export and the
// histogram take. Strict like logQueryFromUrl, and refuses those three.
Result<LogQuery> logFilterFromUrl(const QUrlQuery &query);

// ---------------------------------------------------------------------------
// Pages

// Newest first. `nextCursor` fetches the older rows below the page,
// `prevCursor` the newer rows above it (with direction "older" and "newer").
// `newestSeq` is the tenant's newest row of this log when the page was read
// (unfiltered; 0 for an empty log): where a live tail starts.
template<typename Row>
struct LogPage
{
    CursorPage<Row> page;
    qint64 newestSeq = 0;

    friend bool operator==(const LogPage &a, const LogPage &b)
    {
        return a.page == b.page && a.newestSeq == b.newestSeq;
    }
    friend bool operator!=(const LogPage &a, const LogPage &b) { return !(a == b); }
};

using AccessLogPage = LogPage<AccessLogRow>;
using OperationLogPage = LogPage<OperationLogRow>;
using ErrorLogPage = LogPage<ErrorLogRow>;

// {"items":[...], "nextCursor"?, "prevCursor"?, "newestSeq"}
QJsonObject toJson(const AccessLogPage &page);
QJsonObject toJson(const OperationLogPage &page);
QJsonObject toJson(const ErrorLogPage &page);
Result<AccessLogPage> accessLogPageFromJson(const QJsonObject &object);
Result<OperationLogPage> operationLogPageFromJson(const QJsonObject &object);
Result<ErrorLogPage> errorLogPageFromJson(const QJsonObject &object);

// ---------------------------------------------------------------------------
// Histogram

enum class LogBucket
{
    Hour,
    Day,
};

QString logBucketName(LogBucket bucket); // "hour", "day"
std::optional<LogBucket> logBucketFromName(QStringView name);
QStringList logBucketNames();

inline constexpr int kLogHistogramMaxBuckets = 10000;
inline constexpr int kUtcOffsetMaxMinutes = 14 * 60;

// GET /api/v1/logs/{log}/histogram?bucket=hour|day&offset=<minutes>&<filters>
// `utcOffsetMinutes` (?offset=, -840..840, east positive) puts bucket
// boundaries at the viewer's local hour and midnight (bucket starts are still
// sent as UTC instants).
struct LogHistogramQuery
{
    LogQuery filter; // without cursor, direction or limit
    LogBucket bucket = LogBucket::Day;
    int utcOffsetMinutes = 0;

    friend bool operator==(const LogHistogramQuery &a, const LogHistogramQuery &b)
    {
        return a.filter == b.filter && a.bucket == b.bucket &&
               a.utcOffsetMinutes == b.utcOffsetMinutes;
    }
    friend bool operator!=(const LogHistogramQuery &a, const LogHistogramQuery &b)
    {
        return !(a == b);
    }
};

QUrlQuery toUrlQuery(const LogHistogramQuery &query);
Result<LogHistogramQuery> logHistogramQueryFromUrl(const QUrlQuery &query);

struct LogHistogramBucket
{
    QDateTime start; // UTC instant the bucket starts
    qint64 count = 0;

    friend bool operator==(const LogHistogramBucket &a, const LogHistogramBucket &b)
    {
        return a.start == b.start && a.count == b.count;
    }
    friend bool operator!=(const LogHistogramBucket &a, const LogHistogramBucket &b)
    {
        return !(a == b);
    }
};

// Only buckets with rows, oldest first; `total` is their sum, the number of
// rows the filters match. More than kLogHistogramMaxBuckets buckets is a 400
// naming "bucket" (narrow the range, or count by day).
struct LogHistogram
{
    LogBucket bucket = LogBucket::Day;
    int utcOffsetMinutes = 0;
    QList<LogHistogramBucket> buckets;
    qint64 total = 0;

    friend bool operator==(const LogHistogram &a, const LogHistogram &b)
    {
        return a.bucket == b.bucket && a.utcOffsetMinutes == b.utcOffsetMinutes &&
               a.buckets == b.buckets && a.total == b.total;
    }
    friend bool operator!=(const LogHistogram &a, const LogHistogram &b) { return !(a == b); }
};

// {"bucket","offset","buckets":[{"start","count"}],"total"}
QJsonObject toJson(const LogHistogram &histogram);
Result<LogHistogram> logHistogramFromJson(const QJsonObject &object);

// ---------------------------------------------------------------------------
// Live tail

inline constexpr int kLogTailMaxRows = 1000;

// GET /api/v1/logs/{log}/tail?after=<seq>: answers as soon as the tenant has
// rows after `after` (within 2 s of their writing), or empty after at most
// 25 s. No filters: the client filters what it shows. `lastSeq` is what the
// next poll sends as `after` (unchanged when nothing came; more may be
// waiting when `items` holds kLogTailMaxRows).
template<typename Row>
struct LogTail
{
    QList<Row> items; // oldest first
    qint64 lastSeq = 0;

    friend bool operator==(const LogTail &a, const LogTail &b)
    {
        return a.items == b.items && a.lastSeq == b.lastSeq;
    }
    friend bool operator!=(const LogTail &a, const LogTail &b) { return !(a == b); }
};

using AccessLogTail = LogTail<AccessLogRow>;
using OperationLogTail = LogTail<OperationLogRow>;
using ErrorLogTail = LogTail<ErrorLogRow>;

// {"items":[...], "lastSeq"}
QJsonObject toJson(const AccessLogTail &tail);
QJsonObject toJson(const OperationLogTail &tail);
QJsonObject toJson(const ErrorLogTail &tail);
Result<AccessLogTail> accessLogTailFromJson(const QJsonObject &object);
Result<OperationLogTail> operationLogTailFromJson(const QJsonObject &object);
Result<ErrorLogTail> errorLogTailFromJson(const QJsonObject &object);

// `?after=` (0 up to kMaxLogSeq), the tail's only parameter.
Result<qint64> logTailAfterFromUrl(const QUrlQuery &query);
QUrlQuery logTailUrlQuery(qint64 after);

// ---------------------------------------------------------------------------
// Integrity

// Where a chain first fails, so that the client says it in the user's language.
enum class LogBreak
{
    RowChanged,        // the row's MAC does not match its content
    ChainBroken,       // the row does not carry the previous row's MAC (a row was
                       // removed or inserted before it)
    SequenceGap,       // a sequence number is missing or repeated
    HeadMismatch,      // the chain head row does not match the newest row
    CheckpointMissing, // the checkpointed head is gone (newest rows deleted)
    CheckpointInvalid, // the checkpoint file is unreadable or its signature fails
    ArchiveInvalid,    // an archive file of old rows is missing, unreadable, or not the
                       // file that was signed (firstBrokenSeq: its first row)
};

QString logBreakName(LogBreak kind); // "rowChanged", "chainBroken", "sequenceGap",
                                     // "headMismatch", "checkpointMissing", "checkpointInvalid",
                                     // "archiveInvalid"
std::optional<LogBreak> logBreakFromName(QStringView name);
QStringList logBreakNames();

// One chain (a tenant's access or operation log) checked from its first row.
struct LogVerification
{
    bool intact = true;
    QString tenant; // the tenant's id
    LogKind log = LogKind::Operation;
    std::optional<qint64> firstBrokenSeq; // when not intact: the first row that fails
    std::optional<LogBreak> breakKind;    // when not intact
    qint64 checkedRows = 0;
    std::optional<QDateTime> checkpointAt; // the checkpoint compared against, if any
    QString detail;                        // English, for logs and the operator

    friend bool operator==(const LogVerification &a, const LogVerification &b)
    {
        return a.intact == b.intact && a.tenant == b.tenant && a.log == b.log &&
               a.firstBrokenSeq == b.firstBrokenSeq && a.breakKind == b.breakKind &&
               a.checkedRows == b.checkedRows && a.checkpointAt == b.checkpointAt &&
               a.detail == b.detail;
    }
    friend bool operator!=(const LogVerification &a, const LogVerification &b) { return !(a == b); }
};

// {"intact","tenant","log","firstBrokenSeq"?,"break"?,"checkedRows","checkpointAt"?,"detail"}
QJsonObject toJson(const LogVerification &verification);
Result<LogVerification> logVerificationFromJson(const QJsonObject &object);

// The answer of POST /api/v1/logs/verify: every chain of the caller's tenant.
struct LogVerificationReport
{
    bool intact = true; // every result intact
    QList<LogVerification> results;

    friend bool operator==(const LogVerificationReport &a, const LogVerificationReport &b)
    {
        return a.intact == b.intact && a.results == b.results;
    }
    friend bool operator!=(const LogVerificationReport &a, const LogVerificationReport &b)
    {
        return !(a == b);
    }
};

// {"intact","results":[...]}
QJsonObject toJson(const LogVerificationReport &report);
Result<LogVerificationReport> logVerificationReportFromJson(const QJsonObject &object);

// ---------------------------------------------------------------------------
// Retention

// Rows are kept in the database indefinitely by default. The owner may have
// the rows older than a number of days archived instead: they leave the
// database for signed files on the service, oldest first, and stay part of
// the chain that "verify" checks (never silently dropped).
//
//   GET /api/v1/logs/settings          -> LogSettings (ETag: its revision)
//   PUT /api/v1/logs/settings          {"archiveAfterDays": null | 30..3650},
//                                      If-Match, owners only -> LogSettings
//   GET /api/v1/logs/archives          -> LogArchiveList, oldest first
//   GET /api/v1/logs/archives/{id}     the signed archive file (NDJSON)

inline constexpr int kLogArchiveAfterDaysMin = 30;
inline constexpr int kLogArchiveAfterDaysMax = 3650;

struct LogSettings
{
    std::optional<int> archiveAfterDays; // absent: kept in the database indefinitely
    qint64 revision = 1;

    friend bool operator==(const LogSettings &a, const LogSettings &b)
    {
        return a.archiveAfterDays == b.archiveAfterDays && a.revision == b.revision;
    }
    friend bool operator!=(const LogSettings &a, const LogSettings &b) { return !(a == b); }
};

// {"archiveAfterDays": null | n, "revision"}
QJsonObject toJson(const LogSettings &settings);
Result<LogSettings> logSettingsFromJson(const QJsonObject &object);
// The body of the PUT: {"archiveAfterDays": null | 30..3650}, the member required.
QJsonObject logSettingsChangeToJson(std::optional<int> archiveAfterDays);
Result<std::optional<int>> logSettingsChangeFromJson(const QJsonObject &object);

// One archive file: rows firstSeq..lastSeq of one log, written at createdAt.
struct LogArchive
{
    QString id;
    LogKind log = LogKind::Operation; // access or operation
    qint64 firstSeq = 0;
    qint64 lastSeq = 0;
    QDateTime firstAt; // the oldest row's time (UTC)
    QDateTime lastAt;  // the newest row's time
    qint64 rowCount = 0;
    QString fileName; // e.g. "operation-1-52000.ndjson"
    QString sha256;   // hex SHA-256 of the file
    QDateTime createdAt;

    friend bool operator==(const LogArchive &a, const LogArchive &b)
    {
        return a.id == b.id && a.log == b.log && a.firstSeq == b.firstSeq &&
               a.lastSeq == b.lastSeq && a.firstAt == b.firstAt && a.lastAt == b.lastAt &&
               a.rowCount == b.rowCount && a.fileName == b.fileName && a.sha256 == b.sha256 &&
               a.createdAt == b.createdAt;
    }
    friend bool operator!=(const LogArchive &a, const LogArchive &b) { return !(a == b); }
};

inline constexpr int kMaxLogArchives = 100000;

// {"id","log","firstSeq","lastSeq","firstAt","lastAt","rowCount","fileName","sha256","createdAt"}
QJsonObject toJson(const LogArchive &archive);
Result<LogArchive> logArchiveFromJson(const QJsonObject &object);
// {"items":[...]}
QJsonObject toJson(const QList<LogArchive> &archives);
Result<QList<LogArchive>> logArchiveListFromJson(const QJsonObject &object);

} // namespace engage::api
