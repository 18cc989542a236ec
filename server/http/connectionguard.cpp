#include "connectionguard.h"

#include <QDir>
#include <QLoggingCategory>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <vector>

namespace engage::server::http {

Q_LOGGING_CATEGORY(lcGuard, "engage.server.http.guard")

namespace {

bool samePeer(int fd, const restinio::endpoint_t &endpoint)
{
    sockaddr_storage address{};
    socklen_t length = sizeof(address);
    if (::getpeername(fd, reinterpret_cast<sockaddr *>(&address), &length) != 0)
        return false;
    restinio::endpoint_t peer;
    if (length > peer.capacity())
        return false;
    std::memcpy(peer.data(), &address, length);
    peer.resize(length);
    return peer == endpoint;
}

// Asio keeps the socket of a connection in its handshake to itself; the
// descriptor is found by its peer. shutdown() (not close()) leaves the
// descriptor to its owner, which sees end-of-file and closes the connection.
void shutDownSocketsOf(const std::vector<restinio::endpoint_t> &endpoints)
{
    const QStringList descriptors =
        QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::Files | QDir::System);
    for (const QString &name : descriptors) {
        bool ok = false;
        const int fd = name.toInt(&ok);
        if (!ok)
            continue;
        for (const restinio::endpoint_t &endpoint : endpoints) {
            if (samePeer(fd, endpoint)) {
                ::shutdown(fd, SHUT_RDWR);
                break;
            }
        }
    }
}

} // namespace

ConnectionGuard::ConnectionGuard(std::size_t maxConnections, std::size_t maxPerAddress,
                                 std::chrono::milliseconds handshakeTimeout)
    : m_maxConnections(maxConnections)
    , m_maxPerAddress(maxPerAddress)
    , m_handshakeTimeout(handshakeTimeout)
{}

restinio::ip_blocker::inspection_result_t
ConnectionGuard::inspect(const restinio::ip_blocker::incoming_info_t &info) noexcept
{
    const restinio::endpoint_t endpoint = info.remote_endpoint();
    std::lock_guard lock(m_mutex);
    if (m_connections.size() >= m_maxConnections)
        return restinio::ip_blocker::deny();
    std::size_t &count = m_perAddress[endpoint.address()];
    if (count >= m_maxPerAddress)
        return restinio::ip_blocker::deny();
    ++count;
    m_connections[endpoint] = Connection{Clock::now(), false};
    return restinio::ip_blocker::allow();
}

void ConnectionGuard::state_changed(const restinio::connection_state::notice_t &notice) noexcept
{
    const restinio::endpoint_t endpoint = notice.remote_endpoint();
    const restinio::connection_state::cause_t cause = notice.cause();
    if (restinio::get_if<restinio::connection_state::closed_t>(&cause)) {
        forget(endpoint);
        return;
    }
    if (restinio::get_if<restinio::connection_state::accepted_t>(&cause)) {
        std::lock_guard lock(m_mutex);
        if (auto found = m_connections.find(endpoint); found != m_connections.end())
            found->second.handshakeDone = true;
    }
}

void ConnectionGuard::forget(const restinio::endpoint_t &endpoint)
{
    std::lock_guard lock(m_mutex);
    if (m_connections.erase(endpoint) == 0)
        return;
    auto count = m_perAddress.find(endpoint.address());
    if (count != m_perAddress.end() && --count->second == 0)
        m_perAddress.erase(count);
}

void ConnectionGuard::endOverdueHandshakes(Clock::time_point now)
{
    std::vector<restinio::endpoint_t> overdue;
    {
        std::lock_guard lock(m_mutex);
        for (const auto &[endpoint, connection] : m_connections) {
            if (!connection.handshakeDone && now - connection.acceptedAt >= m_handshakeTimeout)
                overdue.push_back(endpoint);
        }
    }
    if (overdue.empty())
        return;
    qCInfo(lcGuard) << "ending" << overdue.size()
                    << "connections that did not complete a TLS handshake in time";
    shutDownSocketsOf(overdue);
}

void ConnectionGuard::endConnections(const std::vector<restinio::endpoint_t> &endpoints)
{
    if (!endpoints.empty())
        shutDownSocketsOf(endpoints);
}

std::size_t ConnectionGuard::openConnections() const
{
    std::lock_guard lock(m_mutex);
    return m_connections.size();
}

} // namespace engage::server::http
