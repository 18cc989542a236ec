#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>

namespace engage::server::http {

// What one client may cost the service. Every field is a command-line option.
struct ServerLimits
{
    // The request line's target and each header value; a request with more
    // than maxHeaderFields headers is refused too.
    std::size_t maxHeaderBytes = 8 * 1024;
    std::size_t maxHeaderFields = 100;
    // The longest a connection may sit idle, take for its TLS handshake, or
    // take to send one whole request (slow-request defence).
    std::chrono::milliseconds requestTimeout = std::chrono::seconds(30);
    // The longest a handler may take before the connection is dropped.
    std::chrono::milliseconds handlerTimeout = std::chrono::seconds(60);
    // The longest writing one response may take.
    std::chrono::milliseconds writeTimeout = std::chrono::seconds(30);
    // Open connections (TLS handshakes included) from one address, and in all.
    std::size_t maxConnectionsPerAddress = 64;
    std::size_t maxConnections = 4096;
    // On shutdown, how long requests in flight may take to finish.
    std::chrono::milliseconds drainTimeout = std::chrono::seconds(30);
};

} // namespace engage::server::http
