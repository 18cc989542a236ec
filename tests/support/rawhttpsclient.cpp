#include "rawhttpsclient.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonParseError>
#include <http_parser.h>
#include <utility>

namespace engage::test {

namespace {

int remaining(const QDeadlineTimer &deadline)
{
    return static_cast<int>(qMax<qint64>(0, deadline.remainingTime()));
}

// One HTTP/1.x response parsed by http-parser. Stops (pauses) at the end of
// the message so that bytes of a next response are left unread.
class ResponseParser final
{
public:
    ResponseParser()
    {
        http_parser_init(&m_parser, HTTP_RESPONSE);
        m_parser.data = this;
    }
    ResponseParser(const ResponseParser &) = delete;
    ResponseParser &operator=(const ResponseParser &) = delete;

    // Parses `data`; returns how many bytes belong to this response.
    qsizetype feed(const char *data, qsizetype size)
    {
        if (m_complete || hasFailed())
            return 0;
        return static_cast<qsizetype>(
            http_parser_execute(&m_parser, &settings(), data, static_cast<size_t>(size)));
    }
    // The connection ended: completes a body that runs until the close.
    void finish()
    {
        if (!m_complete && !hasFailed())
            http_parser_execute(&m_parser, &settings(), nullptr, 0);
    }

    bool hasHead() const { return m_headComplete; }
    bool isComplete() const { return m_complete; }
    bool hasFailed() const
    {
        const auto error = HTTP_PARSER_ERRNO(&m_parser);
        return error != HPE_OK && error != HPE_PAUSED;
    }
    QString errorName() const
    {
        const auto error = HTTP_PARSER_ERRNO(&m_parser);
        return QString::fromLatin1(http_errno_name(error)) + QStringLiteral(" (") +
               QString::fromLatin1(http_errno_description(error)) + u')';
    }
    RawResponse takeResponse() { return std::move(m_response); }

private:
    static ResponseParser &self(http_parser *parser)
    {
        return *static_cast<ResponseParser *>(parser->data);
    }
    static const http_parser_settings &settings()
    {
        static const http_parser_settings settings = [] {
            http_parser_settings s{};
            http_parser_settings_init(&s);
            s.on_status = &ResponseParser::onStatus;
            s.on_header_field = &ResponseParser::onHeaderField;
            s.on_header_value = &ResponseParser::onHeaderValue;
            s.on_headers_complete = &ResponseParser::onHeadersComplete;
            s.on_body = &ResponseParser::onBody;
            s.on_message_complete = &ResponseParser::onMessageComplete;
            return s;
        }();
        return settings;
    }

    static int onStatus(http_parser *parser, const char *at, size_t length)
    {
        self(parser).m_reason.append(at, static_cast<qsizetype>(length));
        return 0;
    }
    static int onHeaderField(http_parser *parser, const char *at, size_t length)
    {
        ResponseParser &p = self(parser);
        if (p.m_headComplete)
            return 0; // chunked trailers are not kept
        if (p.m_inValue)
            p.flushHeader();
        p.m_field.append(at, static_cast<qsizetype>(length));
        return 0;
    }
    static int onHeaderValue(http_parser *parser, const char *at, size_t length)
    {
        ResponseParser &p = self(parser);
        if (p.m_headComplete)
            return 0;
        p.m_inValue = true;
        p.m_value.append(at, static_cast<qsizetype>(length));
        return 0;
    }
    static int onHeadersComplete(http_parser *parser)
    {
        ResponseParser &p = self(parser);
        p.flushHeader();
        p.m_headComplete = true;
        p.m_response.status = static_cast<int>(parser->status_code);
        p.m_response.statusLine = "HTTP/" + QByteArray::number(parser->http_major) + '.' +
                                  QByteArray::number(parser->http_minor) + ' ' +
                                  QByteArray::number(p.m_response.status);
        if (!p.m_reason.isEmpty())
            p.m_response.statusLine += ' ' + p.m_reason;
        return 0;
    }
    static int onBody(http_parser *parser, const char *at, size_t length)
    {
        self(parser).m_response.body.append(at, static_cast<qsizetype>(length));
        return 0;
    }
    static int onMessageComplete(http_parser *parser)
    {
        self(parser).m_complete = true;
        http_parser_pause(parser, 1);
        return 0;
    }

    void flushHeader()
    {
        if (!m_field.isEmpty())
            m_response.headers.append({m_field, m_value.trimmed()});
        m_field.clear();
        m_value.clear();
        m_inValue = false;
    }

    http_parser m_parser{};
    RawResponse m_response;
    QByteArray m_reason;
    QByteArray m_field;
    QByteArray m_value;
    bool m_inValue = false;
    bool m_headComplete = false;
    bool m_complete = false;
};

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
    ResponseParser parser;
    // Bytes of m_buffer handed to the parser; they stay in m_buffer until the
    // response is complete, so a failed read consumes nothing.
    qsizetype fed = 0;
    for (;;) {
        if (fed < m_buffer.size())
            fed += parser.feed(m_buffer.constData() + fed, m_buffer.size() - fed);
        if (!parser.isComplete() && parser.hasFailed()) {
            m_error = QStringLiteral("unparsable response: ") + parser.errorName();
            return std::nullopt;
        }
        if (!parser.isComplete() && m_closed && m_socket.bytesAvailable() == 0)
            parser.finish(); // a body delimited by the close ends here
        if (parser.isComplete()) {
            m_buffer.remove(0, fed);
            return parser.takeResponse();
        }
        if (m_closed && m_socket.bytesAvailable() == 0) {
            m_error = parser.hasHead() ? QStringLiteral("body cut short")
                                       : QStringLiteral("closed before a response head");
            return std::nullopt;
        }
        if (deadline.hasExpired()) {
            m_error = parser.hasHead() ? QStringLiteral("body cut short")
                                       : QStringLiteral("no response head in time");
            return std::nullopt;
        }
        fill(remaining(deadline));
    }
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
