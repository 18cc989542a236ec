#include "apiclient.h"

#include "api/problem.h"
#include "cache/offlinecache.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonParseError>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QSslConfiguration>
#include <QSslError>
#include <QTimer>
#include <QUuid>
#include <algorithm>
#include <utility>
#include <vector>

namespace engage::models {

namespace {

Q_LOGGING_CATEGORY(lcApi, "engage.api")

using Kind = ApiError::Kind;

bool isIdempotent(const ApiRequest &request)
{
    const QByteArray method = request.method.toUpper();
    if (method == "GET" || method == "HEAD" || method == "PUT" || method == "DELETE")
        return true;
    // A repeated POST or PATCH is safe only when the service can recognise the repeat.
    return (method == "POST" || method == "PATCH") && !request.idempotencyKey.isEmpty();
}

bool isCached(const ApiRequest &request)
{
    return !request.offlineKey.isEmpty() && request.method.toUpper() == "GET";
}

bool isRetryableStatus(int status)
{
    return status == 502 || status == 503 || status == 504;
}

// "application/problem+json" from "application/problem+json; charset=utf-8".
QByteArray mediaTypeOf(const QNetworkReply &reply)
{
    const QByteArray value = reply.rawHeader("Content-Type");
    const qsizetype parameters = value.indexOf(';');
    return (parameters < 0 ? value : value.left(parameters)).trimmed().toLower();
}

QString normalisedFingerprint(const QString &fingerprint)
{
    return fingerprint.trimmed().toUpper();
}

// The path without its query: queries may carry search text, which is personal data.
QString loggedPath(const ApiRequest &request)
{
    return QUrl(request.path).path();
}

// "HTTP 404 not-found", or what went wrong without an answer; never a body.
QString describeForLog(const ApiError &error)
{
    if (error.httpStatus == 0)
        return error.detail;
    QString text = QStringLiteral("HTTP %1").arg(error.httpStatus);
    if (error.code)
        text += u' ' + api::problemCodeName(*error.code);
    return text;
}

// The state of one send() across its attempts.
struct Call
{
    ApiRequest request;
    QPointer<ApiReply> reply;
    QPointer<QTimer> timer; // the per-attempt timeout, a child of the reply
    QPointer<QNetworkReply> network;
    int attempt = 1;
    bool requestSent = false; // in the current attempt
    bool resentAfterRefresh = false;
    QString tokenSent;
    QElapsedTimer elapsed;

    bool isOver() const { return !reply || reply->isFinished(); }
};

using CallPtr = std::shared_ptr<Call>;

} // namespace

struct ApiClient::Private
{
    explicit Private(ApiClient *owner)
        : q(owner)
    {}

    void startAttempt(const CallPtr &call);
    void onSslErrors(const CallPtr &call, const QList<QSslError> &errors);
    void onEncrypted(const CallPtr &call);
    void onFinished(const CallPtr &call);
    void onTimeout(const CallPtr &call);
    void cancel(const CallPtr &call);
    void detach(Call &call);
    void retryOrFail(const CallPtr &call, ApiError error);
    void askToTrust(const CallPtr &call, const QSslCertificate &certificate);
    void refreshThenResend(const CallPtr &call, ApiError unauthenticated);
    // `raw`: the bytes of an answer taken as is (ApiRequest::accept).
    void succeed(const CallPtr &call, int status, QJsonDocument json, QByteArray etag,
                 std::optional<QByteArray> raw = std::nullopt);
    void fail(const CallPtr &call, ApiError error);
    void setReachable(bool isReachable);
    void cancelAll();
    ApiError errorOf(const Call &call, Kind kind, QString detail, int httpStatus = 0) const;
    ApiError answerError(const Call &call, int status, const QNetworkReply &network,
                         const QByteArray &body) const;

    ApiClient *q;
    QNetworkAccessManager nam;
    // Made on first use: the default configuration loads the TLS backend and
    // OpenSSL, which would otherwise delay the first paint of the window.
    const QSslConfiguration &tls()
    {
        if (!tlsConfiguration) {
            tlsConfiguration = QSslConfiguration::defaultConfiguration();
            tlsConfiguration->setProtocol(QSsl::TlsV1_2OrLater);
            tlsConfiguration->setPeerVerifyMode(QSslSocket::VerifyPeer);
        }
        return *tlsConfiguration;
    }
    std::optional<QSslConfiguration> tlsConfiguration;
    QUrl baseUrl;
    QString pin;
    CertificateDecider *decider = nullptr;
    Authenticator *authenticator = nullptr;
    QPointer<OfflineCache> offlineCache;
    bool cacheOnly = false;
    Options options;
    std::optional<bool> reachable;
    QHash<ApiReply *, CallPtr> calls;

