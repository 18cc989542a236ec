#include "routesupport.h"

#include "api/validators.h"
#include "auth/guard.h"
#include "ops/servicecontext.h"
#include "store/database.h"
#include "store/transaction.h"

#include <QJsonDocument>
#include <QLoggingCategory>

namespace engage::server::domain {

namespace {

Q_LOGGING_CATEGORY(lcRoutes, "engage.domain")

const QString kIdempotencyKey = QStringLiteral("Idempotency-Key");

} // namespace

// ---- answers --------------------------------------------------------------

http::Response storeFailure(const char *what, const store::StoreError &error)
{
    qCWarning(lcRoutes) << what << error.message;
    return http::Response::internalError();
}

http::Response beginFailure(const store::Transaction &transaction)
{
    return storeFailure("cannot begin:",
                        store::databaseError(QStringLiteral("begin"), transaction.error()));
}

http::Response badRequest(const api::Error &error)
{
    return http::Response::problem(api::Problem::fromError(error));
}

http::Response invalidField(const QString &field, const QString &detail)
{
    return badRequest({api::ProblemCode::InvalidField, field, detail});
}

http::Response notFound(const QString &detail)
{
    return http::Response::problem(api::ProblemCode::NotFound, detail);
}

http::Response forbidden(const QString &detail)
{
    return http::Response::problem(api::ProblemCode::Forbidden, detail);
}

http::Response conflict(const QString &detail)
{
    return http::Response::problem(api::ProblemCode::Conflict, detail);
}

http::Response conflictOn(const QString &field, const QString &detail)
{
    return http::Response::problem(
        api::Problem::fromError({api::ProblemCode::Conflict, field, detail}));
}

http::Response noContent()
{
    http::Response response;
    response.status = 204;
    return response;
}

QByteArray etagOf(qint64 revision)
{
    return '"' + QByteArray::number(revision) + '"';
}

http::Response jsonWithEtag(int status, const QJsonObject &body, qint64 revision)
{
    http::Response response = http::Response::json(status, body);
    response.headers.emplace_back(QByteArrayLiteral("ETag"), etagOf(revision));
    return response;
}

std::optional<QString> pathId(const http::Request &request, const QString &name)
{
    const QString id = request.pathParameters.value(name);
    if (api::validateId(id))
        return std::nullopt;
    return id;
}

// ---- preconditions --------------------------------------------------------

IfMatch ifMatch(const http::Request &request)
{
    IfMatch condition;
    const QByteArray value = request.header("if-match").trimmed();
    condition.present = !value.isEmpty();
    if (value.size() >= 3 && value.startsWith('"') && value.endsWith('"')) {
        bool ok = false;
        const qint64 revision = value.mid(1, value.size() - 2).toLongLong(&ok);
        // 0 is the revision of what has defaults before its first write
        // (the engagement settings and benchmarks).
        if (ok && revision >= 0)
            condition.revision = revision;
    }
    return condition;
}

std::optional<http::Response> refusePrecondition(const IfMatch &condition, qint64 current,
                                                 QStringView thing)
{
    if (!condition.present)
        return http::Response::problem(
            api::ProblemCode::PreconditionRequired,
            QStringLiteral("Send If-Match with the ETag of the %1 you edit.").arg(thing));
    if (condition.revision != current)
        return http::Response::problem(
            api::ProblemCode::PreconditionFailed,
            QStringLiteral("The %1 changed since you read it. Reload and try again.").arg(thing));
    return std::nullopt;
}

std::optional<http::Response> refuseEdit(const std::optional<http::Response> &bodyRefusal,
                                         const http::Request &request, qint64 current,
                                         QStringView thing)
{
    if (bodyRefusal)
        return bodyRefusal;
    return refusePrecondition(ifMatch(request), current, thing);
}

// ---- transactions ---------------------------------------------------------

http::Response inTransaction(const QSqlDatabase &connection, const char *what,
                             const std::function<http::Response()> &work)
{
    store::Transaction transaction(connection);
    if (!transaction.isActive())
        return beginFailure(transaction);
    http::Response answer = work();
    if (answer.status >= 300)
        return answer;
    const auto committed = transaction.commit();
    if (!committed) {
        qCWarning(lcRoutes) << "cannot commit" << what << committed.error().message;
        return http::Response::internalError();
    }
    return answer;
}

// ---- paging ---------------------------------------------------------------

std::variant<PageRequest, http::Response> pageRequest(const http::Request &request,
                                                      int defaultLimit, int maxLimit)
{
    PageRequest page;
    page.limit = defaultLimit;
    const QString limitName = QStringLiteral("limit");
    if (request.query.hasQueryItem(limitName)) {
        bool ok = false;
        const QString text = request.query.queryItemValue(limitName);
        page.limit = text.toInt(&ok);
        // Plain decimal only: "+5" or " 5" are not what a client means to send.
        if (!ok || page.limit < 1 || page.limit > maxLimit || !text.at(0).isDigit())
            return invalidField(
                limitName, QStringLiteral("Must be a whole number from 1 to %1.").arg(maxLimit));
    }
    const QString cursorName = QStringLiteral("cursor");
    if (request.query.hasQueryItem(cursorName)) {
        page.cursor = request.query.queryItemValue(cursorName, QUrl::FullyDecoded);
        if (api::validateToken(*page.cursor))
            return badCursor();
    }
    return page;
}

http::Response badCursor()
{
    return invalidField(QStringLiteral("cursor"), QStringLiteral("Not a cursor of this list."));
}

// ---- idempotent creates ---------------------------------------------------

IdempotentCreate::IdempotentCreate(const ops::ServiceContext &context,
                                   const auth::Identity &identity, const http::Request &request,
                                   const QSqlDatabase &connection, LocationOf locationOf)
    : m_identity(identity)
    , m_keys(connection, context.keyring)
    , m_locationOf(std::move(locationOf))
    , m_keyHeader(request.header("idempotency-key"))
    , m_key(QString::fromLatin1(m_keyHeader))
    // QJsonObject keeps members sorted: the same members give the same bytes
    // whatever order or spacing the client sent them in.
    , m_canonicalBody(QJsonDocument(request.json).toJson(QJsonDocument::Compact))
{}

std::optional<http::Response> IdempotentCreate::refuseKey() const
{
    if (m_keyHeader.isEmpty() || IdempotencyStore::isValidKey(m_keyHeader))
        return std::nullopt;
    return invalidField(kIdempotencyKey,
                        QStringLiteral("Must be 8 to 128 characters of A-Z, a-z, 0-9, _ and -."));
}

std::optional<http::Response> IdempotentCreate::earlierAnswer()
{
    if (m_keyHeader.isEmpty())
        return std::nullopt;
    const auto stored = m_keys.find(m_identity.scope, m_identity.personId, m_key, m_canonicalBody);
    if (stored) {
        http::Response response;
        response.status = stored.value().status;
        response.body = stored.value().body;
        response.contentType = QByteArrayLiteral("application/json");
        response.headers.emplace_back(QByteArrayLiteral("Idempotency-Replayed"),
                                      QByteArrayLiteral("true"));
        const QByteArray location = m_locationOf(stored.value().body);
        if (!location.isEmpty())
            response.headers.emplace_back(QByteArrayLiteral("Location"), location);
        return response;
    }
    if (stored.errorKind() == store::StoreErrorKind::Conflict)
        return conflict(QStringLiteral("This Idempotency-Key was used for another request."));
    if (stored.errorKind() != store::StoreErrorKind::NotFound)
        return storeFailure("cannot read an idempotency key:", stored.error());
    return std::nullopt;
}

store::StoreStatus IdempotentCreate::remember(const StoredAnswer &answer, const QDateTime &at)
{
    if (m_keyHeader.isEmpty())
        return store::Done{};
    return m_keys.remember(m_identity.scope, m_identity.personId, m_key, m_canonicalBody, answer,
                           at);
}

IdempotentCreate::LocationOf locationById(const QString &collection)
{
    return [collection](const QByteArray &body) {
        const QString id =
            QJsonDocument::fromJson(body).object().value(QStringLiteral("id")).toString();
        if (api::validateId(id))
            return QByteArray();
        return QString(collection + QLatin1Char('/') + id).toLatin1();
    };
}

// ---- the wrapper ----------------------------------------------------------

http::Handler tenantRoute(const ops::ServiceContext &context, api::Role minimumRole,
                          TenantHandler handler)
{
    return auth::authenticated(
        context, minimumRole,
        [context, handler = std::move(handler)](http::Request request, auth::Identity identity,
                                                http::Responder respond) {
            QString error;
            const QSqlDatabase connection = context.database.connection(&error);
            if (!connection.isOpen()) {
                qCWarning(lcRoutes) << "no database connection:" << error;
                respond(http::Response::internalError());
                return;
            }
            respond(handler(context, identity, request, connection));
        });
}

} // namespace engage::server::domain
