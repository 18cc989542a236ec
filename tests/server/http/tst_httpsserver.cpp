// The HTTPS layer in-process, over real TLS on loopback, with routes that only
// a test needs: a JSON route, a slow route, and a handler that forgets to answer.

#include "api/tenant.h"
#include "http/httpsserver.h"
#include "httpsprobe.h"
#include "ops/selfsignedcertificate.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <csignal>
#include <thread>

using namespace engage::server;
using engage::test::HttpResponse;
using engage::test::HttpsProbe;

class TestHttpsServer final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_certificate;
    QString m_key;
    QThreadPool m_workers;
    http::Router m_router;
    std::unique_ptr<http::HttpsServer> m_server;
    std::unique_ptr<HttpsProbe> m_probe;
    std::mutex m_accessMutex;
    std::vector<http::AccessEvent> m_access;

    std::vector<http::AccessEvent> accessEvents()
    {
        std::lock_guard lock(m_accessMutex);
        return m_access;
    }

    void startServer()
    {
        http::ServerLimits limits;
        limits.drainTimeout = std::chrono::seconds(10);
        m_server = std::make_unique<http::HttpsServer>(m_router, limits);
        m_server->setAccessObserver([this](const http::AccessEvent &event) {
            std::lock_guard lock(m_accessMutex);
            m_access.push_back(event);
        });
        QString error;
        QVERIFY2(m_server->listen(QHostAddress::LocalHost, 0, m_certificate, m_key, 2, &error),
                 qPrintable(error));
        QVERIFY(m_server->port() != 0);
        m_probe = std::make_unique<HttpsProbe>(
            m_certificate, QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_server->port())));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_certificate = m_dir.filePath(QStringLiteral("certificate.pem"));
        m_key = m_dir.filePath(QStringLiteral("key.pem"));
        QString error;
        QVERIFY2(ops::ensureSelfSignedCertificate(m_certificate, m_key, &error), qPrintable(error));

        m_router.add(http::Method::Post, "/api/v1/options",
                     [](http::Request request, http::Responder respond) {
                         auto options = engage::api::tenantOptionsFromJson(request.json);
                         if (!options) {
                             respond(http::Response::problem(
                                 engage::api::Problem::fromError(options.error())));
                             return;
                         }
                         respond(http::Response::json(201, engage::api::toJson(options.value())));
                     },
                     {/*takesJson=*/true});
        m_router.add(http::Method::Get, "/slow", [this](http::Request, http::Responder respond) {
            m_workers.start([respond = std::move(respond)] {
                QThread::msleep(1500);
                respond(
                    http::Response::json(200, {{QStringLiteral("slow"), QStringLiteral("done")}}));
            });
        });
        m_router.add(http::Method::Get, "/forgotten", [](http::Request, http::Responder) {});
        m_router.add(http::Method::Get, "/whoami", [](http::Request, http::Responder respond) {
            http::Response response = http::Response::json(200, {});
            response.actor = {QStringLiteral("tenant-a"), QStringLiteral("person-1")};
            respond(std::move(response));
        });
        startServer();
    }

    void cleanupTestCase()
    {
        m_probe.reset();
        m_server.reset();
        m_workers.waitForDone();
    }

    void errorTable_data()
    {
        QTest::addColumn<QByteArray>("verb");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");

        const QByteArray json = "application/json";
        const QString options = QStringLiteral("/api/v1/options");
        QTest::newRow("malformed JSON")
            << QByteArray("POST") << options << json << QByteArray(R"({"securityOption": tru)")
            << 400 << QStringLiteral("malformed-json") << QString();
        QTest::newRow("unknown field")
            << QByteArray("POST") << options << json
            << QByteArray(R"({"securityOption":true,"isAdmin":true})") << 400
            << QStringLiteral("unknown-field") << QStringLiteral("isAdmin");
        QTest::newRow("wrong type")
            << QByteArray("POST") << options << json << QByteArray(R"({"securityOption":"yes"})")
            << 400 << QStringLiteral("invalid-field") << QStringLiteral("securityOption");
        QTest::newRow("wrong content type")
            << QByteArray("POST") << options << QByteArray("text/plain")
            << QByteArray(R"({"securityOption":true})") << 415
            << QStringLiteral("unsupported-media-type") << QString();
        QTest::newRow("form content type")
            << QByteArray("POST") << options << QByteArray("application/x-www-form-urlencoded")
            << QByteArray("securityOption=true") << 415 << QStringLiteral("unsupported-media-type")
            << QString();
        QTest::newRow("too large") << QByteArray("POST") << options << json
                                   << QByteArray("{\"securityOption\":true,\"pad\":\"" +
                                                 QByteArray((1 << 20), 'x') + "\"}")
                                   << 413 << QStringLiteral("payload-too-large") << QString();
        QTest::newRow("unknown route")
            << QByteArray("GET") << QStringLiteral("/api/v1/nothing") << QByteArray()
            << QByteArray() << 404 << QStringLiteral("not-found") << QString();
        QTest::newRow("wrong method")
            << QByteArray("DELETE") << options << QByteArray() << QByteArray() << 405
            << QStringLiteral("method-not-allowed") << QString();
        QTest::newRow("handler never answers")
            << QByteArray("GET") << QStringLiteral("/forgotten") << QByteArray() << QByteArray()
            << 500 << QStringLiteral("internal") << QString();
    }

    void errorTable()
    {
        QFETCH(QByteArray, verb);
        QFETCH(QString, path);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, field);

        engage::test::HeaderList headers;
        if (!contentType.isEmpty())
            headers.append({"Content-Type", contentType});
        const HttpResponse response = m_probe->send(verb, path, body, headers);
        QVERIFY2(response.status == status, qPrintable(response.describe()));
        QCOMPARE(response.header("Content-Type"),
                 QByteArray("application/problem+json; charset=utf-8"));
        QCOMPARE(response.header("X-Content-Type-Options"), QByteArray("nosniff"));
        bool ok = false;
        const QJsonObject problem = response.json(&ok);
        QVERIFY2(ok, qPrintable(response.describe()));
        QCOMPARE(problem.value(QStringLiteral("code")).toString(), code);
        QCOMPARE(problem.value(QStringLiteral("status")).toInt(), status);
        QCOMPARE(problem.value(QStringLiteral("requestId")).toString(),
                 QString::fromLatin1(response.header("X-Request-Id")));
        QVERIFY(!problem.value(QStringLiteral("title")).toString().isEmpty());
        QCOMPARE(problem.value(QStringLiteral("field")).toString(), field);
        // Nothing of the input or of our internals comes back.
        QVERIFY(!response.body.contains("xxxxxxxx"));
        QVERIFY(!response.body.contains(".cpp"));
    }

    void validJsonReachesTheHandler()
    {
        const HttpResponse response =
            m_probe->send("POST", QStringLiteral("/api/v1/options"), R"({"securityOption":true})",
                          {{"Content-Type", "application/json; charset=utf-8"}});
        QVERIFY2(response.status == 201, qPrintable(response.describe()));
        QCOMPARE(response.json().value(QStringLiteral("securityOption")).toBool(), true);
    }

    void everyRequestIsReportedToTheAccessLog_data()
    {
        QTest::addColumn<QByteArray>("verb");
        QTest::addColumn<QString>("query");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("tenant");
        QTest::addColumn<QString>("person");

        QTest::newRow("acting as someone")
            << QByteArray("GET") << QStringLiteral("secret=x") << QByteArray("/whoami") << 200
            << QStringLiteral("tenant-a") << QStringLiteral("person-1");
        QTest::newRow("refused") << QByteArray("GET") << QStringLiteral("/nowhere")
                                 << QByteArray("/nowhere") << 404 << QString() << QString();
        QTest::newRow("never answered")
            << QByteArray("GET") << QString() << QByteArray("/forgotten") << 500 << QString()
            << QString();
        QTest::newRow("wrong method") << QByteArray("PUT") << QStringLiteral("/whoami")
                                      << QByteArray("/whoami") << 405 << QString() << QString();
    }

    void everyRequestIsReportedToTheAccessLog()
    {
        QFETCH(QByteArray, verb);
        QFETCH(QString, query);
        QFETCH(QByteArray, path);
        QFETCH(int, status);
        QFETCH(QString, tenant);
        QFETCH(QString, person);

        const std::size_t before = accessEvents().size();
        // The query string stays out of the log: it is not the log's to keep.
        QNetworkRequest request = m_probe->request(QString::fromLatin1(path),
                                                   {{"User-Agent", "engage-admin/0.1 (テスト)"}});
        QUrl url = request.url();
        url.setQuery(query);
        request.setUrl(url);
        const HttpResponse response =
            HttpsProbe::waitFor(m_probe->manager().sendCustomRequest(request, verb), 10000);
        QCOMPARE(response.status, status);
        QTRY_COMPARE_WITH_TIMEOUT(accessEvents().size(), before + 1, 5000);
        const http::AccessEvent event = accessEvents().back();
        QCOMPARE(event.requestId, QString::fromLatin1(response.header("X-Request-Id")));
        QCOMPARE(event.method, verb);
        QCOMPARE(event.path, path);
        QCOMPARE(event.status, status);
        QCOMPARE(event.tenantId, tenant);
        QCOMPARE(event.personId, person);
        QCOMPARE(event.peer, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(QString::fromUtf8(event.userAgent), QStringLiteral("engage-admin/0.1 (テスト)"));
        QVERIFY(event.latencyUs > 0);
        QVERIFY(qAbs(event.atMs - QDateTime::currentMSecsSinceEpoch()) < 10000);
    }

    // Runs last: SIGTERM lets the slow request finish, then the server is gone.
    void terminationSignalDrainsRequestsInFlight()
    {
        std::thread stopper;
        bool signalled = false;
        m_server->onTerminationSignal([&] {
            signalled = true;
            // The callback runs on a network thread, which stop() joins.
            stopper = std::thread([this] { m_server->stop(); });
        });

        QNetworkReply *slow = m_probe->manager().get(m_probe->request(QStringLiteral("/slow")));
        QTRY_COMPARE_WITH_TIMEOUT(m_server->requestsInFlight(), std::size_t(1), 5000);
        std::raise(SIGTERM);
        QTRY_VERIFY_WITH_TIMEOUT(signalled, 5000);

        const HttpResponse response = HttpsProbe::waitFor(slow, 10000);
        slow->deleteLater();
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        QCOMPARE(response.json().value(QStringLiteral("slow")).toString(), QStringLiteral("done"));
        QCOMPARE(response.header("Connection").toLower(), QByteArray("close"));

        stopper.join();
        QCOMPARE(m_server->requestsInFlight(), std::size_t(0));
        const HttpResponse refused = m_probe->get(QStringLiteral("/healthz"), {}, 3000);
        QCOMPARE(refused.status, 0);
        QVERIFY(refused.error != QNetworkReply::NoError);
    }
};

QTEST_GUILESS_MAIN(TestHttpsServer)
#include "tst_httpsserver.moc"