    // One refresh and one trust question at a time; the calls that need
    // them wait here for the answer.
    bool refreshing = false;
    std::vector<std::function<void(bool renewed)>> refreshWaiters;
    bool askingToTrust = false;
    std::vector<std::function<void(bool pinned)>> trustWaiters;
};

void ApiClient::Private::startAttempt(const CallPtr &call)
{
    if (call->isOver())
        return;
    if (cacheOnly) {
        fail(call,
             errorOf(*call, Kind::Network, QStringLiteral("Working from the offline data only.")));
        return;
    }
    const ApiRequest &request = call->request;
    const QUrl url = baseUrl.resolved(QUrl(request.path));
    // Fails closed: nothing, not even a request without a token, leaves in clear text.
    if (!url.isValid() || url.scheme() != QLatin1String("https")) {
        fail(call, errorOf(*call, Kind::TlsFailure,
                           QStringLiteral("The service address is not an https URL.")));
        return;
    }

    QNetworkRequest networkRequest(url);
    networkRequest.setSslConfiguration(tls());
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                                QNetworkRequest::ManualRedirectPolicy);
    networkRequest.setRawHeader("X-Request-Id", call->reply->requestId().toLatin1());
    networkRequest.setRawHeader("Accept", request.accept.isEmpty() ? QByteArray("application/json")
                                                                   : request.accept);
    call->tokenSent.clear();
    if (request.authenticated && authenticator) {
        call->tokenSent = authenticator->accessToken();
        if (!call->tokenSent.isEmpty())
            networkRequest.setRawHeader("Authorization", "Bearer " + call->tokenSent.toUtf8());
    }
    if (!request.ifMatch.isEmpty())
        networkRequest.setRawHeader("If-Match", request.ifMatch);
    if (!request.idempotencyKey.isEmpty())
        networkRequest.setRawHeader("Idempotency-Key", request.idempotencyKey);
    QByteArray body;
    if (request.body) {
        body = QJsonDocument(*request.body).toJson(QJsonDocument::Compact);
        networkRequest.setRawHeader("Content-Type", "application/json");
    } else if (!request.contentType.isEmpty()) {
        body = request.rawBody;
        networkRequest.setRawHeader("Content-Type", request.contentType);
    }

    const QByteArray method = request.method.toUpper();
    QNetworkReply *network = method == "HEAD" ? nam.head(networkRequest)
                                              : nam.sendCustomRequest(networkRequest, method, body);
    call->network = network;
    call->requestSent = false;
    ApiReply *context = call->reply;
    QObject::connect(network, &QNetworkReply::requestSent, context,
                     [call] { call->requestSent = true; });
    QObject::connect(network, &QNetworkReply::sslErrors, context,
                     [this, call](const QList<QSslError> &errors) { onSslErrors(call, errors); });
    QObject::connect(network, &QNetworkReply::encrypted, context,
                     [this, call] { onEncrypted(call); });
    QObject::connect(network, &QNetworkReply::finished, context,
                     [this, call] { onFinished(call); });
    const std::chrono::milliseconds timeout = request.timeout.value_or(options.timeout);
    if (!body.isEmpty()) {
        // A large body takes longer than any timeout to send over a slow
        // line: while bytes leave, the call is alive.
        QObject::connect(network, &QNetworkReply::uploadProgress, context,
                         [call, timeout](qint64 sent, qint64 total) {
                             if (call->timer)
                                 call->timer->start(timeout);
                             // Qt ends with (0, 0) once the body is gone: no news.
                             if (total > 0)
                                 Q_EMIT call->reply->uploadProgress(sent, total);
                         });
    }
    call->timer->start(timeout);
    qCDebug(lcApi).noquote() << method << loggedPath(request) << "attempt" << call->attempt
                             << "request" << call->reply->requestId();
}

