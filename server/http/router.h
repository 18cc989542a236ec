#pragma once

#include "request.h"
#include "response.h"

#include <QByteArrayList>
#include <functional>
#include <vector>

namespace engage::server::http {

struct RouteOptions
{
    // The body must be `application/json` holding one object; the router parses
    // it into Request::json and answers 415 or 400 itself.
    bool takesJson = false;
    // The largest body this route reads. Routes that take no body accept none.
    qint64 maxBodyBytes = -1; // -1: 1 MiB when takesJson, otherwise 0
    // The path itself is a credential (a respondent's link, /r/{token}): every
    // answer to it, refusals included, says so (Response::secretPath), so
    // that the access log records the route's pattern instead of the path.
    bool secretPath = false;

    static constexpr qint64 defaultJsonBodyBytes = 1 << 20;
};

using Handler = std::function<void(Request request, Responder respond)>;

// Maps method and path to a handler. Patterns are literal segments and
// `{name}` segments, which match one non-empty segment into
// Request::pathParameters. Everything that can be refused before a handler
// runs is refused here, in one place: unknown path 404, known path with another
// method 405 (with Allow), oversized body 413, wrong content type 415,
// malformed JSON 400.
class Router final
{
public:
    void add(Method method, QByteArrayView pattern, Handler handler, RouteOptions options = {});

    // The largest body any route reads: the HTTP layer cuts off bodies far
    // larger than this before they reach memory.
    qint64 largestBody() const;

    void dispatch(Request request, const Responder &respond) const;

    // "GET /healthz", one per route, in the order they were added.
    QByteArrayList routeTable() const;

private:
    struct Route
    {
        Method method;
        QByteArrayList segments;
        Handler handler;
        RouteOptions options;
    };

    static bool matches(const Route &route, const QByteArrayList &segments,
                        QHash<QString, QString> *parameters);
    static std::optional<Response> refuseBody(const Route &route, Request &request);

    std::vector<Route> m_routes;
};

} // namespace engage::server::http
