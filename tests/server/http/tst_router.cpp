#include "http/router.h"

#include <QJsonDocument>
#include <QTest>

using namespace engage::server::http;
using engage::api::ProblemCode;

namespace {

struct Outcome
{
    int calls = 0;
    Response response;
};

Request makeRequest(Method method, const QByteArray &path, const QByteArray &body = {},
                    const QByteArray &contentType = {})
{
    Request request;
    request.method = method;
    request.path = path;
    request.body = body;
    if (!contentType.isEmpty())
        request.headers.emplace_back("content-type", contentType);
    return request;
}

} // namespace

class TestRouter final : public QObject
{
    Q_OBJECT

private:
    Router m_router;
    Request m_seen;

    Outcome dispatch(Request request)
    {
        Outcome outcome;
        m_router.dispatch(std::move(request), [&outcome](Response response) {
            ++outcome.calls;
            outcome.response = std::move(response);
        });
        return outcome;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const auto remember = [this](Request request, Responder respond) {
            m_seen = std::move(request);
            respond(Response::json(200, {{QStringLiteral("ok"), true}}));
        };
        m_router.add(Method::Get, "/healthz", remember);
        m_router.add(Method::Get, "/api/v1/things/{id}", remember);
        m_router.add(Method::Delete, "/api/v1/things/{id}", remember);
        m_router.add(Method::Post, "/api/v1/things", remember, {/*takesJson=*/true});
        m_router.add(Method::Post, "/api/v1/imports", remember, {true, 4 << 20});
        m_router.add(Method::Get, "/api/v1/explode", [](Request, Responder) {
            throw std::runtime_error("secret internal detail: /var/lib/engage/db");
        });
        RouteOptions secret;
        secret.secretPath = true;
        m_router.add(Method::Get, "/r/{token}", remember, secret);
    }

    void largestBodyIsTheLargestRouteLimit() { QCOMPARE(m_router.largestBody(), qint64(4 << 20)); }

    void refusals_data()
    {
        QTest::addColumn<int>("method");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<int>("status");
        QTest::addColumn<ProblemCode>("code");

        const auto get = int(Method::Get);
        const auto post = int(Method::Post);
        const QByteArray json = "application/json";
        QTest::newRow("unknown path") << get << QByteArray("/nowhere") << QByteArray()
                                      << QByteArray() << 404 << ProblemCode::NotFound;
        QTest::newRow("prefix of a route") << get << QByteArray("/api/v1") << QByteArray()
                                           << QByteArray() << 404 << ProblemCode::NotFound;
        QTest::newRow("longer than a route") << get << QByteArray("/healthz/x") << QByteArray()
                                             << QByteArray() << 404 << ProblemCode::NotFound;
        QTest::newRow("wrong method") << post << QByteArray("/healthz") << QByteArray()
                                      << QByteArray() << 405 << ProblemCode::MethodNotAllowed;
        QTest::newRow("body on a route without one")
            << get << QByteArray("/healthz") << QByteArray("x") << QByteArray() << 413
            << ProblemCode::PayloadTooLarge;
        QTest::newRow("over the JSON limit")
            << post << QByteArray("/api/v1/things") << QByteArray((1 << 20) + 1, ' ') << json << 413
            << ProblemCode::PayloadTooLarge;
        QTest::newRow("no content type")
            << post << QByteArray("/api/v1/things") << QByteArray("{}") << QByteArray() << 415
            << ProblemCode::UnsupportedMediaType;
        QTest::newRow("text/plain")
            << post << QByteArray("/api/v1/things") << QByteArray("{}") << QByteArray("text/plain")
            << 415 << ProblemCode::UnsupportedMediaType;
        QTest::newRow("other charset") << post << QByteArray("/api/v1/things") << QByteArray("{}")
                                       << QByteArray("application/json; charset=latin1") << 415
                                       << ProblemCode::UnsupportedMediaType;
        QTest::newRow("json prefix")
            << post << QByteArray("/api/v1/things") << QByteArray("{}")
            << QByteArray("application/jsonx") << 415 << ProblemCode::UnsupportedMediaType;
        QTest::newRow("malformed json")
            << post << QByteArray("/api/v1/things") << QByteArray("{\"a\":") << json << 400
            << ProblemCode::MalformedJson;
        QTest::newRow("array, not object")
            << post << QByteArray("/api/v1/things") << QByteArray("[1]") << json << 400
            << ProblemCode::MalformedJson;
        QTest::newRow("empty json body") << post << QByteArray("/api/v1/things") << QByteArray()
                                         << json << 400 << ProblemCode::MalformedJson;
        QTest::newRow("handler throws") << get << QByteArray("/api/v1/explode") << QByteArray()
                                        << QByteArray() << 500 << ProblemCode::Internal;
    }

