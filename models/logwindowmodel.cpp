#include "logwindowmodel.h"

#include "apiclient.h"
#include "apireply.h"

#include <QCoreApplication>
#include <QEvent>
#include <QLocale>
#include <QLoggingCategory>
#include <QUrlQuery>
#include <algorithm>
#include <climits>
#include <utility>

namespace engage::models {

namespace {

Q_LOGGING_CATEGORY(lcLogs, "engage.logs")

// How far before the start of the count the live tail reads from: rows
// written in the moment between the count and the first page are in
// neither, and the tail finds them among these (by time).
constexpr qint64 kTailOverlap = 500;
// The rows the count leaves to the live tail: the access log's writer
// commits every 50 ms, so rows older than this are in the database.
constexpr qint64 kSnapshotLagMs = 1000;
// A poll that brought rows is followed by the next after this pause: each
// poll leaves an access row itself, which would otherwise answer the next
// poll at once, round and round.
constexpr int kPollPauseMs = 500;
constexpr int kPollRetryMs = 5000;
// The service holds a poll up to 25 s.
constexpr std::chrono::milliseconds kPollTimeout{40000};

ApiError unreadable(const ApiReply &reply, const QString &detail)
{
    qCWarning(lcLogs) << "unreadable answer, request" << reply.requestId();
    return reply.unreadable(detail);
}

QString personText(const std::optional<QString> &id, const LogWindowModel::PersonNames &names,
                   const QString &nobody)
{
    if (!id)
        return nobody;
    const QString name = names ? names(*id) : QString();
    return name.isEmpty() ? *id : name;
}

// The filter as the model keeps it: the cursor, direction and limit are the
// model's own.
api::LogQuery queryOf(api::LogQuery filter)
{
    filter.cursor.reset();
    filter.direction = api::LogDirection::Older;
    filter.limit = api::kLogPageDefault;
    return filter;
}

QString logPath(api::LogKind kind, const QString &suffix, const QUrlQuery &query)
{
    QString path = QStringLiteral("/api/v1/logs/") + api::logKindName(kind) + suffix;
    const QString parameters = query.toString(QUrl::FullyEncoded);
    if (!parameters.isEmpty())
        path += QLatin1Char('?') + parameters;
    return path;
}

// What the offline cache's keys start with: the filters as set, without the
// moment of the snapshot, which changes at each read.
QString filterKey(api::LogKind kind, const api::LogQuery &filter)
{
    return logPath(kind, QString(), api::toUrlQuery(queryOf(filter)));
}

} // namespace

LogWindowModel::LogWindowModel(ApiClient &client, QObject *parent)
    : QAbstractTableModel(parent)
    , m_client(client)
    , m_fields(fieldsOf(m_kind))
    , m_zone(QTimeZone::systemTimeZone())
{
    m_fetchTimer.setSingleShot(true);
    m_fetchTimer.setInterval(0);
    connect(&m_fetchTimer, &QTimer::timeout, this, &LogWindowModel::onWanted);
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &LogWindowModel::poll);
    if (QCoreApplication *application = QCoreApplication::instance())
        application->installEventFilter(this);
}

LogWindowModel::~LogWindowModel()
{
    // Abandoned calls answer Cancelled, to a model that no longer listens.
    ++m_generation;
    for (ApiReply *reply : {m_countReply.data(), m_reply.data(), m_tailReply.data()}) {
        if (reply)
            reply->abort();
    }
}

// ---- the table ----------------------------------------------------------------

int LogWindowModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_counted)
        return 0;
    return int(std::min<qint64>(INT_MAX, m_liveRows + snapshotTotal()));
}

int LogWindowModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_fields.size());
}

QList<LogWindowModel::Field> LogWindowModel::fieldsOf(api::LogKind kind)
{
    switch (kind) {
    case api::LogKind::Access:
        return {Field::Time,   Field::Person,  Field::Method,  Field::Path,
                Field::Status, Field::Latency, Field::Address, Field::UserAgent};
    case api::LogKind::Operation:
        return {Field::Time, Field::Person, Field::Action, Field::Target, Field::Summary};
    case api::LogKind::Error:
        break;
    }
    return {Field::Time,   Field::Person, Field::Method,   Field::Route,
            Field::Status, Field::Code,   Field::Category, Field::RequestId};
}

