#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

namespace engage::test {

// The real engage-server executable ($ENGAGE_BIN_DIR/engage-server) as a child
// process: started on 127.0.0.1 with a free port, ready once it has printed its
// one JSON announcement line. Its stderr (JSON logs) goes to a file, so a
// chatty server never blocks on a full pipe while a test is busy.
//
// On destruction the server is stopped (SIGTERM, then SIGKILL) and, when the
// current test function failed, the tail of its stderr is printed.
class ServerProcess final
{
public:
    // `dataDir` empty: a fresh temporary data directory, removed afterwards.
    // Otherwise that directory is used as is (to restart on the same data).
    explicit ServerProcess(const QString &dataDir = {});
    ~ServerProcess();
    ServerProcess(const ServerProcess &) = delete;
    ServerProcess &operator=(const ServerProcess &) = delete;

    static QString executable();
    static constexpr int defaultStartTimeoutMs = 20000;
    // A start that writes the demo's year of engagement results (the first
    // start on a data directory, under the sanitizers) takes longer.
    static constexpr int historyStartTimeoutMs = 90000;

    // Starts `--data-dir DIR --listen 127.0.0.1:0 --demo --demo-without-history`
    // plus `extraArguments` and waits for the announcement. False (see
    // errorString()) when the process exits or stays silent past the timeout.
    // A data directory that does not exist yet starts as a copy of the
    // suite's demo data (DemoDataTemplate), unless seedDemoDataItself().
    bool start(const QStringList &extraArguments = {}, int timeoutMs = defaultStartTimeoutMs);
    // The same with the demo's year of engagement results, for tests that
    // read dashboards.
    bool startWithHistory(const QStringList &extraArguments = {},
                          int timeoutMs = historyStartTimeoutMs);
    // Seeds the demo data by a real first start: for tests of what that start
    // does and writes.
    void seedDemoDataItself() { m_copiesDemoTemplate = false; }
    // Starts with exactly `arguments` (nothing added, no template) and waits
    // likewise.
    bool startWithArguments(const QStringList &arguments, int timeoutMs = defaultStartTimeoutMs);
    QString errorString() const { return m_error; }

    // What the announcement said.
    QJsonObject announcement() const { return m_announcement; }
    QByteArray announcementLine() const { return m_announcementLine; }
    QUrl url() const;
    quint16 port() const;
    QString fingerprint() const;

    QString dataDir() const { return m_dataDir; }
    // The certificate the server presents: --cert when given, else the demo one.
    QString certificatePath() const;
    QString keyPath() const;
    QStringList arguments() const { return m_arguments; }

    qint64 pid() const;
    bool isRunning() const;
    void terminate(); // SIGTERM
    void kill();      // SIGKILL
    bool waitForExit(int timeoutMs);
    int exitCode() const { return m_process.exitCode(); }
    QProcess::ExitStatus exitStatus() const { return m_process.exitStatus(); }

    // Everything the server wrote to stderr so far.
    QString stderrText() const;
    // Waits until stderr contains `text`.
    bool waitForStderr(QStringView text, int timeoutMs);
    // Anything written to stdout after the announcement line.
    QByteArray readMoreStdout();

    // Prints the tail of stderr if the current test function failed; call it
    // from cleanup() when the server outlives one test function.
    void reportIfFailed() const;

private:
    void stop();
    // Fresh SQLite data (no --database, no folder yet) becomes a copy of the
    // suite's demo data; true when there is nothing to copy.
    bool copyDemoTemplateOnFreshData(const QStringList &extraArguments);

    QTemporaryDir m_root;
    QString m_dataDir;
    QString m_stderrPath;
    QStringList m_arguments;
    QProcess m_process;
    QString m_error;
    QByteArray m_announcementLine;
    QJsonObject m_announcement;
    bool m_copiesDemoTemplate = true;
};

} // namespace engage::test
