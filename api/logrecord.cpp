#include "logrecord.h"

#include "enumtable.h"
#include "objectreader.h"
#include "queryparams.h"
#include "timestamp.h"
#include "validators.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <algorithm>
#include <utility>

namespace engage::api {

namespace {

constexpr EnumName<LogKind> kKinds[] = {
    {LogKind::Access, QLatin1String("access")},
    {LogKind::Operation, QLatin1String("operation")},
    {LogKind::Error, QLatin1String("error")},
};

constexpr EnumName<LogDirection> kDirections[] = {
    {LogDirection::Older, QLatin1String("older")},
    {LogDirection::Newer, QLatin1String("newer")},
};

constexpr EnumName<LogBucket> kBuckets[] = {
    {LogBucket::Hour, QLatin1String("hour")},
    {LogBucket::Day, QLatin1String("day")},
};

constexpr EnumName<LogBreak> kBreaks[] = {
    {LogBreak::RowChanged, QLatin1String("rowChanged")},
    {LogBreak::ChainBroken, QLatin1String("chainBroken")},
    {LogBreak::SequenceGap, QLatin1String("sequenceGap")},
    {LogBreak::HeadMismatch, QLatin1String("headMismatch")},
    {LogBreak::CheckpointMissing, QLatin1String("checkpointMissing")},
    {LogBreak::CheckpointInvalid, QLatin1String("checkpointInvalid")},
    {LogBreak::ArchiveInvalid, QLatin1String("archiveInvalid")},
};

// Row members.
constexpr QLatin1String kSeq("seq");
constexpr QLatin1String kAt("at");
constexpr QLatin1String kRequestId("requestId");
constexpr QLatin1String kPersonId("personId");
constexpr QLatin1String kAddress("address");
constexpr QLatin1String kMethod("method");
constexpr QLatin1String kPath("path");
constexpr QLatin1String kStatus("status");
constexpr QLatin1String kLatencyUs("latencyUs");
constexpr QLatin1String kUserAgent("userAgent");
constexpr QLatin1String kField("field");
constexpr QLatin1String kBefore("before");
constexpr QLatin1String kAfter("after");
constexpr QLatin1String kMasked("masked");
constexpr QLatin1String kActorId("actorId");
constexpr QLatin1String kTargetType("targetType");
constexpr QLatin1String kTargetId("targetId");
constexpr QLatin1String kAction("action");
constexpr QLatin1String kSummary("summary");
constexpr QLatin1String kChanges("changes");
constexpr QLatin1String kRoute("route");
constexpr QLatin1String kCode("code");
constexpr QLatin1String kCategory("category");
constexpr QLatin1String kNewestSeq("newestSeq");
constexpr QLatin1String kItems("items");
constexpr QLatin1String kLastSeq("lastSeq");
constexpr QLatin1String kBucket("bucket");
constexpr QLatin1String kOffset("offset");
constexpr QLatin1String kBucketsMember("buckets");
constexpr QLatin1String kStart("start");
constexpr QLatin1String kCount("count");
constexpr QLatin1String kTotal("total");
constexpr QLatin1String kIntact("intact");
constexpr QLatin1String kTenant("tenant");
constexpr QLatin1String kLog("log");
constexpr QLatin1String kFirstBrokenSeq("firstBrokenSeq");
constexpr QLatin1String kBreak("break");
constexpr QLatin1String kCheckedRows("checkedRows");
constexpr QLatin1String kCheckpointAt("checkpointAt");
constexpr QLatin1String kDetail("detail");
constexpr QLatin1String kResults("results");
constexpr QLatin1String kArchiveAfterDays("archiveAfterDays");
constexpr QLatin1String kRevision("revision");
constexpr QLatin1String kId("id");
constexpr QLatin1String kFirstSeq("firstSeq");
constexpr QLatin1String kFirstAt("firstAt");
constexpr QLatin1String kLastAt("lastAt");
constexpr QLatin1String kRowCount("rowCount");
constexpr QLatin1String kFileName("fileName");
constexpr QLatin1String kSha256("sha256");
constexpr QLatin1String kCreatedAt("createdAt");

// Query parameters.
constexpr QLatin1String kFromParam("from");
constexpr QLatin1String kToParam("to");
constexpr QLatin1String kPersonParam("person");
constexpr QLatin1String kActionParam("action");
constexpr QLatin1String kTargetTypeParam("targetType");
constexpr QLatin1String kTargetIdParam("targetId");
constexpr QLatin1String kStatusParam("status");
constexpr QLatin1String kAddressParam("address");
constexpr QLatin1String kSearchParam("q");
constexpr QLatin1String kCursorParam("cursor");
constexpr QLatin1String kDirectionParam("direction");
constexpr QLatin1String kLimitParam("limit");
constexpr QLatin1String kBucketParam("bucket");
constexpr QLatin1String kOffsetParam("offset");
constexpr QLatin1String kAfterParam("after");

const QList<QLatin1String> &filterParameters()
{
    static const QList<QLatin1String> kNames = {
        kFromParam,     kToParam,     kPersonParam,  kActionParam, kTargetTypeParam,
        kTargetIdParam, kStatusParam, kAddressParam, kSearchParam,
    };
    return kNames;
}

// What the service stores is cut to these lengths (AccessLogWriter), so a
// row it answers always decodes.
constexpr int kRequestIdMaxLength = 256;
constexpr int kShortFieldMaxLength = 256;
constexpr int kPathMaxLength = 2048;
constexpr int kUserAgentMaxLength = 512;
constexpr int kNameMaxLength = 64; // target types, actions, categories
constexpr int kSummaryMaxLength = 2000;
constexpr int kDetailMaxLength = 2000;
constexpr int kMaxVerificationResults = 100;

// Logged values are neutralised when written (no control characters) but not
// trimmed: they are what the client sent.
auto loggedText(int minLength, int maxLength)
{
    return [minLength, maxLength](QStringView text) {
        return validateText(text, TextRule{minLength, maxLength, false, false});
    };
}

Error invalid(QString field, QString detail)
{
    return Error{ProblemCode::InvalidField, std::move(field), std::move(detail)};
}

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

// Names the service gives things: "member.update", "person", "database".
std::optional<Error> validateLogName(QStringView name)
{
    const bool plain = !name.isEmpty() && name.size() <= kNameMaxLength &&
                       std::all_of(name.cbegin(), name.cend(), [](QChar c) {
                           const char16_t u = c.unicode();
                           return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') ||
                                  isAsciiDigit(c) || u == u'.' || u == u'_' || u == u'-';
                       });
    if (!plain)
        return invalid(
            QString(),
            QStringLiteral("Must be 1-%1 letters, digits, '.', '_' or '-'.").arg(kNameMaxLength));
    return std::nullopt;
}

// An action filter: a name, or a prefix followed by ".*".
std::optional<Error> validateActionFilter(QStringView action)
{
    if (action.endsWith(QLatin1String(".*")))
        return validateLogName(action.chopped(2));
    return validateLogName(action);
}

std::optional<Error> validateStatusFilter(QStringView status)
{
    if (!logStatusRange(status))
        return invalid(QString(),
                       QStringLiteral("Must be a status such as 404, or a class such as 4xx."));
    return std::nullopt;
}

// The characters of IPv4 and IPv6 text forms; matched exactly as stored.
std::optional<Error> validateAddressFilter(QStringView address)
{
    const bool plain = !address.isEmpty() && address.size() <= 45 &&
                       std::all_of(address.cbegin(), address.cend(), [](QChar c) {
                           const char16_t u = c.unicode();
                           return isAsciiDigit(c) || (u >= u'a' && u <= u'f') ||
                                  (u >= u'A' && u <= u'F') || u == u'.' || u == u':';
                       });
    if (!plain)
        return invalid(QString(), QStringLiteral("Must be an IPv4 or IPv6 address."));
    return std::nullopt;
}

// A filter parameter; false when `name` is not one.
bool readFilter(LogQuery &query, const QString &name, const QString &value,
                std::optional<Error> &error)
{
    auto check = [&](std::optional<Error> found) {
        if (found)
            error = parameterError(std::move(*found), name);
        return !error;
    };
    auto dateTime = [&](std::optional<QDateTime> &target) {
        Result<QDateTime> parsed = parseDateTime(value);
        if (!parsed)
            error = parameterError(parsed.error(), name);
        else
            target = parsed.takeValue();
    };
    if (name == kFromParam) {
        dateTime(query.from);
    } else if (name == kToParam) {
        dateTime(query.to);
    } else if (name == kPersonParam) {
        if (check(validateId(value)))
            query.person = value;
    } else if (name == kActionParam) {
        if (check(validateActionFilter(value)))
            query.action = value;
    } else if (name == kTargetTypeParam) {
        if (check(validateLogName(value)))
            query.targetType = value;
    } else if (name == kTargetIdParam) {
        if (check(validateText(value, TextRule{1, kLogFilterMaxLength, true, false})))
            query.targetId = value;
    } else if (name == kStatusParam) {
        if (check(validateStatusFilter(value)))
            query.status = value;
    } else if (name == kAddressParam) {
        if (check(validateAddressFilter(value)))
            query.address = value;
    } else if (name == kSearchParam) {
        if (check(validateText(value, TextRule{0, kLogSearchMaxLength, false, false})))
            query.search = value;
    } else {
        return false;
    }
    return true;
}

std::optional<Error> checkRange(const LogQuery &query)
{
    if (query.from && query.to && *query.to <= *query.from)
        return invalid(QString(kToParam), QStringLiteral("Must be later than from."));
    return std::nullopt;
}

void addFilters(QUrlQuery &url, const LogQuery &query)
{
    auto add = [&url](QLatin1String name, const std::optional<QString> &value) {
        if (value)
            addQueryValue(url, name, *value);
    };
    if (query.from)
        addQueryValue(url, kFromParam, formatDateTime(*query.from));
    if (query.to)
        addQueryValue(url, kToParam, formatDateTime(*query.to));
    add(kPersonParam, query.person);
    add(kActionParam, query.action);
    add(kTargetTypeParam, query.targetType);
    add(kTargetIdParam, query.targetId);
    add(kStatusParam, query.status);
    add(kAddressParam, query.address);
    if (!query.search.isEmpty())
        addQueryValue(url, kSearchParam, query.search);
}

Result<LogQuery> readQuery(const QUrlQuery &url, const QList<QLatin1String> &known,
                           const std::function<std::optional<Error>(LogQuery &, const QString &,
                                                                    const QString &)> &readOther)
{
    LogQuery query;
    const auto read = [&](const QString &name, const QString &value) -> std::optional<Error> {
        std::optional<Error> error;
        if (readFilter(query, name, value, error))
            return error;
        return readOther(query, name, value);
    };
    if (auto error = readQueryParameters(url, known, read))
        return *error;
    if (auto error = checkRange(query))
        return *error;
    return query;
}

std::optional<Error> noOtherParameter(LogQuery &, const QString &, const QString &)
{
    return std::nullopt;
}

void writeSeqAndTime(QJsonObject &object, qint64 seq, const QDateTime &at)
{
    object.insert(kSeq, seq);
    object.insert(kAt, formatDateTime(at));
}

template<typename Row, typename Decode>
Result<LogPage<Row>> pageFromJson(const QJsonObject &object, Decode &&decode)
{
    ObjectReader reader(object);
    LogPage<Row> page;
    page.page = readCursorPage<Row>(reader, decode);
    page.newestSeq = reader.integer(kNewestSeq, 0, kMaxLogSeq);
    if (auto error = reader.finish())
        return *error;
    return page;
}

template<typename Row>
QJsonObject pageToJson(const LogPage<Row> &page)
{
    QJsonObject object = toJson(page.page);
    object.insert(kNewestSeq, page.newestSeq);
    return object;
}

template<typename Row>
QJsonObject tailToJson(const LogTail<Row> &tail)
{
    QJsonArray items;
    for (const Row &row : tail.items)
        items.append(toJson(row));
    return QJsonObject{{kItems, items}, {kLastSeq, tail.lastSeq}};
}

template<typename Row, typename Decode>
Result<LogTail<Row>> tailFromJson(const QJsonObject &object, Decode &&decode)
{
    ObjectReader reader(object);
    LogTail<Row> tail;
    tail.items = reader.objectArray(kItems, decode, kLogTailMaxRows);
    tail.lastSeq = reader.integer(kLastSeq, 0, kMaxLogSeq);
    if (auto error = reader.finish())
        return *error;
    return tail;
}

} // namespace

QString logKindName(LogKind kind)
{
    return enumName(kKinds, kind);
}

std::optional<LogKind> logKindFromName(QStringView name)
{
    return enumFromName(kKinds, name);
}

QStringList logKindNames()
{
    return enumNames(kKinds);
}

QJsonObject toJson(const AccessLogRow &row)
{
    QJsonObject object;
    writeSeqAndTime(object, row.seq, row.at);
    object.insert(kRequestId, row.requestId);
    if (row.personId)
        object.insert(kPersonId, *row.personId);
    object.insert(kAddress, row.address);
    object.insert(kMethod, row.method);
    object.insert(kPath, row.path);
    object.insert(kStatus, row.status);
    object.insert(kLatencyUs, row.latencyUs);
    object.insert(kUserAgent, row.userAgent);
    return object;
}

Result<AccessLogRow> accessLogRowFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    AccessLogRow row;
    row.seq = reader.integer(kSeq, 1, kMaxLogSeq);
    row.at = reader.dateTime(kAt);
    row.requestId = reader.string(kRequestId, loggedText(0, kRequestIdMaxLength));
    row.personId = reader.optionalString(kPersonId, validateId);
    row.address = reader.string(kAddress, loggedText(0, kShortFieldMaxLength));
    row.method = reader.string(kMethod, loggedText(0, kShortFieldMaxLength));
    row.path = reader.string(kPath, loggedText(0, kPathMaxLength));
    row.status = int(reader.integer(kStatus, 0, 999));
    row.latencyUs = reader.integer(kLatencyUs, 0, kMaxJsonInteger);
    row.userAgent = reader.string(kUserAgent, loggedText(0, kUserAgentMaxLength));
    if (auto error = reader.finish())
        return *error;
    return row;
}

