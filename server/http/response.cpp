#include "response.h"

#include <QJsonDocument>

namespace engage::server::http {

Response Response::json(int status, const QJsonObject &object)
{
    Response response;
    response.status = status;
    response.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    response.contentType = QByteArrayLiteral("application/json; charset=utf-8");
    return response;
}

Response Response::streamed(int status, const QByteArray &contentType, BodyStream stream)
{
    Response response;
    response.status = status;
    response.contentType = contentType;
    response.stream = std::move(stream);
    return response;
}

Response Response::problem(const api::Problem &problem)
{
    Response response;
    response.status = problem.status;
    response.problemDetails = problem;
    return response;
}

void Response::stampRequestId(const QString &requestId)
{
    if (!problemDetails)
        return;
    problemDetails->requestId = requestId;
    body = QJsonDocument(api::toJson(*problemDetails)).toJson(QJsonDocument::Compact);
    contentType = api::problemContentType() + QByteArrayLiteral("; charset=utf-8");
}

Response Response::problem(api::ProblemCode code, const QString &detail)
{
    return problem(api::Problem::fromCode(code, detail));
}

Response Response::internalError()
{
    return problem(api::ProblemCode::Internal,
                   QStringLiteral("Something went wrong on our side. Quote the request id "
                                  "when you report it."));
}

} // namespace engage::server::http
