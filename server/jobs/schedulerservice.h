#pragma once

#include "clock.h"
#include "deliverysender.h"
#include "scheduler.h"

#include <QObject>
#include <QTimer>
#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>

class QThreadPool;

namespace engage::server::jobs {

// The scheduler in the running service: a timer on the main thread posts a
// tick to the worker pool every `interval` (never to a network thread), one
// tick at a time. A tick sends for a few seconds at most and, when
// deliveries are left, posts the next at once: a graceful stop, which waits
// for the workers, waits seconds rather than for a whole round's mail.
class SchedulerService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SchedulerService)

public:
    SchedulerService(const store::Database &database, store::Keyring &keyring, QThreadPool &workers,
                     std::unique_ptr<DeliverySender> sender,
                     std::unique_ptr<Clock> clock = std::make_unique<SystemClock>(),
                     QObject *parent = nullptr);
    // Waits for a tick that is running.
    ~SchedulerService() override;

    // The first tick as soon as the event loop runs, then every `interval`.
    void start(std::chrono::milliseconds interval = std::chrono::seconds(30));
    // No tick is posted from now on (a running one finishes).
    void stop();
    // A tick now, between the intervals: something due may have come
    // forward (ops::ScheduleChanges). Nothing before start() or after stop().
    void wake();

    // How long a tick hands deliveries to the sender before it yields.
    static constexpr std::chrono::seconds kSendSlice{5};

private:
    void post();
    void run();

    QThreadPool &m_workers;
    std::unique_ptr<DeliverySender> m_sender;
    std::unique_ptr<Clock> m_clock;
    Scheduler m_scheduler;
    QTimer m_timer;
    std::mutex m_running; // held by the tick on its worker
    std::atomic_bool m_posted{false};
    std::atomic_bool m_stopped{false};
};

} // namespace engage::server::jobs