void ApiClient::Private::onSslErrors(const CallPtr &call, const QList<QSslError> &errors)
{
    QSslCertificate certificate = call->network->sslConfiguration().peerCertificate();
    if (certificate.isNull() && !errors.isEmpty())
        certificate = errors.constFirst().certificate();
    const QString fingerprint = sha256Fingerprint(certificate);
    const QString reason = errors.isEmpty() ? QString() : errors.constFirst().errorString();

    if (fingerprint.isEmpty()) {
        detach(*call);
        fail(call, errorOf(*call, Kind::TlsFailure, reason));
    } else if (!pin.isEmpty() && fingerprint == pin) {
        // The pin names this very certificate: what a CA would vouch for,
        // the person has confirmed instead.
        call->network->ignoreSslErrors(errors);
    } else if (!pin.isEmpty()) {
        qCWarning(lcApi).noquote()
            << "refused a certificate that does not match the pin:" << fingerprint << "request"
            << call->reply->requestId();
        detach(*call);
        fail(call, errorOf(*call, Kind::PinMismatch, reason));
    } else if (!decider) {
        detach(*call);
        fail(call, errorOf(*call, Kind::UntrustedCertificate, reason));
    } else {
        // Nothing is sent until the person decides; the request goes again if they pin.
        detach(*call);
        askToTrust(call, certificate);
    }
}

void ApiClient::Private::onEncrypted(const CallPtr &call)
{
    // sslErrors() never comes for a certificate a public CA vouches for, so
    // this is where a pin catches a trusted certificate that replaced ours.
    if (pin.isEmpty())
        return;
    const QString fingerprint =
        sha256Fingerprint(call->network->sslConfiguration().peerCertificate());
    if (fingerprint == pin)
        return;
    qCWarning(lcApi).noquote() << "refused a certificate that does not match the pin:"
                               << fingerprint << "request" << call->reply->requestId();
    detach(*call);
    fail(call,
         errorOf(*call, Kind::PinMismatch,
                 QStringLiteral("The certificate's SHA-256 fingerprint is %1.").arg(fingerprint)));
}

void ApiClient::Private::onFinished(const CallPtr &call)
{
    QPointer<QNetworkReply> network = call->network;
    detach(*call);
    if (!network)
        return;
    const int status = network->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
        const QNetworkReply::NetworkError error = network->error();
        if (error == QNetworkReply::SslHandshakeFailedError) {
            fail(call, errorOf(*call, Kind::TlsFailure, network->errorString()));
            return;
        }
        setReachable(false);
        retryOrFail(call, errorOf(*call, Kind::Network, network->errorString()));
        return;
    }

    setReachable(true);
    const QByteArray body = network->readAll();
    if (status >= 200 && status < 300) {
        const QByteArray etag = network->rawHeader("ETag");
        if (body.isEmpty() && (status == 204 || call->request.method.toUpper() == "HEAD")) {
            succeed(call, status, {}, etag);
            return;
        }
        if (!call->request.accept.isEmpty() && mediaTypeOf(*network) == call->request.accept) {
            succeed(call, status, {}, etag, body);
            return;
        }
        QJsonParseError parseError{};
        QJsonDocument json = QJsonDocument::fromJson(body, &parseError);
        if (mediaTypeOf(*network) != "application/json" ||
            parseError.error != QJsonParseError::NoError || json.isNull()) {
            fail(call,
                 errorOf(*call, Kind::BadResponse,
                         QStringLiteral("The HTTP %1 answer is not JSON.").arg(status), status));
            return;
        }
        succeed(call, status, std::move(json), etag);
        return;
    }

    ApiError error = answerError(*call, status, *network, body);
    if (status == 401 && call->request.authenticated && authenticator &&
        !call->resentAfterRefresh) {
        refreshThenResend(call, std::move(error));
        return;
    }
    if (isRetryableStatus(status)) {
        retryOrFail(call, std::move(error));
        return;
    }
    fail(call, std::move(error));
}

void ApiClient::Private::onTimeout(const CallPtr &call)
{
    const bool connected = call->requestSent;
    detach(*call);
    if (!connected) {
        // Qt queues the next request to this host behind the connection that
        // never came up (TCP or TLS handshake stalled) instead of opening a new
        // one; only dropping the connections lets a retry, or the next call,
        // try afresh. Calls in flight on other connections then time out too.
        qCInfo(lcApi) << "no connection within the timeout; dropping the connections";
        nam.clearConnectionCache();
    }
    setReachable(false);
    const std::chrono::milliseconds timeout = call->request.timeout.value_or(options.timeout);
    retryOrFail(call,
                errorOf(*call, Kind::Timeout,
                        QStringLiteral("No answer within %1 ms.").arg(qint64(timeout.count()))));
}

void ApiClient::Private::cancel(const CallPtr &call)
{
    detach(*call);
    fail(call, errorOf(*call, Kind::Cancelled, QStringLiteral("Cancelled.")));
}

// Ends the current attempt: its network reply says nothing more.
void ApiClient::Private::detach(Call &call)
{
    if (call.timer)
        call.timer->stop();
    QNetworkReply *network = std::exchange(call.network, nullptr);
    if (!network)
        return;
    if (call.reply)
        QObject::disconnect(network, nullptr, call.reply, nullptr);
    if (network->isRunning())
        network->abort();
    network->deleteLater();
}

