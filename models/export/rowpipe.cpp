#include "rowpipe.h"

namespace engage::models {

RowPipe::RowPipe(int capacity, std::function<void()> wakeReader)
    : m_capacity(std::size_t(capacity))
    , m_wakeReader(std::move(wakeReader))
{}

bool RowPipe::reserve()
{
    const std::lock_guard lock(m_mutex);
    if (m_chunks.size() < m_capacity)
        return true;
    m_readerWaiting = true;
    return false;
}

void RowPipe::push(RowChunk chunk)
{
    {
        const std::lock_guard lock(m_mutex);
        m_chunks.push_back(std::move(chunk));
    }
    m_filled.notify_one();
}

void RowPipe::close()
{
    {
        const std::lock_guard lock(m_mutex);
        m_closed = true;
    }
    m_filled.notify_one();
}

std::optional<RowChunk> RowPipe::pop()
{
    bool wake = false;
    std::optional<RowChunk> chunk;
    {
        std::unique_lock lock(m_mutex);
        m_filled.wait(lock, [this] { return m_cancelled || m_closed || !m_chunks.empty(); });
        if (m_cancelled || m_chunks.empty())
            return std::nullopt;
        chunk = std::move(m_chunks.front());
        m_chunks.pop_front();
        wake = std::exchange(m_readerWaiting, false);
    }
    // Outside the lock: the reader's wake-up may take it.
    if (wake)
        m_wakeReader();
    return chunk;
}

bool RowPipe::commit()
{
    const std::lock_guard lock(m_mutex);
    m_committed = !m_cancelled;
    return m_committed;
}

void RowPipe::cancel()
{
    {
        const std::lock_guard lock(m_mutex);
        if (m_committed)
            return;
        m_cancelled = true;
        m_chunks.clear();
    }
    m_filled.notify_one();
}

bool RowPipe::isCancelled() const
{
    const std::lock_guard lock(m_mutex);
    return m_cancelled;
}

} // namespace engage::models