LogWindowModel::Field LogWindowModel::columnField(int column) const
{
    return m_fields.value(column, Field::Time);
}

int LogWindowModel::columnOf(Field field) const
{
    return int(m_fields.indexOf(field));
}

QString LogWindowModel::fieldName(Field field)
{
    switch (field) {
    case Field::Time:
        //: Column of the log viewer: when the request came or the change was made.
        return tr("Time");
    case Field::Person:
        //: Column of the log viewer: who made the request or the change.
        return tr("Person");
    case Field::Method:
        //: Column of the access log: the HTTP method (GET, POST, ...).
        return tr("Method");
    case Field::Path:
        //: Column of the access log: the address of what was requested.
        return tr("Path");
    case Field::Status:
        //: Column of the access and error logs: the HTTP status answered (200, 404, ...).
        return tr("Status");
    case Field::Latency:
        //: Column of the access log: how long the service took to answer.
        return tr("Duration");
    case Field::Address:
        //: Column of the access log: the IP address the request came from.
        return tr("IP address");
    case Field::UserAgent:
        //: Column of the access log: the program that sent the request.
        return tr("Client");
    case Field::Action:
        //: Column of the operation log: what was done (member.update, ...).
        return tr("Action");
    case Field::Target:
        //: Column of the operation log: what the change was made to.
        return tr("Target");
    case Field::Summary:
        //: Column of the operation log: which fields the change touched.
        return tr("Summary");
    case Field::Route:
        //: Column of the error log: the kind of request that failed.
        return tr("Route");
    case Field::Code:
        //: Column of the error log: the error code answered.
        return tr("Error code");
    case Field::Category:
        //: Column of the error log: the part of the service that failed.
        return tr("Failed part");
    case Field::RequestId:
        return tr("Request ID");
    }
    return {};
}

QVariant LogWindowModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.parent().isValid() || index.row() >= rowCount() ||
        index.column() >= columnCount())
        return {};
    const LogEntry *entry = entryAt(index.row());
    if (!entry) {
        want(index.row());
        if (role == LoadedRole)
            return false;
        //: A row of the log viewer still on its way from the service.
        if (role == Qt::DisplayRole && index.column() == 0)
            return tr("Loading…");
        return {};
    }
    const Field field = columnField(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return fieldText(*entry, field);
    case Qt::ToolTipRole:
        // The long texts are cut off in the table.
        if (field == Field::Path || field == Field::UserAgent || field == Field::Summary ||
            field == Field::Target || field == Field::Time)
            return fieldText(*entry, field);
        return {};
    case Qt::TextAlignmentRole:
        if (field == Field::Status || field == Field::Latency)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case LoadedRole:
        return true;
    case SeqRole:
        return logSeqOf(*entry);
    case TimeRole:
        return logTimeOf(*entry);
    default:
        return {};
    }
}

QVariant LogWindowModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= m_fields.size())
        return QAbstractTableModel::headerData(section, orientation, role);
    return fieldName(m_fields.at(section));
}