QJsonObject toJson(const FieldChange &change)
{
    QJsonObject object;
    object.insert(kField, change.field);
    if (change.before)
        object.insert(kBefore, *change.before);
    if (change.after)
        object.insert(kAfter, *change.after);
    object.insert(kMasked, change.masked);
    return object;
}

Result<FieldChange> fieldChangeFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    FieldChange change;
    change.field = reader.string(kField, loggedText(1, kFieldChangeValueMaxLength));
    change.before = reader.optionalString(kBefore, loggedText(0, kFieldChangeValueMaxLength));
    change.after = reader.optionalString(kAfter, loggedText(0, kFieldChangeValueMaxLength));
    change.masked = reader.boolean(kMasked);
    if (auto error = reader.finish())
        return *error;
    if (change.masked && (change.before || change.after))
        return invalid(QString(kMasked), QStringLiteral("A masked change carries no values."));
    return change;
}

QJsonObject toJson(const OperationLogRow &row)
{
    QJsonObject object;
    writeSeqAndTime(object, row.seq, row.at);
    object.insert(kRequestId, row.requestId);
    if (row.actorId)
        object.insert(kActorId, *row.actorId);
    object.insert(kTargetType, row.targetType);
    object.insert(kTargetId, row.targetId);
    object.insert(kAction, row.action);
    object.insert(kSummary, row.summary);
    QJsonArray changes;
    for (const FieldChange &change : row.changes)
        changes.append(toJson(change));
    object.insert(kChanges, changes);
    return object;
}

