// ApiClient against the real engage-server over TLS on loopback: pinning, the
// trust question, a changed certificate, sign-in and the bearer token, one
// shared refresh for concurrent 401s, problem answers, the server gone. A
// scripted HTTPS server stands in where the service cannot produce a fault on
// demand (503, an answer that is not JSON) and shows the headers as sent; a
// silent TCP server stands in for a service that never answers.

#include "models/apiclient.h"
#include "models/cache/offlinecache.h"
#include "models/cache/sealedrecord.h"
#include "serverprocess.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>
#include <memory>

using engage::models::ApiClient;
using engage::models::ApiError;
using engage::models::ApiReply;
using engage::models::ApiRequest;
using engage::models::Authenticator;
using engage::models::CertificateDecider;
using engage::models::CertificateInfo;
using engage::models::OfflineCache;
using engage::models::OfflineScope;
using engage::test::ServerProcess;
using Kind = ApiError::Kind;

namespace {

constexpr int kWaitMs = 20000;
const QString kWrongPin = QStringLiteral(
    "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:"
    "EE:FF");

// What a reply said when it finished (it deletes itself afterwards).
struct Outcome
{
    int finishedCount = 0;
    bool ok = false;
    int httpStatus = 0;
    QJsonDocument json;
    QByteArray etag;
    QString requestId;
    ApiError error;
};

std::shared_ptr<Outcome> watch(ApiReply *reply, QObject *context)
{
    auto outcome = std::make_shared<Outcome>();
    outcome->requestId = reply->requestId();
    QObject::connect(reply, &ApiReply::finished, context, [outcome, reply] {
        ++outcome->finishedCount;
        outcome->ok = reply->isOk();
        outcome->httpStatus = reply->httpStatus();
        outcome->json = reply->json();
        outcome->etag = reply->etag();
        if (!reply->isOk())
            outcome->error = reply->error();
    });
    return outcome;
}

QString codeOf(const ApiError &error)
{
    return error.code ? engage::api::problemCodeName(*error.code) : QStringLiteral("(no code)");
}

QString describe(const Outcome &outcome)
{
    if (outcome.finishedCount == 0)
        return QStringLiteral("not finished");
    if (outcome.ok)
        return QStringLiteral("ok, HTTP %1").arg(outcome.httpStatus);
    return QStringLiteral("kind %1, HTTP %2, detail %3")
        .arg(int(outcome.error.kind))
        .arg(outcome.error.httpStatus)
        .arg(outcome.error.detail);
}

// Answers the trust question the way a person would, later.
class ScriptedDecider final : public CertificateDecider
{
public:
    explicit ScriptedDecider(bool pin)
        : m_pin(pin)
    {}

    int asked = 0;
    CertificateInfo last;

    void askToTrust(const CertificateInfo &certificate,
                    std::function<void(bool pin)> answer) override
    {
        ++asked;
        last = certificate;
        // A person takes a moment: calls made meanwhile wait for this answer.
        QTimer::singleShot(200, &m_context, [this, answer] { answer(m_pin); });
    }

private:
    bool m_pin;
    QObject m_context;
};

// Hands out `token`; a refresh puts `renewedToken` in place a little later,
// as a refresh over the network would, so that concurrent 401s find it running.
class TestAuthenticator final : public Authenticator
{
public:
    QString token;
    QString renewedToken;
    bool renews = true;
    int refreshCalls = 0;

    QString accessToken() const override { return token; }
    void refreshAccessToken(std::function<void(bool renewed)> done) override
    {
        ++refreshCalls;
        QTimer::singleShot(300, &m_context, [this, done] {
            if (renews)
                token = renewedToken;
            done(renews);
        });
    }

private:
    QObject m_context;
};

// Accepts connections and never says a word.
class SilentServer final
{
public:
    SilentServer()
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                Q_UNUSED(socket); // kept open, parented to the server
                ++connections;
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QUrl url(const QString &scheme = QStringLiteral("https")) const
    {
        return QUrl(QStringLiteral("%1://127.0.0.1:%2").arg(scheme).arg(m_server.serverPort()));
    }

    int connections = 0;

private:
    QTcpServer m_server;
};

// HTTPS on loopback with the demo certificate, answering every request with
// one canned response and recording each request as it arrived.
class ScriptedHttpsServer final : public QTcpServer
{
public:
    struct Received
    {
        QByteArray method;
        QByteArray target;
        QHash<QByteArray, QByteArray> headers; // names in lower case
        QByteArray body;
    };

    ScriptedHttpsServer(const QString &certificatePath, const QString &keyPath)
    {
        QFile certificate(certificatePath);
        QFile key(keyPath);
        if (certificate.open(QIODevice::ReadOnly) && key.open(QIODevice::ReadOnly)) {
            m_tls = QSslConfiguration::defaultConfiguration();
            m_tls.setLocalCertificate(QSslCertificate(&certificate));
            m_tls.setPrivateKey(QSslKey(&key, QSsl::Ec));
            m_tls.setProtocol(QSsl::TlsV1_2OrLater);
            m_tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        }
    }