QString LogWindowModel::fieldText(const LogEntry &entry, Field field) const
{
    const QLocale locale;
    if (field == Field::Time)
        return logTimeText(logTimeOf(entry), m_zone, locale);
    if (field == Field::RequestId)
        return std::visit([](const auto &row) { return row.requestId; }, entry);
    //: Who made a request without signing in, in the log viewer.
    const QString anonymous = tr("Anonymous");
    if (const auto *access = std::get_if<api::AccessLogRow>(&entry)) {
        switch (field) {
        case Field::Person:
            return personText(access->personId, m_personNames, anonymous);
        case Field::Method:
            return access->method;
        case Field::Path:
            return access->path;
        case Field::Status:
            return QString::number(access->status);
        case Field::Latency:
            //: How long the service took to answer, in milliseconds.
            return tr("%1 ms").arg(locale.toString(double(access->latencyUs) / 1000.0, 'f', 1));
        case Field::Address:
            return access->address;
        case Field::UserAgent:
            return access->userAgent;
        default:
            return {};
        }
    }
    if (const auto *operation = std::get_if<api::OperationLogRow>(&entry)) {
        switch (field) {
        case Field::Person:
            //: The actor of a change the service made itself (at start-up, a scheduled job).
            return personText(operation->actorId, m_personNames, tr("The service"));
        case Field::Action:
            return operation->action;
        case Field::Target:
            //: A change's target in the operation log: %1 its type ("member"), %2 its id.
            return tr("%2 (%1)").arg(operation->targetType, operation->targetId);
        case Field::Summary:
            return operation->summary;
        default:
            return {};
        }
    }
    const auto &error = std::get<api::ErrorLogRow>(entry);
    switch (field) {
    case Field::Person:
        return personText(error.personId, m_personNames, anonymous);
    case Field::Method:
        return error.method;
    case Field::Route:
        return error.route;
    case Field::Status:
        return QString::number(error.status);
    case Field::Code:
        return error.code;
    case Field::Category:
        return error.category;
    default:
        return {};
    }
}

QString LogWindowModel::rowText(int row) const
{
    const LogEntry *entry = entryAt(row);
    if (!entry)
        return {};
    QStringList lines;
    //: A line of a log row copied to the clipboard: %1 the field, %2 its value.
    const QString line = tr("%1: %2");
    //: The number of a row in the tenant's log, as copied to the clipboard.
    lines.append(line.arg(tr("Row"), QLocale().toString(logSeqOf(*entry))));
    QList<Field> fields = m_fields;
    if (!fields.contains(Field::RequestId))
        fields.append(Field::RequestId);
    for (const Field field : std::as_const(fields))
        lines.append(line.arg(fieldName(field), fieldText(*entry, field)));
    if (const auto *operation = std::get_if<api::OperationLogRow>(entry)) {
        for (const api::FieldChange &change : operation->changes) {
            if (change.masked)
                //: A personal field of a change, copied: %1 the field; the values are not shown.
                lines.append(tr("%1: (personal, not shown)").arg(change.field));
            else
                //: A field of a change, copied: %1 the field, %2 before, %3 after.
                lines.append(tr("%1: %2 → %3")
                                 .arg(change.field, change.before.value_or(QStringLiteral("—")),
                                      change.after.value_or(QStringLiteral("—"))));
        }
    }
    return lines.join(QLatin1Char('\n'));
}

qint64 LogWindowModel::total() const
{
    return m_counted ? m_liveRows + snapshotTotal() : -1;
}

LogWindowModel::Blocks::const_iterator LogWindowModel::blockOf(int row) const
{
    auto it = m_blocks.upper_bound(row);
    if (it == m_blocks.cbegin())
        return m_blocks.cend();
    --it;
    return row < it->second.end() ? it : m_blocks.cend();
}

const LogEntry *LogWindowModel::entryAt(int row) const
{
    const auto it = blockOf(row);
    if (it == m_blocks.cend())
        return nullptr;
    return &it->second.rows.at(row - it->second.first);
}

int LogWindowModel::rowForDate(QDate date) const
{
    if (!m_counted || !date.isValid())
        return -1;
    // Day boundaries at the offset the rows were counted with.
    const QDateTime end(date.addDays(1), QTime(0, 0), Qt::OffsetFromUTC, m_offsetMinutes * 60);
    const qint64 row = m_liveRows + m_index.rowsSince(end.toMSecsSinceEpoch());
    return int(std::min<qint64>(row, rowCount() - 1));
}

// ---- settings -----------------------------------------------------------------

void LogWindowModel::setQuery(api::LogKind kind, const api::LogQuery &filter)
{
    m_kind = kind;
    m_filter = queryOf(filter);
    start();
}

void LogWindowModel::reload()
{
    start();
}

