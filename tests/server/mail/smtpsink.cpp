#include "smtpsink.h"

#include "externaltool.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <algorithm>

namespace engage::test {

namespace {

QString sinkScript()
{
    return qEnvironmentVariable("ENGAGE_SMTP_SINK");
}

} // namespace

bool makeCertificate(const QString &directory, const QString &name, QString *certificate,
                     QString *key, QString *error)
{
    *certificate = QDir(directory).filePath(name + QStringLiteral("-certificate.pem"));
    *key = QDir(directory).filePath(name + QStringLiteral("-key.pem"));
    const ToolResult made =
        runTool(QStringLiteral("openssl"),
                {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                 QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                 QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                 QStringLiteral("-keyout"), *key, QStringLiteral("-out"), *certificate,
                 QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                 QStringLiteral("/CN=") + name, QStringLiteral("-addext"),
                 QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost")});
    if (!made.succeeded()) {
        *error = made.describe();
        return false;
    }
    return true;
}

QString SmtpSink::user()
{
    return QStringLiteral("sink");
}

QString SmtpSink::password()
{
    return QStringLiteral("sink-pässword");
}

SmtpSink::~SmtpSink()
{
    if (!m_process)
        return;
    m_process->closeWriteChannel();
    if (!m_process->waitForFinished(5000)) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
    if (!m_outDirectory.isEmpty())
        QDir(m_outDirectory).removeRecursively();
}

bool SmtpSink::start(const QString &mode, const QString &certificate, const QString &key,
                     QString *error)
{
    if (sinkScript().isEmpty()) {
        *error = QStringLiteral("ENGAGE_SMTP_SINK is not set: run the test through ctest");
        return false;
    }
    QTemporaryDir out;
    out.setAutoRemove(false);
    m_outDirectory = out.path();
    QStringList arguments{sinkScript(), mode, m_outDirectory};
    if (!certificate.isEmpty())
        arguments << certificate << key;
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process->start(QStringLiteral("/usr/bin/python3"), arguments);
    if (!m_process->waitForStarted(10000)) {
        *error = QStringLiteral("the SMTP sink does not start: ") + m_process->errorString();
        return false;
    }
    while (!m_process->canReadLine()) {
        if (!m_process->waitForReadyRead(20000)) {
            *error = QStringLiteral("the SMTP sink does not announce its port");
            return false;
        }
    }
    m_port = QJsonDocument::fromJson(m_process->readLine()).object().value(u"port").toInt();
    if (m_port <= 0) {
        *error = QStringLiteral("the SMTP sink announced no port");
        return false;
    }
    return true;
}

QList<QJsonObject> SmtpSink::messages() const
{
    QDir directory(m_outDirectory);
    QStringList names = directory.entryList({QStringLiteral("*.json")}, QDir::Files);
    std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) {
        return a.section(u'.', 0, 0).toInt() < b.section(u'.', 0, 0).toInt();
    });
    QList<QJsonObject> messages;
    for (const QString &name : names) {
        QFile file(directory.filePath(name));
        if (file.open(QIODevice::ReadOnly))
            messages.append(QJsonDocument::fromJson(file.readAll()).object());
    }
    return messages;
}

} // namespace engage::test
