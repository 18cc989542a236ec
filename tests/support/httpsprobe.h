#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPair>
#include <QSslConfiguration>
#include <QSslError>
#include <QUrl>

class QIODevice;

namespace engage::test {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// A finished (or abandoned) HTTPS exchange.
struct HttpResponse
{
    bool timedOut = false;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;
    QList<QSslError> sslErrors;
    int status = 0; // 0: no HTTP response at all
    HeaderList headers;
    QByteArray body;
    qint64 elapsedMs = 0;

    // Header names compare case-insensitively.
    bool hasHeader(QByteArrayView name) const;
    QByteArray header(QByteArrayView name) const;
    QByteArrayList headerValues(QByteArrayView name) const;
    // The body as a JSON object; empty (and *ok false) when it is not one.
    QJsonObject json(bool *ok = nullptr) const;
    // For failure messages.
    QString describe() const;
};

// Synchronous-looking HTTPS requests through QNetworkAccessManager, trusting
// exactly one certificate (the server's) with peer verification on, the way a
// pinned client would. Each call spins a local event loop until the reply
// finishes or the timeout aborts it.
class HttpsProbe final
{
public:
    HttpsProbe(const QString &certificatePath, const QUrl &baseUrl);

    static constexpr int defaultTimeoutMs = 10000;

    HttpResponse get(const QString &path, const HeaderList &headers = {},
                     int timeoutMs = defaultTimeoutMs);
    HttpResponse send(const QByteArray &verb, const QString &path, const QByteArray &body,
                      const HeaderList &headers = {}, int timeoutMs = defaultTimeoutMs);
    // Streams the body from `body` (which must outlive the call).
    HttpResponse send(const QByteArray &verb, const QString &path, QIODevice *body,
                      const HeaderList &headers = {}, int timeoutMs = defaultTimeoutMs);

    // For asynchronous use: a request for `path` (which may end in "?query")
    // with the pinned TLS settings.
    QNetworkRequest request(const QString &path, const HeaderList &headers = {}) const;
    QNetworkAccessManager &manager() { return m_manager; }
    QSslConfiguration sslConfiguration() const { return m_ssl; }
    bool isValid() const { return !m_ssl.caCertificates().isEmpty(); }

    // Waits for `reply` (owned by the caller's manager) and collects it.
    static HttpResponse waitFor(QNetworkReply *reply, int timeoutMs);
    // Collects an already finished reply.
    static HttpResponse collect(QNetworkReply *reply);

private:
    QUrl m_baseUrl;
    QSslConfiguration m_ssl;
    QNetworkAccessManager m_manager;
};

// The certificate in a PEM file, for pinning; null when unreadable.
QSslCertificate loadCertificate(const QString &path);
// A TLS configuration that trusts exactly that certificate and verifies the peer.
QSslConfiguration pinnedConfiguration(const QString &certificatePath);

} // namespace engage::test
