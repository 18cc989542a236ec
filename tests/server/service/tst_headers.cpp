// The security headers and the request id on every route of the real
// engage-server, success and error alike.

#include "httpsprobe.h"
#include "rawhttpsclient.h"
#include "serverprocess.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <memory>

using namespace engage::test;

namespace {

const QByteArray jsonType = "application/json; charset=utf-8";
const QByteArray problemType = "application/problem+json; charset=utf-8";

// The headers every response must carry, with their exact values.
const HeaderList &securityHeaders()
{
    static const HeaderList headers = {
        {"Cache-Control", "no-store"},
        {"Strict-Transport-Security", "max-age=63072000; includeSubDomains"},
        {"X-Content-Type-Options", "nosniff"},
        {"X-Frame-Options", "DENY"},
        {"Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"},
        {"Referrer-Policy", "no-referrer"},
    };
    return headers;
}

const QRegularExpression &freshIdPattern()
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9a-f]{32}$"));
    return pattern;
}

// Checks headers common to every response; returns an error text or nothing.
template<typename Response>
QString checkCommonHeaders(const Response &response, const QByteArray &contentType)
{
    QString problems;
    for (const auto &[name, value] : securityHeaders()) {
        const QByteArrayList values = response.headerValues(name);
        if (values != QByteArrayList{value}) {
            problems += QStringLiteral("%1: expected '%2', got '%3'\n")
                            .arg(QString::fromLatin1(name), QString::fromLatin1(value),
                                 QString::fromLatin1(values.join("' '")));
        }
    }
    if (response.headerValues("Content-Type") != QByteArrayList{contentType}) {
        problems += QStringLiteral("Content-Type: expected '%1', got '%2'\n")
                        .arg(QString::fromLatin1(contentType),
                             QString::fromLatin1(response.headerValues("Content-Type").join(' ')));
    }
    if (response.hasHeader("Server"))
        problems += QStringLiteral("a Server header: %1\n")
                        .arg(QString::fromLatin1(response.header("Server")));
    if (response.hasHeader("X-Powered-By"))
        problems += QStringLiteral("an X-Powered-By header\n");
    if (response.headerValues("X-Request-Id").size() != 1)
        problems += QStringLiteral("not exactly one X-Request-Id\n");
    // No version string anywhere in the head (RESTinio, asio, OpenSSL, Qt).
    for (const auto &[name, value] : response.headers) {
        const QByteArray lower = value.toLower();
        for (const char *product : {"restinio", "asio", "openssl", "qt/", "engage/"}) {
            if (lower.contains(product))
                problems += QStringLiteral("version string in %1\n").arg(QString::fromLatin1(name));
        }
    }
    return problems.isEmpty() ? QString() : problems + response.describe();
}

} // namespace

class TestHeaders final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void everyRoute_data();
    void everyRoute();
    void requestIdEchoed_data();
    void requestIdEchoed();
    void requestIdReplaced_data();
    void requestIdReplaced();
    void freshIdsDiffer();
    void headerInjectionNotReflected();

private:
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<HttpsProbe> m_probe;
};

void TestHeaders::initTestCase()
{
    m_server = std::make_unique<ServerProcess>();
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    m_probe = std::make_unique<HttpsProbe>(m_server->certificatePath(), m_server->url());
    QVERIFY(m_probe->isValid());
}

void TestHeaders::cleanup()
{
    m_server->reportIfFailed();
    QVERIFY2(m_server->isRunning(), "the server died");
}

void TestHeaders::everyRoute_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code"); // problem code; empty for success

    QTest::newRow("GET /healthz") << QByteArray("GET") << QStringLiteral("/healthz") << QByteArray()
                                  << 200 << QString();
    QTest::newRow("GET /readyz") << QByteArray("GET") << QStringLiteral("/readyz") << QByteArray()
                                 << 200 << QString();
    QTest::newRow("404 GET /no-such-route") << QByteArray("GET") << QStringLiteral("/no-such-route")
                                            << QByteArray() << 404 << QStringLiteral("not-found");
    QTest::newRow("404 GET /") << QByteArray("GET") << QStringLiteral("/") << QByteArray() << 404
                               << QStringLiteral("not-found");
    QTest::newRow("405 POST /healthz")
        << QByteArray("POST") << QStringLiteral("/healthz") << QByteArray() << 405
        << QStringLiteral("method-not-allowed");
    QTest::newRow("405 DELETE /readyz")
        << QByteArray("DELETE") << QStringLiteral("/readyz") << QByteArray() << 405
        << QStringLiteral("method-not-allowed");
    QTest::newRow("413 GET /healthz with a body")
        << QByteArray("GET") << QStringLiteral("/healthz") << QByteArray("{}") << 413
        << QStringLiteral("payload-too-large");
}

