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
#include <memory>

namespace engage::server::logs {

namespace {

Q_LOGGING_CATEGORY(lcLogRoutes, "engage.server.logs")

// How long a tail poll is held: under the 25 s the contract promises, so an
// answer leaves before any idle timeout along the way.
constexpr auto kTailHold = std::chrono::seconds(20);
// Rows one export answer carries; the rest follow from X-Next-Cursor.
constexpr int kExportMaxRows = 100000;
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

// Pages of `kind` from `query` written as NDJSON lines into `body`; the
// cursor to go on from when the export stopped at its size.
template<typename Row, typename Read>
store::StoreResult<std::optional<QString>> exportRows(Read &&read, api::LogQuery query,
                                                      QByteArray &body)
{
    query.limit = kExportPageRows;
    int written = 0;
    for (;;) {
        const store::StoreResult<api::LogPage<Row>> page = read(query);
        if (!page)
            return page.error();
        for (const Row &row : page.value().page.items) {
            body += QJsonDocument(api::toJson(row)).toJson(QJsonDocument::Compact);
            body += '\n';
        }
        written += int(page.value().page.items.size());
        if (!page.value().page.nextCursor)
            return std::optional<QString>();
        if (written >= kExportMaxRows)
            return std::optional<QString>(page.value().page.nextCursor);
        query.cursor = page.value().page.nextCursor;
    }
}

http::Response logExport(const ops::ServiceContext &context, const auth::Identity &identity,
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
    if (query.value().direction != api::LogDirection::Older)
        return domain::invalidField(QStringLiteral("direction"),
                                    QStringLiteral("An export reads newest first."));
    if (request.query.hasQueryItem(QStringLiteral("limit")))
        return domain::invalidField(QStringLiteral("limit"),
                                    QStringLiteral("An export has no page size."));
    LogReader reader(connection, identity.scope);
    QByteArray body;
    store::StoreResult<std::optional<QString>> next = std::optional<QString>();
    switch (*kind) {
    case api::LogKind::Access:
        next = exportRows<api::AccessLogRow>(
            [&reader](const api::LogQuery &q) { return reader.accessPage(q); }, query.value(),
            body);
        break;
    case api::LogKind::Operation:
        next = exportRows<api::OperationLogRow>(
            [&reader](const api::LogQuery &q) { return reader.operationPage(q); }, query.value(),
            body);
        break;
    case api::LogKind::Error:
        next = exportRows<api::ErrorLogRow>(
            [&reader](const api::LogQuery &q) { return reader.errorPage(q); }, query.value(), body);
        break;
    }
    if (!next)
        return readFailure(next.error());
    http::Response answer;
    answer.status = 200;
    answer.contentType = QByteArrayLiteral("application/x-ndjson; charset=utf-8");
    answer.body = std::move(body);
    if (next.value())
        answer.headers.emplace_back(QByteArrayLiteral("X-Next-Cursor"), next.value()->toLatin1());
    return logged(identity, request, connection, QStringLiteral("log.query"),
                  api::logKindName(*kind),
                  QStringLiteral("%1 log export, %2")
                      .arg(api::logKindName(*kind), filterNames(query.value())),
                  std::move(answer));
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
