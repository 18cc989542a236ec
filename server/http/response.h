#pragma once

#include "api/problem.h"

#include <QByteArray>
#include <QJsonObject>
#include <functional>
#include <optional>
#include <vector>

namespace engage::server::http {

struct Response
{
    int status = 200;
    QByteArray body;
    QByteArray contentType;
    std::vector<std::pair<QByteArray, QByteArray>> headers;
    // Set for error responses: the body is written when the request id is known.
    std::optional<api::Problem> problemDetails;
    // Whom the request acted as, set by the authentication layer from the
    // verified token; the access log records it.
    struct Actor
    {
        QString tenantId;
        QString personId;
    } actor;
    // The pattern of the route that answered ("/api/v1/members/{id}"), set by
    // the router; the error log names routes, not paths.
    QByteArray route;
    // For a failure of ours, which part failed, for the error log: "handler"
    // (a handler answered 500), "exception" (a handler threw), "unanswered"
    // (a responder was dropped). Never a message: those stay in our log.
    QByteArray failure;

    // Writes the body of an error response, naming the request it answers.
    void stampRequestId(const QString &requestId);

    static Response json(int status, const QJsonObject &object);
    static Response problem(const api::Problem &problem);
    static Response problem(api::ProblemCode code, const QString &detail = {});
    // A failure of ours: says nothing of the cause, which stays in our log.
    static Response internalError();
};

// Sends the response of one request. Callable from any thread, once; a
// responder dropped without being called answers 500, so that no request is
// ever left without an answer.
using Responder = std::function<void(Response)>;

} // namespace engage::server::http