    bool start()
    {
        return !m_tls.localCertificate().isNull() && !m_tls.privateKey().isNull() &&
               listen(QHostAddress::LocalHost, 0);
    }
    QUrl url() const { return QUrl(QStringLiteral("https://127.0.0.1:%1").arg(serverPort())); }

    void answer(int status, const QByteArray &contentType, const QByteArray &body,
                const QByteArray &extraHeaders = {})
    {
        m_response = "HTTP/1.1 " + QByteArray::number(status) +
                     " Scripted\r\nContent-Type: " + contentType +
                     "\r\nContent-Length: " + QByteArray::number(body.size()) +
                     "\r\nConnection: close\r\n" + extraHeaders + "\r\n" + body;
    }

    QList<Received> received;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        socket->setSslConfiguration(m_tls);
        connect(socket, &QSslSocket::readyRead, this, [this, socket] { readFrom(socket); });
        connect(socket, &QSslSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
        socket->startServerEncryption();
    }

private:
    void readFrom(QSslSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        Received request;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        request.method = requestLine.value(0);
        request.target = requestLine.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            if (colon > 0)
                request.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                                       lines.at(i).mid(colon + 1).trimmed());
        }
        const qsizetype length = request.headers.value("content-length", "0").toLongLong();
        if (buffer.size() < headerEnd + 4 + length)
            return;
        request.body = buffer.mid(headerEnd + 4, length);
        buffer.clear();
        received << request;
        socket->write(m_response);
        socket->disconnectFromHost();
    }

    QSslConfiguration m_tls;
    QByteArray m_response;
    QHash<QSslSocket *, QByteArray> m_buffers;
};

QByteArray problemBody(const QString &code, int status, const QString &requestId = {})
{
    QJsonObject problem{
        {QStringLiteral("type"), QString(QStringLiteral("urn:engage:problem:") + code)},
        {QStringLiteral("title"), QStringLiteral("Scripted")},
        {QStringLiteral("status"), status},
        {QStringLiteral("detail"), QStringLiteral("Scripted detail.")},
        {QStringLiteral("code"), code},
        {QStringLiteral("requestId"), requestId}};
    return QJsonDocument(problem).toJson(QJsonDocument::Compact);
}

ApiRequest request(const QByteArray &method, const QString &path, bool authenticated = true)
{
    ApiRequest result;
    result.method = method;
    result.path = path;
    result.authenticated = authenticated;
    return result;
}

} // namespace

class TestApiClient final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void tlsTwelveOrLater();
    void plainHttpRefused();
    void pinnedCertificateAccepted();
    void untrustedRefusedWithoutDecider();
    void untrustedRefusedByDecider();
    void nothingSentBeforeTrust();
    void pinningThroughDecider();
    void wrongPinRefused();
    void changedCertificateRefused();
    void publiclyTrustedCertificate();
    void headersAsSent();
    void rawBodyWithItsTypeAndProgress();
    void signInAndMe();
    void refreshSharedByConcurrent401s();
    void refreshRefused();
    void problemMapped();
    void ifMatch();
    void serviceUnavailableRetries_data();
    void serviceUnavailableRetries();
    void unreadableAnswers_data();
    void unreadableAnswers();
    void timeoutRetriesIdempotentOnly_data();
    void timeoutRetriesIdempotentOnly();
    void abortAndDestruction();
    void serverGone();
    void cacheOnlyNeverConnects();

private:
    // A client of the shared server with its certificate pinned.
    void configure(ApiClient &client) const;
    // POST /api/v1/auth/login as the first demo tenant's owner: the access token.
    QString signIn(ApiClient &client);
    QJsonObject tenant() const;

    std::unique_ptr<ServerProcess> m_server;
};

void TestApiClient::initTestCase()
{
    m_server = std::make_unique<ServerProcess>();
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    QVERIFY(!m_server->fingerprint().isEmpty());
    QVERIFY(!tenant().isEmpty());
}

void TestApiClient::cleanup()
{
    if (m_server)
        m_server->reportIfFailed();
}

void TestApiClient::configure(ApiClient &client) const
{
    client.setBaseUrl(m_server->url());
    client.setPinnedFingerprint(m_server->fingerprint());
}

QJsonObject TestApiClient::tenant() const
{
    return m_server->announcement().value(u"tenants").toArray().first().toObject();
}

QString TestApiClient::signIn(ApiClient &client)
{
    ApiRequest login = request("POST", QStringLiteral("/api/v1/auth/login"), false);
    login.body = QJsonObject{{QStringLiteral("tenant"), tenant().value(u"slug")},
                             {QStringLiteral("email"), tenant().value(u"adminEmail")},
                             {QStringLiteral("password"), tenant().value(u"adminPassword")}};
    auto outcome = watch(client.send(login), this);
    if (!QTest::qWaitFor([&] { return outcome->finishedCount > 0; }, kWaitMs) || !outcome->ok) {
        qWarning() << "sign-in failed:" << describe(*outcome);
        return {};
    }
    return outcome->json.object().value(u"accessToken").toString();
}

