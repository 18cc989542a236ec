#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <restinio/connection_state_listener.hpp>
#include <restinio/ip_blocker.hpp>
#include <vector>

namespace engage::server::http {

// Keeps one address from exhausting the service: caps the connections each
// address, and all together, hold open, and ends connections that never finish their TLS
// handshake (RESTinio starts its own timers only after the handshake, so a
// silent half-open connection would otherwise live for ever).
//
// RESTinio calls inspect() on accept and stateChanged() on handshake and
// close, from its network threads.
class ConnectionGuard final
{
public:
    using Clock = std::chrono::steady_clock;

    ConnectionGuard(std::size_t maxConnections, std::size_t maxPerAddress,
                    std::chrono::milliseconds handshakeTimeout);

    restinio::ip_blocker::inspection_result_t
    inspect(const restinio::ip_blocker::incoming_info_t &info) noexcept;
    void state_changed(const restinio::connection_state::notice_t &notice) noexcept;

    // Shuts down the sockets of connections whose handshake is overdue, which
    // makes RESTinio close them. Called periodically.
    void endOverdueHandshakes(Clock::time_point now);

    // Shuts down the sockets of these connections, wherever RESTinio is with
    // them: a streamed answer that cannot finish is cut this way, since
    // RESTinio has no call that ends a response without its end.
    static void endConnections(const std::vector<restinio::endpoint_t> &endpoints);

    std::size_t openConnections() const;

private:
    struct Connection
    {
        Clock::time_point acceptedAt;
        bool handshakeDone = false;
    };

    void forget(const restinio::endpoint_t &endpoint);

    const std::size_t m_maxConnections;
    const std::size_t m_maxPerAddress;
    const std::chrono::milliseconds m_handshakeTimeout;
    mutable std::mutex m_mutex;
    std::map<restinio::endpoint_t, Connection> m_connections;
    std::map<restinio::asio_ns::ip::address, std::size_t> m_perAddress;
};

} // namespace engage::server::http
