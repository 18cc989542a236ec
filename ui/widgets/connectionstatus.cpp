#include "connectionstatus.h"

#include "models/apiclient.h"
#include "models/session.h"
#include "models/settings.h"

#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>

namespace engage::ui {

namespace {

constexpr int kDefaultHealthIntervalMs = 30000;

QFrame *separator(QWidget *parent)
{
    auto *line = new QFrame(parent);
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    return line;
}

} // namespace

ConnectionStatus::ConnectionStatus(ClientContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_connection(new QLabel(this))
    , m_tenant(new QLabel(this))
    , m_person(new QLabel(this))
    , m_health(new QLabel(this))
{
    m_connection->setObjectName(QStringLiteral("connectionState"));
    m_tenant->setObjectName(QStringLiteral("tenant"));
    m_person->setObjectName(QStringLiteral("person"));
    m_health->setObjectName(QStringLiteral("serviceHealth"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->addWidget(m_connection);
    layout->addWidget(separator(this));
    layout->addWidget(m_tenant);
    layout->addWidget(separator(this));
    layout->addWidget(m_person);
    layout->addWidget(separator(this));
    layout->addWidget(m_health);

    connect(&context.client, &models::ApiClient::reachabilityChanged, this,
            &ConnectionStatus::onReachabilityChanged);
    connect(&context.session, &models::Session::stateChanged, this,
            &ConnectionStatus::onSessionStateChanged);
    connect(&m_healthTimer, &QTimer::timeout, this, &ConnectionStatus::pollHealth);
    m_healthTimer.setInterval(kDefaultHealthIntervalMs);
    refresh();
}

ConnectionStatus::~ConnectionStatus()
{
    if (m_healthReply)
        m_healthReply->abort();
}

void ConnectionStatus::setHealthInterval(int intervalMs)
{
    m_healthTimer.start(intervalMs);
    pollHealth();
}

void ConnectionStatus::setSignInPending(bool pending)
{
    m_signInPending = pending;
    refresh();
}

QString ConnectionStatus::connectionText() const
{
    return m_connection->text();
}

QString ConnectionStatus::tenantText() const
{
    return m_tenant->text();
}

QString ConnectionStatus::personText() const
{
    return m_person->text();
}

QString ConnectionStatus::healthText() const
{
    return m_health->text();
}

void ConnectionStatus::pollHealth()
{
    if (m_healthReply)
        return; // one probe at a time: a slow service is not asked twice
    models::ApiRequest request;
    request.path = QStringLiteral("/readyz");
    request.authenticated = false;
    m_healthReply = m_context.client.send(request);
    connect(m_healthReply, &models::ApiReply::finished, this, [this, reply = m_healthReply] {
        m_healthReply.clear();
        if (reply->isOk())
            m_healthState = reply->json().object().value(QLatin1String("status")).toString() ==
                                    QLatin1String("ready")
                                ? Health::Ready
                                : Health::NotReady;
        else if (reply->error().kind == models::ApiError::Kind::Problem)
            m_healthState = Health::NotReady;
        else if (reply->error().kind != models::ApiError::Kind::Cancelled)
            m_healthState = Health::Unreachable;
        refresh();
    });
}

// The first probe waits until someone is signed in and the window is on
// screen: a window shown while the session is resumed does not compete with
// the resume for the connection, nor reach the service before the resume has
// checked its certificate.
void ConnectionStatus::startHealthPolling()
{
    const models::Session::State state = m_context.session.state();
    if (m_healthTimer.isActive() || (state != models::Session::State::SignedIn &&
                                     state != models::Session::State::PasswordChangeRequired))
        return;
    m_healthTimer.start();
    pollHealth();
}

void ConnectionStatus::onSessionStateChanged()
{
    m_signInPending = false;
    refresh();
    if (isVisible())
        startHealthPolling();
}

void ConnectionStatus::onReachabilityChanged(bool reachable)
{
    m_reachable = reachable;
    refresh();
}

void ConnectionStatus::refresh()
{
    const QString profile = m_context.settings.currentProfile();
    m_connection->setText(m_reachable ? tr("Connected to %1").arg(profile)
                                      : tr("Cannot reach %1").arg(profile));
    m_connection->setToolTip(m_context.client.baseUrl().toDisplayString());

    const models::Session &session = m_context.session;
    const bool signedIn = session.state() == models::Session::State::SignedIn ||
                          session.state() == models::Session::State::PasswordChangeRequired;
    m_tenant->setText(signedIn ? tr("Tenant: %1").arg(session.tenant()) : QString());
    if (signedIn && session.person())
        m_person->setText(tr("Signed in as %1").arg(session.person()->displayName));
    else if (m_signInPending || session.state() == models::Session::State::SigningIn)
        m_person->setText(tr("Signing in…"));
    else
        m_person->setText(tr("Not signed in"));
    m_person->setToolTip(signedIn && session.person() ? session.person()->email : QString());

    switch (m_healthState) {
    case Health::Unknown:
        m_health->setText(tr("Service: checking…"));
        break;
    case Health::Ready:
        m_health->setText(tr("Service: ready"));
        break;
    case Health::NotReady:
        m_health->setText(tr("Service: not ready"));
        break;
    case Health::Unreachable:
        m_health->setText(tr("Service: unreachable"));
        break;
    }
}

void ConnectionStatus::showEvent(QShowEvent *event)
{
    startHealthPolling();
    QWidget::showEvent(event);
}

void ConnectionStatus::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QWidget::changeEvent(event);
}

} // namespace engage::ui