Result<OperationLogRow> operationLogRowFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    OperationLogRow row;
    row.seq = reader.integer(kSeq, 1, kMaxLogSeq);
    row.at = reader.dateTime(kAt);
    row.requestId = reader.string(kRequestId, loggedText(0, kRequestIdMaxLength));
    row.actorId = reader.optionalString(kActorId, validateId);
    row.targetType = reader.string(kTargetType, validateLogName);
    row.targetId = reader.string(kTargetId, loggedText(0, kShortFieldMaxLength));
    row.action = reader.string(kAction, validateLogName);
    row.summary = reader.string(kSummary, loggedText(0, kSummaryMaxLength));
    row.changes = reader.objectArray(kChanges, fieldChangeFromJson, kFieldChangesMax);
    if (auto error = reader.finish())
        return *error;
    return row;
}

QJsonObject toJson(const ErrorLogRow &row)
{
    QJsonObject object;
    writeSeqAndTime(object, row.seq, row.at);
    object.insert(kRequestId, row.requestId);
    if (row.personId)
        object.insert(kPersonId, *row.personId);
    object.insert(kMethod, row.method);
    object.insert(kRoute, row.route);
    object.insert(kStatus, row.status);
    object.insert(kCode, row.code);
    object.insert(kCategory, row.category);
    return object;
}