void LogWindowModel::clear()
{
    setLiveTail(false);
    stop();
    beginResetModel();
    m_counted = false;
    m_blocks.clear();
    m_cachedRows = 0;
    m_liveRows = 0;
    m_index = LogIndex();
    endResetModel();
    setLoadingState();
    Q_EMIT totalChanged(-1);
}

void LogWindowModel::setPageSize(int rows)
{
    m_pageSize = std::clamp(rows, 1, api::kLogPageMax);
}

void LogWindowModel::setCacheLimit(int rows)
{
    m_cacheLimit = std::max(rows, api::kLogPageMax);
    evict();
}

void LogWindowModel::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone.isValid() ? zone : QTimeZone::systemTimeZone();
    // The days are counted at the zone's offset.
    if (m_counted || isLoading())
        start();
}

void LogWindowModel::setPersonNames(PersonNames names)
{
    m_personNames = std::move(names);
    personNamesChanged();
}

void LogWindowModel::personNamesChanged()
{
    const int column = columnOf(Field::Person);
    if (column >= 0 && rowCount() > 0)
        Q_EMIT dataChanged(index(0, column), index(rowCount() - 1, column), {Qt::DisplayRole});
}

int LogWindowModel::utcOffsetMinutes() const
{
    const int minutes = m_zone.offsetFromUtc(QDateTime::currentDateTimeUtc()) / 60;
    return std::clamp(minutes, -api::kUtcOffsetMaxMinutes, api::kUtcOffsetMaxMinutes);
}

api::LogQuery LogWindowModel::snapshotFilter() const
{
    api::LogQuery filter = m_filter;
    if (!filter.to || *filter.to > m_snapshotAt)
        filter.to = m_snapshotAt;
    // A range the snapshot emptied: rows from after it come by the live tail.
    if (filter.from && *filter.from >= *filter.to)
        filter.from = filter.to->addMSecs(-1);
    return filter;
}

QString LogWindowModel::countOfflineKey() const
{
    return filterKey(m_kind, m_filter) + QStringLiteral("#count@%1").arg(m_offsetMinutes);
}

// The rows of a page do not depend on the offset, and an export finds them
// without knowing the page's time zone.
QString LogWindowModel::recentRowsOfflineKey(api::LogKind kind, const api::LogQuery &filter)
{
    return filterKey(kind, filter) + QStringLiteral("#first");
}

void LogWindowModel::noteAsOf(const ApiReply &reply)
{
    if (const std::optional<QDateTime> asOf = reply.asOf(); asOf && (!m_asOf || *asOf < *m_asOf))
        m_asOf = asOf;
}

QString LogWindowModel::path(const QString &suffix, const QUrlQuery &query) const
{
    return logPath(m_kind, suffix, query);
}

// ---- counting -------------------------------------------------------------------

void LogWindowModel::stop()
{
    ++m_generation;
    m_fetchTimer.stop();
    m_pollTimer.stop();
    for (ApiReply *reply : {m_countReply.data(), m_reply.data(), m_tailReply.data()}) {
        if (reply)
            reply->abort();
    }
    m_countReply.clear();
    m_reply.clear();
    m_tailReply.clear();
}

void LogWindowModel::start()
{
    stop();
    beginResetModel();
    m_fields = fieldsOf(m_kind);
    m_counted = false;
    m_blocks.clear();
    m_cachedRows = 0;
    m_liveRows = 0;
    m_index = LogIndex();
    m_failed = false;
    m_asOf.reset();
    m_wantedFirst = m_wantedLast = -1;
    m_targetFirst = m_targetLast = -1;
    m_coarse.clear();
    m_focus = 0;
    m_tailAfter.reset();
    endResetModel();
    Q_EMIT totalChanged(-1);
    m_snapshotAt = QDateTime::fromMSecsSinceEpoch(
        QDateTime::currentMSecsSinceEpoch() - kSnapshotLagMs, Qt::UTC);
    m_offsetMinutes = utcOffsetMinutes();
    Q_EMIT snapshotTaken();
    countRows();
}

