#pragma once

#include "ui/clientcontext.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;

namespace engage::models {
class ApiReply;
}

namespace engage::ui {

// The status bar's view of the connection: whether the service answers, the
// profile, the tenant, who is signed in, and the service's own health
// (GET /readyz without a token, polled).
class ConnectionStatus final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionStatus)

public:
    explicit ConnectionStatus(ClientContext &context, QWidget *parent = nullptr);
    ~ConnectionStatus() override;

    // Polls now, then every `intervalMs` (30 s by default, from the first
    // show once someone is signed in).
    void setHealthInterval(int intervalMs);
    // A sign-in is about to start (the window is shown before it does): say
    // "Signing in…" rather than "Not signed in". The session's next state
    // change ends it.
    void setSignInPending(bool pending);

    QString connectionText() const;
    QString tenantText() const;
    QString personText() const;
    QString healthText() const;

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    enum class Health
    {
        Unknown,
        Ready,
        NotReady,
        Unreachable
    };

    void pollHealth();
    void startHealthPolling();
    void onSessionStateChanged();
    void onReachabilityChanged(bool reachable);
    void refresh();

    ClientContext &m_context;
    QLabel *m_connection;
    QLabel *m_tenant;
    QLabel *m_person;
    QLabel *m_health;
    QTimer m_healthTimer;
    QPointer<models::ApiReply> m_healthReply;
    Health m_healthState = Health::Unknown;
    bool m_reachable = true;
    bool m_signInPending = false;
};

} // namespace engage::ui