Result<ErrorLogRow> errorLogRowFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    ErrorLogRow row;
    row.seq = reader.integer(kSeq, 1, kMaxLogSeq);
    row.at = reader.dateTime(kAt);
    row.requestId = reader.string(kRequestId, loggedText(0, kRequestIdMaxLength));
    row.personId = reader.optionalString(kPersonId, validateId);
    row.method = reader.string(kMethod, loggedText(0, kShortFieldMaxLength));
    row.route = reader.string(kRoute, loggedText(0, kPathMaxLength));
    row.status = int(reader.integer(kStatus, 0, 999));
    row.code = reader.string(kCode, validateLogName);
    row.category = reader.string(kCategory, validateLogName);
    if (auto error = reader.finish())
        return *error;
    return row;
}

QString logDirectionName(LogDirection direction)
{
    return enumName(kDirections, direction);
}

std::optional<LogDirection> logDirectionFromName(QStringView name)
{
    return enumFromName(kDirections, name);
}

QStringList logDirectionNames()
{
    return enumNames(kDirections);
}

QUrlQuery toUrlQuery(const LogQuery &query)
{
    QUrlQuery url;
    addFilters(url, query);
    if (query.cursor)
        addQueryValue(url, kCursorParam, *query.cursor);
    if (query.direction != LogDirection::Older)
        addQueryValue(url, kDirectionParam, logDirectionName(query.direction));
    if (query.limit != kLogPageDefault)
        addQueryValue(url, kLimitParam, QString::number(query.limit));
    return url;
}

