// Streamed answers (Response::stream) in-process, over real TLS on loopback:
// parts arrive whole and in order as one chunked body; a client that stops
// reading stalls the producer instead of filling memory, and the write
// timeout then ends it; a client that goes away, a producer that fails and
// the drain deadline each stop the producer and release what it holds; every
// stream leaves exactly one access event.

#include "http/httpsserver.h"
#include "ops/selfsignedcertificate.h"
#include "rawhttpsclient.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QUrlQuery>
#include <atomic>
#include <mutex>
#include <thread>

using namespace engage::server;
using engage::test::RawHttpsClient;
using engage::test::RawResponse;

namespace {

// Part i of a stream: `size` bytes that name it, so that order shows.
QByteArray partOf(int i, int size)
{
    QByteArray part = "part " + QByteArray::number(i) + ' ';
    part = part.leftJustified(size - 1, '.', true);
    part += '\n';
    return part;
}

// Warnings and worse from the HTTP layer: a clean stream causes none.
std::atomic<int> g_complaints{0};
QtMessageHandler g_previousHandler = nullptr;

void countComplaints(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type != QtDebugMsg && type != QtInfoMsg && context.category &&
        QByteArrayView(context.category).startsWith("engage.server.http"))
        ++g_complaints;
    g_previousHandler(type, context, message);
}

void sleepMs(int ms)
{
    std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

} // namespace