void TestApiClient::tlsTwelveOrLater()
{
    ApiClient client;
    const QSslConfiguration tls = client.sslConfiguration();
    QCOMPARE(tls.protocol(), QSsl::TlsV1_2OrLater);
    QCOMPARE(tls.peerVerifyMode(), QSslSocket::VerifyPeer);
}

void TestApiClient::plainHttpRefused()
{
    SilentServer server;
    QVERIFY(server.listen());
    ApiClient client;
    client.setBaseUrl(server.url(QStringLiteral("http")));
    auto outcome = watch(client.get(QStringLiteral("/healthz")), this);
    QTRY_COMPARE_WITH_TIMEOUT(outcome->finishedCount, 1, kWaitMs);
    QCOMPARE(outcome->error.kind, Kind::TlsFailure);
    QCOMPARE(server.connections, 0);
}

void TestApiClient::pinnedCertificateAccepted()
{
    ApiClient client;
    ScriptedDecider decider(false);
    client.setCertificateDecider(&decider);
    configure(client);
    QSignalSpy reachability(&client, &ApiClient::reachabilityChanged);
    auto outcome = watch(client.send(request("GET", QStringLiteral("/healthz"), false)), this);
    QTRY_COMPARE_WITH_TIMEOUT(outcome->finishedCount, 1, kWaitMs);
    QVERIFY2(outcome->ok, qPrintable(describe(*outcome)));
    QCOMPARE(outcome->httpStatus, 200);
    QVERIFY(outcome->json.isObject());
    QCOMPARE(decider.asked, 0);
    QCOMPARE(reachability.size(), 1);
    QCOMPARE(reachability.at(0).at(0).toBool(), true);

    // Reachability is reported on change only.
    auto again = watch(client.get(QStringLiteral("/healthz")), this);
    QTRY_COMPARE_WITH_TIMEOUT(again->finishedCount, 1, kWaitMs);
    QVERIFY(again->ok);
    QCOMPARE(reachability.size(), 1);
}

void TestApiClient::untrustedRefusedWithoutDecider()
{
    ApiClient client;
    client.setBaseUrl(m_server->url());
    auto outcome = watch(client.get(QStringLiteral("/healthz")), this);
    QTRY_COMPARE_WITH_TIMEOUT(outcome->finishedCount, 1, kWaitMs);
    QCOMPARE(outcome->error.kind, Kind::UntrustedCertificate);
    QCOMPARE(outcome->error.requestId, outcome->requestId);
    QVERIFY(client.pinnedFingerprint().isEmpty());
}