Result<LogQuery> logQueryFromUrl(const QUrlQuery &url)
{
    QList<QLatin1String> known = filterParameters();
    known << kCursorParam << kDirectionParam << kLimitParam;
    return readQuery(
        url, known,
        [](LogQuery &query, const QString &name, const QString &value) -> std::optional<Error> {
            if (name == kCursorParam) {
                if (auto error = validateToken(value))
                    return parameterError(std::move(*error), name);
                query.cursor = value;
            } else if (name == kDirectionParam) {
                const auto direction = logDirectionFromName(value);
                if (!direction)
                    return parameterError(*validateEnumName(value, logDirectionNames()), name);
                query.direction = *direction;
            } else if (name == kLimitParam) {
                const Result<qint64> limit = readWholeNumber(name, value, 1, kLogPageMax);
                if (!limit)
                    return limit.error();
                query.limit = int(limit.value());
            }
            return std::nullopt;
        });
}

Result<LogQuery> logFilterFromUrl(const QUrlQuery &url)
{
    return readQuery(url, filterParameters(), noOtherParameter);
}

std::optional<Error> logQueryAppliesTo(const LogQuery &query, LogKind kind)
{
    auto notHere = [kind](QLatin1String name) {
        return Error{ProblemCode::InvalidField, QString(name),
                     QStringLiteral("The %1 log has no such column.").arg(logKindName(kind))};
    };
    if (kind != LogKind::Operation && query.targetType)
        return notHere(kTargetTypeParam);
    if (kind != LogKind::Operation && query.targetId)
        return notHere(kTargetIdParam);
    if (kind == LogKind::Operation && query.status)
        return notHere(kStatusParam);
    if (kind != LogKind::Access && query.address)
        return notHere(kAddressParam);
    return std::nullopt;
}

std::optional<StatusRange> logStatusRange(QStringView status)
{
    if (status.size() != 3 || status.front() < u'1' || status.front() > u'5')
        return std::nullopt;
    const int hundreds = (status.front().unicode() - u'0') * 100;
    if (status.mid(1) == QLatin1String("xx"))
        return StatusRange{hundreds, hundreds + 99};
    if (!isAsciiDigit(status.at(1)) || !isAsciiDigit(status.at(2)))
        return std::nullopt;
    const int code =
        hundreds + (status.at(1).unicode() - u'0') * 10 + (status.at(2).unicode() - u'0');
    return StatusRange{code, code};
}

QJsonObject toJson(const AccessLogPage &page)
{
    return pageToJson(page);
}

QJsonObject toJson(const OperationLogPage &page)
{
    return pageToJson(page);
}

QJsonObject toJson(const ErrorLogPage &page)
{
    return pageToJson(page);
}

Result<AccessLogPage> accessLogPageFromJson(const QJsonObject &object)
{
    return pageFromJson<AccessLogRow>(object, accessLogRowFromJson);
}

Result<OperationLogPage> operationLogPageFromJson(const QJsonObject &object)
{
    return pageFromJson<OperationLogRow>(object, operationLogRowFromJson);
}

Result<ErrorLogPage> errorLogPageFromJson(const QJsonObject &object)
{
    return pageFromJson<ErrorLogRow>(object, errorLogRowFromJson);
}

QString logBucketName(LogBucket bucket)
{
    return enumName(kBuckets, bucket);
}

std::optional<LogBucket> logBucketFromName(QStringView name)
{
    return enumFromName(kBuckets, name);
}

QStringList logBucketNames()
{
    return enumNames(kBuckets);
}

