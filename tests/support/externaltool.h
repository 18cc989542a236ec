#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace engage::test {

// The outcome of running a command to its end.
struct ToolResult
{
    bool started = false;
    bool finished = false; // false: it ran past the timeout and was killed
    int exitCode = -1;
    QProcess::ExitStatus exitStatus = QProcess::CrashExit;
    QByteArray standardOutput;
    QByteArray standardError;

    bool succeeded() const
    {
        return finished && exitStatus == QProcess::NormalExit && exitCode == 0;
    }
    // For failure messages: the command's outcome and the tail of its output.
    QString describe() const;
};

// Runs `program` with `arguments`, writes `input` to its standard input and
// closes it, and waits up to `timeoutMs` for it to exit.
ToolResult runTool(const QString &program, const QStringList &arguments,
                   const QByteArray &input = {}, int timeoutMs = 20000);

} // namespace engage::test