void LogWindowModel::countRows()
{
    api::LogHistogramQuery query;
    query.filter = snapshotFilter();
    query.filter.limit = api::kLogPageDefault;
    query.bucket = api::LogBucket::Day;
    query.utcOffsetMinutes = m_offsetMinutes;
    ApiRequest get;
    get.path = path(QStringLiteral("/histogram"), api::toUrlQuery(query));
    get.offlineKey = countOfflineKey();
    ApiReply *reply = m_client.send(get);
    m_countReply = reply;
    const quint64 generation = m_generation;
    connect(reply, &ApiReply::finished, this, [this, reply, generation] {
        if (generation != m_generation || reply != m_countReply)
            return;
        m_countReply.clear();
        onCounted(reply);
        setLoadingState();
        poll();
    });
    setLoadingState();
}

void LogWindowModel::onCounted(ApiReply *reply)
{
    if (!reply->isOk()) {
        m_failed = true;
        Q_EMIT failed(reply->error());
        return;
    }
    auto histogram = api::logHistogramFromJson(reply->json().object());
    if (!histogram) {
        m_failed = true;
        Q_EMIT failed(unreadable(*reply, histogram.error().detail));
        return;
    }
    noteAsOf(*reply);
    LogIndex index(histogram.value());
    const int rows = int(std::min<qint64>(INT_MAX, index.total()));
    if (rows > 0)
        beginInsertRows({}, 0, rows - 1);
    m_index = std::move(index);
    m_counted = true;
    if (rows > 0)
        endInsertRows();
    Q_EMIT totalChanged(total());
}

// ---- fetching -------------------------------------------------------------------

// A view asks for the rows it paints, top to bottom, in one go: the rows
// asked for together (near each other) are what it shows now.
void LogWindowModel::want(int row) const
{
    if (m_wantedFirst < 0 || row < m_wantedFirst - api::kLogPageMax ||
        row > m_wantedLast + api::kLogPageMax) {
        m_wantedFirst = m_wantedLast = row;
    } else {
        m_wantedFirst = std::min(m_wantedFirst, row);
        m_wantedLast = std::max(m_wantedLast, row);
    }
    if (!m_fetchTimer.isActive())
        m_fetchTimer.start();
}

void LogWindowModel::onWanted()
{
    if (m_wantedFirst < 0)
        return;
    // What the view shows now replaces what it showed before.
    m_targetFirst = std::exchange(m_wantedFirst, -1);
    m_targetLast = std::exchange(m_wantedLast, -1);
    fetchWanted();
}

void LogWindowModel::fetchWanted()
{
    if (!m_counted || m_failed || m_reply || m_targetFirst < 0)
        return;
    const int last = std::min({m_targetLast, m_targetFirst + api::kLogPageMax, rowCount() - 1});
    int target = -1;
    for (int row = m_targetFirst; row <= last; ++row) {
        if (!isLoaded(row)) {
            target = row;
            break;
        }
    }
    if (target < 0) {
        m_targetFirst = m_targetLast = -1;
        return;
    }
    m_focus = (target + last) / 2;
    if (const auto fetch = plan(target))
        sendFetch(*fetch);
}

