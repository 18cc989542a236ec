#include "externaltool.h"

namespace engage::test {

namespace {

QString tail(const QByteArray &text, qsizetype length = 2000)
{
    return QString::fromUtf8(text.size() > length ? text.right(length) : text);
}

} // namespace

QString ToolResult::describe() const
{
    return QStringLiteral("started=%1 finished=%2 exitStatus=%3 exitCode=%4\n--- stdout ---\n%5\n"
                          "--- stderr ---\n%6")
        .arg(started)
        .arg(finished)
        .arg(exitStatus == QProcess::NormalExit ? QStringLiteral("normal")
                                                : QStringLiteral("crash"))
        .arg(exitCode)
        .arg(tail(standardOutput), tail(standardError));
}

ToolResult runTool(const QString &program, const QStringList &arguments, const QByteArray &input,
                   int timeoutMs)
{
    ToolResult result;
    QProcess process;
    process.start(program, arguments);
    result.started = process.waitForStarted(timeoutMs);
    if (!result.started)
        return result;
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    result.finished = process.waitForFinished(timeoutMs);
    if (!result.finished) {
        process.kill();
        process.waitForFinished(5000);
    }
    result.exitCode = process.exitCode();
    result.exitStatus = process.exitStatus();
    result.standardOutput = process.readAllStandardOutput();
    result.standardError = process.readAllStandardError();
    return result;
}

} // namespace engage::test
