#pragma once

#include "api/logrecord.h"
#include "http/response.h"
#include "store/tenantscope.h"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace engage::server::store {
class Database;
}

namespace engage::server::logs {

// Long polls of GET /api/v1/logs/{log}/tail, held without holding a thread
// each: one thread with its own connection looks at the newest seq of every
// log someone waits on, every `interval`, answers the polls that have rows
// after theirs, and answers the others empty at their deadline. A row is
// seen within `interval` of its commit (the access log commits every 50 ms).
class LogTailHub final
{
public:
    explicit LogTailHub(const store::Database &database,
                        std::chrono::milliseconds interval = std::chrono::milliseconds(200));
    // Answers every waiting poll (empty) and stops.
    ~LogTailHub();
    LogTailHub(const LogTailHub &) = delete;
    LogTailHub &operator=(const LogTailHub &) = delete;

    void wait(store::TenantScope scope, api::LogKind kind, qint64 after,
              std::chrono::steady_clock::time_point deadline, http::Responder respond);

private:
    struct Poll
    {
        store::TenantScope scope;
        api::LogKind kind;
        qint64 after;
        std::chrono::steady_clock::time_point deadline;
        http::Responder respond;
    };

    void run();

    const store::Database &m_database;
    const std::chrono::milliseconds m_interval;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::vector<Poll> m_polls;
    bool m_stopping = false;
    std::thread m_thread; // last: starts once every member above exists
};

} // namespace engage::server::logs