// The cheapest way to `row`: on from the block above or below it by cursor,
// or from the start of its bucket of the count, whichever is nearest; a
// bucket too full to land near the row is counted by hour first.
std::optional<LogWindowModel::Fetch> LogWindowModel::plan(int row) const
{
    const auto next = m_blocks.upper_bound(row);
    const auto previous = next == m_blocks.cbegin() ? m_blocks.cend() : std::prev(next);
    const int gapFirst = previous == m_blocks.cend() ? 0 : previous->second.end();
    const int gapEnd = next == m_blocks.cend() ? rowCount() : next->second.first;
    const int reach = api::kLogPageMax - m_pageSize;

    Fetch fetch;
    fetch.query = snapshotFilter();
    qint64 best = LLONG_MAX;
    if (previous != m_blocks.cend() && previous->second.older) {
        best = row - gapFirst;
        fetch.query.cursor = previous->second.older;
        fetch.first = gapFirst;
        fetch.query.limit = int(std::min<qint64>(best + m_pageSize, gapEnd - gapFirst));
    }
    if (next != m_blocks.cend() && next->second.newer && gapEnd - 1 - row < best) {
        best = gapEnd - 1 - row;
        fetch.query.cursor = next->second.newer;
        fetch.query.direction = api::LogDirection::Newer;
        fetch.upward = true;
        fetch.first = gapEnd;
        fetch.query.limit = int(std::min<qint64>(best + m_pageSize, gapEnd - gapFirst));
    }
    const auto anchor = m_index.anchorFor(row - m_liveRows);
    if (anchor) {
        const qint64 first = m_liveRows + anchor->firstRow;
        if (row - first < best) {
            if (row - first > reach && anchor->widthMs > 3600 * 1000 && anchor->count > reach &&
                !m_coarse.contains(anchor->startMs)) {
                Fetch refine;
                refine.refineBucket = anchor->bucket;
                refine.anchor = *anchor;
                refine.query = snapshotFilter();
                return refine;
            }
            best = row - first;
            fetch = Fetch();
            fetch.query = snapshotFilter();
            fetch.query.to =
                std::min(*fetch.query.to, QDateTime::fromMSecsSinceEpoch(anchor->endMs, Qt::UTC));
            fetch.first = int(first);
            fetch.query.limit = int(std::min<qint64>(best + m_pageSize, gapEnd - first));
            fetch.anchor = *anchor;
        }
    }
    if (best == LLONG_MAX)
        return std::nullopt;
    // Farther than one request reaches: the nearest part, then on from there.
    fetch.query.limit = std::clamp(fetch.query.limit, 1, api::kLogPageMax);
    // Row numbers of the snapshot: live rows may arrive before the answer.
    fetch.first -= m_liveRows;
    return fetch;
}

void LogWindowModel::sendFetch(const Fetch &fetch)
{
    ApiReply *reply = nullptr;
    if (fetch.refineBucket >= 0) {
        api::LogHistogramQuery query;
        query.filter = fetch.query;
        query.filter.limit = api::kLogPageDefault;
        const QDateTime start = QDateTime::fromMSecsSinceEpoch(fetch.anchor.startMs, Qt::UTC);
        const QDateTime end = QDateTime::fromMSecsSinceEpoch(fetch.anchor.endMs, Qt::UTC);
        if (!query.filter.from || *query.filter.from < start)
            query.filter.from = start;
        if (*query.filter.to > end)
            query.filter.to = end;
        query.bucket = api::LogBucket::Hour;
        query.utcOffsetMinutes = m_offsetMinutes;
        reply = m_client.get(path(QStringLiteral("/histogram"), api::toUrlQuery(query)));
    } else {
        ++m_pageRequests;
        ApiRequest get;
        get.path = path(QString(), api::toUrlQuery(fetch.query));
        if (fetch.first == 0 && !fetch.upward && !fetch.query.cursor)
            get.offlineKey = recentRowsOfflineKey(m_kind, m_filter);
        reply = m_client.send(get);
    }
    m_reply = reply;
    const quint64 generation = m_generation;
    connect(reply, &ApiReply::finished, this, [this, reply, generation, fetch] {
        if (generation != m_generation || reply != m_reply)
            return;
        m_reply.clear();
        if (fetch.refineBucket >= 0)
            onRefined(reply, fetch);
        else
            onPage(reply, fetch);
        setLoadingState();
        if (!m_failed)
            fetchWanted();
    });
    setLoadingState();
}

void LogWindowModel::onRefined(ApiReply *reply, const Fetch &fetch)
{
    if (!reply->isOk()) {
        m_failed = true;
        Q_EMIT failed(reply->error());
        return;
    }
    const auto histogram = api::logHistogramFromJson(reply->json().object());
    if (!histogram) {
        m_failed = true;
        Q_EMIT failed(unreadable(*reply, histogram.error().detail));
        return;
    }
    // Counts that no longer add up (rows written late into the day): that
    // day is walked instead.
    if (!m_index.refine(fetch.refineBucket, histogram.value()))
        m_coarse.insert(fetch.anchor.startMs);
}

