#include "offlinesync.h"

#include "api/dashboard.h"
#include "api/member.h"
#include "memberexportsource.h"
#include "models/apiclient.h"
#include "models/session.h"
#include "resultexportsource.h"
#include "surveyexportsource.h"

#include <QLoggingCategory>

namespace engage::models {

namespace {

Q_LOGGING_CATEGORY(lcOfflineSync, "engage.offlinesync")

// Past the window's first paint and the reads of its first page, which the
// person waits for.
constexpr std::chrono::milliseconds kFirstDelay = std::chrono::seconds(10);
constexpr std::chrono::milliseconds kInterval = std::chrono::hours(6);

// The exports an offline export may be asked for, with the selections the
// command line and the window's defaults use.
constexpr int kExportCount = 3;

ExportSource *makeSource(int index, ApiClient &client, const QString &tenant, QObject *parent)
{
    switch (index) {
    case 0:
        // The table is dropped: the language of its headers does not matter.
        return new MemberExportSource(client, QStringLiteral("en"), api::MemberQuery{}, tenant,
                                      QString(), parent);
    case 1:
        return new ResultExportSource(client, api::DashboardQuery{}, tenant, QString(), parent);
    default:
        return new SurveyExportSource(client, tenant, QString(), parent);
    }
}

} // namespace

OfflineSync::OfflineSync(ApiClient &client, Session &session, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_session(session)
{
    m_first.setSingleShot(true);
    m_first.setInterval(kFirstDelay);
    m_periodic.setInterval(kInterval);
    connect(&m_first, &QTimer::timeout, this, &OfflineSync::run);
    connect(&m_periodic, &QTimer::timeout, this, &OfflineSync::run);
    connect(&session, &Session::signedIn, this, &OfflineSync::schedule);
    connect(&session, &Session::offlineChanged, this, [this](bool offline) {
        if (offline)
            stop();
        else
            schedule(); // back online after an offline start
    });
    connect(&session, &Session::stateChanged, this, [this](Session::State state) {
        if (state != Session::State::SignedIn)
            stop();
    });
}

OfflineSync::~OfflineSync()
{
    stop();
}

void OfflineSync::setEnabled(bool enabled)
{
    m_enabled = enabled;
    if (!enabled)
        stop();
}

void OfflineSync::setFirstDelay(std::chrono::milliseconds delay)
{
    m_first.setInterval(delay);
}

void OfflineSync::setInterval(std::chrono::milliseconds interval)
{
    m_periodic.setInterval(interval);
}

std::chrono::milliseconds OfflineSync::interval() const
{
    return m_periodic.intervalAsDuration();
}

bool OfflineSync::mayRun() const
{
    return m_enabled && m_session.state() == Session::State::SignedIn && !m_session.isOffline() &&
           m_client.offlineCache() != nullptr;
}

void OfflineSync::schedule()
{
    stop();
    if (!mayRun())
        return;
    m_first.start();
    m_periodic.start();
}

void OfflineSync::stop()
{
    m_first.stop();
    m_periodic.stop();
    dropCurrent();
}

void OfflineSync::run()
{
    // A sync still under way when the next is due goes on.
    if (isRunning() || !mayRun())
        return;
    qCInfo(lcOfflineSync) << "syncing the offline cache";
    m_next = 0;
    Q_EMIT started();
    loadNext();
}

void OfflineSync::loadNext()
{
    if (m_next == kExportCount) {
        finish(true);
        return;
    }
    // The cache may have gone with the session between two exports.
    if (!mayRun()) {
        finish(false);
        return;
    }
    ExportSource *source = makeSource(m_next++, m_client, m_session.tenant(), this);
    m_current = source;
    connect(source, &ExportSource::loaded, this, [this] {
        dropCurrent();
        loadNext();
    });
    connect(source, &ExportSource::failed, this, [this](const ApiError &error) {
        qCInfo(lcOfflineSync) << "offline cache sync failed, kind" << static_cast<int>(error.kind)
                              << "status" << error.httpStatus << "request" << error.requestId;
        finish(false);
    });
    source->load();
}

void OfflineSync::finish(bool complete)
{
    dropCurrent();
    if (complete)
        qCInfo(lcOfflineSync) << "offline cache synced";
    Q_EMIT finished(complete);
}

void OfflineSync::dropCurrent()
{
    if (!m_current)
        return;
    ExportSource *source = m_current;
    m_current.clear();
    source->disconnect(this);
    source->cancel();
    source->deleteLater();
}

} // namespace engage::models
