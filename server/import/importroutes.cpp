#include "importroutes.h"

#include "api/id.h"
#include "api/memberimport.h"
#include "api/validators.h"
#include "csvreader.h"
#include "domain/routesupport.h"
#include "headermatcher.h"
#include "importapplier.h"
#include "importfiles.h"
#include "importplanner.h"
#include "importrecords.h"
#include "ops/servicecontext.h"
#include "store/attributerepository.h"
#include "store/grouprepository.h"
#include "store/keyring.h"
#include "store/memberrepository.h"
#include "xlsxreader.h"

#include <QMutex>
#include <QMutexLocker>
#include <memory>
#include <variant>

namespace engage::server::import {

namespace {

using domain::badRequest;
using domain::conflict;
using domain::invalidField;
using domain::storeFailure;

const QByteArray kXlsxType =
    QByteArrayLiteral("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
const QString kCollection = QStringLiteral("/api/v1/member-imports");

// The tables of the last few files read, so that paging through a preview
// does not open and parse the file for every page. Keyed by tenant and import.
class TableCache final
{
public:
    std::shared_ptr<const ImportTable> find(const QString &key)
    {
        QMutexLocker lock(&m_mutex);
        for (const auto &[cached, table] : m_entries) {
            if (cached == key)
                return table;
        }
        return nullptr;
    }

    void insert(const QString &key, std::shared_ptr<const ImportTable> table)
    {
        QMutexLocker lock(&m_mutex);
        m_entries.prepend({key, std::move(table)});
        if (m_entries.size() > kEntries)
            m_entries.removeLast();
    }

    void remove(const QString &key)
    {
        QMutexLocker lock(&m_mutex);
        m_entries.removeIf([&key](const auto &entry) { return entry.first == key; });
    }

private:
    static constexpr int kEntries = 4;
    QMutex m_mutex;
    QList<std::pair<QString, std::shared_ptr<const ImportTable>>> m_entries;
};

QString cacheKey(const store::TenantScope &scope, const QString &id)
{
    return scope.tenantId() + QLatin1Char('/') + id;
}

http::Response notFound()
{
    return domain::notFound(QStringLiteral("There is no such import."));
}

http::Response fileGone()
{
    return conflict(QStringLiteral("The uploaded file is gone: it is deleted once applied or "
                                   "after 24 hours. Upload it again."));
}

api::Result<ImportTable> readFile(const QByteArray &bytes, const QString &format)
{
    return format == QLatin1String("xlsx") ? XlsxReader::read(bytes) : CsvReader::read(bytes);
}

// What is left of a client's file name to show: no folders, no control or
// formatting characters (a right-to-left override would disguise it).
QString cleanFileName(const QString &raw)
{
    QString name = raw.section(QLatin1Char('/'), -1).section(QLatin1Char('\\'), -1);
    name.removeIf([](QChar c) {
        const QChar::Category category = c.category();
        return category == QChar::Other_Control || category == QChar::Other_Format ||
               category == QChar::Separator_Line || category == QChar::Separator_Paragraph;
    });
    name = name.trimmed();
    if (name.size() > api::kImportFileNameMaxLength) {
        name.truncate(api::kImportFileNameMaxLength);
        if (name.back().isHighSurrogate())
            name.chop(1);
        name = name.trimmed();
    }
    return name;
}

class ImportRoutes final
{
public:
    explicit ImportRoutes(const ops::ServiceContext &context)
        : m_files(context.dataDirectory)
    {}

    http::Response upload(const ops::ServiceContext &context, const auth::Identity &identity,
                          const http::Request &request, const QSqlDatabase &connection)
    {
        const QString nameParameter = QStringLiteral("name");
        const QString fileName =
            cleanFileName(request.query.queryItemValue(nameParameter, QUrl::FullyDecoded));
        if (auto error = api::validateImportFileName(fileName))
            return invalidField(nameParameter, error->detail);
        const QByteArray type =
            request.header("content-type").split(';').constFirst().trimmed().toLower();
        QString format;
        if (type == "text/csv")
            format = QStringLiteral("csv");
        else if (type == kXlsxType)
            format = QStringLiteral("xlsx");
        else
            return http::Response::problem(api::ProblemCode::UnsupportedMediaType,
                                           QStringLiteral("Send the file as text/csv or as %1.")
                                               .arg(QString::fromLatin1(kXlsxType)));

        const auto table = readFile(request.body, format);
        if (!table)
            return badRequest(table.error());

        const auto key = context.keyring.current(identity.scope, connection);
        if (!key)
            return storeFailure("cannot read the tenant key:", key.error());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        m_files.removeOlderThan(now.addSecs(-ImportFiles::kLifetimeSeconds));

        ImportRecords records(connection, context.keyring);
        const auto remembered = records.rememberedHeaders(identity.scope);
        if (!remembered)
            return storeFailure("cannot read remembered headers:", remembered.error());
        const auto attributes = store::AttributeRepository(connection).list(identity.scope);
        if (!attributes)
            return storeFailure("cannot list attributes:", attributes.error());

        ImportRecord record;
        record.import.id = api::createId();
        record.import.fileName = fileName;
        record.import.format = format;
        record.import.encoding = table.value().encoding;
        record.import.rowCount = int(table.value().rows.size());
        record.import.columns =
            proposeMapping(table.value().headers, attributes.value(), remembered.value());
        record.import.status = api::ImportStatus::Uploaded;
        record.personId = identity.personId;
        record.keyVersion = key.value()->version;
        record.createdAt = now;

        QString error;
        if (!m_files.write(identity.scope, *key.value(), record.import.id, request.body, &error))
            return storeFailure("cannot keep an uploaded file:",
                                store::databaseError(QStringLiteral("writing"), error));
        if (const auto created = records.create(identity.scope, record); !created) {
            m_files.remove(record.import.id);
            return storeFailure("cannot record an import:", created.error());
        }
        m_tables.insert(cacheKey(identity.scope, record.import.id),
                        std::make_shared<const ImportTable>(table.value()));
        http::Response response = http::Response::json(201, api::toJson(record.import));
        response.headers.emplace_back(QByteArrayLiteral("Location"),
                                      (kCollection + QLatin1Char('/') + record.import.id).toUtf8());
        return response;
    }

    http::Response get(const ops::ServiceContext &context, const auth::Identity &identity,
                       const http::Request &request, const QSqlDatabase &connection)
    {
        const auto record = find(context, identity, request, connection);
        if (auto *answer = std::get_if<http::Response>(&record))
            return std::move(*answer);
        return http::Response::json(200, api::toJson(std::get<ImportRecord>(record).import));
    }

    http::Response map(const ops::ServiceContext &context, const auth::Identity &identity,
                       const http::Request &request, const QSqlDatabase &connection)
    {
        auto found = find(context, identity, request, connection);
        if (auto *answer = std::get_if<http::Response>(&found))
            return std::move(*answer);
        ImportRecord &record = std::get<ImportRecord>(found);
        const auto body = api::importMappingFromJson(request.json);
        if (!body)
            return badRequest(body.error());
        if (record.import.status != api::ImportStatus::Uploaded)
            return conflict(QStringLiteral("This import was applied: its mapping is final."));
        const auto table = load(context, identity, connection, record);
        if (auto *answer = std::get_if<http::Response>(&table))
            return std::move(*answer);
        const auto attributes = store::AttributeRepository(connection).list(identity.scope);
        if (!attributes)
            return storeFailure("cannot list attributes:", attributes.error());
        const auto &headers = std::get<std::shared_ptr<const ImportTable>>(table)->headers;
        if (auto error = validateMapping(body.value().columns, headers, attributes.value()))
            return badRequest(*error);

        return domain::inTransaction(connection, "mapping an import", [&]() -> http::Response {
            ImportRecords records(connection, context.keyring);
            const QDateTime now = QDateTime::currentDateTimeUtc();
            const auto remembered = records.remember(
                identity.scope, headerMemory(body.value().columns, attributes.value()), now);
            if (!remembered)
                return storeFailure("cannot remember headers:", remembered.error());
            const auto memory = records.rememberedHeaders(identity.scope);
            if (!memory)
                return storeFailure("cannot read remembered headers:", memory.error());
            record.import.columns = body.value().columns;
            for (api::ImportColumn &column : record.import.columns)
                column.remembered = memory.value().contains(normalizedHeader(column.header));
            const auto saved = records.setColumns(identity.scope, record.import.id, record.import);
            if (!saved) {
                if (saved.errorKind() == store::StoreErrorKind::Conflict)
                    return conflict(QStringLiteral("This import was applied: its mapping is "
                                                   "final."));
                return storeFailure("cannot map an import:", saved.error());
            }
            return http::Response::json(200, api::toJson(record.import));
        });
    }

    http::Response preview(const ops::ServiceContext &context, const auth::Identity &identity,
                           const http::Request &request, const QSqlDatabase &connection)
    {
        int offset = 0;
        int limit = api::kImportPreviewPageDefault;
        if (auto refusal =
                readCount(request, QStringLiteral("offset"), 0, api::kImportMaxRows, &offset))
            return std::move(*refusal);
        if (auto refusal =
                readCount(request, QStringLiteral("limit"), 1, api::kImportPreviewPageMax, &limit))
            return std::move(*refusal);
        const auto found = find(context, identity, request, connection);
        if (auto *answer = std::get_if<http::Response>(&found))
            return std::move(*answer);
        const ImportRecord &record = std::get<ImportRecord>(found);
        if (record.import.status != api::ImportStatus::Uploaded)
            return fileGone();
        const auto table = load(context, identity, connection, record);
        if (auto *answer = std::get_if<http::Response>(&table))
            return std::move(*answer);
        const auto members =
            store::MemberRepository(connection, context.keyring).all(identity.scope);
        if (!members)
            return storeFailure("cannot read members:", members.error());
        const auto groups = store::GroupRepository(connection).list(identity.scope);
        if (!groups)
            return storeFailure("cannot list groups:", groups.error());
        const auto attributes = store::AttributeRepository(connection).list(identity.scope);
        if (!attributes)
            return storeFailure("cannot list attributes:", attributes.error());
        const ImportPlan plan = ImportPlanner::plan(
            {*std::get<std::shared_ptr<const ImportTable>>(table), record.import.columns,
             members.value(), groups.value(), attributes.value(), false});
        return http::Response::json(200, api::toJson(plan.preview(offset, limit)));
    }

    http::Response apply(const ops::ServiceContext &context, const auth::Identity &identity,
                         const http::Request &request, const QSqlDatabase &connection)
    {
        const auto found = find(context, identity, request, connection);
        if (auto *answer = std::get_if<http::Response>(&found))
            return std::move(*answer);
        const ImportRecord &record = std::get<ImportRecord>(found);
        const auto body = api::importApplyRequestFromJson(request.json);
        if (!body)
            return badRequest(body.error());
        if (record.import.status != api::ImportStatus::Uploaded)
            return alreadyApplied();
        const auto table = load(context, identity, connection, record);
        if (auto *answer = std::get_if<http::Response>(&table))
            return std::move(*answer);
        ImportApplier applier(connection, context.keyring, context.memberIndex);
        const auto outcome =
            applier.apply(identity.scope, {identity.personId, request.requestId}, record,
                          *std::get<std::shared_ptr<const ImportTable>>(table), body.value());
        if (!outcome) {
            switch (outcome.errorKind()) {
            case store::StoreErrorKind::Conflict:
                return alreadyApplied();
            case store::StoreErrorKind::CodeTaken:
            case store::StoreErrorKind::EmailTaken:
                return conflict(QStringLiteral("A member was added or changed while you looked: "
                                               "look at the preview again."));
            default:
                return storeFailure("cannot apply an import:", outcome.error());
            }
        }
        m_files.remove(record.import.id);
        m_tables.remove(cacheKey(identity.scope, record.import.id));
        return http::Response::json(200, api::toJson(outcome.value()));
    }

    http::Response undo(const ops::ServiceContext &context, const auth::Identity &identity,
                        const http::Request &request, const QSqlDatabase &connection)
    {
        const auto found = find(context, identity, request, connection);
        if (auto *answer = std::get_if<http::Response>(&found))
            return std::move(*answer);
        const ImportRecord &record = std::get<ImportRecord>(found);
        // The body is an empty object: undo has no options (yet).
        if (!request.json.isEmpty())
            return badRequest({api::ProblemCode::UnknownField, request.json.keys().constFirst(),
                               QStringLiteral("Undo takes an empty object.")});
        if (record.import.status != api::ImportStatus::Applied)
            return conflict(QStringLiteral("Only an applied import can be undone."));
        ImportApplier applier(connection, context.keyring, context.memberIndex);
        int changedSince = 0;
        const auto outcome = applier.undo(identity.scope, {identity.personId, request.requestId},
                                          record, &changedSince);
        if (!outcome) {
            if (outcome.errorKind() == store::StoreErrorKind::Conflict && changedSince > 0)
                return conflict(QStringLiteral("%1 of the members this import touched changed "
                                               "since: it can no longer be undone.")
                                    .arg(changedSince));
            if (outcome.errorKind() == store::StoreErrorKind::Conflict ||
                outcome.errorKind() == store::StoreErrorKind::CodeTaken ||
                outcome.errorKind() == store::StoreErrorKind::EmailTaken)
                return conflict(QStringLiteral("This import can no longer be undone."));
            return storeFailure("cannot undo an import:", outcome.error());
        }
        return http::Response::json(200, api::toJson(outcome.value()));
    }

private:
    static http::Response alreadyApplied()
    {
        return conflict(QStringLiteral("This import was applied already."));
    }

    static std::optional<http::Response> readCount(const http::Request &request,
                                                   const QString &name, int minimum, int maximum,
                                                   int *value)
    {
        if (!request.query.hasQueryItem(name))
            return std::nullopt;
        const QString text = request.query.queryItemValue(name);
        bool ok = false;
        const int number = text.toInt(&ok);
        if (!ok || text.isEmpty() || !text.at(0).isDigit() || number < minimum || number > maximum)
            return invalidField(
                name,
                QStringLiteral("Must be a whole number from %1 to %2.").arg(minimum).arg(maximum));
        *value = number;
        return std::nullopt;
    }

    std::variant<ImportRecord, http::Response> find(const ops::ServiceContext &context,
                                                    const auth::Identity &identity,
                                                    const http::Request &request,
                                                    const QSqlDatabase &connection)
    {
        const auto id = domain::pathId(request);
        if (!id)
            return notFound();
        const auto record = ImportRecords(connection, context.keyring).get(identity.scope, *id);
        if (!record) {
            if (record.errorKind() == store::StoreErrorKind::NotFound)
                return notFound();
            return storeFailure("cannot read an import:", record.error());
        }
        return record.value();
    }

    std::variant<std::shared_ptr<const ImportTable>, http::Response>
    load(const ops::ServiceContext &context, const auth::Identity &identity,
         const QSqlDatabase &connection, const ImportRecord &record)
    {
        const QString key = cacheKey(identity.scope, record.import.id);
        if (auto cached = m_tables.find(key))
            return cached;
        const auto tenantKey =
            context.keyring.version(identity.scope, connection, record.keyVersion);
        if (!tenantKey)
            return storeFailure("cannot read the tenant key:", tenantKey.error());
        const auto bytes = m_files.read(identity.scope, *tenantKey.value(), record.import.id);
        if (!bytes)
            return fileGone();
        const auto table = readFile(*bytes, record.import.format);
        if (!table)
            return fileGone();
        auto shared = std::make_shared<const ImportTable>(table.value());
        m_tables.insert(key, shared);
        return shared;
    }

    ImportFiles m_files;
    TableCache m_tables;
};

using Method = http::Response (ImportRoutes::*)(const ops::ServiceContext &, const auth::Identity &,
                                                const http::Request &, const QSqlDatabase &);

http::Handler route(const ops::ServiceContext &context, const std::shared_ptr<ImportRoutes> &routes,
                    Method method)
{
    return domain::tenantRoute(
        context, api::Role::Admin,
        [routes, method](const ops::ServiceContext &serviceContext, const auth::Identity &identity,
                         const http::Request &request, const QSqlDatabase &connection) {
            return ((*routes).*method)(serviceContext, identity, request, connection);
        });
}

} // namespace

void addImportRoutes(http::Router &router, const ops::ServiceContext &context)
{
    const auto routes = std::make_shared<ImportRoutes>(context);
    http::RouteOptions file;
    file.maxBodyBytes = api::kImportMaxBytes;
    http::RouteOptions json;
    json.takesJson = true;
    router.add(http::Method::Post, "/api/v1/member-imports",
               route(context, routes, &ImportRoutes::upload), file);
    router.add(http::Method::Get, "/api/v1/member-imports/{id}",
               route(context, routes, &ImportRoutes::get));
    router.add(http::Method::Put, "/api/v1/member-imports/{id}/mapping",
               route(context, routes, &ImportRoutes::map), json);
    router.add(http::Method::Get, "/api/v1/member-imports/{id}/preview",
               route(context, routes, &ImportRoutes::preview));
    router.add(http::Method::Post, "/api/v1/member-imports/{id}/apply",
               route(context, routes, &ImportRoutes::apply), json);
    router.add(http::Method::Post, "/api/v1/member-imports/{id}/undo",
               route(context, routes, &ImportRoutes::undo), json);
}

} // namespace engage::server::import
