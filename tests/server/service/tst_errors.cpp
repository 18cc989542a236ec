// The error table of the real engage-server, reached over the wire: 404, 405,
// 413 as RFC 9457 problems; hostile request targets answered cleanly; a
// request target or header value over --max-header-bytes cutting only that
// connection.

#include "httpsprobe.h"
#include "rawhttpsclient.h"
#include "serverprocess.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>
#include <memory>

using namespace engage::test;

namespace {

constexpr int maxHeaderBytes = 2048;

// "" when `response` is a complete problem for `status` and `code`.
QString checkProblem(const RawResponse &response, int status, const QString &code)
{
    QString problems;
    if (response.status != status)
        problems += QStringLiteral("status %1, expected %2\n").arg(response.status).arg(status);
    if (response.header("Content-Type") != "application/problem+json; charset=utf-8")
        problems += QStringLiteral("not a problem content type\n");
    bool isJson = false;
    const QJsonObject json = response.json(&isJson);
    if (!isJson)
        problems += QStringLiteral("body is not a JSON object\n");
    if (json.value(u"code").toString() != code)
        problems +=
            QStringLiteral("code %1, expected %2\n").arg(json.value(u"code").toString(), code);
    if (json.value(u"status").toInt() != status)
        problems += QStringLiteral("body status differs\n");
    if (json.value(u"title").toString().isEmpty() || json.value(u"detail").toString().isEmpty() ||
        json.value(u"type").toString().isEmpty())
        problems += QStringLiteral("title, detail or type missing\n");
    const QByteArray id = response.header("X-Request-Id");
    if (id.isEmpty() || json.value(u"requestId").toString() != QString::fromLatin1(id))
        problems += QStringLiteral("requestId differs from X-Request-Id\n");
    if (response.header("Cache-Control") != "no-store" || response.hasHeader("Server"))
        problems += QStringLiteral("security headers missing\n");
    return problems.isEmpty() ? QString() : problems + response.describe();
}

QString describe(const std::optional<RawResponse> &response)
{
    return response ? response->describe() : QStringLiteral("(no response)");
}

} // namespace

class TestErrors final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void errorTable_data();
    void errorTable();
    void payloadTooLargeThroughClient();
    void hostileTargets_data();
    void hostileTargets();
    void malformedTargetsSurvived_data();
    void malformedTargetsSurvived();
    void targetOverLimitCut();
    void headerValueLimit_data();
    void headerValueLimit();
    void tooManyHeadersRefused();

private:
    // A GET /healthz on a new connection answers 200.
    bool stillServes(QString *error);
    std::optional<RawResponse> exchange(const QByteArray &request, QString *error);

    std::unique_ptr<ServerProcess> m_server;
};

void TestErrors::initTestCase()
{
    m_server = std::make_unique<ServerProcess>();
    QVERIFY2(
        m_server->start({QStringLiteral("--max-header-bytes"), QString::number(maxHeaderBytes)}),
        qPrintable(m_server->errorString()));
}

void TestErrors::cleanup()
{
    m_server->reportIfFailed();
    QString error;
    QVERIFY2(stillServes(&error), qPrintable(error));
}

bool TestErrors::stillServes(QString *error)
{
    if (!m_server->isRunning()) {
        *error = QStringLiteral("the server died");
        return false;
    }
    const auto response = exchange(RawHttpsClient::request("GET", "/healthz"), error);
    if (!response)
        return false;
    if (response->status != 200)
        *error = response->describe();
    return response->status == 200;
}

std::optional<RawResponse> TestErrors::exchange(const QByteArray &request, QString *error)
{
    RawHttpsClient client(m_server->certificatePath());
    if (!client.connectTo(m_server->port()) || !client.send(request)) {
        *error = client.errorString();
        return std::nullopt;
    }
    auto response = client.readResponse();
    if (!response)
        *error = client.errorString();
    return response;
}

