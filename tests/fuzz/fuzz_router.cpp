// libFuzzer target: bytes -> a Request -> Router::dispatch over a small route
// table like the service's (literal segments, {id} parameters, a JSON route, a
// route with a body limit, a handler that throws). The input is
// "<method byte><path>\n<content-type>\n<body>"; a missing separator leaves
// the later parts empty. Properties (a violation traps): the responder is
// called exactly once, with a status the router may give; a handler runs only
// for a matching method and path, with its parameters non-empty and, on the
// JSON route, with a body that parseJsonObject accepts.

#include "api/jsonparse.h"
#include "http/router.h"

#include <QByteArray>
#include <QLoggingCategory>
#include <cstddef>
#include <cstdint>
#include <stdexcept>

using namespace engage::server::http;

namespace {

void check(bool condition)
{
    if (!condition)
        __builtin_trap();
}

constexpr qint64 kSmallBody = 64;

Handler respondWith(int status)
{
    return [status](Request request, Responder respond) {
        for (auto it = request.pathParameters.cbegin(); it != request.pathParameters.cend(); ++it)
            check(!it.key().isEmpty() && !it.value().isEmpty());
        Response response;
        response.status = status;
        respond(std::move(response));
    };
}

const Router &router()
{
    static const Router table = [] {
        Router r;
        r.add(Method::Get, "/healthz", respondWith(200));
        r.add(Method::Get, "/tenants/{id}", [](Request request, Responder respond) {
            check(request.pathParameters.size() == 1);
            check(!request.pathParameters.value(QStringLiteral("id")).isEmpty());
            check(request.body.isEmpty());
            respond(Response{});
        });
        r.add(Method::Delete, "/tenants/{id}", respondWith(204));
        r.add(
            Method::Post, "/tenants/{id}/people",
            [](Request request, Responder respond) {
                check(request.pathParameters.contains(QStringLiteral("id")));
                check(request.body.size() <= RouteOptions::defaultJsonBodyBytes);
                check(engage::api::parseJsonObject(request.body).isOk());
                check(request.json == engage::api::parseJsonObject(request.body).value());
                respond(Response::json(201, request.json));
            },
            RouteOptions{true});
        r.add(Method::Put, "/tenants/{id}/people/{personId}", respondWith(200),
              RouteOptions{false, kSmallBody});
        r.add(Method::Patch, "/fail/{what}",
              [](Request, Responder) { throw std::runtime_error("handler failure"); });
        return r;
    }();
    return table;
}

QByteArray takeLine(QByteArray &rest)
{
    const qsizetype newline = rest.indexOf('\n');
    if (newline < 0) {
        QByteArray line = rest;
        rest.clear();
        return line;
    }
    QByteArray line = rest.left(newline);
    rest.remove(0, newline + 1);
    return line;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const bool quiet = [] {
        // The throwing handler is logged as critical on every run otherwise.
        QLoggingCategory::setFilterRules(QStringLiteral("engage.server.http.critical=false"));
        return true;
    }();
    (void)quiet;
    if (size == 0)
        return 0;

    Request request;
    request.method = Method(data[0] % (int(Method::Other) + 1));
    QByteArray rest(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    request.path = takeLine(rest);
    const QByteArray contentType = takeLine(rest);
    if (!contentType.isEmpty())
        request.headers.emplace_back(QByteArrayLiteral("content-type"), contentType);
    request.body = rest;

    int calls = 0;
    int status = 0;
    router().dispatch(std::move(request), [&](Response response) {
        ++calls;
        status = response.status;
    });
    check(calls == 1);
    check(status == 200 || status == 201 || status == 204 || status == 400 || status == 404 ||
          status == 405 || status == 413 || status == 415 || status == 500);
    return 0;
}