void ApiClient::Private::retryOrFail(const CallPtr &call, ApiError error)
{
    if (!isIdempotent(call->request) || call->attempt >= options.maxAttempts) {
        fail(call, std::move(error));
        return;
    }
    const auto delay = options.retryDelay * (1 << std::min(call->attempt - 1, 16));
    qCInfo(lcApi).noquote() << call->request.method << loggedPath(call->request)
                            << "failed:" << describeForLog(error) << "- attempt"
                            << call->attempt + 1 << "in" << delay.count() << "ms, request"
                            << call->reply->requestId();
    ++call->attempt;
    QTimer::singleShot(delay, call->reply, [this, call] { startAttempt(call); });
}

void ApiClient::Private::askToTrust(const CallPtr &call, const QSslCertificate &certificate)
{
    trustWaiters.push_back([this, call](bool pinned) {
        if (call->isOver())
            return;
        if (pinned) {
            startAttempt(call);
            return;
        }
        fail(call, errorOf(*call, Kind::UntrustedCertificate,
                           QStringLiteral("The certificate was not trusted.")));
    });
    if (askingToTrust)
        return;
    askingToTrust = true;
    const CertificateInfo info = CertificateInfo::from(certificate, baseUrl.host());
    qCInfo(lcApi).noquote() << "asking whether to trust the certificate" << info.fingerprint << "of"
                            << info.host;
    const QPointer<ApiClient> guard(q);
    decider->askToTrust(info, [this, guard, fingerprint = info.fingerprint](bool pinned) {
        if (!guard)
            return;
        askingToTrust = false;
        if (pinned) {
            q->setPinnedFingerprint(fingerprint);
            Q_EMIT q->pinnedFingerprintChanged(pin);
        }
        // A waiter may ask again (a different certificate), which starts a new list.
        const auto waiters = std::exchange(trustWaiters, {});
        for (const auto &waiter : waiters)
            waiter(pinned);
    });
}

void ApiClient::Private::refreshThenResend(const CallPtr &call, ApiError unauthenticated)
{
    call->resentAfterRefresh = true;
    // Another call's refresh renewed the token while this one was on its way.
    // One still under way is joined instead: until it answers, the token at
    // hand may be the one it is replacing.
    if (!refreshing && authenticator->accessToken() != call->tokenSent) {
        startAttempt(call);
        return;
    }
    refreshWaiters.push_back([this, call, unauthenticated](bool renewed) {
        if (call->isOver())
            return;
        if (renewed)
            startAttempt(call);
        else
            fail(call, unauthenticated);
    });
    if (refreshing)
        return;
    refreshing = true;
    qCInfo(lcApi) << "access token refused; renewing it";
    const QPointer<ApiClient> guard(q);
    authenticator->refreshAccessToken([this, guard](bool renewed) {
        if (!guard)
            return;
        refreshing = false;
        const auto waiters = std::exchange(refreshWaiters, {});
        for (const auto &waiter : waiters)
            waiter(renewed);
    });
}

void ApiClient::Private::succeed(const CallPtr &call, int status, QJsonDocument json,
                                 QByteArray etag, std::optional<QByteArray> raw)
{
    if (call->isOver())
        return;
    qCDebug(lcApi).noquote() << call->request.method << loggedPath(call->request) << "HTTP"
                             << status << "after" << call->elapsed.elapsed() << "ms, request"
                             << call->reply->requestId();
    ApiReply *reply = call->reply;
    calls.remove(reply);
    if (raw) {
        reply->finishWithBody(status, std::move(*raw), std::move(etag));
        return;
    }
    if (offlineCache && isCached(call->request))
        offlineCache->store(call->request.offlineKey, json);
    reply->finishWithSuccess(status, std::move(json), std::move(etag));
}

void ApiClient::Private::fail(const CallPtr &call, ApiError error)
{
    if (call->isOver())
        return;
    qCInfo(lcApi).noquote() << call->request.method << loggedPath(call->request)
                            << "failed:" << describeForLog(error) << "after"
                            << call->elapsed.elapsed() << "ms, request" << call->reply->requestId();
    ApiReply *reply = call->reply;
    calls.remove(reply);
    if (offlineCache && isCached(call->request) && error.isUnreachable()) {
        if (std::optional<OfflineCache::Entry> cached =
                offlineCache->find(call->request.offlineKey)) {
            qCInfo(lcApi).noquote()
                << "answered from the offline cache, request" << reply->requestId();
            const QDateTime asOf = cached->asOf;
            reply->finishFromCache(std::move(cached->json), asOf);
            Q_EMIT q->servedFromCache(asOf);
            return;
        }
    }
    reply->finishWithError(std::move(error));
}