QUrlQuery toUrlQuery(const LogHistogramQuery &query)
{
    QUrlQuery url;
    addFilters(url, query.filter);
    addQueryValue(url, kBucketParam, logBucketName(query.bucket));
    if (query.utcOffsetMinutes != 0)
        addQueryValue(url, kOffsetParam, QString::number(query.utcOffsetMinutes));
    return url;
}

Result<LogHistogramQuery> logHistogramQueryFromUrl(const QUrlQuery &url)
{
    LogHistogramQuery histogram;
    QList<QLatin1String> known = filterParameters();
    known << kBucketParam << kOffsetParam;
    Result<LogQuery> filter = readQuery(
        url, known,
        [&histogram](LogQuery &, const QString &name,
                     const QString &value) -> std::optional<Error> {
            if (name == kBucketParam) {
                const auto bucket = logBucketFromName(value);
                if (!bucket)
                    return parameterError(*validateEnumName(value, logBucketNames()), name);
                histogram.bucket = *bucket;
            } else if (name == kOffsetParam) {
                // An optional minus, then the plain number rule.
                const bool negative = value.startsWith(u'-');
                const Result<qint64> minutes = readWholeNumber(
                    name, QStringView(value).mid(negative ? 1 : 0), 0, kUtcOffsetMaxMinutes);
                if (!minutes || (negative && minutes.value() == 0))
                    return invalid(name, QStringLiteral("Must be minutes east of UTC, "
                                                        "from -%1 to %1.")
                                             .arg(kUtcOffsetMaxMinutes));
                histogram.utcOffsetMinutes = int(negative ? -minutes.value() : minutes.value());
            }
            return std::nullopt;
        });
    if (!filter)
        return filter.error();
    histogram.filter = filter.takeValue();
    return histogram;
}

QJsonObject toJson(const LogHistogram &histogram)
{
    QJsonArray buckets;
    for (const LogHistogramBucket &bucket : histogram.buckets)
        buckets.append(QJsonObject{{kStart, formatDateTime(bucket.start)}, {kCount, bucket.count}});
    return QJsonObject{{kBucket, logBucketName(histogram.bucket)},
                       {kOffset, histogram.utcOffsetMinutes},
                       {kBucketsMember, buckets},
                       {kTotal, histogram.total}};
}

Result<LogHistogram> logHistogramFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    LogHistogram histogram;
    histogram.bucket = reader.enumeration(kBucket, logBucketFromName, logBucketNames);
    histogram.utcOffsetMinutes =
        int(reader.integer(kOffset, -kUtcOffsetMaxMinutes, kUtcOffsetMaxMinutes));
    histogram.buckets = reader.objectArray(
        kBucketsMember,
        [](const QJsonObject &item) -> Result<LogHistogramBucket> {
            ObjectReader bucketReader(item);
            LogHistogramBucket bucket;
            bucket.start = bucketReader.dateTime(kStart);
            bucket.count = bucketReader.integer(kCount, 1, kMaxJsonInteger);
            if (auto error = bucketReader.finish())
                return *error;
            return bucket;
        },
        kLogHistogramMaxBuckets);
    histogram.total = reader.integer(kTotal, 0, kMaxJsonInteger);
    if (auto error = reader.finish())
        return *error;
    qint64 sum = 0;
    for (qsizetype i = 0; i < histogram.buckets.size(); ++i) {
        if (i > 0 && histogram.buckets.at(i).start <= histogram.buckets.at(i - 1).start)
            return invalid(QStringLiteral("buckets.%1.start").arg(i),
                           QStringLiteral("Buckets must be in time order."));
        sum += histogram.buckets.at(i).count;
    }
    if (sum != histogram.total)
        return invalid(QString(kTotal), QStringLiteral("Must be the sum of the buckets."));
    return histogram;
}

QJsonObject toJson(const AccessLogTail &tail)
{
    return tailToJson(tail);
}

QJsonObject toJson(const OperationLogTail &tail)
{
    return tailToJson(tail);
}

QJsonObject toJson(const ErrorLogTail &tail)
{
    return tailToJson(tail);
}

Result<AccessLogTail> accessLogTailFromJson(const QJsonObject &object)
{
    return tailFromJson<AccessLogRow>(object, accessLogRowFromJson);
}

Result<OperationLogTail> operationLogTailFromJson(const QJsonObject &object)
{
    return tailFromJson<OperationLogRow>(object, operationLogRowFromJson);
}

