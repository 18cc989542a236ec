#include "rawhttpsclient.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonParseError>

namespace engage::test {

namespace {

int remaining(const QDeadlineTimer &deadline)
{
    return static_cast<int>(qMax<qint64>(0, deadline.remainingTime()));
}

} // namespace

bool RawResponse::hasHeader(QByteArrayView name) const
{
    return !headerValues(name).isEmpty();
}

QByteArray RawResponse::header(QByteArrayView name) const
{
    const QByteArrayList values = headerValues(name);
    return values.isEmpty() ? QByteArray() : values.first();
}

QByteArrayList RawResponse::headerValues(QByteArrayView name) const
{
    QByteArrayList values;
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            values << value;
    }
    return values;
}

QJsonObject RawResponse::json(bool *ok) const
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    const bool isObject = error.error == QJsonParseError::NoError && document.isObject();
    if (ok)
        *ok = isObject;
    return isObject ? document.object() : QJsonObject();
}

QString RawResponse::describe() const
{
    QString text = QString::fromLatin1(statusLine) + u'\n';
    for (const auto &[key, value] : headers)
        text +=
            QString::fromLatin1(key) + QStringLiteral(": ") + QString::fromLatin1(value) + u'\n';
    text += QString::fromUtf8(body.left(2000));
    return text;
}

RawHttpsClient::RawHttpsClient(const QString &certificatePath)
{
    m_socket.setSslConfiguration(pinnedConfiguration(certificatePath));
    m_socket.setPeerVerifyName(QStringLiteral("127.0.0.1"));
}

void RawHttpsClient::setProtocol(QSsl::SslProtocol protocol)
{
    m_socket.setProtocol(protocol);
}

bool RawHttpsClient::connectTo(quint16 port, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    if (!m_bindAddress.isNull() && !m_socket.bind(m_bindAddress)) {
        m_error = QStringLiteral("bind: ") + m_socket.errorString();
        return false;
    }
    m_socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
    if (!m_socket.waitForEncrypted(remaining(deadline))) {
        m_error = QStringLiteral("handshake: ") + m_socket.errorString();
        for (const QSslError &error : m_socket.sslHandshakeErrors())
            m_error += QStringLiteral("; ") + error.errorString();
        return false;
    }
    return true;
}

bool RawHttpsClient::send(const QByteArray &bytes, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    if (m_socket.write(bytes) != bytes.size()) {
        m_error = QStringLiteral("write: ") + m_socket.errorString();
        return false;
    }
    while (m_socket.bytesToWrite() > 0) {
        if (m_socket.state() != QAbstractSocket::ConnectedState || deadline.hasExpired() ||
            !m_socket.waitForBytesWritten(remaining(deadline))) {
            m_error = QStringLiteral("write: ") + m_socket.errorString();
            return false;
        }
    }
    return true;
}

bool RawHttpsClient::fill(int timeoutMs)
{
    if (m_socket.bytesAvailable() == 0 && !m_closed) {
        if (m_socket.state() != QAbstractSocket::ConnectedState ||
            !m_socket.waitForReadyRead(timeoutMs)) {
            if (m_socket.state() != QAbstractSocket::ConnectedState)
                m_closed = true;
        }
    }
    m_buffer += m_socket.readAll();
    return !m_closed || m_socket.bytesAvailable() > 0;
}

std::optional<RawResponse> RawHttpsClient::readResponse(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    RawResponse response;
    qsizetype headerEnd = -1;
    while ((headerEnd = m_buffer.indexOf("\r\n\r\n")) < 0) {
        if (deadline.hasExpired() ||
            (!fill(remaining(deadline)) && m_socket.bytesAvailable() == 0 &&
             m_buffer.indexOf("\r\n\r\n") < 0)) {
            m_error = m_closed ? QStringLiteral("closed before a response head")
                               : QStringLiteral("no response head in time");
            return std::nullopt;
        }
    }
    const QByteArrayList lines = m_buffer.left(headerEnd).split('\n');
    response.statusLine = lines.first().trimmed();
    const QByteArrayList statusParts = response.statusLine.split(' ');
    response.status = statusParts.size() >= 2 ? statusParts.at(1).toInt() : 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            response.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    m_buffer.remove(0, headerEnd + 4);

    const QByteArray length = response.header("Content-Length");
    if (!length.isEmpty()) {
        const qsizetype size = length.toLongLong();
        while (m_buffer.size() < size) {
            if (deadline.hasExpired() || !fill(remaining(deadline))) {
                m_error = QStringLiteral("body cut short");
                return std::nullopt;
            }
        }
        response.body = m_buffer.left(size);
        m_buffer.remove(0, size);
    } else if (response.header("Transfer-Encoding").toLower().contains("chunked")) {
        for (;;) {
            qsizetype lineEnd;
            while ((lineEnd = m_buffer.indexOf("\r\n")) < 0) {
                if (deadline.hasExpired() || !fill(remaining(deadline))) {
                    m_error = QStringLiteral("chunked body cut short");
                    return std::nullopt;
                }
            }
            bool ok = false;
            const qsizetype size = m_buffer.left(lineEnd).split(';').first().toLongLong(&ok, 16);
            if (!ok) {
                m_error = QStringLiteral("bad chunk size");
                return std::nullopt;
            }
            while (m_buffer.size() < lineEnd + 2 + size + 2) {
                if (deadline.hasExpired() || !fill(remaining(deadline))) {
                    m_error = QStringLiteral("chunked body cut short");
                    return std::nullopt;
                }
            }
            response.body += m_buffer.mid(lineEnd + 2, size);
            m_buffer.remove(0, lineEnd + 2 + size + 2);
            if (size == 0)
                break;
        }
    } else if (response.status >= 200 && response.status != 204 && response.status != 304) {
        while (fill(remaining(deadline)) && !deadline.hasExpired()) {
        }
        response.body = m_buffer;
        m_buffer.clear();
    }
    return response;
}

bool RawHttpsClient::waitForClosed(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!m_closed && !deadline.hasExpired())
        fill(remaining(deadline));
    return m_closed;
}

bool RawHttpsClient::isOpen() const
{
    return !m_closed && m_socket.state() == QAbstractSocket::ConnectedState;
}

QByteArray RawHttpsClient::request(QByteArrayView method, QByteArrayView target,
                                   const HeaderList &headers, const QByteArray &body)
{
    QByteArray text = method.toByteArray() + ' ' + target.toByteArray() + " HTTP/1.1\r\n";
    text += "Host: 127.0.0.1\r\n";
    for (const auto &[name, value] : headers)
        text += name + ": " + value + "\r\n";
    if (!body.isEmpty())
        text += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    text += "\r\n";
    text += body;
    return text;
}

} // namespace engage::test
