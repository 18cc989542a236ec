#include "logroutes.h"

#include "api/logrecord.h"
#include "auth/guard.h"
#include "domain/routesupport.h"
#include "http/router.h"
#include "logarchives.h"
#include "logintegrity.h"
#include "logreader.h"
#include "logtail.h"
#include "ops/servicecontext.h"
#include "store/database.h"
#include "store/keyring.h"
#include "store/operationlog.h"
#include "store/tenantrepository.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QStringList>
#include <QThreadPool>
#include <memory>

namespace engage::server::logs {

namespace {

Q_LOGGING_CATEGORY(lcLogRoutes, "engage.server.logs")

// How long a tail poll is held: under the 25 s the contract promises, so an
// answer leaves before any idle timeout along the way.
constexpr auto kTailHold = std::chrono::seconds(20);
// Rows of one streamed part of an export: one page read, one chunk written.
constexpr int kExportPageRows = 1000;

std::optional<api::LogKind> kindOf(const http::Request &request)
{
    return api::logKindFromName(request.pathParameters.value(QStringLiteral("log")));
}

http::Response noSuchLog()
{
    return domain::notFound(QStringLiteral("There is no such log."));
}

LogArchiveFiles archiveFiles(const ops::ServiceContext &context)
{
    return LogArchiveFiles(context.dataDirectory, context.keyring.logCheckpointKey());
}

// 403 unless the caller's tenant has the security option.
std::optional<http::Response> refuseWithoutOption(const ops::ServiceContext &context,
                                                  const auth::Identity &identity,
                                                  const QSqlDatabase &connection)
{
    const auto tenant = store::TenantRepository(connection, context.keyring).get(identity.scope);
    if (!tenant)
        return domain::storeFailure("cannot read the tenant:", tenant.error());
    if (!tenant.value().tenant.options.securityOption)
        return domain::forbidden(QStringLiteral(
            "The access, operation and error logs come with the security option, which this "
            "tenant does not have. The tenant's owner can add it to the plan."));
    return std::nullopt;
}

// The names of the filters a query uses, for its operation row: the values
// (a person, a text) stay out of the log.
QString filterNames(const api::LogQuery &query)
{
    QStringList names;
    const std::pair<bool, const char *> filters[] = {
        {query.from.has_value(), "from"},
        {query.to.has_value(), "to"},
        {query.person.has_value(), "person"},
        {query.action.has_value(), "action"},
        {query.targetType.has_value(), "targetType"},
        {query.targetId.has_value(), "targetId"},
        {query.status.has_value(), "status"},
        {query.address.has_value(), "address"},
        {!query.search.isEmpty(), "q"},
        {query.cursor.has_value(), "cursor"},
    };
    for (const auto &[used, name] : filters) {
        if (used)
            names.append(QString::fromLatin1(name));
    }
    return names.isEmpty() ? QStringLiteral("no filters")
                           : QStringLiteral("filters: ") + names.join(QStringLiteral(", "));
}

// `answer` once the query's operation row is committed.
http::Response logged(const auth::Identity &identity, const http::Request &request,
                      const QSqlDatabase &connection, const QString &action,
                      const QString &targetId, const QString &summary, http::Response answer)
{
    return domain::inTransaction(connection, "logging a log query", [&]() -> http::Response {
        const auto recorded = store::OperationLog::record(
            identity.scope, connection,
            store::OperationEntry{request.requestId, identity.personId, QStringLiteral("log"),
                                  targetId, action, summary, QDateTime::currentDateTimeUtc()});
        if (!recorded)
            return domain::storeFailure("cannot log a log query:", recorded.error());
        return std::move(answer);
    });
}

http::Response readFailure(const store::StoreError &error)
{
    if (error.kind == store::StoreErrorKind::NotFound)
        return domain::badCursor();
    return domain::storeFailure("cannot read a log:", error);
}

template<typename Page>
http::Response pageAnswer(const store::StoreResult<Page> &page)
{
    if (!page)
        return readFailure(page.error());
    return http::Response::json(200, api::toJson(page.value()));
}

http::Response logPage(const ops::ServiceContext &context, const auth::Identity &identity,
                       const http::Request &request, const QSqlDatabase &connection)
{
    const auto kind = kindOf(request);
    if (!kind)
        return noSuchLog();
    if (auto refusal = refuseWithoutOption(context, identity, connection))
        return std::move(*refusal);
    const auto query = api::logQueryFromUrl(request.query);
    if (!query)
        return domain::badRequest(query.error());
    if (auto error = api::logQueryAppliesTo(query.value(), *kind))
        return domain::badRequest(*error);
    LogReader reader(connection, identity.scope);
    http::Response answer;
    switch (*kind) {
    case api::LogKind::Access:
        answer = pageAnswer(reader.accessPage(query.value()));
        break;
    case api::LogKind::Operation:
        answer = pageAnswer(reader.operationPage(query.value()));
        break;
    case api::LogKind::Error:
        answer = pageAnswer(reader.errorPage(query.value()));
        break;
    }
    if (answer.status != 200)
        return answer;
    return logged(
        identity, request, connection, QStringLiteral("log.query"), api::logKindName(*kind),
        QStringLiteral("%1 log page, %2").arg(api::logKindName(*kind), filterNames(query.value())),
        std::move(answer));
}

http::Response logHistogram(const ops::ServiceContext &context, const auth::Identity &identity,
                            const http::Request &request, const QSqlDatabase &connection)
{
    const auto kind = kindOf(request);
    if (!kind)
        return noSuchLog();
    if (auto refusal = refuseWithoutOption(context, identity, connection))
        return std::move(*refusal);
    const auto query = api::logHistogramQueryFromUrl(request.query);
    if (!query)
        return domain::badRequest(query.error());
    if (auto error = api::logQueryAppliesTo(query.value().filter, *kind))
        return domain::badRequest(*error);
    const auto histogram = LogReader(connection, identity.scope).histogram(*kind, query.value());
    if (!histogram) {
        if (histogram.error().kind == store::StoreErrorKind::LimitReached)
            return domain::invalidField(
                QStringLiteral("bucket"),
                QStringLiteral("More than %1 buckets: narrow the time range or count by day.")
                    .arg(api::kLogHistogramMaxBuckets));
        return domain::storeFailure("cannot count log rows:", histogram.error());
    }
    return logged(identity, request, connection, QStringLiteral("log.query"),
                  api::logKindName(*kind),
                  QStringLiteral("%1 log histogram by %2, %3")
                      .arg(api::logKindName(*kind), api::logBucketName(query.value().bucket),
                           filterNames(query.value().filter)),
                  http::Response::json(200, api::toJson(histogram.value())));
}

// One page of an export: its rows as NDJSON lines, and where the next begins.
struct ExportPage
{
    QByteArray ndjson;
    std::optional<QString> next;
};

template<typename Row>
store::StoreResult<ExportPage> ndjsonOf(const store::StoreResult<api::LogPage<Row>> &page)
{
    if (!page)
        return page.error();
    ExportPage part;
    for (const Row &row : page.value().page.items) {
        part.ndjson += QJsonDocument(api::toJson(row)).toJson(QJsonDocument::Compact);
        part.ndjson += '\n';
    }
    part.next = page.value().page.nextCursor;
    return part;
}

store::StoreResult<ExportPage> exportPage(LogReader &reader, api::LogKind kind,
                                          const api::LogQuery &query)
{
    switch (kind) {
    case api::LogKind::Access:
        return ndjsonOf(reader.accessPage(query));
    case api::LogKind::Operation:
        return ndjsonOf(reader.operationPage(query));
    case api::LogKind::Error:
        break;
    }
    return ndjsonOf(reader.errorPage(query));
}

// The export's parts, a page each: the first as the handler read it, each
// later one read once the HTTP layer asks for it (when the part before it
// was written), on whichever worker that is, through that thread's
// connection. Between parts nothing is held open: each page is a query of
// its own, from the cursor of the last.
class ExportProducer final
{
public:
    ExportProducer(const ops::ServiceContext &context, store::TenantScope scope, api::LogKind kind,
                   api::LogQuery query, ExportPage first, QString requestId)
        : m_context(context)
        , m_scope(std::move(scope))
        , m_kind(kind)
        , m_query(std::move(query))
        , m_first(std::move(first))
        , m_requestId(std::move(requestId))
    {}