void TestErrors::errorTable_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QByteArray>("allow");

    const auto request = [](const char *method, const char *target, const HeaderList &headers = {},
                            const QByteArray &body = {}) {
        return RawHttpsClient::request(method, target, headers, body);
    };
    const QString notFound = QStringLiteral("not-found");
    const QString notAllowed = QStringLiteral("method-not-allowed");
    const QString tooLarge = QStringLiteral("payload-too-large");

    QTest::newRow("GET /nope") << request("GET", "/nope") << 404 << notFound << QByteArray();
    QTest::newRow("GET /healthz/extra")
        << request("GET", "/healthz/extra") << 404 << notFound << QByteArray();
    QTest::newRow("GET /HEALTHZ") << request("GET", "/HEALTHZ") << 404 << notFound << QByteArray();
    QTest::newRow("POST /nope") << request("POST", "/nope", {{"Content-Length", "0"}}) << 404
                                << notFound << QByteArray();
    QTest::newRow("POST /healthz") << request("POST", "/healthz", {{"Content-Length", "0"}}) << 405
                                   << notAllowed << QByteArray("GET");
    QTest::newRow("PUT /readyz") << request("PUT", "/readyz", {{"Content-Length", "0"}}) << 405
                                 << notAllowed << QByteArray("GET");
    QTest::newRow("DELETE /healthz")
        << request("DELETE", "/healthz") << 405 << notAllowed << QByteArray("GET");
    QTest::newRow("PATCH /readyz") << request("PATCH", "/readyz", {{"Content-Length", "0"}}) << 405
                                   << notAllowed << QByteArray("GET");
    QTest::newRow("GET /healthz with 1 byte")
        << request("GET", "/healthz", {}, "x") << 413 << tooLarge << QByteArray();
    QTest::newRow("GET /readyz with 1000 bytes")
        << request("GET", "/readyz", {{"Content-Type", "application/json"}}, QByteArray(1000, ' '))
        << 413 << tooLarge << QByteArray();
    QTest::newRow("GET /healthz with a chunked body")
        << QByteArray("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n"
                      "\r\n5\r\nhello\r\n0\r\n\r\n")
        << 413 << tooLarge << QByteArray();
}

void TestErrors::errorTable()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QByteArray, allow);

    QString error;
    const auto response = exchange(request, &error);
    QVERIFY2(response, qPrintable(error));
    const QString problems = checkProblem(*response, status, code);
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
    if (!allow.isEmpty())
        QCOMPARE(response->headerValues("Allow"), QByteArrayList{allow});
    else
        QVERIFY(!response->hasHeader("Allow"));
}

void TestErrors::payloadTooLargeThroughClient()
{
    // The same 413 through QNetworkAccessManager: a custom verb with a body.
    HttpsProbe probe(m_server->certificatePath(), m_server->url());
    const HttpResponse response = probe.send("GET", QStringLiteral("/healthz"), QByteArray("{}"),
                                             {{"Content-Type", "application/json"}});
    QVERIFY2(response.status == 413, qPrintable(response.describe()));
    QCOMPARE(response.json().value(u"code").toString(), QStringLiteral("payload-too-large"));
    QCOMPARE(response.json().value(u"requestId").toString(),
             QString::fromLatin1(response.header("X-Request-Id")));
}

void TestErrors::hostileTargets_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::newRow("%00") << QByteArray("/%00");
    QTest::newRow("healthz%00") << QByteArray("/healthz%00");
    QTest::newRow("%00/healthz") << QByteArray("/%00/healthz");
    QTest::newRow("../../etc/passwd") << QByteArray("/../../etc/passwd");
    QTest::newRow("..") << QByteArray("/..");
    QTest::newRow("encoded dots") << QByteArray("/%2e%2e/%2e%2e/etc/passwd");
    QTest::newRow("encoded slash") << QByteArray("/..%2f..%2fetc%2fpasswd");
    QTest::newRow("encoded unicode") << QByteArray("/%C3%BC%C3%B1%C3%AF%E2%82%AC");
    QTest::newRow("invalid utf-8") << QByteArray("/%ff%fe%fd");
    QTest::newRow("encoded CRLF") << QByteArray("/nope%0d%0aX-Evil:%201");
    QTest::newRow("many segments") << QByteArray("/a").repeated(500);
    QTest::newRow("target just under the limit")
        << QByteArray("/" + QByteArray(maxHeaderBytes - 2, 'a'));
    QTest::newRow("target at the limit") << QByteArray("/" + QByteArray(maxHeaderBytes - 1, 'a'));
}

void TestErrors::hostileTargets()
{
    QFETCH(QByteArray, target);
    QString error;
    const auto response = exchange(RawHttpsClient::request("GET", target), &error);
    QVERIFY2(response, qPrintable(error));
    const QString problems = checkProblem(*response, 404, QStringLiteral("not-found"));
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
    QVERIFY(!response->hasHeader("X-Evil"));
    // The problem must not reflect the target back verbatim (no echo of hostile input).
    QVERIFY2(!response->body.contains("passwd") && !response->body.contains("X-Evil"),
             response->body.constData());
}

