#pragma once

#include "apireply.h"
#include "certificateinfo.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QUrl>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QSslConfiguration;

namespace engage::models {

class OfflineCache;

// Supplies the access token and renews it. Implemented by Session; ApiClient
// calls refresh() when a request that carried a token is answered 401, then
// sends the request once more.
class Authenticator
{
public:
    virtual ~Authenticator() = default;
    virtual QString accessToken() const = 0;
    // Renews the access token; `done(true)` when a new one is in place.
    // Concurrent 401s share one refresh.
    virtual void refreshAccessToken(std::function<void(bool renewed)> done) = 0;
};

// One request to the service.
struct ApiRequest
{
    QByteArray method = "GET";
    QString path; // "/api/v1/users" (query allowed: "/api/v1/users?cursor=x")
    std::optional<QJsonObject> body;
    // Sent as is with this Content-Type when there is no JSON body (an import's file).
    QByteArray rawBody;
    QByteArray contentType;
    QByteArray ifMatch;        // sent as If-Match when not empty
    QByteArray idempotencyKey; // sent as Idempotency-Key when not empty (POST may then retry)
    // Sent as Accept instead of application/json when not empty: a 2xx answer
    // of exactly this media type ("application/x-ndjson") is kept as bytes
    // (ApiReply::body()), a download rather than a JSON document.
    QByteArray accept;
    bool authenticated = true; // carries "Authorization: Bearer" from the Authenticator
    // Per attempt, instead of the client's: for calls the service takes long
    // over (an import's dry run or apply). Upload progress restarts it.
    std::optional<std::chrono::milliseconds> timeout;
    // A GET whose answer the offline cache keeps under this key (the path,
    // or what stays the same across reads of the same data): a JSON answer is
    // stored, and when the service cannot be reached (a network failure or
    // timeout after the retries, not an HTTP error) the stored one answers
    // instead (ApiReply::asOf()). Empty: never cached.
    QString offlineKey;
};

// The client's only door to the service: one QNetworkAccessManager, HTTPS with
// TLS 1.2 or later only, and asynchronous calls. Every request carries a fresh
// X-Request-Id; every call ends within the timeout; idempotent requests (GET,
// PUT, DELETE, and POST with an Idempotency-Key) retry with back-off on network
// failures and 502/503/504, others never. problem+json answers become ApiError.
//
// Trust: a certificate a public CA vouches for is accepted as usual. Otherwise
// the certificate is accepted only if its SHA-256 fingerprint equals the pinned
// one; with no pin the CertificateDecider is asked, and a "pin" answer pins it
// (pinnedFingerprintChanged) and sends the request again. A pinned fingerprint
// that no longer matches is refused with Kind::PinMismatch, also when the new
// certificate is publicly trusted.
class ApiClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiClient)

public:
    struct Options
    {
        std::chrono::milliseconds timeout{15000};  // per attempt
        int maxAttempts = 3;                       // idempotent requests only
        std::chrono::milliseconds retryDelay{300}; // doubled after each attempt
    };

    explicit ApiClient(QObject *parent = nullptr);
    ~ApiClient() override;

    void setBaseUrl(const QUrl &url); // "https://host:port"
    QUrl baseUrl() const;
    void setPinnedFingerprint(const QString &fingerprint); // empty: no pin
    QString pinnedFingerprint() const;
    void setCertificateDecider(CertificateDecider *decider); // not owned; may be null
    void setAuthenticator(Authenticator *authenticator);     // not owned; may be null
    // Where answers with an offlineKey are kept (Session sets the signed-in
    // person's); not owned; may be null.
    void setOfflineCache(OfflineCache *cache);
    OfflineCache *offlineCache() const;
    // Never contact the service (`engage-admin export --offline`): every
    // request fails at once as unreachable, before anything leaves the
    // computer, so the offline cache answers those it holds.
    void setCacheOnly(bool cacheOnly);
    void setOptions(const Options &options);
    Options options() const;
    // The TLS settings every request starts from (TLS 1.2 or later).
    QSslConfiguration sslConfiguration() const;

    // Sends a request; the reply emits finished() exactly once.
    ApiReply *send(const ApiRequest &request);
    ApiReply *get(const QString &path);

Q_SIGNALS:
    // The user pinned a certificate through the decider (store it in the profile).
    void pinnedFingerprintChanged(const QString &fingerprint);
    // Every answer or failure, for the status bar: true when the service answered.
    void reachabilityChanged(bool reachable);
    // An answer came from the offline cache: the service gave it at `asOf` (UTC).
    void servedFromCache(const QDateTime &asOf);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace engage::models