void LogWindowModel::onPage(ApiReply *reply, const Fetch &fetch)
{
    if (!reply->isOk()) {
        m_failed = true;
        Q_EMIT failed(reply->error());
        return;
    }
    auto page = logEntryPageFromJson(m_kind, reply->json().object());
    if (!page) {
        m_failed = true;
        Q_EMIT failed(unreadable(*reply, page.error().detail));
        return;
    }
    if (!m_tailAfter)
        m_tailAfter = std::max<qint64>(0, page.value().newestSeq - kTailOverlap);
    noteAsOf(*reply);
    LogEntryPage &rows = page.value();
    if (rows.items.isEmpty()) {
        // Rows counted but not there: the log changed under the count.
        qCWarning(lcLogs) << "an empty page where rows were counted, request" << reply->requestId();
        m_failed = true;
        return;
    }
    const int first = fetch.first + m_liveRows;
    const int count = int(rows.items.size());
    place(fetch.upward ? first - count : first, std::move(rows.items), rows.prevCursor,
          rows.nextCursor);
}

// Puts `rows` at `first` on, around the blocks already there (a page of the
// count may reach into rows held already); each part keeps the cursors of the
// ends it has.
void LogWindowModel::place(int first, QList<LogEntry> rows, std::optional<QString> newer,
                           std::optional<QString> older)
{
    const int end = std::min(first + int(rows.size()), rowCount());
    int row = std::max(first, 0);
    while (row < end) {
        if (isLoaded(row)) {
            ++row;
            continue;
        }
        const auto next = m_blocks.upper_bound(row);
        const int partEnd = next == m_blocks.end() ? end : std::min(end, next->second.first);
        Block block;
        block.first = row;
        block.rows = rows.mid(row - first, partEnd - row);
        if (row == first)
            block.newer = newer;
        if (partEnd == first + int(rows.size()))
            block.older = older;
        m_cachedRows += int(block.rows.size());
        m_blocks.emplace(row, std::move(block));
        Q_EMIT dataChanged(index(row, 0), index(partEnd - 1, columnCount() - 1));
        row = partEnd;
    }
    evict();
}

// Drops the blocks farthest from the rows in view until the rest fit; the
// live tail's rows stay (no count places them).
void LogWindowModel::evict()
{
    while (m_cachedRows > m_cacheLimit) {
        auto farthest = m_blocks.end();
        qint64 distance = -1;
        for (auto it = m_blocks.begin(); it != m_blocks.end(); ++it) {
            const Block &block = it->second;
            if (block.first < m_liveRows)
                continue;
            const qint64 away = m_focus < block.first    ? block.first - m_focus
                                : m_focus >= block.end() ? m_focus - block.end() + 1
                                                         : 0;
            if (away > distance) {
                distance = away;
                farthest = it;
            }
        }
        if (farthest == m_blocks.end() || distance == 0)
            return;
        const int first = farthest->second.first;
        const int last = farthest->second.end() - 1;
        m_cachedRows -= int(farthest->second.rows.size());
        m_blocks.erase(farthest);
        Q_EMIT dataChanged(index(first, 0), index(last, columnCount() - 1));
    }
}

void LogWindowModel::setLoadingState()
{
    const bool loading = isLoading();
    if (loading == m_wasLoading)
        return;
    m_wasLoading = loading;
    Q_EMIT loadingChanged(loading);
}

// ---- live tail ------------------------------------------------------------------

void LogWindowModel::setLiveTail(bool on)
{
    if (m_liveTail == on)
        return;
    m_liveTail = on;
    if (on) {
        poll();
    } else {
        m_pollTimer.stop();
        if (ApiReply *reply = std::exchange(m_tailReply, nullptr))
            reply->abort();
    }
    Q_EMIT liveTailChanged(on);
}