Result<ErrorLogTail> errorLogTailFromJson(const QJsonObject &object)
{
    return tailFromJson<ErrorLogRow>(object, errorLogRowFromJson);
}

Result<qint64> logTailAfterFromUrl(const QUrlQuery &url)
{
    qint64 after = -1;
    const auto read = [&after](const QString &name, const QString &value) -> std::optional<Error> {
        const Result<qint64> number = readWholeNumber(name, value, 0, kMaxLogSeq);
        if (!number)
            return number.error();
        after = number.value();
        return std::nullopt;
    };
    if (auto error = readQueryParameters(url, {kAfterParam}, read))
        return *error;
    if (after < 0)
        return Error{ProblemCode::MissingField, QString(kAfterParam),
                     QStringLiteral("The sequence to continue after is required.")};
    return after;
}

QUrlQuery logTailUrlQuery(qint64 after)
{
    QUrlQuery url;
    addQueryValue(url, kAfterParam, QString::number(after));
    return url;
}

QString logBreakName(LogBreak kind)
{
    return enumName(kBreaks, kind);
}

std::optional<LogBreak> logBreakFromName(QStringView name)
{
    return enumFromName(kBreaks, name);
}

QStringList logBreakNames()
{
    return enumNames(kBreaks);
}

QJsonObject toJson(const LogVerification &verification)
{
    QJsonObject object;
    object.insert(kIntact, verification.intact);
    object.insert(kTenant, verification.tenant);
    object.insert(kLog, logKindName(verification.log));
    if (verification.firstBrokenSeq)
        object.insert(kFirstBrokenSeq, *verification.firstBrokenSeq);
    if (verification.breakKind)
        object.insert(kBreak, logBreakName(*verification.breakKind));
    object.insert(kCheckedRows, verification.checkedRows);
    if (verification.checkpointAt)
        object.insert(kCheckpointAt, formatDateTime(*verification.checkpointAt));
    object.insert(kDetail, verification.detail);
    return object;
}

Result<LogVerification> logVerificationFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    LogVerification verification;
    verification.intact = reader.boolean(kIntact);
    // The unknown tenant ("") has a chain of its own: requests nobody signed in for.
    verification.tenant = reader.string(
        kTenant, [](QStringView id) { return id.isEmpty() ? std::nullopt : validateId(id); });
    verification.log = reader.enumeration(kLog, logKindFromName, logKindNames);
    if (object.contains(kFirstBrokenSeq))
        verification.firstBrokenSeq = reader.integer(kFirstBrokenSeq, 1, kMaxLogSeq);
    if (object.contains(kBreak))
        verification.breakKind = reader.enumeration(kBreak, logBreakFromName, logBreakNames);
    verification.checkedRows = reader.integer(kCheckedRows, 0, kMaxLogSeq);
    verification.checkpointAt = reader.optionalDateTime(kCheckpointAt);
    verification.detail = reader.string(kDetail, loggedText(0, kDetailMaxLength));
    if (auto error = reader.finish())
        return *error;
    if (verification.intact == verification.breakKind.has_value())
        return invalid(QString(kBreak), QStringLiteral("Present exactly when not intact."));
    return verification;
}

QJsonObject toJson(const LogVerificationReport &report)
{
    QJsonArray results;
    for (const LogVerification &result : report.results)
        results.append(toJson(result));
    return QJsonObject{{kIntact, report.intact}, {kResults, results}};
}

Result<LogVerificationReport> logVerificationReportFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    LogVerificationReport report;
    report.intact = reader.boolean(kIntact);
    report.results = reader.objectArray(kResults, logVerificationFromJson, kMaxVerificationResults);
    if (auto error = reader.finish())
        return *error;
    const bool allIntact = std::all_of(report.results.cbegin(), report.results.cend(),
                                       [](const LogVerification &r) { return r.intact; });
    if (report.intact != allIntact)
        return invalid(QString(kIntact),
                       QStringLiteral("Must say whether every result is intact."));
    return report;
}

QJsonObject toJson(const LogSettings &settings)
{
    return QJsonObject{{kArchiveAfterDays, settings.archiveAfterDays
                                               ? QJsonValue(*settings.archiveAfterDays)
                                               : QJsonValue(QJsonValue::Null)},
                       {kRevision, settings.revision}};
}

namespace {

std::optional<int> readArchiveAfterDays(ObjectReader &reader)
{
    const std::optional<double> days = reader.optionalNumber(
        kArchiveAfterDays, kLogArchiveAfterDaysMin, kLogArchiveAfterDaysMax, 0);
    return days ? std::optional<int>(int(*days)) : std::nullopt;
}

} // namespace

