#pragma once

#include "httpsprobe.h"

#include <QByteArray>
#include <QHostAddress>
#include <QSslSocket>
#include <optional>

namespace engage::test {

// A response read off the wire, exactly as sent.
struct RawResponse
{
    QByteArray statusLine;
    int status = 0;
    HeaderList headers; // in order, duplicates kept
    QByteArray body;

    bool hasHeader(QByteArrayView name) const;
    QByteArray header(QByteArrayView name) const;
    QByteArrayList headerValues(QByteArrayView name) const;
    QJsonObject json(bool *ok = nullptr) const;
    QString describe() const;
};

// One TLS connection driven byte by byte with blocking calls, for what a
// well-behaved client cannot send: hostile request lines, bodies streamed by
// hand, requests left unfinished. Trusts exactly the server's certificate.
class RawHttpsClient final
{
public:
    explicit RawHttpsClient(const QString &certificatePath);
    RawHttpsClient(const RawHttpsClient &) = delete;
    RawHttpsClient &operator=(const RawHttpsClient &) = delete;

    static constexpr int defaultTimeoutMs = 10000;

    void setProtocol(QSsl::SslProtocol protocol);
    // Connect from this local address (for example 127.0.0.2).
    void bindTo(const QHostAddress &address) { m_bindAddress = address; }

    // TCP connect and TLS handshake to 127.0.0.1:port; false on any failure.
    bool connectTo(quint16 port, int timeoutMs = defaultTimeoutMs);
    bool isEncrypted() const { return m_socket.isEncrypted(); }
    // Writes all of `bytes`; false when the connection fails meanwhile.
    bool send(const QByteArray &bytes, int timeoutMs = defaultTimeoutMs);
    // Reads one whole response (Content-Length, chunked, or until close).
    // Nothing when the connection ends or the time runs out first.
    std::optional<RawResponse> readResponse(int timeoutMs = defaultTimeoutMs);
    // Waits for the server to close the connection; true when it did.
    bool waitForClosed(int timeoutMs);
    bool isOpen() const;
    // Bytes received that no response parse consumed.
    QByteArray pendingBytes() const { return m_buffer; }
    QString errorString() const { return m_error; }
    QSslSocket &socket() { return m_socket; }

    // "METHOD TARGET HTTP/1.1" with Host, the given headers and Content-Length
    // when there is a body.
    static QByteArray request(QByteArrayView method, QByteArrayView target,
                              const HeaderList &headers = {}, const QByteArray &body = {});

private:
    // Reads what arrives within `timeoutMs` into m_buffer; false when the
    // connection is gone and nothing more can come.
    bool fill(int timeoutMs);

    QSslSocket m_socket;
    QHostAddress m_bindAddress;
    QByteArray m_buffer;
    QString m_error;
    bool m_closed = false;
};

} // namespace engage::test
