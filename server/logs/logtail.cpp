#include "logtail.h"

#include "logreader.h"
#include "store/database.h"

#include <QLoggingCategory>
#include <QSqlDatabase>
#include <map>
#include <utility>

namespace engage::server::logs {

namespace {

Q_LOGGING_CATEGORY(lcTail, "engage.server.logs.tail")

template<typename Tail>
http::Response tailAnswer(const Tail &tail)
{
    return http::Response::json(200, api::toJson(tail));
}

// The rows after `after` as the answer, or nothing when there are none yet.
std::optional<http::Response> rowsAfter(LogReader &reader, api::LogKind kind, qint64 after)
{
    auto answer = [](const auto &tail) -> std::optional<http::Response> {
        if (!tail) {
            qCWarning(lcTail).noquote() << "cannot read a log tail:" << tail.error().message;
            return http::Response::internalError();
        }
        if (tail.value().items.isEmpty())
            return std::nullopt;
        return tailAnswer(tail.value());
    };
    switch (kind) {
    case api::LogKind::Access:
        return answer(reader.accessTail(after));
    case api::LogKind::Operation:
        return answer(reader.operationTail(after));
    case api::LogKind::Error:
        break;
    }
    return answer(reader.errorTail(after));
}

http::Response emptyTail(api::LogKind kind, qint64 after)
{
    switch (kind) {
    case api::LogKind::Access:
        return tailAnswer(api::AccessLogTail{{}, after});
    case api::LogKind::Operation:
        return tailAnswer(api::OperationLogTail{{}, after});
    case api::LogKind::Error:
        break;
    }
    return tailAnswer(api::ErrorLogTail{{}, after});
}

} // namespace

LogTailHub::LogTailHub(const store::Database &database, std::chrono::milliseconds interval)
    : m_database(database)
    , m_interval(interval)
{
    m_thread = std::thread(&LogTailHub::run, this);
}

LogTailHub::~LogTailHub()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

void LogTailHub::wait(store::TenantScope scope, api::LogKind kind, qint64 after,
                      std::chrono::steady_clock::time_point deadline, http::Responder respond)
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_stopping) {
            m_polls.push_back({std::move(scope), kind, after, deadline, std::move(respond)});
            m_wake.notify_one();
            return;
        }
    }
    respond(emptyTail(kind, after));
}

void LogTailHub::run()
{
    QSqlDatabase connection;
    for (;;) {
        std::vector<Poll> polls;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait_for(lock, m_interval, [this] { return m_stopping; });
            polls.swap(m_polls);
            if (m_stopping) {
                lock.unlock();
                for (Poll &poll : polls)
                    poll.respond(emptyTail(poll.kind, poll.after));
                break;
            }
        }
        if (polls.empty())
            continue;
        QString error;
        if (!connection.isOpen())
            connection = m_database.connection(&error);
        // The newest seq once per tenant and log, however many wait on it.
        std::map<std::pair<QString, int>, qint64> newest;
        std::vector<Poll> waiting;
        const auto now = std::chrono::steady_clock::now();
        for (Poll &poll : polls) {
            if (!connection.isOpen()) {
                poll.respond(http::Response::internalError());
                continue;
            }
            LogReader reader(connection, poll.scope);
            const auto key = std::pair(poll.scope.tenantId(), int(poll.kind));
            auto found = newest.find(key);
            if (found == newest.end()) {
                const auto seq = reader.newestSeq(poll.kind);
                found = newest.emplace(key, seq ? seq.value() : -1).first;
            }
            if (found->second > poll.after) {
                if (auto answer = rowsAfter(reader, poll.kind, poll.after)) {
                    poll.respond(std::move(*answer));
                    continue;
                }
            }
            if (now >= poll.deadline)
                poll.respond(emptyTail(poll.kind, poll.after));
            else
                waiting.push_back(std::move(poll));
        }
        std::lock_guard lock(m_mutex);
        for (Poll &poll : waiting)
            m_polls.push_back(std::move(poll));
    }
    if (connection.isOpen())
        connection.close();
}

} // namespace engage::server::logs