Result<LogSettings> logSettingsFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    LogSettings settings;
    settings.archiveAfterDays = readArchiveAfterDays(reader);
    settings.revision = reader.integer(kRevision, 1, kMaxJsonInteger);
    if (auto error = reader.finish())
        return *error;
    return settings;
}

QJsonObject logSettingsChangeToJson(std::optional<int> archiveAfterDays)
{
    return QJsonObject{{kArchiveAfterDays, archiveAfterDays ? QJsonValue(*archiveAfterDays)
                                                            : QJsonValue(QJsonValue::Null)}};
}

Result<std::optional<int>> logSettingsChangeFromJson(const QJsonObject &object)
{
    // Null is a choice (keep everything), so the member must be there: a
    // body that forgot it does not turn archiving off.
    if (!object.contains(kArchiveAfterDays))
        return Error{ProblemCode::MissingField, QString(kArchiveAfterDays),
                     QStringLiteral("Required: null to keep every row, or a number of days.")};
    ObjectReader reader(object);
    const std::optional<int> days = readArchiveAfterDays(reader);
    if (auto error = reader.finish())
        return *error;
    return Result<std::optional<int>>(days);
}

QJsonObject toJson(const LogArchive &archive)
{
    return QJsonObject{{kId, archive.id},
                       {kLog, logKindName(archive.log)},
                       {kFirstSeq, archive.firstSeq},
                       {kLastSeq, archive.lastSeq},
                       {kFirstAt, formatDateTime(archive.firstAt)},
                       {kLastAt, formatDateTime(archive.lastAt)},
                       {kRowCount, archive.rowCount},
                       {kFileName, archive.fileName},
                       {kSha256, archive.sha256},
                       {kCreatedAt, formatDateTime(archive.createdAt)}};
}

Result<LogArchive> logArchiveFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    LogArchive archive;
    archive.id = reader.string(kId, validateId);
    archive.log = reader.enumeration(kLog, logKindFromName, logKindNames);
    archive.firstSeq = reader.integer(kFirstSeq, 1, kMaxLogSeq);
    archive.lastSeq = reader.integer(kLastSeq, 1, kMaxLogSeq);
    archive.firstAt = reader.dateTime(kFirstAt);
    archive.lastAt = reader.dateTime(kLastAt);
    archive.rowCount = reader.integer(kRowCount, 1, kMaxLogSeq);
    archive.fileName = reader.string(kFileName, [](QStringView name) -> std::optional<Error> {
        static const QRegularExpression pattern(
            QStringLiteral("^(access|operation)-[0-9]{1,16}-[0-9]{1,16}\\.ndjson$"));
        if (!pattern.match(name).hasMatch())
            return invalid(QString(), QStringLiteral("Not an archive file name."));
        return std::nullopt;
    });
    archive.sha256 = reader.string(kSha256, [](QStringView hash) -> std::optional<Error> {
        static const QRegularExpression pattern(QStringLiteral("^[0-9a-f]{64}$"));
        if (!pattern.match(hash).hasMatch())
            return invalid(QString(), QStringLiteral("Must be 64 lower-case hex digits."));
        return std::nullopt;
    });
    archive.createdAt = reader.dateTime(kCreatedAt);
    if (auto error = reader.finish())
        return *error;
    if (archive.log == LogKind::Error)
        return invalid(QString(kLog), QStringLiteral("The error log is not archived."));
    if (archive.lastSeq < archive.firstSeq ||
        archive.rowCount != archive.lastSeq - archive.firstSeq + 1)
        return invalid(QString(kRowCount),
                       QStringLiteral("Must be the number of rows from firstSeq to lastSeq."));
    if (archive.lastAt < archive.firstAt)
        return invalid(QString(kLastAt), QStringLiteral("Must not be before firstAt."));
    return archive;
}

QJsonObject toJson(const QList<LogArchive> &archives)
{
    QJsonArray items;
    for (const LogArchive &archive : archives)
        items.append(toJson(archive));
    return QJsonObject{{kItems, items}};
}

Result<QList<LogArchive>> logArchiveListFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    QList<LogArchive> archives = reader.objectArray(kItems, logArchiveFromJson, kMaxLogArchives);
    if (auto error = reader.finish())
        return *error;
    if (auto error = validateDistinctIds(archives, kItems))
        return *error;
    return archives;
}

} // namespace engage::api
