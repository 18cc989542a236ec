#pragma once

#include "mailer.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <chrono>
#include <optional>

namespace engage::server::mail {

// Mailer over libcurl's SMTP. The connection is encrypted or nothing is
// sent: STARTTLS required (CURLUSESSL_ALL) or TLS from the first byte
// (smtps), TLS 1.2 or later, the server's certificate and name verified.
// The message is MIME plain text in UTF-8 (base64), its Subject an RFC 2047
// encoded word sequence, with Date and Message-ID. Results: Sent (the server
// took the message), Refused (it answered 5xx: a bounce), Transient (no
// connection, no TLS, 4xx, timeout, authentication refused: the settings or
// the moment, not the message, so it is worth trying again).
class SmtpMailer final : public Mailer
{
public:
    struct Policy
    {
        // Mail servers on loopback, private, link-local or unique-local
        // addresses (ops::ServiceContext::smtpPrivateHosts); the address
        // actually connected to is checked, whatever the name resolved to.
        bool privateHosts = false;
        // The authorities trusted for the servers (ops::ServiceContext::
        // smtpCaFile) when SmtpSettings::caFile is empty; empty: the system's.
        QString caFile;
        std::chrono::milliseconds connectTimeout = std::chrono::seconds(15);
        std::chrono::milliseconds timeout = std::chrono::seconds(60);
    };

    explicit SmtpMailer(Policy policy);

    SendOutcome send(const SmtpSettings &settings, const MailMessage &message) override;

    // The whole message as sent after the envelope (headers, blank line,
    // body), or nothing when an address cannot go into a header. `messageId`
    // without angle brackets.
    static std::optional<QByteArray> compose(const SmtpSettings &settings,
                                             const MailMessage &message, const QDateTime &date,
                                             const QByteArray &messageId);
    // RFC 2047: `text` as "=?UTF-8?B?...?=" words of at most 75 characters,
    // split between characters, folded onto continuation lines.
    static QByteArray encodedWords(const QString &text);
    // `address` as SMTP carries it without SMTPUTF8: the domain in ASCII
    // (IDNA); nothing for a local part that is not ASCII or a character that
    // has no place in a header.
    static std::optional<QByteArray> asciiAddress(const QString &address);

private:
    Policy m_policy;
};

} // namespace engage::server::mail