void TestApiClient::untrustedRefusedByDecider()
{
    ApiClient client;
    ScriptedDecider decider(false);
    client.setCertificateDecider(&decider);
    client.setBaseUrl(m_server->url());
    QSignalSpy pinned(&client, &ApiClient::pinnedFingerprintChanged);
    // Two calls at once share one question.
    auto first = watch(client.get(QStringLiteral("/healthz")), this);
    auto second = watch(client.get(QStringLiteral("/readyz")), this);
    QTRY_COMPARE_WITH_TIMEOUT(first->finishedCount, 1, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(second->finishedCount, 1, kWaitMs);
    QCOMPARE(first->error.kind, Kind::UntrustedCertificate);
    QCOMPARE(second->error.kind, Kind::UntrustedCertificate);
    QCOMPARE(decider.asked, 1);
    QCOMPARE(decider.last.fingerprint, m_server->fingerprint());
    QCOMPARE(pinned.size(), 0);
    QVERIFY(client.pinnedFingerprint().isEmpty());
}

// The scripted server shows whether any request got through.
void TestApiClient::nothingSentBeforeTrust()
{
    ScriptedHttpsServer server(m_server->certificatePath(), m_server->keyPath());
    QVERIFY(server.start());
    server.answer(200, "application/json", "{}");
    ApiClient client;
    ScriptedDecider decider(false);
    client.setCertificateDecider(&decider);
    client.setBaseUrl(server.url());
    ApiRequest login = request("POST", QStringLiteral("/api/v1/auth/login"), false);
    login.body = QJsonObject{{QStringLiteral("password"), QStringLiteral("secret")}};
    auto outcome = watch(client.send(login), this);
    QTRY_COMPARE_WITH_TIMEOUT(outcome->finishedCount, 1, kWaitMs);
    QCOMPARE(outcome->error.kind, Kind::UntrustedCertificate);
    QCOMPARE(decider.asked, 1);
    QTest::qWait(200);
    QCOMPARE(server.received.size(), 0);
}

void TestApiClient::pinningThroughDecider()
{
    ApiClient client;
    ScriptedDecider decider(true);
    client.setCertificateDecider(&decider);
    client.setBaseUrl(m_server->url());
    QSignalSpy pinned(&client, &ApiClient::pinnedFingerprintChanged);
    auto outcome = watch(client.get(QStringLiteral("/healthz")), this);
    QTRY_COMPARE_WITH_TIMEOUT(outcome->finishedCount, 1, kWaitMs);
    QVERIFY2(outcome->ok, qPrintable(describe(*outcome)));
    QCOMPARE(decider.asked, 1);
    QCOMPARE(pinned.size(), 1);
    QCOMPARE(pinned.at(0).at(0).toString(), m_server->fingerprint());
    QCOMPARE(client.pinnedFingerprint(), m_server->fingerprint());

    // What the person was shown.
    const CertificateInfo &shown = decider.last;
    QCOMPARE(shown.fingerprint, m_server->fingerprint());
    QCOMPARE(shown.host, QStringLiteral("127.0.0.1"));
    QVERIFY2(shown.subject.contains(QLatin1String("localhost")), qPrintable(shown.subject));
    QVERIFY(!shown.issuer.isEmpty());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(shown.validFrom <= now && now < shown.validUntil);
    QCOMPARE(shown.validUntil.timeSpec(), Qt::UTC);

    // Pinned now: no second question.
    auto again = watch(client.get(QStringLiteral("/healthz")), this);
    QTRY_COMPARE_WITH_TIMEOUT(again->finishedCount, 1, kWaitMs);
    QVERIFY(again->ok);
    QCOMPARE(decider.asked, 1);
}

void TestApiClient::wrongPinRefused()
{
    ApiClient client;
    ScriptedDecider decider(true);
    client.setCertificateDecider(&decider);
    client.setBaseUrl(m_server->url());
    client.setPinnedFingerprint(kWrongPin);
    QSignalSpy pinned(&client, &ApiClient::pinnedFingerprintChanged);
    auto outcome = watch(client.get(QStringLiteral("/healthz")), this);
    QTRY_COMPARE_WITH_TIMEOUT(outcome->finishedCount, 1, kWaitMs);
    QCOMPARE(outcome->error.kind, Kind::PinMismatch);
    QVERIFY(!outcome->error.isRecoverable());
    QCOMPARE(decider.asked, 0);
    QCOMPARE(pinned.size(), 0);
    QCOMPARE(client.pinnedFingerprint(), kWrongPin);
}

// The service reinstalled with a new certificate (or someone in between):
// the old pin refuses it, and nobody is asked to trust it.
void TestApiClient::changedCertificateRefused()
{
    ApiClient client;
    ScriptedDecider decider(true);
    client.setCertificateDecider(&decider);
    configure(client);
    auto before = watch(client.get(QStringLiteral("/healthz")), this);
    QTRY_COMPARE_WITH_TIMEOUT(before->finishedCount, 1, kWaitMs);
    QVERIFY2(before->ok, qPrintable(describe(*before)));

    ServerProcess renewed;
    QVERIFY2(renewed.start(), qPrintable(renewed.errorString()));
    QVERIFY(renewed.fingerprint() != m_server->fingerprint());
    client.setBaseUrl(renewed.url());
    auto after = watch(client.get(QStringLiteral("/healthz")), this);
    QTRY_COMPARE_WITH_TIMEOUT(after->finishedCount, 1, kWaitMs);
    QCOMPARE(after->error.kind, Kind::PinMismatch);
    QCOMPARE(decider.asked, 0);
    QCOMPARE(client.pinnedFingerprint(), m_server->fingerprint());
}

// A certificate some CA in the trust store vouches for (here: the demo one,
// added as a CA) needs no question, unless a pin names another one.
void TestApiClient::publiclyTrustedCertificate()
{
    const QSslConfiguration original = QSslConfiguration::defaultConfiguration();
    const auto restore =
        qScopeGuard([&original] { QSslConfiguration::setDefaultConfiguration(original); });
    QSslConfiguration trusting = original;
    QVERIFY(trusting.addCaCertificates(m_server->certificatePath()));
    QSslConfiguration::setDefaultConfiguration(trusting);

    ApiClient client;
    ScriptedDecider decider(true);
    client.setCertificateDecider(&decider);
    client.setBaseUrl(m_server->url());
    auto trusted = watch(client.get(QStringLiteral("/healthz")), this);
    QTRY_COMPARE_WITH_TIMEOUT(trusted->finishedCount, 1, kWaitMs);
    QVERIFY2(trusted->ok, qPrintable(describe(*trusted)));
    QCOMPARE(decider.asked, 0);
    QVERIFY(client.pinnedFingerprint().isEmpty());

    client.setPinnedFingerprint(kWrongPin);
    auto pinnedElsewhere = watch(client.get(QStringLiteral("/healthz")), this);
    QTRY_COMPARE_WITH_TIMEOUT(pinnedElsewhere->finishedCount, 1, kWaitMs);
    QCOMPARE(pinnedElsewhere->error.kind, Kind::PinMismatch);
    QCOMPARE(decider.asked, 0);
}

void TestApiClient::headersAsSent()
{
    ScriptedHttpsServer server(m_server->certificatePath(), m_server->keyPath());
    QVERIFY(server.start());
    server.answer(201, "application/json; charset=utf-8", R"({"id":"x"})", "ETag: \"7\"\r\n");
    ApiClient client;
    TestAuthenticator authenticator;
    authenticator.token = QStringLiteral("token-for-the-test");
    client.setAuthenticator(&authenticator);
    client.setBaseUrl(server.url());
    client.setPinnedFingerprint(m_server->fingerprint().toLower());

    ApiRequest create = request("POST", QStringLiteral("/api/v1/users?dryRun=1"));
    create.body = QJsonObject{{QStringLiteral("email"), QStringLiteral("a@example.com")}};
    create.ifMatch = "\"6\"";
    create.idempotencyKey = "key-0123456789";
    auto created = watch(client.send(create), this);
    auto anonymous =
        watch(client.send(request("GET", QStringLiteral("/api/v1/ping"), false)), this);
    QTRY_COMPARE_WITH_TIMEOUT(created->finishedCount, 1, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(anonymous->finishedCount, 1, kWaitMs);
    QVERIFY2(created->ok, qPrintable(describe(*created)));
    QCOMPARE(created->httpStatus, 201);
    QCOMPARE(created->etag, QByteArray("\"7\""));
    QCOMPARE(created->json.object().value(u"id").toString(), QStringLiteral("x"));
    QCOMPARE(server.received.size(), 2);

    const auto sent = [&server](const QByteArray &method) {
        for (const auto &received : std::as_const(server.received)) {
            if (received.method == method)
                return received;
        }
        return ScriptedHttpsServer::Received{};
    };
    const ScriptedHttpsServer::Received post = sent("POST");
    QCOMPARE(post.target, QByteArray("/api/v1/users?dryRun=1"));
    QCOMPARE(post.headers.value("x-request-id"), created->requestId.toLatin1());
    QVERIFY(!QUuid::fromString(created->requestId).isNull());
    QCOMPARE(post.headers.value("accept"), QByteArray("application/json"));
    QCOMPARE(post.headers.value("content-type"), QByteArray("application/json"));
    QCOMPARE(post.headers.value("authorization"), QByteArray("Bearer token-for-the-test"));
    QCOMPARE(post.headers.value("if-match"), QByteArray("\"6\""));
    QCOMPARE(post.headers.value("idempotency-key"), QByteArray("key-0123456789"));
    QCOMPARE(QJsonDocument::fromJson(post.body).object(), *create.body);

    const ScriptedHttpsServer::Received get = sent("GET");
    QCOMPARE(get.headers.value("x-request-id"), anonymous->requestId.toLatin1());
    QVERIFY(created->requestId != anonymous->requestId);
    QVERIFY(!get.headers.contains("authorization"));
    QVERIFY(!get.headers.contains("content-type"));
    QVERIFY(!get.headers.contains("if-match"));
    QVERIFY(!get.headers.contains("idempotency-key"));
}

void TestApiClient::rawBodyWithItsTypeAndProgress()
{
    ScriptedHttpsServer server(m_server->certificatePath(), m_server->keyPath());
    QVERIFY(server.start());
    server.answer(201, "application/json", R"({"id":"upload"})");
    ApiClient client;
    client.setBaseUrl(server.url());
    client.setPinnedFingerprint(m_server->fingerprint());

    // A file of a few megabytes, its bytes as they are (no JSON around them).
    QByteArray file;
    for (int i = 0; file.size() < 3 * 1024 * 1024; ++i)
        file += QByteArray::number(i) + ",名前,\"a, b\"\r\n";
    ApiRequest upload = request("POST", QStringLiteral("/api/v1/member-imports?name=a.csv"));
    upload.rawBody = file;
    upload.contentType = "text/csv";
    ApiReply *reply = client.send(upload);
    QList<QPair<qint64, qint64>> progress;
    connect(reply, &ApiReply::uploadProgress, this, [&progress](qint64 sent, qint64 total) {
        progress.append({sent, total});
    });
    auto outcome = watch(reply, this);
    QTRY_COMPARE_WITH_TIMEOUT(outcome->finishedCount, 1, kWaitMs);
    QVERIFY2(outcome->ok, qPrintable(describe(*outcome)));
    QCOMPARE(server.received.size(), 1);
    QCOMPARE(server.received.constFirst().headers.value("content-type"), QByteArray("text/csv"));
    QCOMPARE(server.received.constFirst().body, file);
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.constLast(), qMakePair(qint64(file.size()), qint64(file.size())));
    for (const auto &[sent, total] : std::as_const(progress))
        QVERIFY(sent <= total && total == file.size());
}

void TestApiClient::signInAndMe()
{
    ApiClient client;
    configure(client);
    const QString token = signIn(client);
    QVERIFY(!token.isEmpty());

    TestAuthenticator authenticator;
    authenticator.token = token;
    client.setAuthenticator(&authenticator);
    auto me = watch(client.get(QStringLiteral("/api/v1/me")), this);
    QTRY_COMPARE_WITH_TIMEOUT(me->finishedCount, 1, kWaitMs);
    QVERIFY2(me->ok, qPrintable(describe(*me)));
    QCOMPARE(me->json.object().value(u"email").toString(),
             tenant().value(u"adminEmail").toString());
    QCOMPARE(authenticator.refreshCalls, 0);
}

void TestApiClient::refreshSharedByConcurrent401s()
{
    ApiClient client;
    configure(client);
    TestAuthenticator authenticator;
    authenticator.token = QStringLiteral("expired-token-0123456789");
    authenticator.renewedToken = signIn(client);
    QVERIFY(!authenticator.renewedToken.isEmpty());
    client.setAuthenticator(&authenticator);

    auto first = watch(client.get(QStringLiteral("/api/v1/me")), this);
    auto second = watch(client.get(QStringLiteral("/api/v1/me")), this);
    QTRY_COMPARE_WITH_TIMEOUT(first->finishedCount, 1, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(second->finishedCount, 1, kWaitMs);
    QVERIFY2(first->ok, qPrintable(describe(*first)));
    QVERIFY2(second->ok, qPrintable(describe(*second)));
    QCOMPARE(authenticator.refreshCalls, 1);
    QCOMPARE(first->json.object().value(u"email").toString(),
             tenant().value(u"adminEmail").toString());
}

void TestApiClient::refreshRefused()
{
    ApiClient client;
    configure(client);
    TestAuthenticator authenticator;
    authenticator.token = QStringLiteral("expired-token-0123456789");
    authenticator.renews = false;
    client.setAuthenticator(&authenticator);
    auto refused = watch(client.get(QStringLiteral("/api/v1/me")), this);
    QTRY_COMPARE_WITH_TIMEOUT(refused->finishedCount, 1, kWaitMs);
    QCOMPARE(refused->error.kind, Kind::Problem);
    QCOMPARE(refused->error.httpStatus, 401);
    QCOMPARE(codeOf(refused->error), QStringLiteral("unauthenticated"));
    QVERIFY(refused->error.isUnauthenticated());
    QCOMPARE(authenticator.refreshCalls, 1);

    // Renewed, yet refused again: one resend only, then the 401 stands.
    authenticator.renews = true;
    authenticator.renewedToken = QStringLiteral("also-refused-0123456789");
    auto again = watch(client.get(QStringLiteral("/api/v1/me")), this);
    QTRY_COMPARE_WITH_TIMEOUT(again->finishedCount, 1, kWaitMs);
    QVERIFY(again->error.isUnauthenticated());
    QCOMPARE(authenticator.refreshCalls, 2);
}

void TestApiClient::problemMapped()
{
    ApiClient client;
    configure(client);
    auto missing =
        watch(client.send(request("GET", QStringLiteral("/api/v1/no-such-thing"), false)), this);
    QTRY_COMPARE_WITH_TIMEOUT(missing->finishedCount, 1, kWaitMs);
    QCOMPARE(missing->error.kind, Kind::Problem);
    QCOMPARE(missing->httpStatus, 404);
    QCOMPARE(missing->error.httpStatus, 404);
    QCOMPARE(codeOf(missing->error), QStringLiteral("not-found"));
    QVERIFY(!missing->error.detail.isEmpty());
    // The service took our X-Request-Id as its own.
    QCOMPARE(missing->error.requestId, missing->requestId);
    QVERIFY(missing->error.isRecoverable());
}

// Edits carry If-Match: a stale one is refused, the current one goes through.
void TestApiClient::ifMatch()
{
    ApiClient client;
    configure(client);
    TestAuthenticator authenticator;
    authenticator.token = signIn(client);
    QVERIFY(!authenticator.token.isEmpty());
    client.setAuthenticator(&authenticator);

    auto me = watch(client.get(QStringLiteral("/api/v1/me")), this);
    QTRY_COMPARE_WITH_TIMEOUT(me->finishedCount, 1, kWaitMs);
    QVERIFY2(me->ok, qPrintable(describe(*me)));
    const QString path =
        QStringLiteral("/api/v1/users/") + me->json.object().value(u"id").toString();
    auto person = watch(client.get(path), this);
    QTRY_COMPARE_WITH_TIMEOUT(person->finishedCount, 1, kWaitMs);
    QVERIFY2(person->ok, qPrintable(describe(*person)));
    QVERIFY(!person->etag.isEmpty());

    ApiRequest stale = request("PATCH", path);
    stale.body = QJsonObject();
    stale.ifMatch = "\"999999\"";
    auto refused = watch(client.send(stale), this);
    QTRY_COMPARE_WITH_TIMEOUT(refused->finishedCount, 1, kWaitMs);
    QCOMPARE(codeOf(refused->error), QStringLiteral("precondition-failed"));
    QCOMPARE(refused->error.httpStatus, 412);

    ApiRequest current = stale;
    current.ifMatch = person->etag;
    auto accepted = watch(client.send(current), this);
    QTRY_COMPARE_WITH_TIMEOUT(accepted->finishedCount, 1, kWaitMs);
    QVERIFY2(accepted->ok, qPrintable(describe(*accepted)));
    QVERIFY(!accepted->etag.isEmpty());
}

void TestApiClient::serviceUnavailableRetries_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("idempotencyKey");
    QTest::addColumn<int>("attempts");
    QTest::newRow("GET") << QByteArray("GET") << QByteArray() << 3;
    QTest::newRow("PUT") << QByteArray("PUT") << QByteArray() << 3;
    QTest::newRow("DELETE") << QByteArray("DELETE") << QByteArray() << 3;
    QTest::newRow("POST") << QByteArray("POST") << QByteArray() << 1;
    QTest::newRow("POST with key") << QByteArray("POST") << QByteArray("key-0123456789") << 3;
    QTest::newRow("PATCH") << QByteArray("PATCH") << QByteArray() << 1;
}

void TestApiClient::serviceUnavailableRetries()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, idempotencyKey);
    QFETCH(int, attempts);
    ScriptedHttpsServer server(m_server->certificatePath(), m_server->keyPath());
    QVERIFY(server.start());
    server.answer(503, "application/problem+json", problemBody(QStringLiteral("unavailable"), 503));
    ApiClient client;
    client.setBaseUrl(server.url());
    client.setPinnedFingerprint(m_server->fingerprint());
    client.setOptions({std::chrono::milliseconds(5000), 3, std::chrono::milliseconds(20)});

    ApiRequest call = request(method, QStringLiteral("/api/v1/users"));
    call.body = QJsonObject();
    call.idempotencyKey = idempotencyKey;
    auto outcome = watch(client.send(call), this);
    QTRY_COMPARE_WITH_TIMEOUT(outcome->finishedCount, 1, kWaitMs);
    QCOMPARE(outcome->error.kind, Kind::Problem);
    QCOMPARE(codeOf(outcome->error), QStringLiteral("unavailable"));
    QCOMPARE(outcome->error.httpStatus, 503);
    QTest::qWait(100);
    QCOMPARE(server.received.size(), attempts);
    // Every attempt of one call carries the call's id.
    for (const auto &received : std::as_const(server.received))
        QCOMPARE(received.headers.value("x-request-id"), outcome->requestId.toLatin1());
}

