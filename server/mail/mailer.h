#pragma once

#include <QDateTime>
#include <QString>

namespace engage::server::mail {

// The tenant's mail server (schema 0008 smtp_settings), the password opened.
struct SmtpSettings
{
    enum class Security
    {
        StartTls, // "starttls": plain connection upgraded, refused without it
        Tls,      // "tls": TLS from the first byte (smtps)
    };
    QString host;
    int port = 587;
    Security security = Security::StartTls;
    QString username; // empty: no authentication
    QString password;
    QString fromAddress;
    // Tests only: the sink's certificate (PEM file) to trust instead of the
    // system's; empty in production.
    QString caFile;
};

struct MailMessage
{
    QString to;
    QString subject;
    QString textBody; // UTF-8 plain text; the link on a line of its own
};

struct SendOutcome
{
    enum class Result
    {
        Sent,      // the server accepted it (2xx after DATA)
        Refused,   // the server refused this message for good (5xx): a bounce
        Transient, // try again later (connection failed, 4xx, timeout)
    };
    Result result = Result::Transient;
    QString detail; // for the delivery log: never the message or a personal value
};

// Sends one message; blocking, called on a worker thread, never on a
// network thread of the HTTP server. One implementation talks SMTP through
// libcurl (SmtpMailer); tests use it against a local sink.
class Mailer
{
public:
    virtual ~Mailer() = default;
    virtual SendOutcome send(const SmtpSettings &settings, const MailMessage &message) = 0;
};

} // namespace engage::server::mail
