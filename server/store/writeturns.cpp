#include "writeturns.h"

#include <algorithm>
#include <map>
#include <utility>

namespace engage::server::store {

namespace {

std::mutex registryMutex;
// Weak: the turns of a file live while someone holds or awaits one.
std::map<QString, std::weak_ptr<WriteTurns>> registry;

} // namespace

std::shared_ptr<WriteTurns> WriteTurns::ofFile(const QString &file)
{
    std::lock_guard lock(registryMutex);
    std::weak_ptr<WriteTurns> &entry = registry[file];
    if (auto turns = entry.lock())
        return turns;
    // Files whose turns are over are forgotten, so the map stays as small as
    // the files in use.
    for (auto it = registry.begin(); it != registry.end();) {
        if (it->first != file && it->second.expired())
            it = registry.erase(it);
        else
            ++it;
    }
    auto turns = std::make_shared<WriteTurns>();
    entry = turns;
    return turns;
}

bool WriteTurns::take(std::chrono::milliseconds timeout)
{
    std::unique_lock lock(m_mutex);
    const std::uint64_t ticket = m_nextTicket++;
    m_waiting.push_back(ticket);
    const bool mine =
        m_changed.wait_for(lock, timeout, [&] { return !m_taken && m_waiting.front() == ticket; });
    if (!mine) {
        m_waiting.erase(std::find(m_waiting.begin(), m_waiting.end(), ticket));
        // The one behind may have been waiting on this ticket alone.
        m_changed.notify_all();
        return false;
    }
    m_waiting.pop_front();
    m_taken = true;
    return true;
}

void WriteTurns::give()
{
    {
        std::lock_guard lock(m_mutex);
        m_taken = false;
    }
    m_changed.notify_all();
}

std::size_t WriteTurns::waiting() const
{
    std::lock_guard lock(m_mutex);
    return m_waiting.size();
}

WriteTurn::WriteTurn(WriteTurn &&other) noexcept
    : m_turns(std::move(other.m_turns))
{}

WriteTurn &WriteTurn::operator=(WriteTurn &&other) noexcept
{
    if (this != &other) {
        release();
        m_turns = std::move(other.m_turns);
    }
    return *this;
}

WriteTurn WriteTurn::take(const QString &file, std::chrono::milliseconds timeout)
{
    WriteTurn turn;
    auto turns = WriteTurns::ofFile(file);
    if (turns->take(timeout))
        turn.m_turns = std::move(turns);
    return turn;
}

void WriteTurn::release()
{
    if (m_turns) {
        m_turns->give();
        m_turns.reset();
    }
}

} // namespace engage::server::store
