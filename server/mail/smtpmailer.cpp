#include "smtpmailer.h"

#include "crypto/random.h"

#include <QHostAddress>
#include <QList>
#include <QLoggingCategory>
#include <QStringView>
#include <QUrl>
#include <algorithm>
#include <cctype>
#include <cstring>
#include <curl/curl.h>
#include <memory>
#include <mutex>
#include <sys/socket.h>

namespace engage::server::mail {

namespace {

Q_LOGGING_CATEGORY(lcMail, "engage.server.mail")

// RFC 2047 keeps a line with encoded words within 76 characters: 36 bytes
// make 48 base64 characters, a 60-character word, and "Subject: " fits before it.
constexpr qsizetype kEncodedWordBytes = 36;
constexpr qsizetype kBase64LineLength = 76;
constexpr qsizetype kDetailMaxLength = 300;

struct CurlDeleter
{
    void operator()(CURL *handle) const { curl_easy_cleanup(handle); }
    void operator()(curl_slist *list) const { curl_slist_free_all(list); }
};
using CurlHandle = std::unique_ptr<CURL, CurlDeleter>;
using CurlList = std::unique_ptr<curl_slist, CurlDeleter>;

void initialiseCurlOnce()
{
    // Not thread-safe in every libcurl build, and send() runs on workers.
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// Addresses nobody outside the service's own network should make it reach.
bool isPrivate(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4); // also an IPv4-mapped IPv6 address
    static const QList<std::pair<QHostAddress, int>> v4Ranges = [] {
        QList<std::pair<QHostAddress, int>> ranges;
        for (const char *range :
             {"0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
              "172.16.0.0/12", "192.0.0.0/24", "192.168.0.0/16", "198.18.0.0/15", "224.0.0.0/3"})
            ranges.append(QHostAddress::parseSubnet(QString::fromLatin1(range)));
        return ranges;
    }();
    static const QList<std::pair<QHostAddress, int>> v6Ranges = [] {
        QList<std::pair<QHostAddress, int>> ranges;
        for (const char *range : {"::/127", "fc00::/7", "fe80::/10", "ff00::/8", "64:ff9b::/96"})
            ranges.append(QHostAddress::parseSubnet(QString::fromLatin1(range)));
        return ranges;
    }();
    if (isV4) {
        const QHostAddress plain(v4);
        return std::any_of(v4Ranges.cbegin(), v4Ranges.cend(),
                           [&](const auto &range) { return plain.isInSubnet(range); });
    }
    return std::any_of(v6Ranges.cbegin(), v6Ranges.cend(),
                       [&](const auto &range) { return address.isInSubnet(range); });
}

// What one transfer's callbacks share with send().
struct Transfer
{
    bool privateHosts = false;
    bool refusedAddress = false; // the open-socket callback refused a private address
    QByteArray message;
    qsizetype sent = 0;
};

// Checks the address curl is about to connect to (after resolution, so a
// name that resolves to a private address is caught too).
curl_socket_t openSocket(void *user, curlsocktype, curl_sockaddr *address)
{
    auto *transfer = static_cast<Transfer *>(user);
    if (!transfer->privateHosts && isPrivate(QHostAddress(&address->addr))) {
        transfer->refusedAddress = true;
        return CURL_SOCKET_BAD;
    }
    return ::socket(address->family, address->socktype, address->protocol);
}

size_t readMessage(char *buffer, size_t size, size_t count, void *user)
{
    auto *transfer = static_cast<Transfer *>(user);
    const auto room = static_cast<qsizetype>(size * count);
    const qsizetype length = std::min(room, transfer->message.size() - transfer->sent);
    std::memcpy(buffer, transfer->message.constData() + transfer->sent,
                static_cast<size_t>(length));
    transfer->sent += length;
    return static_cast<size_t>(length);
}

// curl's words for what went wrong, with nothing of the recipient or the
// account in them and no control characters (the delivery log shows it).
QString safeDetail(const char *text, const SmtpSettings &settings, const MailMessage &message)
{
    QString detail = QString::fromUtf8(text).left(kDetailMaxLength);
    for (QChar &c : detail) {
        if (c.category() == QChar::Other_Control)
            c = u' ';
    }
    for (const QString &secret : {message.to, settings.username, settings.password}) {
        if (!secret.isEmpty())
            detail.replace(secret, QStringLiteral("…"), Qt::CaseInsensitive);
    }
    return detail.trimmed();
}

SendOutcome outcome(SendOutcome::Result result, const QString &detail)
{
    return SendOutcome{result, detail};
}

QString smtpUrl(const SmtpSettings &settings)
{
    QUrl url;
    url.setScheme(settings.security == SmtpSettings::Security::Tls ? QStringLiteral("smtps")
                                                                   : QStringLiteral("smtp"));
    url.setHost(settings.host, QUrl::StrictMode);
    url.setPort(settings.port);
    if (!url.isValid() || url.host().isEmpty() || settings.port < 1 || settings.port > 65535)
        return {};
    return url.toString(QUrl::FullyEncoded);
}

} // namespace

SmtpMailer::SmtpMailer(Policy policy)
    : m_policy(policy)
{
    initialiseCurlOnce();
}

std::optional<QByteArray> SmtpMailer::asciiAddress(const QString &address)
{
    const qsizetype at = address.lastIndexOf(u'@');
    if (at <= 0 || at == address.size() - 1)
        return std::nullopt;
    const QString local = address.left(at);
    for (const QChar c : local) {
        // Printable ASCII without what would end or bend a header or a command.
        if (c.unicode() <= 0x20 || c.unicode() >= 0x7f || c == u'<' || c == u'>' || c == u'"' ||
            c == u'\\' || c == u',' || c == u';' || c == u':')
            return std::nullopt;
    }
    const QByteArray domain = QUrl::toAce(address.mid(at + 1), QUrl::AceProcessingOption{});
    if (domain.isEmpty())
        return std::nullopt;
    for (const char c : domain) {
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-'))
            return std::nullopt;
    }
    return local.toLatin1() + '@' + domain;
}

QByteArray SmtpMailer::encodedWords(const QString &text)
{
    QList<QByteArray> chunks;
    QByteArray chunk;
    const QStringView view(text);
    for (qsizetype i = 0; i < view.size();) {
        // One whole character (a surrogate pair stays together).
        const qsizetype width =
            view.at(i).isHighSurrogate() && i + 1 < view.size() && view.at(i + 1).isLowSurrogate()
                ? 2
                : 1;
        const QByteArray character = view.mid(i, width).toUtf8();
        if (!chunk.isEmpty() && chunk.size() + character.size() > kEncodedWordBytes) {
            chunks.append(chunk);
            chunk.clear();
        }
        chunk += character;
        i += width;
    }
    if (!chunk.isEmpty() || chunks.isEmpty())
        chunks.append(chunk);
    QByteArray words;
    for (const QByteArray &part : chunks) {
        if (!words.isEmpty())
            words += "\r\n ";
        words += "=?UTF-8?B?" + part.toBase64() + "?=";
    }
    return words;
}

std::optional<QByteArray> SmtpMailer::compose(const SmtpSettings &settings,
                                              const MailMessage &message, const QDateTime &date,
                                              const QByteArray &messageId)
{
    const auto from = asciiAddress(settings.fromAddress);
    const auto to = asciiAddress(message.to);
    if (!from || !to)
        return std::nullopt;
    const QByteArray fromDomain = from->mid(from->indexOf('@') + 1);
    QString text = message.textBody;
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    text.replace(u'\r', u'\n');
    text.replace(QStringLiteral("\n"), QStringLiteral("\r\n"));
    const QByteArray body = text.toUtf8().toBase64();

    QByteArray composed;
    composed += "Date: " + date.toUTC().toString(Qt::RFC2822Date).toLatin1() + "\r\n";
    composed += "From: " + *from + "\r\n";
    composed += "To: " + *to + "\r\n";
    composed += "Subject: " + encodedWords(message.subject) + "\r\n";
    composed += "Message-ID: <" + messageId + '@' + fromDomain + ">\r\n";
    composed += "MIME-Version: 1.0\r\n";
    composed += "Content-Type: text/plain; charset=UTF-8\r\n";
    composed += "Content-Transfer-Encoding: base64\r\n";
    composed += "\r\n";
    for (qsizetype at = 0; at < body.size(); at += kBase64LineLength)
        composed += body.mid(at, kBase64LineLength) + "\r\n";
    return composed;
}

SendOutcome SmtpMailer::send(const SmtpSettings &settings, const MailMessage &message)
{
    const auto to = asciiAddress(message.to);
    if (!to)
        return outcome(SendOutcome::Result::Refused,
                       QStringLiteral("The recipient's address cannot be sent to (it needs "
                                      "SMTPUTF8 or holds characters no header may hold)."));
    const auto from = asciiAddress(settings.fromAddress);
    const QString url = smtpUrl(settings);
    const auto composed = compose(settings, message, QDateTime::currentDateTimeUtc(),
                                  crypto::randomBytes(16).toHex());
    if (!from || url.isEmpty() || !composed)
        return outcome(SendOutcome::Result::Transient,
                       QStringLiteral("The mail settings' server or sender address cannot be "
                                      "used."));

    CurlHandle curl(curl_easy_init());
    if (!curl)
        return outcome(SendOutcome::Result::Transient, QStringLiteral("libcurl cannot start."));
    Transfer transfer;
    transfer.privateHosts = m_policy.privateHosts;
    transfer.message = *composed;
    char errorText[CURL_ERROR_SIZE] = {};
    const CurlList recipients(curl_slist_append(nullptr, QByteArray('<' + *to + '>').constData()));
    const QByteArray urlBytes = url.toLatin1();
    const QByteArray mailFrom = '<' + *from + '>';
    const QByteArray username = settings.username.toUtf8();
    const QByteArray password = settings.password.toUtf8();
    if (!recipients)
        return outcome(SendOutcome::Result::Transient, QStringLiteral("Out of memory."));

    CURL *handle = curl.get();
    curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, errorText);
    curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(handle, CURLOPT_URL, urlBytes.constData());
    // Plain SMTP never carries the message or the password: STARTTLS or nothing.
    curl_easy_setopt(handle, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
    curl_easy_setopt(handle, CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2));
    curl_easy_setopt(handle, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(handle, CURLOPT_SSL_VERIFYHOST, 2L);
    const QByteArray caFile =
        (settings.caFile.isEmpty() ? m_policy.caFile : settings.caFile).toUtf8();
    if (!caFile.isEmpty())
        curl_easy_setopt(handle, CURLOPT_CAINFO, caFile.constData());
    curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT_MS,
                     static_cast<long>(m_policy.connectTimeout.count()));
    curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS, static_cast<long>(m_policy.timeout.count()));
    curl_easy_setopt(handle, CURLOPT_OPENSOCKETFUNCTION, openSocket);
    curl_easy_setopt(handle, CURLOPT_OPENSOCKETDATA, &transfer);
    if (!username.isEmpty()) {
        curl_easy_setopt(handle, CURLOPT_USERNAME, username.constData());
        curl_easy_setopt(handle, CURLOPT_PASSWORD, password.constData());
    }
    curl_easy_setopt(handle, CURLOPT_MAIL_FROM, mailFrom.constData());
    curl_easy_setopt(handle, CURLOPT_MAIL_RCPT, recipients.get());
    curl_easy_setopt(handle, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(handle, CURLOPT_READFUNCTION, readMessage);
    curl_easy_setopt(handle, CURLOPT_READDATA, &transfer);
    curl_easy_setopt(handle, CURLOPT_INFILESIZE_LARGE,
                     static_cast<curl_off_t>(transfer.message.size()));

    const CURLcode result = curl_easy_perform(handle);
    long reply = 0;
    curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &reply);
    if (result == CURLE_OK)
        return outcome(SendOutcome::Result::Sent, QStringLiteral("Accepted (%1).").arg(reply));
    if (transfer.refusedAddress)
        return outcome(SendOutcome::Result::Transient,
                       QStringLiteral("The mail server is on a private or loopback address, "
                                      "which this service does not connect to."));
    const QString why = safeDetail(errorText[0] != '\0' ? errorText : curl_easy_strerror(result),
                                   settings, message);
    qCDebug(lcMail).noquote() << "SMTP failed:" << curl_easy_strerror(result) << reply;
    // A refused login is the settings' fault, not the message's: no bounce.
    if (reply >= 500 && reply < 600 && result != CURLE_LOGIN_DENIED)
        return outcome(SendOutcome::Result::Refused,
                       QStringLiteral("Refused (%1): %2").arg(reply).arg(why));
    if (reply > 0)
        return outcome(SendOutcome::Result::Transient,
                       QStringLiteral("Not sent (%1): %2").arg(reply).arg(why));
    return outcome(SendOutcome::Result::Transient, QStringLiteral("Not sent: %1").arg(why));
}

} // namespace engage::server::mail
