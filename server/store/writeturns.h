#pragma once

#include <QString>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>

namespace engage::server::store {

// The turns of this process's writers of one SQLite file, in the order they
// asked. SQLite lets one connection write at a time and leaves the others to
// its busy handler, which sleeps 1, 2, 5 ... 25 ms between tries: a writer
// committing back to back (the group committer under a crowd of respondents)
// took the lock again before a sleeping one (the access log's writer) looked,
// for seconds, and the rows piling up meanwhile then held the lock for
// hundreds of milliseconds while every answer waited. Here a writer that asks
// is next after those that asked before it, and is woken the moment its turn
// comes. Other processes still meet SQLite's own lock.
class WriteTurns final
{
public:
    // The turns of `file`, shared by everyone asking while any turn is
    // taken or awaited.
    static std::shared_ptr<WriteTurns> ofFile(const QString &file);

    // Waits for this caller's turn; false after `timeout` without it (the
    // place in the queue is then given up).
    bool take(std::chrono::milliseconds timeout);
    // Ends the turn taken: the next in the queue goes.
    void give();

    // How many wait for their turn now.
    std::size_t waiting() const;

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<std::uint64_t> m_waiting; // tickets, in order of asking
    std::uint64_t m_nextTicket = 0;
    bool m_taken = false;
};

// A turn held for a scope.
class WriteTurn final
{
public:
    WriteTurn() = default;
    ~WriteTurn() { release(); }
    WriteTurn(const WriteTurn &) = delete;
    WriteTurn &operator=(const WriteTurn &) = delete;
    WriteTurn(WriteTurn &&other) noexcept;
    WriteTurn &operator=(WriteTurn &&other) noexcept;

    // The turn on `file`; an empty WriteTurn (false) after `timeout`.
    static WriteTurn take(const QString &file, std::chrono::milliseconds timeout);
    explicit operator bool() const { return bool(m_turns); }
    void release();

private:
    std::shared_ptr<WriteTurns> m_turns;
};

} // namespace engage::server::store
