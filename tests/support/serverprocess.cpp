#include "serverprocess.h"

#include "demodatatemplate.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QProcessEnvironment>
#include <QTest>

namespace engage::test {

namespace {

QString argumentValue(const QStringList &arguments, const QString &name)
{
    const qsizetype index = arguments.indexOf(name);
    if (index >= 0 && index + 1 < arguments.size())
        return arguments.at(index + 1);
    const QString prefix = name + u'=';
    for (const QString &argument : arguments) {
        if (argument.startsWith(prefix))
            return argument.mid(prefix.size());
    }
    return {};
}

} // namespace

ServerProcess::ServerProcess(const QString &dataDir)
    : m_dataDir(dataDir.isEmpty() ? m_root.filePath(QStringLiteral("data")) : dataDir)
    , m_stderrPath(m_root.filePath(QStringLiteral("server-stderr.log")))
{
    m_process.setStandardErrorFile(m_stderrPath);
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // The project's suppressions for leaks inside system libraries.
    const QString testData = environment.value(QStringLiteral("ENGAGE_TEST_DATA"));
    if (!testData.isEmpty() && !environment.contains(QStringLiteral("LSAN_OPTIONS"))) {
        environment.insert(QStringLiteral("LSAN_OPTIONS"),
                           QStringLiteral("suppressions=%1/lsan.supp").arg(testData));
    }
    m_process.setProcessEnvironment(environment);
}

ServerProcess::~ServerProcess()
{
    stop();
    reportIfFailed();
}

QString ServerProcess::executable()
{
    const QString binDir = qEnvironmentVariable("ENGAGE_BIN_DIR");
    return QDir(binDir.isEmpty() ? QStringLiteral(".") : binDir)
        .filePath(QStringLiteral("engage-server"));
}

bool ServerProcess::start(const QStringList &extraArguments, int timeoutMs)
{
    const bool demo = !extraArguments.contains(QStringLiteral("--cert"));
    return startWithHistory(demo ? extraArguments +
                                       QStringList{QStringLiteral("--demo-without-history")}
                                 : extraArguments,
                            timeoutMs);
}

bool ServerProcess::startWithHistory(const QStringList &extraArguments, int timeoutMs)
{
    QStringList arguments = {QStringLiteral("--data-dir"), m_dataDir, QStringLiteral("--listen"),
                             QStringLiteral("127.0.0.1:0")};
    if (!extraArguments.contains(QStringLiteral("--cert"))) {
        arguments << QStringLiteral("--demo");
        if (!copyDemoTemplateOnFreshData(extraArguments))
            return false;
    }
    return startWithArguments(arguments + extraArguments, timeoutMs);
}

bool ServerProcess::copyDemoTemplateOnFreshData(const QStringList &extraArguments)
{
    if (!m_copiesDemoTemplate || !DemoDataTemplate::isAvailable() ||
        extraArguments.contains(QStringLiteral("--database")) || QFileInfo::exists(m_dataDir))
        return true;
    const bool withHistory = !extraArguments.contains(QStringLiteral("--demo-without-history"));
    return DemoDataTemplate::copyInto(m_dataDir, withHistory, &m_error);
}

bool ServerProcess::startWithArguments(const QStringList &arguments, int timeoutMs)
{
    if (!m_root.isValid()) {
        m_error = QStringLiteral("cannot create a temporary directory");
        return false;
    }
    if (m_process.state() != QProcess::NotRunning) {
        m_error = QStringLiteral("the server is already running");
        return false;
    }
    m_arguments = arguments;
    m_announcement = {};
    m_announcementLine.clear();
    m_error.clear();
    m_process.start(executable(), arguments, QIODevice::ReadOnly);
    if (!m_process.waitForStarted(timeoutMs)) {
        m_error = QStringLiteral("cannot start %1: %2").arg(executable(), m_process.errorString());
        return false;
    }

    const QDeadlineTimer deadline(timeoutMs);
    while (!m_process.canReadLine()) {
        if (m_process.state() == QProcess::NotRunning || deadline.hasExpired())
            break;
        m_process.waitForReadyRead(static_cast<int>(qMin<qint64>(deadline.remainingTime(), 200)));
    }
    if (!m_process.canReadLine()) {
        m_error = m_process.state() == QProcess::NotRunning
                      ? QStringLiteral("the server exited (code %1) before announcing itself")
                            .arg(m_process.exitCode())
                      : QStringLiteral("no announcement within %1 ms").arg(timeoutMs);
        m_error += QStringLiteral("\nstderr:\n") + stderrText().right(4000);
        return false;
    }
    m_announcementLine = m_process.readLine().trimmed();
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(m_announcementLine, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        m_error = QStringLiteral("the announcement is not a JSON object: %1")
                      .arg(QString::fromUtf8(m_announcementLine));
        return false;
    }
    m_announcement = document.object();
    return true;
}

QUrl ServerProcess::url() const
{
    return QUrl(m_announcement.value(QStringLiteral("url")).toString());
}

quint16 ServerProcess::port() const
{
    const int port = url().port(0);
    return port > 0 && port <= 65535 ? static_cast<quint16>(port) : 0;
}

QString ServerProcess::fingerprint() const
{
    return m_announcement.value(QStringLiteral("fingerprintSha256")).toString();
}

QString ServerProcess::certificatePath() const
{
    const QString given = argumentValue(m_arguments, QStringLiteral("--cert"));
    return given.isEmpty() ? QDir(m_dataDir).filePath(QStringLiteral("demo-certificate.pem"))
                           : given;
}

QString ServerProcess::keyPath() const
{
    const QString given = argumentValue(m_arguments, QStringLiteral("--key"));
    return given.isEmpty() ? QDir(m_dataDir).filePath(QStringLiteral("demo-key.pem")) : given;
}

qint64 ServerProcess::pid() const
{
    return m_process.processId();
}

bool ServerProcess::isRunning() const
{
    return m_process.state() != QProcess::NotRunning;
}

void ServerProcess::terminate()
{
    m_process.terminate();
}

void ServerProcess::kill()
{
    m_process.kill();
}

bool ServerProcess::waitForExit(int timeoutMs)
{
    if (m_process.state() == QProcess::NotRunning)
        return true;
    return m_process.waitForFinished(timeoutMs);
}

QString ServerProcess::stderrText() const
{
    QFile file(m_stderrPath);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

bool ServerProcess::waitForStderr(QStringView text, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!stderrText().contains(text)) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(20);
    }
    return true;
}

QByteArray ServerProcess::readMoreStdout()
{
    return m_process.readAllStandardOutput();
}

void ServerProcess::reportIfFailed() const
{
    if (!QTest::currentTestFailed())
        return;
    const QString text = stderrText();
    qWarning().noquote() << "engage-server" << m_arguments.join(u' ') << "exit code"
                         << m_process.exitCode() << "stderr (tail):\n"
                         << text.right(8000);
}

void ServerProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(15000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

} // namespace engage::test
