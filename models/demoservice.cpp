#include "demoservice.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <chrono>
#include <utility>

namespace engage::models {

namespace {

Q_LOGGING_CATEGORY(lcDemo, "engage.demo")

using namespace std::chrono_literals;

// A first start creates keys, a certificate and two tenants (Argon2id hashes):
// a few seconds on a slow machine, far less than this.
constexpr auto kStartTimeout = 30s;
// Closing stdin stops the service at once unless requests are in flight; a
// service that does not react by then is terminated, then killed.
constexpr int stdinGraceMs = 3000;
constexpr int terminateGraceMs = 2000;

} // namespace

DemoService::DemoService(QString dataDir, QObject *parent)
    : QObject(parent)
    , m_dataDir(dataDir.isEmpty()
                    ? QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                          .filePath(QStringLiteral("demo"))
                    : std::move(dataDir))
{
    m_startTimer.setSingleShot(true);
    m_startTimer.setInterval(kStartTimeout);
    connect(&m_startTimer, &QTimer::timeout, this, &DemoService::onStartTimedOut);
    connect(&m_process, &QProcess::readyReadStandardOutput, this,
            &DemoService::onReadyReadStandardOutput);
    connect(&m_process, &QProcess::finished, this, &DemoService::onFinished);
    connect(&m_process, &QProcess::errorOccurred, this, &DemoService::onErrorOccurred);
}

void DemoService::setStartTimeout(std::chrono::milliseconds timeout)
{
    m_startTimer.setInterval(timeout);
}

DemoService::~DemoService()
{
    // Nobody may hear from an object being destroyed.
    disconnect(&m_process, nullptr, this, nullptr);
    stop();
}

QString DemoService::serverExecutable()
{
    const QString configured = qEnvironmentVariable("ENGAGE_SERVER");
    if (!configured.isEmpty())
        return configured;
#ifdef Q_OS_WIN
    const QString name = QStringLiteral("engage-server.exe");
#else
    const QString name = QStringLiteral("engage-server");
#endif
    return QDir(QCoreApplication::applicationDirPath()).filePath(name);
}

void DemoService::start()
{
    if (m_process.state() != QProcess::NotRunning) {
        qCWarning(lcDemo) << "the demo service is already running";
        return;
    }
    m_url.clear();
    m_fingerprint.clear();
    m_tenants.clear();

    const QString program = serverExecutable();
    const QFileInfo programInfo(program);
    if (!programInfo.isFile() || !programInfo.isExecutable()) {
        // Queued, like every other outcome, so that callers may connect after start().
        const QString reason = tr("The demo service could not be started: the program %1 was not "
                                  "found. Reinstall Engage, or set ENGAGE_SERVER to its path.")
                                   .arg(QDir::toNativeSeparators(program));
        QMetaObject::invokeMethod(
            this, [this, reason] { Q_EMIT failed(reason); }, Qt::QueuedConnection);
        return;
    }
    // The log lives beside the data, which the service keeps to its owner.
    if (!QDir().mkpath(m_dataDir)) {
        const QString reason =
            tr("The demo service could not be started: the folder %1 cannot be created.")
                .arg(QDir::toNativeSeparators(m_dataDir));
        QMetaObject::invokeMethod(
            this, [this, reason] { Q_EMIT failed(reason); }, Qt::QueuedConnection);
        return;
    }
    QFile::setPermissions(m_dataDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

    // Its logs go to a file: a pipe that nobody reads would fill and stall it.
    m_process.setStandardErrorFile(logFile());
    m_process.setProgram(program);
    m_process.setArguments({QStringLiteral("--demo"), QStringLiteral("--data-dir"), m_dataDir,
                            QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                            QStringLiteral("--exit-with-stdin")});
    m_state = State::Starting;
    m_startTimer.start();
    qCInfo(lcDemo) << "starting" << program << "on" << m_dataDir;
    // Read and write: stdin stays an open pipe that only this process holds.
    // When this process ends in any way, the pipe closes and the service stops.
    m_process.start(QIODevice::ReadWrite);
}

void DemoService::stop()
{
    m_startTimer.stop();
    if (m_process.state() == QProcess::NotRunning)
        return;
    // While starting, the caller abandons the start: no failure to report.
    if (m_state == State::Starting)
        m_state = State::Idle;
    m_process.closeWriteChannel();
    if (m_process.waitForFinished(stdinGraceMs))
        return;
    qCWarning(lcDemo) << "the demo service ignores the end of its stdin; terminating it";
    m_process.terminate();
    if (m_process.waitForFinished(terminateGraceMs))
        return;
    qCWarning(lcDemo) << "the demo service ignores SIGTERM; killing it";
    m_process.kill();
    m_process.waitForFinished();
}

bool DemoService::isRunning() const
{
    return m_process.state() != QProcess::NotRunning;
}

qint64 DemoService::processId() const
{
    return m_process.processId();
}

void DemoService::onReadyReadStandardOutput()
{
    if (m_state != State::Starting) {
        // Nothing follows the announcement; whatever does is not kept.
        m_process.readAllStandardOutput();
        return;
    }
    if (!m_process.canReadLine())
        return;
    const QByteArray line = m_process.readLine().trimmed();
    if (!readAnnouncement(line)) {
        fail(tr("The demo service started, but its first message could not be read. Its log is "
                "in %1.")
                 .arg(QDir::toNativeSeparators(logFile())));
        return;
    }
    m_startTimer.stop();
    m_state = State::Ready;
    qCInfo(lcDemo) << "ready at" << m_url.toString() << "with" << m_tenants.size() << "tenants";
    Q_EMIT ready();
}

bool DemoService::readAnnouncement(const QByteArray &line)
{
    QJsonParseError error{};
    const QJsonObject announcement = QJsonDocument::fromJson(line, &error).object();
    if (error.error != QJsonParseError::NoError)
        return false;
    const QUrl url(announcement.value(u"url").toString(), QUrl::StrictMode);
    const QString fingerprint = announcement.value(u"fingerprintSha256").toString();
    if (!url.isValid() || url.scheme() != u"https" || url.port() <= 0 || fingerprint.isEmpty())
        return false;
    QList<Tenant> tenants;
    const QJsonArray tenantArray = announcement.value(u"tenants").toArray();
    for (const QJsonValue &value : tenantArray) {
        const QJsonObject object = value.toObject();
        Tenant tenant{object.value(u"slug").toString(), object.value(u"name").toString(),
                      object.value(u"adminEmail").toString(),
                      object.value(u"adminPassword").toString()};
        if (tenant.slug.isEmpty() || tenant.ownerEmail.isEmpty())
            return false;
        tenants.append(std::move(tenant));
    }
    if (tenants.isEmpty())
        return false;
    m_url = url;
    m_fingerprint = fingerprint;
    m_tenants = std::move(tenants);
    return true;
}

void DemoService::onFinished(int exitCode, QProcess::ExitStatus exitStatus)
{
    m_startTimer.stop();
    const State previous = std::exchange(m_state, State::Idle);
    qCInfo(lcDemo) << "the demo service exited with" << exitCode << exitStatus;
    if (previous == State::Ready) {
        Q_EMIT stopped();
    } else if (previous == State::Starting) {
        const QString log = QDir::toNativeSeparators(logFile());
        Q_EMIT failed(
            exitStatus == QProcess::CrashExit
                ? tr("The demo service crashed while starting. Its log is in %1.").arg(log)
                : tr("The demo service exited with code %1 while starting. Its log is "
                     "in %2.")
                      .arg(exitCode)
                      .arg(log));
    }
}

void DemoService::onErrorOccurred(QProcess::ProcessError error)
{
    // Every other error is followed by finished().
    if (error != QProcess::FailedToStart || m_state != State::Starting)
        return;
    m_startTimer.stop();
    m_state = State::Idle;
    Q_EMIT failed(tr("The demo service could not be started: %1").arg(m_process.errorString()));
}

void DemoService::onStartTimedOut()
{
    if (m_state != State::Starting)
        return;
    const auto seconds =
        std::chrono::duration_cast<std::chrono::seconds>(m_startTimer.intervalAsDuration()).count();
    fail(tr("The demo service did not report that it was ready within %n second(s). Its log is "
            "in %1.",
            nullptr, static_cast<int>(seconds))
             .arg(QDir::toNativeSeparators(logFile())));
}

void DemoService::fail(const QString &reason)
{
    m_state = State::Idle;
    stop();
    Q_EMIT failed(reason);
}

QString DemoService::logFile() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("engage-server.log"));
}

} // namespace engage::models