    http::BodyChunk operator()()
    {
        ExportPage part;
        if (m_first) {
            part = std::move(*m_first);
            m_first.reset();
        } else {
            QString error;
            const QSqlDatabase connection = m_context.database.connection(&error);
            if (!connection.isOpen()) {
                qCWarning(lcLogRoutes).noquote()
                    << "export" << m_requestId << "cut: no database connection:" << error;
                return {{}, http::BodyChunk::State::Failed};
            }
            LogReader reader(connection, m_scope);
            auto page = exportPage(reader, m_kind, m_query);
            if (!page) {
                qCWarning(lcLogRoutes).noquote()
                    << "export" << m_requestId << "cut: cannot read a log:" << page.error().message;
                return {{}, http::BodyChunk::State::Failed};
            }
            part = std::move(page.value());
        }
        m_query.cursor = part.next;
        return {std::move(part.ndjson),
                part.next ? http::BodyChunk::State::More : http::BodyChunk::State::Complete};
    }

private:
    const ops::ServiceContext m_context;
    store::TenantScope m_scope;
    api::LogKind m_kind;
    api::LogQuery m_query;
    std::optional<ExportPage> m_first;
    QString m_requestId;
};

// Every matching row, streamed: no size limit, since memory does not grow
// with it (two parts at most wait for a slow client) and a client that goes
// away stops the reading. The first page is read before the answer begins,
// so that a forged cursor is still a 400 and not a cut stream.
http::Response logExport(const ops::ServiceContext &context, const auth::Identity &identity,
                         const http::Request &request, const QSqlDatabase &connection)
{
    const auto kind = kindOf(request);
    if (!kind)
        return noSuchLog();
    if (auto refusal = refuseWithoutOption(context, identity, connection))
        return std::move(*refusal);
    auto query = api::logQueryFromUrl(request.query);
    if (!query)
        return domain::badRequest(query.error());
    if (auto error = api::logQueryAppliesTo(query.value(), *kind))
        return domain::badRequest(*error);
    if (query.value().direction != api::LogDirection::Older)
        return domain::invalidField(QStringLiteral("direction"),
                                    QStringLiteral("An export reads newest first."));
    if (request.query.hasQueryItem(QStringLiteral("limit")))
        return domain::invalidField(QStringLiteral("limit"),
                                    QStringLiteral("An export has no page size."));
    query.value().limit = kExportPageRows;
    LogReader reader(connection, identity.scope);
    auto first = exportPage(reader, *kind, query.value());
    if (!first)
        return readFailure(first.error());
    const QString summary = QStringLiteral("%1 log export, %2")
                                .arg(api::logKindName(*kind), filterNames(query.value()));
    http::BodyStream stream;
    stream.next = ExportProducer(context, identity.scope, *kind, query.takeValue(),
                                 std::move(first.value()), request.requestId);
    stream.schedule = [&workers = context.workers](std::function<void()> task) {
        workers.start(std::move(task));
    };
    return logged(identity, request, connection, QStringLiteral("log.query"),
                  api::logKindName(*kind), summary,
                  http::Response::streamed(200,
                                           QByteArrayLiteral("application/x-ndjson; charset=utf-8"),
                                           std::move(stream)));
}

http::Response logVerify(const ops::ServiceContext &context, const auth::Identity &identity,
                         const http::Request &request, const QSqlDatabase &connection)
{
    if (auto refusal = refuseWithoutOption(context, identity, connection))
        return std::move(*refusal);
    const LogCheckpoints checkpoints(context.dataDirectory, context.keyring.logCheckpointKey());
    auto results = LogVerifier(connection, context.keyring.logChainKey(), archiveFiles(context))
                       .verifyTenant(identity.scope.tenantId(), checkpoints.latest());
    if (!results)
        return domain::storeFailure("cannot verify the logs:", results.error());
    api::LogVerificationReport report;
    report.results = results.value();
    QStringList broken;
    for (const api::LogVerification &result : std::as_const(report.results)) {
        if (!result.intact)
            broken.append(QStringLiteral("%1 from row %2")
                              .arg(api::logKindName(result.log))
                              .arg(result.firstBrokenSeq.value_or(0)));
    }
    report.intact = broken.isEmpty();
    return logged(identity, request, connection, QStringLiteral("log.verify"),
                  identity.scope.tenantId(),
                  report.intact ? QStringLiteral("every chain intact")
                                : QStringLiteral("broken: ") + broken.join(QStringLiteral(", ")),
                  http::Response::json(200, api::toJson(report)));
}

QString daysText(std::optional<int> days)
{
    return days ? QString::number(*days) : QStringLiteral("kept");
}

http::Response settingsAnswer(const api::LogSettings &settings)
{
    return domain::jsonWithEtag(200, api::toJson(settings), settings.revision);
}

http::Response logSettings(const ops::ServiceContext &context, const auth::Identity &identity,
                           const http::Request &, const QSqlDatabase &connection)
{
    if (auto refusal = refuseWithoutOption(context, identity, connection))
        return std::move(*refusal);
    const auto settings = LogArchiveRepository(connection).settings(identity.scope);
    if (!settings)
        return domain::storeFailure("cannot read the log settings:", settings.error());
    return settingsAnswer(settings.value());
}

http::Response changeLogSettings(const ops::ServiceContext &context, const auth::Identity &identity,
                                 const http::Request &request, const QSqlDatabase &connection)
{
    if (auto refusal = refuseWithoutOption(context, identity, connection))
        return std::move(*refusal);
    const auto days = api::logSettingsChangeFromJson(request.json);
    return domain::inTransaction(connection, "changing the log settings", [&]() -> http::Response {
        LogArchiveRepository repository(connection);
        const auto current = repository.settings(identity.scope);
        if (!current)
            return domain::storeFailure("cannot read the log settings:", current.error());
        if (auto refusal = domain::refuseEdit(
                days ? std::nullopt : std::optional(domain::badRequest(days.error())), request,
                current.value().revision, u"log settings"))
            return std::move(*refusal);
        const auto updated =
            repository.updateSettings(identity.scope, current.value().revision, days.value());
        if (!updated)
            return domain::storeFailure("cannot change the log settings:", updated.error());
        const api::FieldChange change{QStringLiteral("archiveAfterDays"),
                                      daysText(current.value().archiveAfterDays),
                                      daysText(days.value()), false};
        const auto recorded = store::OperationLog::record(
            identity.scope, connection,
            store::OperationEntry{request.requestId, identity.personId, QStringLiteral("tenant"),
                                  identity.scope.tenantId(), QStringLiteral("log.settings"),
                                  QStringLiteral("changed: archiveAfterDays"),
                                  QDateTime::currentDateTimeUtc()},
            {change});
        if (!recorded)
            return domain::storeFailure("cannot log a log settings change:", recorded.error());
        return settingsAnswer(updated.value());
    });
}

http::Response logArchiveList(const ops::ServiceContext &context, const auth::Identity &identity,
                              const http::Request &request, const QSqlDatabase &connection)
{
    if (auto refusal = refuseWithoutOption(context, identity, connection))
        return std::move(*refusal);
    const auto entries = LogArchiveRepository(connection).list(identity.scope);
    if (!entries)
        return domain::storeFailure("cannot list the log archives:", entries.error());
    QList<api::LogArchive> archives;
    archives.reserve(entries.value().size());
    for (const ArchiveEntry &entry : entries.value())
        archives.append(entry.toWire());
    return logged(identity, request, connection, QStringLiteral("log.query"),
                  identity.scope.tenantId(), QStringLiteral("archive list"),
                  http::Response::json(200, api::toJson(archives)));
}

http::Response logArchiveFile(const ops::ServiceContext &context, const auth::Identity &identity,
                              const http::Request &request, const QSqlDatabase &connection)
{
    if (auto refusal = refuseWithoutOption(context, identity, connection))
        return std::move(*refusal);
    const QString noSuchArchive = QStringLiteral("There is no such archive.");
    const std::optional<QString> id = domain::pathId(request);
    if (!id)
        return domain::notFound(noSuchArchive);
    const auto entry = LogArchiveRepository(connection).get(identity.scope, *id);
    if (!entry) {
        if (entry.errorKind() == store::StoreErrorKind::NotFound)
            return domain::notFound(noSuchArchive);
        return domain::storeFailure("cannot read a log archive:", entry.error());
    }
    QString error;
    std::optional<QByteArray> bytes = archiveFiles(context).read(entry.value(), &error);
    if (!bytes) {
        qCWarning(lcLogRoutes).noquote() << "log archive download refused:" << error;
        return domain::conflict(QStringLiteral(
            "The archive file is missing or is not the file that was written. Verify the logs "
            "to see which rows are affected."));
    }
    http::Response answer;
    answer.status = 200;
    answer.contentType = QByteArrayLiteral("application/x-ndjson; charset=utf-8");
    answer.body = std::move(*bytes);
    answer.headers.emplace_back(QByteArrayLiteral("Content-Disposition"),
                                QByteArrayLiteral("attachment; filename=\"") +
                                    entry.value().fileName.toLatin1() + '"');
    return logged(identity, request, connection, QStringLiteral("log.archive.download"),
                  entry.value().id,
                  QStringLiteral("archive file %1 downloaded").arg(entry.value().fileName),
                  std::move(answer));
}

} // namespace

void addLogRoutes(http::Router &router, const ops::ServiceContext &context)
{
    // Before /api/v1/logs/{log}, which would take "settings" and "archives"
    // for the name of a log.
    router.add(http::Method::Get, "/api/v1/logs/settings",
               domain::tenantRoute(context, api::Role::Admin, logSettings));
    router.add(http::Method::Put, "/api/v1/logs/settings",
               domain::tenantRoute(context, api::Role::Owner, changeLogSettings),
               http::RouteOptions{true, 4096});
    router.add(http::Method::Get, "/api/v1/logs/archives",
               domain::tenantRoute(context, api::Role::Admin, logArchiveList));
    router.add(http::Method::Get, "/api/v1/logs/archives/{id}",
               domain::tenantRoute(context, api::Role::Admin, logArchiveFile));
    router.add(http::Method::Get, "/api/v1/logs/{log}",
               domain::tenantRoute(context, api::Role::Admin, logPage));
    router.add(http::Method::Get, "/api/v1/logs/{log}/histogram",
               domain::tenantRoute(context, api::Role::Admin, logHistogram));
    router.add(http::Method::Get, "/api/v1/logs/{log}/export",
               domain::tenantRoute(context, api::Role::Admin, logExport));
    router.add(http::Method::Post, "/api/v1/logs/verify",
               domain::tenantRoute(context, api::Role::Admin, logVerify));

    // Owned by the route, which the router keeps as long as it serves.
    auto hub = std::make_shared<LogTailHub>(context.database);
    router.add(http::Method::Get, "/api/v1/logs/{log}/tail",
               auth::authenticated(
                   context, api::Role::Admin,
                   [context, hub](http::Request request, auth::Identity identity,
                                  http::Responder respond) {
                       const auto deadline = std::chrono::steady_clock::now() + kTailHold;
                       const auto kind = kindOf(request);
                       if (!kind) {
                           respond(noSuchLog());
                           return;
                       }
                       QString error;
                       const QSqlDatabase connection = context.database.connection(&error);
                       if (!connection.isOpen()) {
                           respond(http::Response::internalError());
                           return;
                       }
                       if (auto refusal = refuseWithoutOption(context, identity, connection)) {
                           respond(std::move(*refusal));
                           return;
                       }
                       const auto after = api::logTailAfterFromUrl(request.query);
                       if (!after) {
                           respond(domain::badRequest(after.error()));
                           return;
                       }
                       hub->wait(identity.scope, *kind, after.value(), deadline,
                                 std::move(respond));
                   }));
}

} // namespace engage::server::logs