void TestApiClient::unreadableAnswers_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("200 html") << 200 << QByteArray("text/html") << QByteArray("<html></html>");
    QTest::newRow("200 broken json")
        << 200 << QByteArray("application/json") << QByteArray("{\"id\":");
    QTest::newRow("200 empty") << 200 << QByteArray("application/json") << QByteArray();
    QTest::newRow("500 text") << 500 << QByteArray("text/plain") << QByteArray("oops");
    QTest::newRow("400 json, not a problem")
        << 400 << QByteArray("application/json") << problemBody(QStringLiteral("not-found"), 404);
    QTest::newRow("404 problem of an unknown code")
        << 404 << QByteArray("application/problem+json")
        << problemBody(QStringLiteral("no-such-code"), 404);
    QTest::newRow("302 redirect") << 302 << QByteArray("text/plain") << QByteArray();
}

void TestApiClient::unreadableAnswers()
{
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    ScriptedHttpsServer server(m_server->certificatePath(), m_server->keyPath());
    QVERIFY(server.start());
    server.answer(status, contentType, body, "Location: https://example.com/\r\n");
    ApiClient client;
    client.setBaseUrl(server.url());
    client.setPinnedFingerprint(m_server->fingerprint());
    auto outcome = watch(client.get(QStringLiteral("/api/v1/me")), this);
    QTRY_COMPARE_WITH_TIMEOUT(outcome->finishedCount, 1, kWaitMs);
    QCOMPARE(outcome->error.kind, Kind::BadResponse);
    QCOMPARE(outcome->error.httpStatus, status);
    QCOMPARE(outcome->error.requestId, outcome->requestId);
    QCOMPARE(server.received.size(), 1);
}

