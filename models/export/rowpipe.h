#pragma once

#include <QList>
#include <QVariant>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>

namespace engage::models {

// Consecutive rows of one sheet, row after row, each row's cells in column order.
struct RowChunk
{
    int sheet = 0;
    int columns = 0;
    QList<QVariant> cells;

    int rows() const { return columns > 0 ? int(cells.size() / columns) : 0; }
};

// The bounded queue between the thread that reads the models (the UI's)
// and the worker that writes the file. The reader never blocks: when the
// queue is full it stops, and the worker calls `wakeReader` (from its
// thread) once it has taken a chunk, so the reader goes on. Cancelling
// wakes a waiting worker. Internal to the export engine.
class RowPipe final
{
public:
    RowPipe(int capacity, std::function<void()> wakeReader);
    RowPipe(const RowPipe &) = delete;
    RowPipe &operator=(const RowPipe &) = delete;

    // Reader side. reserve() is true when push() has room; false remembers
    // that the reader waits to be woken.
    bool reserve();
    void push(RowChunk chunk);
    void close(); // every chunk pushed

    // Worker side: the next chunk, or nothing once closed and drained, or
    // once cancelled.
    std::optional<RowChunk> pop();
    // The worker's point of no return before the file gets its name: false
    // when the export was cancelled first; afterwards cancel() has no effect.
    bool commit();

    // Either side.
    void cancel();
    bool isCancelled() const;

private:
    const std::size_t m_capacity;
    const std::function<void()> m_wakeReader;
    mutable std::mutex m_mutex;
    std::condition_variable m_filled;
    std::deque<RowChunk> m_chunks;
    bool m_readerWaiting = false;
    bool m_closed = false;
    bool m_cancelled = false;
    bool m_committed = false;
};

} // namespace engage::models