void ApiClient::Private::setReachable(bool isReachable)
{
    if (reachable == isReachable)
        return;
    reachable = isReachable;
    qCInfo(lcApi) << (isReachable ? "the service answers" : "the service does not answer");
    Q_EMIT q->reachabilityChanged(isReachable);
}

void ApiClient::Private::cancelAll()
{
    const auto pending = calls.values();
    for (const CallPtr &call : pending)
        cancel(call);
}

ApiError ApiClient::Private::errorOf(const Call &call, Kind kind, QString detail,
                                     int httpStatus) const
{
    ApiError error;
    error.kind = kind;
    error.httpStatus = httpStatus;
    error.detail = std::move(detail);
    error.requestId = call.reply ? call.reply->requestId() : QString();
    return error;
}

// A problem+json answer as the service's problem; anything else cannot be read.
ApiError ApiClient::Private::answerError(const Call &call, int status, const QNetworkReply &network,
                                         const QByteArray &body) const
{
    QJsonParseError parseError{};
    const QJsonDocument json = QJsonDocument::fromJson(body, &parseError);
    if (mediaTypeOf(network) == api::problemContentType() &&
        parseError.error == QJsonParseError::NoError && json.isObject()) {
        const api::Result<api::Problem> problem = api::problemFromJson(json.object());
        if (problem) {
            ApiError error = errorOf(call, Kind::Problem, problem.value().detail, status);
            error.code = problem.value().code;
            error.field = problem.value().field;
            // The id the service logged; it is ours unless something in
            // between replaced it.
            if (!problem.value().requestId.isEmpty())
                error.requestId = problem.value().requestId;
            return error;
        }
    }
    return errorOf(call, Kind::BadResponse,
                   QStringLiteral("The HTTP %1 answer is not a problem report.").arg(status),
                   status);
}

ApiClient::ApiClient(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this))
{}

ApiClient::~ApiClient()
{
    d->cancelAll();
}

void ApiClient::setBaseUrl(const QUrl &url)
{
    if (url == d->baseUrl)
        return;
    d->baseUrl = url;
    d->nam.clearConnectionCache();
}

QUrl ApiClient::baseUrl() const
{
    return d->baseUrl;
}

void ApiClient::setPinnedFingerprint(const QString &fingerprint)
{
    const QString normalised = normalisedFingerprint(fingerprint);
    if (normalised == d->pin)
        return;
    d->pin = normalised;
    // A connection accepted under the old pin must not carry on under the new one.
    d->nam.clearConnectionCache();
}

QString ApiClient::pinnedFingerprint() const
{
    return d->pin;
}

void ApiClient::setCertificateDecider(CertificateDecider *decider)
{
    d->decider = decider;
}

void ApiClient::setAuthenticator(Authenticator *authenticator)
{
    d->authenticator = authenticator;
}

void ApiClient::setOfflineCache(OfflineCache *cache)
{
    d->offlineCache = cache;
}

OfflineCache *ApiClient::offlineCache() const
{
    return d->offlineCache;
}

void ApiClient::setCacheOnly(bool cacheOnly)
{
    d->cacheOnly = cacheOnly;
}

void ApiClient::setOptions(const Options &options)
{
    d->options = options;
}

ApiClient::Options ApiClient::options() const
{
    return d->options;
}

QSslConfiguration ApiClient::sslConfiguration() const
{
    return d->tls();
}

ApiReply *ApiClient::send(const ApiRequest &request)
{
    auto *reply = new ApiReply(QUuid::createUuid().toString(QUuid::WithoutBraces), this);
    auto call = std::make_shared<Call>();
    call->request = request;
    call->reply = reply;
    call->timer = new QTimer(reply);
    call->timer->setSingleShot(true);
    call->elapsed.start();
    Private *p = d.get();
    connect(call->timer, &QTimer::timeout, reply, [p, call] { p->onTimeout(call); });
    connect(reply, &ApiReply::abortRequested, reply, [p, call] { p->cancel(call); });
    d->calls.insert(reply, call);
    // Started from the event loop, so that even an immediate failure reaches
    // a caller that connects to the reply after send() returns.
    QTimer::singleShot(0, reply, [p, call] { p->startAttempt(call); });
    return reply;
}

ApiReply *ApiClient::get(const QString &path)
{
    ApiRequest request;
    request.path = path;
    return send(request);
}

} // namespace engage::models
