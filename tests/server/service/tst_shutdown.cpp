// SIGTERM on the real engage-server: it stops accepting, lets what is in
// flight finish, cuts nothing short, and exits 0 within the drain time.

#include "httpsprobe.h"
#include "rawhttpsclient.h"
#include "serverprocess.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QNetworkReply>
#include <QTcpSocket>
#include <QTest>
#include <memory>

using namespace engage::test;

namespace {

constexpr int drainSeconds = 5;

} // namespace

class TestShutdown final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void idleKeepAliveDoesNotHoldExit();
    void parallelRequestsDuringShutdown();
    void repeatedSignalsHarmless();
    void signalsWhileExitingHarmless();
    void sigtermRightAfterAnnouncement();
};

void TestShutdown::idleKeepAliveDoesNotHoldExit()
{
    ServerProcess server;
    QVERIFY2(server.start({QStringLiteral("--drain-timeout"), QString::number(drainSeconds)}),
             qPrintable(server.errorString()));

    // A keep-alive connection with a completed exchange, then left open.
    RawHttpsClient client(server.certificatePath());
    QVERIFY2(client.connectTo(server.port()), qPrintable(client.errorString()));
    QVERIFY(client.send(RawHttpsClient::request("GET", "/readyz")));
    const auto before = client.readResponse();
    QVERIFY2(before, qPrintable(client.errorString()));
    QCOMPARE(before->status, 200);
    QCOMPARE(before->json().value(u"status").toString(), QStringLiteral("ready"));
    QCOMPARE(before->body.size(), before->header("Content-Length").toLongLong());

    QElapsedTimer stopping;
    stopping.start();
    server.terminate();
    QVERIFY2(server.waitForStderr(u"stopping", 10000), qPrintable(server.stderrText()));

    // Once stopping, no new connection is served.
    RawHttpsClient late(server.certificatePath());
    bool served = false;
    if (late.connectTo(server.port(), 5000) &&
        late.send(RawHttpsClient::request("GET", "/healthz"), 5000)) {
        const auto response = late.readResponse(5000);
        served = response && response->status == 200;
    }
    QVERIFY2(!served, "a connection opened after SIGTERM was served");

    QVERIFY2(server.waitForExit((drainSeconds + 10) * 1000), "still running after the drain time");
    qInfo("exited %lld ms after SIGTERM", stopping.elapsed());
    QCOMPARE(server.exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.exitCode(), 0);
    // An idle connection holds nothing in flight: it must not cost the drain time.
    QVERIFY2(stopping.elapsed() < drainSeconds * 1000,
             qPrintable(QStringLiteral("exit took %1 ms").arg(stopping.elapsed())));
    QVERIFY(client.waitForClosed(5000));

    // After exit, the port refuses connections outright.
    QTcpSocket probe;
    probe.connectToHost(QHostAddress::LocalHost, server.port());
    QVERIFY(!probe.waitForConnected(3000));
    QVERIFY2(!server.stderrText().contains(u"Sanitizer"), qPrintable(server.stderrText()));
}

