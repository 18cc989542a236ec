#include "logexportsource.h"

#include "models/apiclient.h"
#include "models/apireply.h"
#include "models/cache/offlinecache.h"
#include "models/logentry.h"
#include "models/logwindowmodel.h"

#include <QJsonDocument>
#include <QLocale>
#include <QUrl>

namespace engage::models {

namespace {

// A log of a year can take minutes to stream.
constexpr auto kExportTimeout = std::chrono::minutes(10);

enum AccessColumn
{
    AccessSeq,
    AccessTime,
    AccessPerson,
    AccessPersonId,
    AccessMethod,
    AccessPath,
    AccessStatus,
    AccessLatency,
    AccessAddress,
    AccessUserAgent,
    AccessRequestId,
    AccessColumnCount,
};

enum OperationColumn
{
    OperationSeq,
    OperationTime,
    OperationPerson,
    OperationPersonId,
    OperationAction,
    OperationTargetType,
    OperationTargetId,
    OperationSummary,
    OperationChanges,
    OperationRequestId,
    OperationColumnCount,
};

enum ErrorColumn
{
    ErrorSeq,
    ErrorTime,
    ErrorPerson,
    ErrorPersonId,
    ErrorMethod,
    ErrorRoute,
    ErrorStatus,
    ErrorCode,
    ErrorCategory,
    ErrorRequestId,
    ErrorColumnCount,
};

QVariant optionalText(const std::optional<QString> &text)
{
    return text ? QVariant(*text) : QVariant();
}

template<typename Row>
std::optional<Row> rowOf(QByteArrayView line, api::Result<Row> (*decode)(const QJsonObject &))
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(line.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    api::Result<Row> row = decode(document.object());
    if (!row)
        return std::nullopt;
    return row.takeValue();
}

} // namespace

LogExportTable::LogExportTable(api::LogKind kind, PersonNames names, QObject *parent)
    : QAbstractTableModel(parent)
    , m_kind(kind)
    , m_names(std::move(names))
{}

bool LogExportTable::setNdjson(QByteArray ndjson, QString *error)
{
    QList<qsizetype> starts;
    qsizetype at = 0;
    while (at < ndjson.size()) {
        qsizetype end = ndjson.indexOf('\n', at);
        if (end < 0)
            end = ndjson.size();
        if (end > at) {
            // Every line decodes now, so that the workbook never holds a row
            // it could not read.
            if (!decode(QByteArrayView(ndjson).sliced(at, end - at))) {
                *error = QStringLiteral("line %1 is not a row of the %2 log")
                             .arg(starts.size() + 1)
                             .arg(api::logKindName(m_kind));
                return false;
            }
            starts.append(at);
        }
        at = end + 1;
    }
    beginResetModel();
    m_ndjson = std::move(ndjson);
    m_lineStarts = std::move(starts);
    m_cachedRow = -1;
    m_cachedCells.clear();
    endResetModel();
    return true;
}

void LogExportTable::clear()
{
    beginResetModel();
    m_ndjson.clear();
    m_lineStarts.clear();
    m_cachedRow = -1;
    m_cachedCells.clear();
    endResetModel();
}

int LogExportTable::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lineStarts.size());
}

int LogExportTable::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    switch (m_kind) {
    case api::LogKind::Access:
        return AccessColumnCount;
    case api::LogKind::Operation:
        return OperationColumnCount;
    case api::LogKind::Error:
        break;
    }
    return ErrorColumnCount;
}