    void refusals()
    {
        QFETCH(int, method);
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(int, status);
        QFETCH(ProblemCode, code);

        Outcome outcome = dispatch(makeRequest(Method(method), path, body, contentType));
        QCOMPARE(outcome.calls, 1);
        QCOMPARE(outcome.response.status, status);
        QVERIFY(outcome.response.problemDetails);
        QCOMPARE(outcome.response.problemDetails->code, code);

        outcome.response.stampRequestId(QStringLiteral("req-12345678"));
        const QJsonObject body_ = QJsonDocument::fromJson(outcome.response.body).object();
        QCOMPARE(body_.value(QStringLiteral("requestId")).toString(),
                 QStringLiteral("req-12345678"));
        QVERIFY(!outcome.response.body.contains("secret internal detail"));
        QVERIFY(outcome.response.contentType.startsWith("application/problem+json"));
    }

    void methodNotAllowedListsTheMethods()
    {
        Outcome outcome = dispatch(makeRequest(Method::Put, "/api/v1/things/7"));
        QCOMPARE(outcome.response.status, 405);
        QCOMPARE(outcome.response.headers.size(), size_t(1));
        QCOMPARE(outcome.response.headers.front().first, QByteArray("Allow"));
        QCOMPARE(outcome.response.headers.front().second, QByteArray("GET, DELETE"));
    }

    void pathParametersAreDecoded()
    {
        Outcome outcome = dispatch(makeRequest(Method::Get, "/api/v1/things/caf%C3%A9%2F1"));
        QCOMPARE(outcome.response.status, 200);
        QCOMPARE(m_seen.pathParameters.value(QStringLiteral("id")), QStringLiteral("café/1"));
    }

    void jsonBodyIsParsedForTheHandler_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::newRow("plain") << QByteArray("application/json");
        QTest::newRow("utf-8") << QByteArray("application/json; charset=utf-8");
        QTest::newRow("case") << QByteArray("Application/JSON; Charset=UTF-8");
    }

    void jsonBodyIsParsedForTheHandler()
    {
        QFETCH(QByteArray, contentType);
        Outcome outcome = dispatch(
            makeRequest(Method::Post, "/api/v1/things", R"({"name":"営業部"})", contentType));
        QCOMPARE(outcome.response.status, 200);
        QCOMPARE(m_seen.json.value(QStringLiteral("name")).toString(), QStringLiteral("営業部"));
    }

    // Every answer to a path that is a credential names the route instead,
    // refusals included, so that the access log never records the path.
    void secretPathsAreMarked_data()
    {
        QTest::addColumn<int>("method");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::newRow("handled") << int(Method::Get) << QByteArray() << 200;
        QTest::newRow("body refused") << int(Method::Get) << QByteArray("x") << 413;
        QTest::newRow("method refused") << int(Method::Put) << QByteArray() << 405;
    }
    void secretPathsAreMarked()
    {
        QFETCH(int, method);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        const Outcome outcome =
            dispatch(makeRequest(static_cast<Method>(method), "/r/s3cret-token", body));
        QCOMPARE(outcome.response.status, status);
        QVERIFY(outcome.response.secretPath);
        QCOMPARE(outcome.response.route, QByteArray("/r/{token}"));
    }

    void otherPathsAreNotSecret()
    {
        QVERIFY(!dispatch(makeRequest(Method::Get, "/healthz")).response.secretPath);
        QVERIFY(!dispatch(makeRequest(Method::Get, "/r/a/b")).response.secretPath);
    }

    void routesDeclareLargerBodies()
    {
        Outcome outcome = dispatch(makeRequest(Method::Post, "/api/v1/imports",
                                               "{\"pad\":\"" + QByteArray(2 << 20, 'x') + "\"}",
                                               "application/json"));
        QCOMPARE(outcome.response.status, 200);
    }
};

QTEST_GUILESS_MAIN(TestRouter)
#include "tst_router.moc"
