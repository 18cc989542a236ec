#pragma once

#include <QList>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QTimer>
#include <QUrl>
#include <chrono>

namespace engage::models {

// The demo service as a child process: `engage-server --demo --data-dir DIR
// --listen 127.0.0.1:0 --exit-with-stdin`, found beside the client's own
// executable or through ENGAGE_SERVER. Its data lives under the user's
// application-data folder, so a second start reuses it. The child reads its
// stdin until end of file: when this process quits, is killed or crashes, the
// pipe closes and the service shuts down by itself.
class DemoService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoService)

public:
    struct Tenant
    {
        QString slug;
        QString name;
        QString ownerEmail;
        QString ownerPassword;
    };

    // `dataDir` empty: <AppDataLocation>/demo.
    explicit DemoService(QString dataDir = {}, QObject *parent = nullptr);
    ~DemoService() override; // stops the child (SIGTERM, then kill after 5 s)

    static QString serverExecutable(); // ENGAGE_SERVER, else beside applicationFilePath()
    QString dataDir() const { return m_dataDir; }

    // How long a start may take before the child is given up (default 30 s);
    // tests shorten it.
    void setStartTimeout(std::chrono::milliseconds timeout);

    void start(); // ready() or failed() follows
    void stop();
    bool isRunning() const;
    qint64 processId() const;

    // From the announcement line.
    QUrl url() const { return m_url; }
    QString fingerprint() const { return m_fingerprint; }
    QList<Tenant> tenants() const { return m_tenants; }

Q_SIGNALS:
    void ready();
    void failed(const QString &reason); // translated, for the user
    void stopped();                     // the child exited after ready()

private:
    enum class State
    {
        Idle,
        Starting, // waiting for the announcement line
        Ready,
    };

    void onReadyReadStandardOutput();
    void onFinished(int exitCode, QProcess::ExitStatus exitStatus);
    void onErrorOccurred(QProcess::ProcessError error);
    void onStartTimedOut();
    bool readAnnouncement(const QByteArray &line);
    // Stops the child without signals, then emits failed(reason).
    void fail(const QString &reason);
    QString logFile() const;

    QString m_dataDir;
    QProcess m_process;
    QTimer m_startTimer;
    State m_state = State::Idle;
    QUrl m_url;
    QString m_fingerprint;
    QList<Tenant> m_tenants;
};

} // namespace engage::models