QVariant LogExportTable::data(const QModelIndex &index, int role) const
{
    if (role != Qt::DisplayRole ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (index.row() != m_cachedRow) {
        const qsizetype start = m_lineStarts.at(index.row());
        qsizetype end = m_ndjson.indexOf('\n', start);
        if (end < 0)
            end = m_ndjson.size();
        m_cachedCells =
            decode(QByteArrayView(m_ndjson).sliced(start, end - start)).value_or(QVariantList());
        m_cachedRow = index.row();
    }
    return m_cachedCells.value(index.column());
}

QVariant LogExportTable::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return {};
    // The first columns are alike in every log.
    if (section <= AccessPersonId) {
        if (role == ExportFormatRole) {
            const CellFormat formats[] = {CellFormat::Number, CellFormat::DateTime,
                                          CellFormat::Text, CellFormat::Text};
            return static_cast<int>(formats[section]);
        }
        if (role != Qt::DisplayRole)
            return {};
        switch (section) {
        case AccessSeq:
            //: Column of a log export: the row's position in the log.
            return tr("No.");
        case AccessTime:
            return tr("Time");
        case AccessPerson:
            return m_kind == api::LogKind::Operation ? tr("Changed by") : tr("Person");
        default:
            return m_kind == api::LogKind::Operation ? tr("Changed by (ID)") : tr("Person ID");
        }
    }
    const bool number =
        (m_kind == api::LogKind::Access && (section == AccessStatus || section == AccessLatency)) ||
        (m_kind == api::LogKind::Error && section == ErrorStatus);
    if (role == ExportFormatRole)
        return static_cast<int>(number ? CellFormat::Number : CellFormat::Text);
    if (role != Qt::DisplayRole)
        return {};
    switch (m_kind) {
    case api::LogKind::Access:
        switch (section) {
        case AccessMethod:
            return tr("Method");
        case AccessPath:
            return tr("Path");
        case AccessStatus:
            return tr("Status");
        case AccessLatency:
            //: Column of the access log export: how long the service took to answer.
            return tr("Duration (ms)");
        case AccessAddress:
            return tr("IP address");
        case AccessUserAgent:
            return tr("Client");
        default:
            return tr("Request ID");
        }
    case api::LogKind::Operation:
        switch (section) {
        case OperationAction:
            return tr("Action");
        case OperationTargetType:
            return tr("Target type");
        case OperationTargetId:
            return tr("Target ID");
        case OperationSummary:
            return tr("Summary");
        case OperationChanges:
            return tr("Changes");
        default:
            return tr("Request ID");
        }
    case api::LogKind::Error:
        break;
    }
    switch (section) {
    case ErrorMethod:
        return tr("Method");
    case ErrorRoute:
        return tr("Route");
    case ErrorStatus:
        return tr("Status");
    case ErrorCode:
        return tr("Error code");
    case ErrorCategory:
        return tr("Failed part");
    default:
        return tr("Request ID");
    }
}

std::optional<QVariantList> LogExportTable::decode(QByteArrayView line) const
{
    switch (m_kind) {
    case api::LogKind::Access:
        if (const auto row = rowOf(line, api::accessLogRowFromJson))
            return cellsOf(*row);
        return std::nullopt;
    case api::LogKind::Operation:
        if (const auto row = rowOf(line, api::operationLogRowFromJson))
            return cellsOf(*row);
        return std::nullopt;
    case api::LogKind::Error:
        break;
    }
    if (const auto row = rowOf(line, api::errorLogRowFromJson))
        return cellsOf(*row);
    return std::nullopt;
}

QString LogExportTable::personCell(const std::optional<QString> &personId) const
{
    if (!personId)
        return {};
    const QString name = m_names ? m_names(*personId) : QString();
    return name.isEmpty() ? *personId : name;
}

QVariantList LogExportTable::cellsOf(const api::AccessLogRow &row) const
{
    return {row.seq,
            row.at,
            personCell(row.personId),
            optionalText(row.personId),
            row.method,
            row.path,
            row.status,
            double(row.latencyUs) / 1000.0,
            row.address,
            row.userAgent,
            row.requestId};
}

QVariantList LogExportTable::cellsOf(const api::OperationLogRow &row) const
{
    QStringList changes;
    for (const api::FieldChange &change : row.changes) {
        if (change.masked)
            //: A changed field in a log export whose values are personal and not shown.
            changes.append(tr("%1 (changed)").arg(change.field));
        else
            //: A changed field in a log export: %1 the field, %2 before, %3 after.
            changes.append(tr("%1: %2 → %3")
                               .arg(change.field, change.before.value_or(QString()),
                                    change.after.value_or(QString())));
    }
    return {row.seq,
            row.at,
            personCell(row.actorId),
            optionalText(row.actorId),
            row.action,
            row.targetType,
            row.targetId,
            row.summary,
            changes.join(QStringLiteral("; ")),
            row.requestId};
}

QVariantList LogExportTable::cellsOf(const api::ErrorLogRow &row) const
{
    return {row.seq,
            row.at,
            personCell(row.personId),
            optionalText(row.personId),
            row.method,
            row.route,
            row.status,
            row.code,
            row.category,
            row.requestId};
}

LogExportSource::LogExportSource(ApiClient &client, api::LogKind kind, api::LogQuery filter,
                                 LogExportTable::PersonNames names, QString tenant, QString filters,
                                 QObject *parent)
    : ExportSource(client, std::move(tenant), std::move(filters), parent)
    , m_kind(kind)
    , m_filter(std::move(filter))
    , m_table(kind, std::move(names))
{
    m_filter.cursor.reset();
    m_filter.direction = api::LogDirection::Older;
    m_filter.limit = api::kLogPageDefault;
}

