#pragma once

#include "api/problem.h"

#include <QByteArray>
#include <QJsonObject>
#include <functional>
#include <optional>
#include <vector>

namespace engage::server::http {

// One part of a streamed body.
struct BodyChunk
{
    enum class State
    {
        More,     // `bytes`, and more to come
        Complete, // `bytes` (perhaps empty) end the body
        // A failure of ours (the cause stays in our log): the connection is
        // cut without the chunked body's end, so that the client sees an
        // incomplete answer rather than a complete-looking short one.
        Failed,
    };
    QByteArray bytes;
    State state = State::More;
};

// A body sent while it is made, with chunked transfer encoding, for answers
// too large to hold in memory (a log export). Only the parts waiting to be
// written are held: the next part is made once fewer than `window` parts
// wait, so a client that reads slowly slows the producer down instead of
// filling memory, and one that goes away stops it.
struct BodyStream
{
    // One on the wire and one ready: the producer works while the client reads.
    static constexpr int window = 2;

    // Makes the next part. Called through `schedule`, one call at a time; not
    // called again after a part that is not More, nor once the client has
    // gone. Dropped (with what it holds) as soon as the stream ends.
    std::function<BodyChunk()> next;
    // Runs a task on a worker thread: the network threads never produce.
    std::function<void(std::function<void()> task)> schedule;
};

struct Response
{
    int status = 200;
    QByteArray body;
    QByteArray contentType;
    std::vector<std::pair<QByteArray, QByteArray>> headers;
    // Set for a streamed answer, whose `body` stays empty.
    std::optional<BodyStream> stream;
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
    // The path holds a credential (RouteOptions::secretPath): the access log
    // records `route` in its place.
    bool secretPath = false;
    // For a failure of ours, which part failed, for the error log: "handler"
    // (a handler answered 500), "exception" (a handler threw), "unanswered"
    // (a responder was dropped). Never a message: those stay in our log.
    QByteArray failure;

    // Writes the body of an error response, naming the request it answers.
    void stampRequestId(const QString &requestId);

    static Response json(int status, const QJsonObject &object);
    static Response streamed(int status, const QByteArray &contentType, BodyStream stream);
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