void TestApiClient::timeoutRetriesIdempotentOnly_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("idempotencyKey");
    QTest::addColumn<int>("attempts");
    QTest::newRow("GET") << QByteArray("GET") << QByteArray() << 3;
    QTest::newRow("POST") << QByteArray("POST") << QByteArray() << 1;
    QTest::newRow("POST with key") << QByteArray("POST") << QByteArray("key-0123456789") << 3;
}

void TestApiClient::timeoutRetriesIdempotentOnly()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, idempotencyKey);
    QFETCH(int, attempts);
    SilentServer server;
    QVERIFY(server.listen());
    const auto timeout = std::chrono::milliseconds(400);
    const auto retryDelay = std::chrono::milliseconds(50);
    ApiClient client;
    client.setBaseUrl(server.url());
    client.setOptions({timeout, 3, retryDelay});
    QSignalSpy reachability(&client, &ApiClient::reachabilityChanged);

    ApiRequest call = request(method, QStringLiteral("/api/v1/users"));
    call.idempotencyKey = idempotencyKey;
    QElapsedTimer elapsed;
    elapsed.start();
    auto outcome = watch(client.send(call), this);
    QTRY_COMPARE_WITH_TIMEOUT(outcome->finishedCount, 1, kWaitMs);
    const qint64 took = elapsed.elapsed();
    QCOMPARE(outcome->error.kind, Kind::Timeout);
    QCOMPARE(outcome->error.requestId, outcome->requestId);
    // Each attempt waits the whole timeout; back-off doubles between them.
    const qint64 delays = attempts == 3 ? 50 + 100 : 0;
    QVERIFY2(took >= attempts * timeout.count(), qPrintable(QString::number(took)));
    QVERIFY2(took < attempts * timeout.count() + delays + 1500, qPrintable(QString::number(took)));
    QTest::qWait(200);
    QCOMPARE(server.connections, attempts);
    QCOMPARE(reachability.size(), 1);
    QCOMPARE(reachability.at(0).at(0).toBool(), false);
}