void LogWindowModel::poll()
{
    // Rows that came before the count would have nowhere to go.
    if (!m_liveTail || m_tailReply || !m_counted)
        return;
    ApiReply *reply = nullptr;
    const bool findEnd = !m_tailAfter;
    if (findEnd) {
        // Where the log ends: one row of it, unfiltered.
        api::LogQuery newest;
        newest.limit = 1;
        reply = m_client.get(path(QString(), api::toUrlQuery(newest)));
    } else {
        ApiRequest request;
        request.path = path(QStringLiteral("/tail"), api::logTailUrlQuery(*m_tailAfter));
        request.timeout = kPollTimeout;
        reply = m_client.send(request);
    }
    m_tailReply = reply;
    const quint64 generation = m_generation;
    connect(reply, &ApiReply::finished, this, [this, reply, generation, findEnd] {
        if (generation != m_generation || reply != m_tailReply)
            return;
        m_tailReply.clear();
        onTail(reply, findEnd);
    });
}

void LogWindowModel::onTail(ApiReply *reply, bool findEnd)
{
    if (!reply->isOk()) {
        const ApiError &error = reply->error();
        if (error.kind == ApiError::Kind::Cancelled)
            return;
        // A service that went away comes back; a refusal stays.
        if (error.kind == ApiError::Kind::Problem && error.httpStatus < 500) {
            setLiveTail(false);
            Q_EMIT failed(error);
            return;
        }
        m_pollTimer.start(kPollRetryMs);
        return;
    }
    if (findEnd) {
        const auto page = logEntryPageFromJson(m_kind, reply->json().object());
        if (!page) {
            setLiveTail(false);
            Q_EMIT failed(unreadable(*reply, page.error().detail));
            return;
        }
        if (!m_tailAfter)
            m_tailAfter = std::max<qint64>(0, page.value().newestSeq - kTailOverlap);
        poll();
        return;
    }
    auto tail = logEntryTailFromJson(m_kind, reply->json().object());
    if (!tail) {
        setLiveTail(false);
        Q_EMIT failed(unreadable(*reply, tail.error().detail));
        return;
    }
    const int received = int(tail.value().items.size());
    m_tailAfter = tail.value().lastSeq;
    QList<LogEntry> rows;
    for (auto it = tail.value().items.crbegin(); it != tail.value().items.crend(); ++it) {
        // Rows before the snapshot are in the count already.
        if (logTimeOf(*it) >= m_snapshotAt && logEntryMatches(m_filter, *it))
            rows.append(*it);
    }
    if (!rows.isEmpty())
        insertLive(std::move(rows));
    if (received >= api::kLogTailMaxRows || received == 0)
        poll();
    else
        m_pollTimer.start(kPollPauseMs);
}

void LogWindowModel::insertLive(QList<LogEntry> rows)
{
    const int count = int(rows.size());
    beginInsertRows({}, 0, count - 1);
    Blocks shifted;
    for (auto &[first, block] : m_blocks) {
        block.first = first + count;
        shifted.emplace(block.first, std::move(block));
    }
    m_blocks = std::move(shifted);
    auto top = m_blocks.find(count);
    if (top != m_blocks.end()) {
        // The rows above the old top: one block, with its cursor below.
        Block block = std::move(top->second);
        m_blocks.erase(top);
        rows.append(block.rows);
        block.rows = std::move(rows);
        block.first = 0;
        block.newer.reset();
        m_blocks.emplace(0, std::move(block));
    } else {
        Block block;
        block.rows = std::move(rows);
        m_blocks.emplace(0, std::move(block));
    }
    m_cachedRows += count;
    m_liveRows += count;
    m_focus += count;
    for (int *row : {&m_wantedFirst, &m_wantedLast, &m_targetFirst, &m_targetLast}) {
        if (*row >= 0)
            *row += count;
    }
    endInsertRows();
    Q_EMIT totalChanged(total());
    Q_EMIT liveRowsArrived(count);
    // Live rows are held whole: past the cache's size, count afresh.
    if (m_liveRows > m_cacheLimit / 2)
        start();
}

// ---- language -------------------------------------------------------------------

bool LogWindowModel::event(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    return QAbstractTableModel::event(event);
}

bool LogWindowModel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange)
        retranslate();
    return QAbstractTableModel::eventFilter(watched, event);
}

// Titles, dates, numbers and the placeholders follow the language.
void LogWindowModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

} // namespace engage::models
