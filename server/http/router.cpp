#include "router.h"

#include "api/jsonparse.h"

#include <QLoggingCategory>
#include <QUrl>
#include <exception>

namespace engage::server::http {

Q_LOGGING_CATEGORY(lcRouter, "engage.server.http")

namespace {

QByteArrayList splitPath(QByteArrayView path)
{
    QByteArrayList segments = path.toByteArray().split('/');
    segments.removeAll(QByteArray());
    return segments;
}

bool isParameter(const QByteArray &segment)
{
    return segment.size() > 2 && segment.startsWith('{') && segment.endsWith('}');
}

bool isJsonContentType(const QByteArray &contentType)
{
    const QByteArrayList parts = contentType.split(';');
    if (parts.first().trimmed().toLower() != "application/json")
        return false;
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QByteArray parameter = parts.at(i).trimmed().toLower();
        if (parameter != "charset=utf-8" && parameter != "charset=\"utf-8\"")
            return false;
    }
    return true;
}

} // namespace

void Router::add(Method method, QByteArrayView pattern, Handler handler, RouteOptions options)
{
    if (options.maxBodyBytes < 0)
        options.maxBodyBytes = options.takesJson ? RouteOptions::defaultJsonBodyBytes : 0;
    m_routes.push_back({method, splitPath(pattern), std::move(handler), options});
}

qint64 Router::largestBody() const
{
    qint64 largest = 0;
    for (const Route &route : m_routes)
        largest = std::max(largest, route.options.maxBodyBytes);
    return largest;
}

QByteArrayList Router::routeTable() const
{
    QByteArrayList table;
    for (const Route &route : m_routes)
        table.append(methodName(route.method) + " /" + route.segments.join('/'));
    return table;
}

bool Router::matches(const Route &route, const QByteArrayList &segments,
                     QHash<QString, QString> *parameters)
{
    if (route.segments.size() != segments.size())
        return false;
    QHash<QString, QString> found;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const QByteArray &expected = route.segments.at(i);
        if (isParameter(expected)) {
            const QString name = QString::fromLatin1(expected.mid(1, expected.size() - 2));
            found.insert(name, QUrl::fromPercentEncoding(segments.at(i)));
        } else if (expected != segments.at(i)) {
            return false;
        }
    }
    *parameters = std::move(found);
    return true;
}

std::optional<Response> Router::refuseBody(const Route &route, Request &request)
{
    if (request.body.size() > route.options.maxBodyBytes) {
        return Response::problem(api::ProblemCode::PayloadTooLarge,
                                 route.options.maxBodyBytes == 0
                                     ? QStringLiteral("This route takes no request body.")
                                     : QStringLiteral("The request body is larger than %1 bytes.")
                                           .arg(route.options.maxBodyBytes));
    }
    if (!route.options.takesJson)
        return std::nullopt;
    if (!isJsonContentType(request.header("content-type"))) {
        return Response::problem(api::ProblemCode::UnsupportedMediaType,
                                 QStringLiteral("The request body must be application/json."));
    }
    api::Result<QJsonObject> parsed = api::parseJsonObject(request.body);
    if (!parsed)
        return Response::problem(api::Problem::fromError(parsed.error()));
    request.json = parsed.takeValue();
    return std::nullopt;
}

void Router::dispatch(Request request, const Responder &respond) const
{
    const QByteArrayList segments = splitPath(request.path);
    QByteArrayList allowed;
    QByteArray secretPattern; // of a route whose path is a credential
    const auto answer = [&respond, &secretPattern](Response response) {
        if (!secretPattern.isEmpty()) {
            response.route = secretPattern;
            response.secretPath = true;
        }
        respond(std::move(response));
    };
    for (const Route &route : m_routes) {
        QHash<QString, QString> parameters;
        if (!matches(route, segments, &parameters))
            continue;
        const QByteArray pattern = '/' + route.segments.join('/');
        if (route.options.secretPath)
            secretPattern = pattern;
        if (route.method != request.method) {
            allowed.append(methodName(route.method));
            continue;
        }
        if (std::optional<Response> refusal = refuseBody(route, request)) {
            answer(std::move(*refusal));
            return;
        }
        request.pathParameters = std::move(parameters);
        const bool secret = route.options.secretPath;
        const Responder routed = [respond, pattern, secret](Response response) {
            response.route = pattern;
            response.secretPath = secret;
            respond(std::move(response));
        };
        try {
            route.handler(std::move(request), routed);
        } catch (const std::exception &error) {
            // The detail stays in our log; the client learns only the request id.
            qCCritical(lcRouter) << "handler failed:" << error.what();
            Response failed = Response::internalError();
            failed.failure = QByteArrayLiteral("exception");
            routed(std::move(failed));
        }
        return;
    }
    if (allowed.isEmpty()) {
        answer(Response::problem(api::ProblemCode::NotFound,
                                 QStringLiteral("Nothing is found at this path.")));
        return;
    }
    Response refusal = Response::problem(api::ProblemCode::MethodNotAllowed,
                                         QStringLiteral("This path does not accept the %1 method.")
                                             .arg(QString::fromLatin1(methodName(request.method))));
    refusal.headers.emplace_back(QByteArrayLiteral("Allow"), allowed.join(", "));
    answer(std::move(refusal));
}

} // namespace engage::server::http