void TestShutdown::parallelRequestsDuringShutdown()
{
    constexpr int parallel = 8;

    ServerProcess server;
    QVERIFY2(server.start({QStringLiteral("--drain-timeout"), QString::number(drainSeconds)}),
             qPrintable(server.errorString()));
    HttpsProbe probe(server.certificatePath(), server.url());

    int complete = 0;
    int failed = 0;
    QStringList broken; // responses that arrived but are not a whole, valid 200
    bool stopped = false;
    int completeAtSignal = -1;

    // Keeps `parallel` GET /readyz in flight until the server is gone.
    std::function<void()> launch;
    launch = [&] {
        if (stopped && !server.isRunning())
            return;
        QNetworkReply *reply = probe.manager().get(probe.request(QStringLiteral("/readyz")));
        connect(reply, &QNetworkReply::finished, reply, [&, reply] {
            reply->deleteLater();
            const HttpResponse response = HttpsProbe::collect(reply);
            if (response.status == 0) {
                ++failed; // no response at all: refused or cut before a status line
            } else {
                bool isJson = false;
                const QJsonObject json = response.json(&isJson);
                const bool whole =
                    response.status == 200 && response.error == QNetworkReply::NoError && isJson &&
                    json.value(u"status").toString() == u"ready" &&
                    response.body.size() == response.header("Content-Length").toLongLong();
                if (whole)
                    ++complete;
                else
                    broken << response.describe();
            }
            if (!stopped || server.isRunning())
                launch();
        });
    };
    for (int i = 0; i < parallel; ++i)
        launch();

    // Shut down in the middle of the traffic.
    QTRY_VERIFY_WITH_TIMEOUT(complete >= 40, 20000);
    completeAtSignal = complete;
    QElapsedTimer stopping;
    stopping.start();
    stopped = true;
    server.terminate();
    QTRY_VERIFY2_WITH_TIMEOUT(
        !server.isRunning(),
        qPrintable(QStringLiteral("still running; stderr:\n") + server.stderrText().right(3000)),
        (drainSeconds + 10) * 1000);
    // Let the last replies settle.
    QTRY_VERIFY_WITH_TIMEOUT(probe.manager().findChildren<QNetworkReply *>().isEmpty(), 10000);

    qInfo("%d complete (%d before SIGTERM), %d refused or cut, %d broken; exit after %lld ms",
          complete, completeAtSignal, failed, static_cast<int>(broken.size()), stopping.elapsed());
    QVERIFY2(broken.isEmpty(), qPrintable(broken.join(QStringLiteral("\n----\n"))));
    QCOMPARE(server.exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.exitCode(), 0);
    QVERIFY2(stopping.elapsed() < (drainSeconds + 5) * 1000,
             qPrintable(QStringLiteral("exit took %1 ms").arg(stopping.elapsed())));
    QVERIFY2(!server.stderrText().contains(u"Sanitizer"), qPrintable(server.stderrText()));
}

void TestShutdown::repeatedSignalsHarmless()
{
    ServerProcess server;
    QVERIFY2(server.start({QStringLiteral("--drain-timeout"), QString::number(drainSeconds)}),
             qPrintable(server.errorString()));
    HttpsProbe probe(server.certificatePath(), server.url());
    const HttpResponse response = probe.get(QStringLiteral("/healthz"));
    QVERIFY2(response.status == 200, qPrintable(response.describe()));

    // A second SIGTERM while stopping must not crash or change the exit code.
    server.terminate();
    server.terminate();
    QVERIFY2(server.waitForExit((drainSeconds + 10) * 1000), "still running");
    QCOMPARE(server.exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.exitCode(), 0);
    QVERIFY2(!server.stderrText().contains(u"Sanitizer"), qPrintable(server.stderrText()));
}

void TestShutdown::signalsWhileExitingHarmless()
{
    ServerProcess server;
    QVERIFY2(server.start({QStringLiteral("--drain-timeout"), QString::number(drainSeconds)}),
             qPrintable(server.errorString()));

    // A supervisor that keeps signalling until the process is gone reaches it
    // in every phase of stopping, exit included (once the server is torn down).
    server.terminate();
    QElapsedTimer repeating;
    repeating.start();
    int sent = 1;
    while (!server.waitForExit(1) && repeating.elapsed() < (drainSeconds + 10) * 1000) {
        server.terminate();
        ++sent;
    }
    qInfo("%d signals until the exit", sent);
    QCOMPARE(server.exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.exitCode(), 0);
    QVERIFY2(!server.stderrText().contains(u"Sanitizer"), qPrintable(server.stderrText()));
}

void TestShutdown::sigtermRightAfterAnnouncement()
{
    // A supervisor may stop the server as soon as it has announced itself:
    // by then SIGTERM must already mean "drain and exit 0", not the default
    // action (death by signal 15).
    ServerProcess server;
    QVERIFY2(server.start({QStringLiteral("--drain-timeout"), QString::number(drainSeconds)}),
             qPrintable(server.errorString()));
    server.terminate();
    QVERIFY2(server.waitForExit((drainSeconds + 10) * 1000), "still running");
    QVERIFY2(server.exitStatus() == QProcess::NormalExit,
             qPrintable(QStringLiteral("killed by signal %1").arg(server.exitCode())));
    QCOMPARE(server.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestShutdown)
#include "tst_shutdown.moc"
