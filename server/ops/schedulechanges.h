#pragma once

#include <QObject>

namespace engage::server::ops {

// Said by a route when a change it committed may bring the scheduler's work
// forward (a survey published to start now), so that the scheduler ticks at
// once rather than at its next interval. Emitted on a worker thread; the
// scheduler's connection queues it to the scheduler's own thread.
class ScheduleChanges final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScheduleChanges)

public:
    ScheduleChanges() = default;

Q_SIGNALS:
    void changed();
};

} // namespace engage::server::ops