// A call always finishes: aborted by its caller, or when the client goes away.
void TestApiClient::abortAndDestruction()
{
    SilentServer server;
    QVERIFY(server.listen());
    auto client = std::make_unique<ApiClient>();
    client->setBaseUrl(server.url());
    ApiReply *reply = client->get(QStringLiteral("/api/v1/me"));
    auto aborted = watch(reply, this);
    QTRY_COMPARE_WITH_TIMEOUT(server.connections, 1, kWaitMs);
    reply->abort();
    QCOMPARE(aborted->finishedCount, 1);
    QCOMPARE(aborted->error.kind, Kind::Cancelled);

    auto abandoned = watch(client->get(QStringLiteral("/api/v1/me")), this);
    QTest::qWait(100);
    QCOMPARE(abandoned->finishedCount, 0);
    client.reset();
    QCOMPARE(abandoned->finishedCount, 1);
    QCOMPARE(abandoned->error.kind, Kind::Cancelled);
    QTest::qWait(100);
    QCOMPARE(aborted->finishedCount, 1);
}

void TestApiClient::serverGone()
{
    ServerProcess server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    ApiClient client;
    client.setBaseUrl(server.url());
    client.setPinnedFingerprint(server.fingerprint());
    client.setOptions({std::chrono::milliseconds(3000), 2, std::chrono::milliseconds(50)});
    QSignalSpy reachability(&client, &ApiClient::reachabilityChanged);
    auto before = watch(client.get(QStringLiteral("/healthz")), this);
    QTRY_COMPARE_WITH_TIMEOUT(before->finishedCount, 1, kWaitMs);
    QVERIFY2(before->ok, qPrintable(describe(*before)));

    server.terminate();
    QVERIFY(server.waitForExit(kWaitMs));
    auto after = watch(client.get(QStringLiteral("/healthz")), this);
    QTRY_COMPARE_WITH_TIMEOUT(after->finishedCount, 1, kWaitMs);
    QCOMPARE(after->error.kind, Kind::Network);
    QVERIFY(after->error.isRecoverable());
    QCOMPARE(reachability.size(), 2);
    QCOMPARE(reachability.at(0).at(0).toBool(), true);
    QCOMPARE(reachability.at(1).at(0).toBool(), false);
}