void TestErrors::malformedTargetsSurvived_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::newRow("raw utf-8 target")
        << QByteArray("GET /\xc3\xbc\xc3\xb1\xc3\xaf HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QTest::newRow("lone %") << QByteArray("GET /% HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QTest::newRow("bad escape") << QByteArray("GET /%zz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QTest::newRow("control byte") << QByteArray(QByteArray("GET /a") + '\x01' +
                                                "b HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QTest::newRow("NUL byte") << QByteArray(QByteArray("GET /a") + '\0' +
                                            "b HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QTest::newRow("asterisk") << QByteArray("GET * HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QTest::newRow("no slash") << QByteArray("GET healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QTest::newRow("garbage") << QByteArray("\x16\x03\x01garbage\r\n\r\n");
    QTest::newRow("bad content-length")
        << QByteArray("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -5\r\n\r\n");
    QTest::newRow("huge content-length") << QByteArray(
        "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 99999999999999999999\r\n\r\n");
    QTest::newRow("two content-lengths")
        << QByteArray("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n"
                      "Content-Length: 5\r\n\r\nhello");
}

void TestErrors::malformedTargetsSurvived()
{
    QFETCH(QByteArray, request);
    // Any clean refusal will do (a 4xx problem, or the connection cut); never
    // a success, never a crash, and the server keeps serving.
    RawHttpsClient client(m_server->certificatePath());
    QVERIFY2(client.connectTo(m_server->port()), qPrintable(client.errorString()));
    QVERIFY(client.send(request));
    const auto response = client.readResponse(10000);
    if (response) {
        QVERIFY2(response->status >= 400 && response->status < 500,
                 qPrintable(response->describe()));
        QCOMPARE(response->header("Content-Type"),
                 QByteArray("application/problem+json; charset=utf-8"));
        QCOMPARE(response->json().value(u"status").toInt(), response->status);
    } else {
        QVERIFY2(client.waitForClosed(10000), "neither an answer nor a close");
    }
}

void TestErrors::targetOverLimitCut()
{
    RawHttpsClient client(m_server->certificatePath());
    QVERIFY2(client.connectTo(m_server->port()), qPrintable(client.errorString()));
    QVERIFY(client.send(
        RawHttpsClient::request("GET", QByteArray("/" + QByteArray(maxHeaderBytes + 100, 'a')))));
    const auto response = client.readResponse(10000);
    QVERIFY2(!response || response->status == 414 || response->status == 431 ||
                 response->status == 400,
             qPrintable(describe(response)));
    QVERIFY(client.waitForClosed(10000));
}

void TestErrors::headerValueLimit_data()
{
    QTest::addColumn<int>("valueSize");
    QTest::addColumn<bool>("served");
    QTest::newRow("well under the limit") << maxHeaderBytes / 2 << true;
    QTest::newRow("one under the limit") << maxHeaderBytes - 1 << true;
    // --max-header-bytes is "the longest header value": that length is allowed.
    QTest::newRow("at the limit") << maxHeaderBytes << true;
    QTest::newRow("one over the limit") << maxHeaderBytes + 1 << false;
    QTest::newRow("far over the limit") << maxHeaderBytes * 32 << false;
}

void TestErrors::headerValueLimit()
{
    QFETCH(int, valueSize);
    QFETCH(bool, served);

    // A bystander holding a keep-alive connection from before.
    RawHttpsClient bystander(m_server->certificatePath());
    QVERIFY2(bystander.connectTo(m_server->port()), qPrintable(bystander.errorString()));
    QVERIFY(bystander.send(RawHttpsClient::request("GET", "/healthz")));
    const auto first = bystander.readResponse();
    QVERIFY2(first && first->status == 200, qPrintable(bystander.errorString()));

    RawHttpsClient client(m_server->certificatePath());
    QVERIFY2(client.connectTo(m_server->port()), qPrintable(client.errorString()));
    const QByteArray request =
        RawHttpsClient::request("GET", "/healthz", {{"X-Big", QByteArray(valueSize, 'v')}});
    client.send(request); // the server may cut the connection while this is written
    const auto response = client.readResponse(10000);
    if (served) {
        QVERIFY2(response, qPrintable(client.errorString()));
        QCOMPARE(response->status, 200);
    } else {
        // Cut: no response at all, and the connection closed.
        QVERIFY2(!response, qPrintable(describe(response)));
        QVERIFY(client.waitForClosed(10000));
        QVERIFY(client.pendingBytes().isEmpty());
    }

    // The bystander's connection is unharmed.
    QVERIFY(bystander.send(RawHttpsClient::request("GET", "/readyz")));
    const auto second = bystander.readResponse();
    QVERIFY2(second, qPrintable(bystander.errorString()));
    QCOMPARE(second->status, 200);
}

void TestErrors::tooManyHeadersRefused()
{
    HeaderList headers;
    for (int i = 0; i < 150; ++i)
        headers.append({"X-Filler-" + QByteArray::number(i), "x"});
    RawHttpsClient client(m_server->certificatePath());
    QVERIFY2(client.connectTo(m_server->port()), qPrintable(client.errorString()));
    client.send(RawHttpsClient::request("GET", "/healthz", headers));
    const auto response = client.readResponse(10000);
    QVERIFY2(!response || (response->status >= 400 && response->status < 500),
             qPrintable(describe(response)));
}

QTEST_GUILESS_MAIN(TestErrors)
#include "tst_errors.moc"