class TestStreamedResponse final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_certificate;
    QString m_key;
    QThreadPool m_workers;
    http::Router m_router;
    std::unique_ptr<http::HttpsServer> m_server;

    // What the producer of the current test did.
    std::atomic<int> m_made{0};
    std::atomic<int> m_producing{0};
    std::atomic<int> m_mostAtOnce{0};
    std::atomic<qint64> m_bytesMade{0};
    std::mutex m_mutex;
    std::weak_ptr<int> m_producerAlive; // held only by the producer
    std::vector<http::AccessEvent> m_access;

    std::vector<http::AccessEvent> accessEvents()
    {
        std::lock_guard lock(m_mutex);
        return m_access;
    }

    bool producerReleased()
    {
        std::lock_guard lock(m_mutex);
        return m_producerAlive.expired();
    }

    void startServer(const http::ServerLimits &limits)
    {
        m_server = std::make_unique<http::HttpsServer>(m_router, limits);
        m_server->setAccessObserver([this](const http::AccessEvent &event) {
            std::lock_guard lock(m_mutex);
            m_access.push_back(event);
        });
        QString error;
        QVERIFY2(m_server->listen(QHostAddress::LocalHost, 0, m_certificate, m_key, 2, &error),
                 qPrintable(error));
    }

    // GET /parts?count=N&size=S[&failAt=K]: N parts of S bytes (N = 0: no
    // end), or a failure in place of part K.
    void streamParts(const http::Request &request, const http::Responder &respond)
    {
        const int count = request.query.queryItemValue(QStringLiteral("count")).toInt();
        const int size = request.query.queryItemValue(QStringLiteral("size")).toInt();
        const int failAt = request.query.hasQueryItem(QStringLiteral("failAt"))
                               ? request.query.queryItemValue(QStringLiteral("failAt")).toInt()
                               : -1;
        auto alive = std::make_shared<int>(0);
        {
            std::lock_guard lock(m_mutex);
            m_producerAlive = alive;
        }
        http::BodyStream stream;
        stream.next = [this, alive, count, size, failAt, next = 0]() mutable {
            const int atOnce = ++m_producing;
            int most = m_mostAtOnce.load();
            while (atOnce > most && !m_mostAtOnce.compare_exchange_weak(most, atOnce)) {
            }
            http::BodyChunk chunk;
            if (next == failAt) {
                chunk.state = http::BodyChunk::State::Failed;
            } else {
                chunk.bytes = partOf(next, size);
                ++next;
                chunk.state = count > 0 && next == count ? http::BodyChunk::State::Complete
                                                         : http::BodyChunk::State::More;
                m_bytesMade += chunk.bytes.size();
                ++m_made;
            }
            --m_producing;
            return chunk;
        };
        stream.schedule = [this](std::function<void()> task) {
            m_workers.start(std::move(task));
        };
        respond(http::Response::streamed(200, "text/plain; charset=utf-8", std::move(stream)));
    }

    static QByteArray partsRequest(int count, int size, const QString &extra = {})
    {
        return RawHttpsClient::request(
            "GET",
            QStringLiteral("/parts?count=%1&size=%2%3").arg(count).arg(size).arg(extra).toLatin1());
    }

    std::optional<http::AccessEvent> accessEventOf(const QString &path)
    {
        std::optional<http::AccessEvent> found;
        for (const http::AccessEvent &event : accessEvents()) {
            if (event.path == path.toLatin1()) {
                if (found)
                    return std::nullopt; // more than one
                found = event;
            }
        }
        return found;
    }

    // Production has not moved for `quietMs`; false when it still moves
    // after `timeoutMs`. Sleeps without an event loop, so that the client's
    // socket reads nothing meanwhile.
    bool productionStalls(int quietMs, int timeoutMs)
    {
        QElapsedTimer waited;
        waited.start();
        int seen = m_made.load();
        QElapsedTimer quiet;
        quiet.start();
        while (waited.elapsed() < timeoutMs) {
            sleepMs(50);
            if (m_made.load() != seen) {
                seen = m_made.load();
                quiet.restart();
            } else if (quiet.elapsed() >= quietMs) {
                return true;
            }
        }
        return false;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_certificate = m_dir.filePath(QStringLiteral("certificate.pem"));
        m_key = m_dir.filePath(QStringLiteral("key.pem"));
        QString error;
        QVERIFY2(ops::ensureSelfSignedCertificate(m_certificate, m_key, &error), qPrintable(error));
        g_previousHandler = qInstallMessageHandler(countComplaints);
        m_router.add(http::Method::Get, "/parts",
                     [this](http::Request request, http::Responder respond) {
                         streamParts(request, respond);
                     });
        m_router.add(http::Method::Get, "/plain", [](http::Request, http::Responder respond) {
            respond(http::Response::json(200, {{QStringLiteral("plain"), true}}));
        });
    }

    void init()
    {
        g_complaints = 0;
        m_made = 0;
        m_mostAtOnce = 0;
        m_bytesMade = 0;
        std::lock_guard lock(m_mutex);
        m_access.clear();
        m_producerAlive.reset();
    }

    void cleanup()
    {
        if (m_server)
            m_server->stop();
        m_server.reset();
        m_workers.waitForDone();
    }

    void partsArriveInOrder_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("size");
        QTest::newRow("one small part") << 1 << 20;
        QTest::newRow("many small parts") << 2000 << 100;
        QTest::newRow("large parts") << 40 << 300 * 1024;
    }

    void partsArriveInOrder()
    {
        QFETCH(int, count);
        QFETCH(int, size);
        http::ServerLimits limits;
        startServer(limits);
        RawHttpsClient client(m_certificate);
        QVERIFY2(client.connectTo(m_server->port()), qPrintable(client.errorString()));
        QVERIFY(client.send(partsRequest(count, size)));
        const std::optional<RawResponse> response = client.readResponse(30000);
        QVERIFY2(response, qPrintable(client.errorString()));
        QCOMPARE(response->status, 200);
        QCOMPARE(response->header("Transfer-Encoding"), QByteArray("chunked"));
        QVERIFY(!response->hasHeader("Content-Length"));
        QCOMPARE(response->header("Content-Type"), QByteArray("text/plain; charset=utf-8"));
        QCOMPARE(response->header("X-Content-Type-Options"), QByteArray("nosniff"));
        QVERIFY(!response->header("X-Request-Id").isEmpty());
        QByteArray expected;
        for (int i = 0; i < count; ++i)
            expected += partOf(i, size);
        QCOMPARE(response->body.size(), expected.size());
        QVERIFY(response->body == expected);
        QCOMPARE(m_mostAtOnce.load(), 1);

        // The connection is kept for the next request, which is answered.
        QVERIFY(client.send(RawHttpsClient::request("GET", "/plain")));
        const std::optional<RawResponse> plain = client.readResponse();
        QVERIFY2(plain, qPrintable(client.errorString()));
        QCOMPARE(plain->status, 200);

        QTRY_VERIFY_WITH_TIMEOUT(accessEventOf(QStringLiteral("/plain")).has_value(), 5000);
        const std::optional<http::AccessEvent> event = accessEventOf(QStringLiteral("/parts"));
        QVERIFY(event);
        QCOMPARE(event->status, 200);
        QCOMPARE(event->bodyBytes, qint64(expected.size()));
        QCOMPARE(event->requestId, QString::fromLatin1(response->header("X-Request-Id")));
        QVERIFY(producerReleased());
        QCOMPARE(g_complaints.load(), 0);
    }

    // A client that stops reading stalls the producer at what the socket
    // buffers hold plus the two parts the server keeps; the write timeout
    // then ends the stream and its producer.
    void slowReaderStallsTheProducer()
    {
        http::ServerLimits limits;
        limits.writeTimeout = std::chrono::seconds(5);
        startServer(limits);
        constexpr int partSize = 256 * 1024;
        RawHttpsClient client(m_certificate);
        client.socket().setReadBufferSize(16 * 1024);
        QVERIFY2(client.connectTo(m_server->port()), qPrintable(client.errorString()));
        QVERIFY(client.send(partsRequest(0, partSize)));
        QVERIFY(client.socket().waitForReadyRead(5000));

        // Unbounded, the producer would make a part per few milliseconds.
        QVERIFY2(productionStalls(2000, 20000), qPrintable(QString::number(m_made.load())));
        const int stalledAt = m_made.load();
        // Loopback socket buffers hold a few MB at most; the rest is ours.
        QVERIFY2(qint64(stalledAt) * partSize < 64 * 1024 * 1024,
                 qPrintable(QString::number(stalledAt)));
        QVERIFY(!producerReleased());

        // The write timeout gives up on the client.
        QElapsedTimer waited;
        waited.start();
        while (!producerReleased() && waited.elapsed() < 15000)
            sleepMs(50);
        QVERIFY(producerReleased());
        QVERIFY(m_made.load() <= stalledAt + http::BodyStream::window);
        QTRY_VERIFY_WITH_TIMEOUT(accessEventOf(QStringLiteral("/parts")).has_value(), 5000);
        const http::AccessEvent event = *accessEventOf(QStringLiteral("/parts"));
        QCOMPARE(event.status, 200);
        QVERIFY(event.bodyBytes > 0);
        QVERIFY(event.bodyBytes < m_bytesMade.load());
        QCOMPARE(m_server->requestsInFlight(), std::size_t(0));
    }

    // A client that closes mid-stream stops the producer at its next part
    // or two, and the stream is reported once with what was written.
    void disconnectStopsTheProducer()
    {
        startServer(http::ServerLimits{});
        RawHttpsClient client(m_certificate);
        QVERIFY2(client.connectTo(m_server->port()), qPrintable(client.errorString()));
        QVERIFY(client.send(partsRequest(0, 64 * 1024)));
        qint64 read = 0;
        while (read < 1024 * 1024 && client.socket().waitForReadyRead(5000))
            read += client.socket().readAll().size();
        QVERIFY(read >= 1024 * 1024);
        client.socket().abort();

        QTRY_VERIFY_WITH_TIMEOUT(producerReleased(), 10000);
        const int made = m_made.load();
        sleepMs(300);
        QCOMPARE(m_made.load(), made);
        QTRY_VERIFY_WITH_TIMEOUT(accessEventOf(QStringLiteral("/parts")).has_value(), 5000);
        const http::AccessEvent event = *accessEventOf(QStringLiteral("/parts"));
        QCOMPARE(event.status, 200);
        QVERIFY(event.bodyBytes >= read - 4096); // what was read, less the head
        QVERIFY(event.bodyBytes <= m_bytesMade.load());
        QCOMPARE(m_server->requestsInFlight(), std::size_t(0));
    }

    // A producer that fails mid-stream cuts the connection: the client sees
    // an incomplete body, never a complete-looking short one; the error is
    // reported as a 500 of the stream.
    void failureCutsTheBody()
    {
        startServer(http::ServerLimits{});
        RawHttpsClient client(m_certificate);
        QVERIFY2(client.connectTo(m_server->port()), qPrintable(client.errorString()));
        QVERIFY(client.send(partsRequest(10, 1000, QStringLiteral("&failAt=5"))));
        const std::optional<RawResponse> response = client.readResponse(10000);
        QVERIFY(!response);
        QVERIFY(client.waitForClosed(5000));
        QVERIFY(client.pendingBytes().startsWith("HTTP/1.1 200"));
        // Part 5 is made only once part 3 was written; part 4 may be lost in the cut.
        QVERIFY(client.pendingBytes().contains(partOf(3, 1000)));
        QVERIFY(!client.pendingBytes().contains("\r\n0\r\n\r\n"));
        QTRY_VERIFY_WITH_TIMEOUT(producerReleased(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(accessEventOf(QStringLiteral("/parts")).has_value(), 5000);
        const http::AccessEvent event = *accessEventOf(QStringLiteral("/parts"));
        QCOMPARE(event.status, 500);
        QCOMPARE(event.failure, QByteArray("stream"));
        QCOMPARE(event.problemCode, QStringLiteral("internal"));
        QCOMPARE(m_server->requestsInFlight(), std::size_t(0));
    }

    // stop() lets a stream run until the drain deadline, then cuts it: the
    // producer is released, the client sees an incomplete body, and stop()
    // returns soon after the deadline.
    void drainDeadlineCutsAStream()
    {
        http::ServerLimits limits;
        limits.drainTimeout = std::chrono::milliseconds(1500);
        startServer(limits);
        RawHttpsClient client(m_certificate);
        QVERIFY2(client.connectTo(m_server->port()), qPrintable(client.errorString()));
        QVERIFY(client.send(partsRequest(0, 64 * 1024)));
        QVERIFY(client.socket().waitForReadyRead(5000));

        // The client keeps reading while the server stops.
        std::atomic<bool> stopped{false};
        QElapsedTimer stopping;
        stopping.start();
        std::thread stopper([this, &stopped] {
            m_server->stop();
            stopped = true;
        });
        qint64 read = 0;
        while (!stopped && client.socket().waitForReadyRead(200))
            read += client.socket().readAll().size();
        stopper.join();
        const qint64 stopMs = stopping.elapsed();
        QVERIFY2(stopMs >= 1400 && stopMs < 5000, qPrintable(QString::number(stopMs)));
        QVERIFY(read > 0);
        QVERIFY(client.waitForClosed(5000));
        m_workers.waitForDone();
        QVERIFY(producerReleased());
        const std::optional<http::AccessEvent> event = accessEventOf(QStringLiteral("/parts"));
        QVERIFY(event);
        QCOMPARE(event->status, 200);
        QCOMPARE(m_server->requestsInFlight(), std::size_t(0));
    }
};

QTEST_GUILESS_MAIN(TestStreamedResponse)
#include "tst_streamedresponse.moc"
