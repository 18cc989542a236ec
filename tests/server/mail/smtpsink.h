#pragma once

#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QString>
#include <memory>

namespace engage::test {

// A throwaway certificate for 127.0.0.1 and localhost, made with the openssl
// command; false (with `error`) when it cannot be made.
bool makeCertificate(const QString &directory, const QString &name, QString *certificate,
                     QString *key, QString *error);

// The local SMTP sink (tests/server/mail/smtpsink.py on aiosmtpd) as a
// child process: start() waits for its port, messages() reads what it
// accepted (its envelope and what Python's e-mail parser decoded). Stops
// when destroyed.
class SmtpSink final
{
public:
    // The account the sink accepts for AUTH.
    static QString user();
    static QString password();

    SmtpSink() = default;
    ~SmtpSink();
    SmtpSink(const SmtpSink &) = delete;
    SmtpSink &operator=(const SmtpSink &) = delete;

    // `mode` as smtpsink.py takes it; certificate and key may be empty for
    // "plain".
    bool start(const QString &mode, const QString &certificate, const QString &key, QString *error);
    int port() const { return m_port; }
    // Accepted messages, oldest first.
    QList<QJsonObject> messages() const;

private:
    std::unique_ptr<QProcess> m_process;
    QString m_outDirectory;
    int m_port = 0;
};

} // namespace engage::test
