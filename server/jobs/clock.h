#pragma once

#include <QDateTime>
#include <mutex>

namespace engage::server::jobs {

// Where the scheduler's "now" comes from: the system clock in the service, a
// clock the test moves in tests (a year of schedules in seconds).
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0; // UTC
};

class SystemClock final : public Clock
{
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

// Stands still until set or advanced; safe to read from a worker thread while
// the test's thread moves it.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(QDateTime start)
        : m_now(start.toUTC())
    {}

    QDateTime now() const override
    {
        const std::lock_guard lock(m_mutex);
        return m_now;
    }
    void set(const QDateTime &at)
    {
        const std::lock_guard lock(m_mutex);
        m_now = at.toUTC();
    }
    void advance(qint64 msecs)
    {
        const std::lock_guard lock(m_mutex);
        m_now = m_now.addMSecs(msecs);
    }

private:
    mutable std::mutex m_mutex;
    QDateTime m_now;
};

} // namespace engage::server::jobs