QString LogExportSource::describe(api::LogKind kind, const api::LogQuery &filter,
                                  const LogExportTable::PersonNames &names)
{
    const QLocale locale;
    QStringList parts;
    switch (kind) {
    case api::LogKind::Access:
        parts.append(tr("Access log"));
        break;
    case api::LogKind::Operation:
        parts.append(tr("Operation log"));
        break;
    case api::LogKind::Error:
        parts.append(tr("Error log"));
        break;
    }
    if (filter.from)
        parts.append(
            tr("From: %1").arg(locale.toString(filter.from->toLocalTime(), QLocale::ShortFormat)));
    if (filter.to)
        parts.append(
            tr("Before: %1").arg(locale.toString(filter.to->toLocalTime(), QLocale::ShortFormat)));
    if (filter.person) {
        const QString name = names ? names(*filter.person) : QString();
        parts.append(tr("Person: %1").arg(name.isEmpty() ? *filter.person : name));
    }
    if (filter.action)
        parts.append(kind == api::LogKind::Operation ? tr("Action: %1").arg(*filter.action)
                                                     : tr("Method: %1").arg(*filter.action));
    if (filter.targetType)
        parts.append(tr("Target type: %1").arg(*filter.targetType));
    if (filter.targetId)
        parts.append(tr("Target ID: %1").arg(*filter.targetId));
    if (filter.status)
        parts.append(tr("Status: %1").arg(*filter.status));
    if (filter.address)
        parts.append(tr("IP address: %1").arg(*filter.address));
    if (!filter.search.isEmpty())
        parts.append(tr("Search: %1").arg(filter.search));
    //: Separates the filters of a log export on its cover.
    return parts.join(tr(" · "));
}

QList<ExportSheet> LogExportSource::sheets() const
{
    ExportSheet sheet;
    switch (m_kind) {
    case api::LogKind::Access:
        sheet.title = tr("Access log");
        break;
    case api::LogKind::Operation:
        sheet.title = tr("Operation log");
        break;
    case api::LogKind::Error:
        sheet.title = tr("Error log");
        break;
    }
    sheet.model = &m_table;
    return {sheet};
}

QString LogExportSource::fileLabel() const
{
    return tr("logs");
}

void LogExportSource::clear()
{
    m_table.clear();
}

void LogExportSource::startLoading()
{
    ApiRequest get;
    get.path = QStringLiteral("/api/v1/logs/%1/export").arg(api::logKindName(m_kind));
    const QString query = api::toUrlQuery(m_filter).toString(QUrl::FullyEncoded);
    if (!query.isEmpty())
        get.path += u'?' + query;
    get.accept = QByteArrayLiteral("application/x-ndjson");
    get.timeout = kExportTimeout;
    Q_EMIT progressChanged(0, 0);
    read(
        get,
        [this](const ApiReply &reply) {
            QString error;
            if (!m_table.setNdjson(reply.body(), &error)) {
                fail(reply.unreadable(error));
                return;
            }
            Q_EMIT progressChanged(m_table.rowCount(), m_table.rowCount());
            finishLoading();
        },
        [this](const ApiError &error) { return error.isUnreachable() && loadRecentRows(); });
}

bool LogExportSource::loadRecentRows()
{
    OfflineCache *cache = client().offlineCache();
    if (!cache)
        return false;
    const std::optional<OfflineCache::Entry> cached =
        cache->find(LogWindowModel::recentRowsOfflineKey(m_kind, m_filter));
    if (!cached)
        return false;
    const api::Result<LogEntryPage> page = logEntryPageFromJson(m_kind, cached->json.object());
    if (!page)
        return false;
    // As the streaming export gives them, so that the table reads one kind of row.
    QByteArray ndjson;
    for (const LogEntry &entry : page.value().items) {
        ndjson += std::visit(
            [](const auto &row) {
                return QJsonDocument(api::toJson(row)).toJson(QJsonDocument::Compact);
            },
            entry);
        ndjson += '\n';
    }
    QString error;
    if (!m_table.setNdjson(std::move(ndjson), &error))
        return false;
    noteAsOf(cached->asOf);
    const int rows = m_table.rowCount();
    //: On the cover of a log export made while the service could not be reached.
    setCoverNote(tr("Only the %n most recent rows, kept for use offline: the service could not "
                    "be reached.",
                    "", rows));
    Q_EMIT progressChanged(rows, rows);
    finishLoading();
    return true;
}

} // namespace engage::models
