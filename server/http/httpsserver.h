#pragma once

#include "accessevent.h"
#include "router.h"
#include "serverlimits.h"

#include <QHostAddress>
#include <QString>
#include <functional>
#include <memory>

namespace engage::server::http {

// The service's HTTPS endpoint. RESTinio stays behind this class: handlers see
// only Request, Response and Router. Every response carries the security
// headers and the request id; requests in flight finish before stop() returns.
class HttpsServer final
{
public:
    HttpsServer(const Router &router, ServerLimits limits);
    ~HttpsServer();
    HttpsServer(const HttpsServer &) = delete;
    HttpsServer &operator=(const HttpsServer &) = delete;

    // Every answered request is reported here; set before listen().
    void setAccessObserver(AccessObserver observer);

    // Binds, then serves on `threads` network threads. Port 0 picks a free
    // port; port() tells which. Returns false and sets `error` on failure.
    bool listen(const QHostAddress &address, quint16 port, const QString &certificateFile,
                const QString &keyFile, int threads, QString *error);
    quint16 port() const;

    // Calls `callback` (on a network thread) at SIGTERM or SIGINT. The callback
    // must not call stop() itself on that thread: hand it to another.
    void onTerminationSignal(std::function<void()> callback);

    // Stops accepting, lets requests in flight finish (up to the drain
    // timeout), then closes every connection and joins the network threads.
    void stop();

    std::size_t requestsInFlight() const;

private:
    class Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace engage::server::http
