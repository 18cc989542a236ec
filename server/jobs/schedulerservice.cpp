#include "schedulerservice.h"

#include <QLoggingCategory>
#include <QThreadPool>

namespace engage::server::jobs {

namespace {
Q_LOGGING_CATEGORY(lcService, "engage.server.jobs")
}

SchedulerService::SchedulerService(const store::Database &database, store::Keyring &keyring,
                                   QThreadPool &workers, std::unique_ptr<DeliverySender> sender,
                                   std::unique_ptr<Clock> clock, QObject *parent)
    : QObject(parent)
    , m_workers(workers)
    , m_sender(std::move(sender))
    , m_clock(std::move(clock))
    , m_scheduler(database, keyring, *m_sender)
{
    connect(&m_timer, &QTimer::timeout, this, &SchedulerService::post);
}

SchedulerService::~SchedulerService()
{
    stop();
    const std::lock_guard wait(m_running);
}

void SchedulerService::start(std::chrono::milliseconds interval)
{
    m_stopped = false;
    m_timer.start(interval);
    // Once the event loop runs: by then the service listens and knows its
    // public URL, which the links in the first e-mails need.
    QTimer::singleShot(0, this, &SchedulerService::post);
}

void SchedulerService::stop()
{
    m_stopped = true;
    m_timer.stop();
}

void SchedulerService::wake()
{
    if (m_timer.isActive())
        post();
}

void SchedulerService::post()
{
    // One tick queued or running at a time: a slow one is not stacked up.
    if (m_stopped || m_posted.exchange(true))
        return;
    m_workers.start([this] { run(); });
}

void SchedulerService::run()
{
    const std::lock_guard running(m_running);
    m_posted = false;
    if (m_stopped)
        return;
    const TickReport report =
        m_scheduler.tick(m_clock->now(), QDeadlineTimer(std::chrono::milliseconds(kSendSlice)));
    if (report.roundsOpened + report.roundsClosed + report.sent + report.settled > 0)
        qCInfo(lcService).noquote()
            << QStringLiteral("scheduler: %1 rounds opened, %2 closed, %3 deliveries sent, %4 "
                              "settled without sending")
                   .arg(report.roundsOpened)
                   .arg(report.roundsClosed)
                   .arg(report.sent)
                   .arg(report.settled);
    // The rest at once, from the main thread (where the timer lives).
    if (report.unfinished && !m_stopped)
        QMetaObject::invokeMethod(this, &SchedulerService::post, Qt::QueuedConnection);
}

} // namespace engage::server::jobs