// Cache-only (the export command's --offline): a read the cache holds is
// answered from it with its "as of", anything else fails as unreachable at
// once, without a retry, and nothing reaches the service's address.
void TestApiClient::cacheOnlyNeverConnects()
{
    SilentServer service;
    QVERIFY(service.listen());
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    OfflineCache cache(
        directory.path(),
        OfflineScope{QStringLiteral("p"), QStringLiteral("t"), QStringLiteral("a@example.com")},
        engage::models::randomCacheKey());
    const QDateTime asOf = QDateTime::currentDateTimeUtc().addDays(-1);
    const QJsonDocument members(QJsonObject{{QStringLiteral("total"), 3}});
    cache.store(QStringLiteral("/api/v1/members"), members, asOf);
    ApiClient client;
    client.setBaseUrl(service.url());
    client.setOfflineCache(&cache);
    client.setCacheOnly(true);

    ApiRequest kept;
    kept.path = QStringLiteral("/api/v1/members");
    kept.offlineKey = kept.path;
    ApiReply *reply = client.send(kept);
    QSignalSpy keptDone(reply, &ApiReply::finished);
    QVERIFY(keptDone.wait(kWaitMs));
    QVERIFY(reply->isOk());
    QCOMPARE(reply->json(), members);
    QCOMPARE(reply->asOf(), std::optional<QDateTime>(asOf));

    ApiRequest notKept;
    notKept.path = QStringLiteral("/api/v1/groups");
    notKept.offlineKey = notKept.path;
    QElapsedTimer clock;
    clock.start();
    auto missing = watch(client.send(notKept), this);
    ApiRequest post;
    post.method = "POST";
    post.path = QStringLiteral("/api/v1/groups");
    auto posted = watch(client.send(post), this);
    QTRY_VERIFY_WITH_TIMEOUT(missing->finishedCount == 1 && posted->finishedCount == 1, kWaitMs);
    QVERIFY(clock.elapsed() < 1000); // no timeout, no retry
    for (const Outcome *outcome : {missing.get(), posted.get()}) {
        QVERIFY(!outcome->ok);
        QCOMPARE(outcome->error.kind, Kind::Network);
        QVERIFY(outcome->error.isUnreachable());
    }
    QTest::qWait(200);
    QCOMPARE(service.connections, 0);
}

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
