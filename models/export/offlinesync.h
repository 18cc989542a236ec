#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <chrono>

namespace engage::models {

class ApiClient;
class ExportSource;
class Session;

// Keeps the offline cache holding what the exports read, so that an export
// works offline (in the window or `engage-admin export --offline`) without
// having been run online first. A while after the session signs in online
// with an offline cache (so after the window's first paint and first page),
// and again every interval() while it stays online, the members, results and
// survey definitions exports load their default selections one after the
// other and their tables are dropped: their reads carry the offline keys an
// export of the same defaults reads offline. Never while offline; a sign-out
// or going offline abandons a sync under way. A failed sync is only logged:
// the next one tries again.
//
// A session that must not sync (the demo's) is told with setEnabled(false).
class OfflineSync final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OfflineSync)

public:
    // Both must outlive the sync.
    OfflineSync(ApiClient &client, Session &session, QObject *parent = nullptr);
    ~OfflineSync() override;

    // Whether sign-ins from now on sync (default true); false also stops the
    // current one's.
    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }
    // Defaults: 10 seconds after the sign-in, then every 6 hours. Tests shorten them.
    void setFirstDelay(std::chrono::milliseconds delay);
    void setInterval(std::chrono::milliseconds interval);
    std::chrono::milliseconds interval() const;

    bool isRunning() const { return !m_current.isNull(); }

Q_SIGNALS:
    void started();
    // `complete`: every export's reads were answered and cached.
    void finished(bool complete);

private:
    void schedule();
    void stop();
    void run();
    void loadNext();
    void finish(bool complete);
    void dropCurrent();
    bool mayRun() const;

    ApiClient &m_client;
    Session &m_session;
    bool m_enabled = true;
    QTimer m_first;
    QTimer m_periodic;
    int m_next = 0;                   // the next export to load
    QPointer<ExportSource> m_current; // a child, deleted later: it may be emitting
};

} // namespace engage::models