void TestHeaders::everyRoute()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, code);

    const HttpResponse response = m_probe->send(
        method, path, body,
        body.isEmpty() ? HeaderList{} : HeaderList{{"Content-Type", "application/json"}});
    QVERIFY2(response.status == status, qPrintable(response.describe()));
    QVERIFY2(response.sslErrors.isEmpty(), qPrintable(response.describe()));

    const QString problems = checkCommonHeaders(response, code.isEmpty() ? jsonType : problemType);
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
    const QByteArray requestId = response.header("X-Request-Id");
    QVERIFY2(freshIdPattern().match(QString::fromLatin1(requestId)).hasMatch(),
             requestId.constData());

    bool isJson = false;
    const QJsonObject json = response.json(&isJson);
    QVERIFY2(isJson, qPrintable(response.describe()));
    if (code.isEmpty())
        return;
    // RFC 9457 with the service's extensions, and the same id as the header.
    QStringList keys = json.keys();
    QCOMPARE(keys, (QStringList{QStringLiteral("code"), QStringLiteral("detail"),
                                QStringLiteral("requestId"), QStringLiteral("status"),
                                QStringLiteral("title"), QStringLiteral("type")}));
    QCOMPARE(json.value(u"code").toString(), code);
    QCOMPARE(json.value(u"status").toInt(), status);
    QVERIFY(!json.value(u"title").toString().isEmpty());
    QVERIFY(!json.value(u"detail").toString().isEmpty());
    QVERIFY(!json.value(u"type").toString().isEmpty());
    QCOMPARE(json.value(u"requestId").toString(), QString::fromLatin1(requestId));
}

void TestHeaders::requestIdEchoed_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("requestId");
    for (const QString &path : {QStringLiteral("/healthz"), QStringLiteral("/nope")}) {
        QTest::addRow("%s 8 characters", qPrintable(path)) << path << QByteArray("abcdefgh");
        QTest::addRow("%s 64 characters", qPrintable(path)) << path << QByteArray(64, 'Z');
        QTest::addRow("%s every allowed class", qPrintable(path))
            << path << QByteArray("Az09._-x.trace-0001");
    }
}

void TestHeaders::requestIdEchoed()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, requestId);

    const HttpResponse response = m_probe->get(path, {{"X-Request-Id", requestId}});
    QVERIFY2(response.status == 200 || response.status == 404, qPrintable(response.describe()));
    QCOMPARE(response.headerValues("X-Request-Id"), QByteArrayList{requestId});
    if (response.status == 404)
        QCOMPARE(response.json().value(u"requestId").toString(), QString::fromLatin1(requestId));
}

void TestHeaders::requestIdReplaced_data()
{
    QTest::addColumn<QByteArray>("requestId");
    QTest::newRow("7 characters") << QByteArray("abcdefg");
    QTest::newRow("65 characters") << QByteArray(65, 'a');
    QTest::newRow("path traversal") << QByteArray("../x");
    QTest::newRow("long path traversal") << QByteArray("../../../../etc/passwd");
    QTest::newRow("space") << QByteArray("abcd efgh ijkl");
    QTest::newRow("markup") << QByteArray("<script>alert(1)</script>");
    QTest::newRow("quote") << QByteArray("abcdefgh\"}");
    QTest::newRow("encoded newline") << QByteArray("abcdefgh%0d%0aX-Evil:%201");
    QTest::newRow("utf-8") << QByteArray("\xc3\xbc\xc3\xbc\xc3\xbc\xc3\xbc-request");
    QTest::newRow("empty") << QByteArray("");
}

void TestHeaders::requestIdReplaced()
{
    QFETCH(QByteArray, requestId);

    // Raw bytes, so that nothing on the client side cleans the value.
    for (const QByteArray &path : {QByteArray("/healthz"), QByteArray("/nope")}) {
        RawHttpsClient client(m_server->certificatePath());
        QVERIFY2(client.connectTo(m_server->port()), qPrintable(client.errorString()));
        QVERIFY(client.send(RawHttpsClient::request("GET", path, {{"X-Request-Id", requestId}})));
        const auto response = client.readResponse();
        QVERIFY2(response, qPrintable(client.errorString()));
        QVERIFY2(response->status == 200 || response->status == 404,
                 qPrintable(response->describe()));
        const QByteArray echoed = response->header("X-Request-Id");
        QVERIFY2(freshIdPattern().match(QString::fromLatin1(echoed)).hasMatch(),
                 qPrintable(response->describe()));
        QVERIFY(echoed != requestId);
        QVERIFY(!response->hasHeader("X-Evil"));
        const QString problems =
            checkCommonHeaders(*response, response->status == 200 ? jsonType : problemType);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        if (response->status == 404)
            QCOMPARE(response->json().value(u"requestId").toString(), QString::fromLatin1(echoed));
    }
}

void TestHeaders::freshIdsDiffer()
{
    QSet<QByteArray> seen;
    for (int i = 0; i < 5; ++i) {
        const HttpResponse response = m_probe->get(QStringLiteral("/healthz"));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        seen.insert(response.header("X-Request-Id"));
    }
    QCOMPARE(seen.size(), 5);
}

void TestHeaders::headerInjectionNotReflected()
{
    // "../x\r\n" ends the header early: the rest arrives as a header of its own.
    RawHttpsClient client(m_server->certificatePath());
    QVERIFY2(client.connectTo(m_server->port()), qPrintable(client.errorString()));
    QVERIFY(client.send("GET /nope HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Request-Id: ../x\r\n"
                        "X-Injected: yes\r\n\r\n"));
    const auto response = client.readResponse();
    QVERIFY2(response, qPrintable(client.errorString()));
    QCOMPARE(response->status, 404);
    QVERIFY(!response->hasHeader("X-Injected"));
    const QByteArray id = response->header("X-Request-Id");
    QVERIFY2(freshIdPattern().match(QString::fromLatin1(id)).hasMatch(), id.constData());
    QCOMPARE(response->json().value(u"requestId").toString(), QString::fromLatin1(id));
}

QTEST_GUILESS_MAIN(TestHeaders)
#include "tst_headers.moc"
