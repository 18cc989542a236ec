#include "httpsserver.h"

#include "connectionguard.h"
#include "tlscontext.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <atomic>
#include <condition_variable>
#include <csignal>
#include <restinio/all.hpp>
#include <restinio/tls.hpp>
#include <thread>

namespace engage::server::http {

Q_LOGGING_CATEGORY(lcServer, "engage.server.http.server")

namespace {

struct Traits : restinio::tls_traits_t<restinio::asio_timer_manager_t, restinio::null_logger_t>
{
    using ip_blocker_t = ConnectionGuard;
    using connection_state_listener_t = ConnectionGuard;
    // ConnectionGuard caps connections itself: RESTinio's own limiter lives in
    // its acceptor, which connections still pending at shutdown outlive.
    static constexpr bool use_connection_count_limiter = false;
};

using RestinioServer = restinio::http_server_t<Traits>;

constexpr std::chrono::seconds handshakeSweepInterval(1);

Method methodOf(const restinio::http_method_id_t &method)
{
    switch (method.raw_id()) {
    case HTTP_GET:
        return Method::Get;
    case HTTP_HEAD:
        return Method::Head;
    case HTTP_POST:
        return Method::Post;
    case HTTP_PUT:
        return Method::Put;
    case HTTP_PATCH:
        return Method::Patch;
    case HTTP_DELETE:
        return Method::Delete;
    case HTTP_OPTIONS:
        return Method::Options;
    default:
        return Method::Other;
    }
}

QByteArray bytes(restinio::string_view_t text)
{
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}

// A client may name its request (the desktop client does, so that its error
// dialogs and our logs agree); anything else gets a fresh random id.
QString requestIdFor(const QByteArray &offered)
{
    static const QRegularExpression acceptable(QStringLiteral("^[A-Za-z0-9._-]{8,64}$"));
    const QString candidate = QString::fromLatin1(offered);
    if (acceptable.match(candidate).hasMatch())
        return candidate;
    quint32 random[4];
    QRandomGenerator::system()->fillRange(random);
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(random), sizeof(random)).toHex());
}

Request requestFrom(const restinio::request_t &incoming)
{
    const auto &header = incoming.header();
    Request request;
    request.method = methodOf(header.method());
    request.path = bytes(header.path());
    request.query = QUrlQuery(QString::fromUtf8(bytes(header.query())));
    header.for_each_field([&request](const restinio::http_header_field_t &field) {
        request.headers.emplace_back(QByteArray::fromStdString(field.name()).toLower(),
                                     QByteArray::fromStdString(field.value()));
    });
    request.body = QByteArray::fromStdString(incoming.body());
    request.peer =
        QHostAddress(QString::fromStdString(incoming.remote_endpoint().address().to_string()));
    request.requestId = requestIdFor(request.header("x-request-id"));
    return request;
}

const std::vector<std::pair<QByteArray, QByteArray>> &securityHeaders()
{
    static const std::vector<std::pair<QByteArray, QByteArray>> headers = {
        {"Cache-Control", "no-store"},
        {"Strict-Transport-Security", "max-age=63072000; includeSubDomains"},
        {"X-Content-Type-Options", "nosniff"},
        {"X-Frame-Options", "DENY"},
        {"Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"},
        {"Referrer-Policy", "no-referrer"},
    };
    return headers;
}

bool hasHeader(const Response &response, const QByteArray &name)
{
    for (const auto &header : response.headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

class HttpsServer::Impl final
{
public:
    Impl(const Router &router, ServerLimits limits)
        : m_router(router)
        , m_limits(limits)
        , m_guard(std::make_shared<ConnectionGuard>(
              limits.maxConnections, limits.maxConnectionsPerAddress, limits.requestTimeout))
        , m_sweepTimer(m_io)
        , m_signals(m_io)
    {}

    bool listen(const QHostAddress &address, quint16 port, asio::ssl::context tls, int threads,
                QString *error);
    void serve(const restinio::request_handle_t &incoming);
    void onTerminationSignal(std::function<void()> callback);
    void stop();

    quint16 m_port = 0;
    std::atomic<std::size_t> m_inFlight{0};
    AccessObserver m_accessObserver;

private:
    // One request's promise of an answer, kept by its Responder.
    class PendingResponse final
    {
    public:
        PendingResponse(Impl &server, restinio::request_handle_t incoming, AccessEvent access)
            : m_server(server)
            , m_incoming(std::move(incoming))
            , m_access(std::move(access))
        {
            ++m_server.m_inFlight;
        }
        ~PendingResponse()
        {
            if (!m_sent.load()) {
                Response unanswered = Response::internalError();
                unanswered.failure = QByteArrayLiteral("unanswered");
                send(std::move(unanswered));
            }
        }
        PendingResponse(const PendingResponse &) = delete;
        PendingResponse &operator=(const PendingResponse &) = delete;

        void send(Response response) noexcept;

    private:
        void report(const Response &response);

        Impl &m_server;
        restinio::request_handle_t m_incoming;
        AccessEvent m_access;
        const std::chrono::steady_clock::time_point m_started = std::chrono::steady_clock::now();
        std::atomic<bool> m_sent{false};
    };

    void sweepHandshakes();
    void finished();

    const Router &m_router;
    const ServerLimits m_limits;
    std::shared_ptr<ConnectionGuard> m_guard;
    asio::io_context m_io;
    std::unique_ptr<RestinioServer> m_server;
    asio::steady_timer m_sweepTimer;
    asio::signal_set m_signals;
    bool m_handlesTermination = false; // written before listen, read on stop
    std::vector<std::thread> m_threads;
    std::atomic<bool> m_draining{false};
    std::mutex m_idleMutex;
    std::condition_variable m_idle;
};

bool HttpsServer::Impl::listen(const QHostAddress &address, quint16 port, asio::ssl::context tls,
                               int threads, QString *error)
{
    // Bodies up to twice the largest route limit (64 KiB at least) are read,
    // so that a client that oversteps a route's limit learns why (413 from the
    // router); larger ones are cut off unread, before they cost memory.
    constexpr qint64 smallestBodyLimit = 64 * 1024;
    const auto bodyLimit =
        static_cast<std::uint64_t>(std::max(2 * m_router.largestBody(), smallestBodyLimit));
    auto settings =
        restinio::server_settings_t<Traits>{}
            .address(address.toString().toStdString())
            .port(port)
            .tls_context(std::move(tls))
            .request_handler([this](restinio::request_handle_t incoming) {
                serve(incoming);
                return restinio::request_accepted();
            })
            .read_next_http_message_timelimit(m_limits.requestTimeout)
            .write_http_response_timelimit(m_limits.writeTimeout)
            .handle_request_timeout(m_limits.handlerTimeout)
            .concurrent_accepts_count(static_cast<std::size_t>(threads))
            .separate_accept_and_create_connect(true)
            // A response goes out as several TLS records; with Nagle's
            // algorithm the later ones wait for the client's delayed ACK
            // (40 ms on Linux) whenever the answer is larger than a segment.
            .socket_options_setter([](restinio::socket_options_t &options) {
                options.set_option(asio::ip::tcp::no_delay(true));
            })
            .ip_blocker(m_guard)
            .connection_state_listener(m_guard)
            .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}
                                          .max_url_size(m_limits.maxHeaderBytes)
                                          .max_field_name_size(m_limits.maxHeaderBytes)
                                          // RESTinio refuses a value *at* its limit.
                                          .max_field_value_size(m_limits.maxHeaderBytes + 1)
                                          .max_field_count(m_limits.maxHeaderFields)
                                          .max_body_size(bodyLimit))
            .acceptor_post_bind_hook([this](asio::ip::tcp::acceptor &acceptor) {
                m_port = acceptor.local_endpoint().port();
            });
    try {
        m_server = std::make_unique<RestinioServer>(restinio::external_io_context(m_io),
                                                    std::move(settings));
        m_server->open_sync();
    } catch (const std::exception &failure) {
        *error = QStringLiteral("cannot listen on %1:%2: %3")
                     .arg(address.toString())
                     .arg(port)
                     .arg(QString::fromLocal8Bit(failure.what()));
        m_server.reset();
        return false;
    }
    sweepHandshakes();
    for (int i = 0; i < threads; ++i)
        m_threads.emplace_back([this] { m_io.run(); });
    return true;
}

void HttpsServer::Impl::serve(const restinio::request_handle_t &incoming)
{
    Request request = requestFrom(*incoming);
    AccessEvent access;
    access.atMs = QDateTime::currentMSecsSinceEpoch();
    access.requestId = request.requestId;
    access.peer = request.peer;
    access.method = methodName(request.method);
    access.path = request.path;
    access.userAgent = request.header("user-agent");
    auto pending = std::make_shared<PendingResponse>(*this, incoming, std::move(access));
    m_router.dispatch(std::move(request),
                      [pending](Response response) { pending->send(std::move(response)); });
}

void HttpsServer::Impl::PendingResponse::send(Response response) noexcept
{
    if (m_sent.exchange(true))
        return;
    try {
        response.stampRequestId(m_access.requestId);
        if (response.contentType.isEmpty())
            response.contentType = QByteArrayLiteral("application/json; charset=utf-8");
        auto builder = m_incoming->create_response(restinio::http_status_line_t(
            restinio::http_status_code_t(static_cast<std::uint16_t>(response.status)),
            http_status_str(static_cast<http_status>(response.status))));
        for (const auto &[name, value] : securityHeaders()) {
            if (!hasHeader(response, name))
                builder.append_header(name.toStdString(), value.toStdString());
        }
        for (const auto &[name, value] : response.headers)
            builder.append_header(name.toStdString(), value.toStdString());
        builder.append_header("Content-Type", response.contentType.toStdString());
        builder.append_header("X-Request-Id", m_access.requestId.toStdString());
        if (m_server.m_draining.load())
            builder.connection_close();
        builder.set_body(response.body.toStdString());
        builder.done();
        report(response);
    } catch (const std::exception &failure) {
        qCCritical(lcServer) << "cannot send the response to" << m_access.requestId
                             << failure.what();
    }
    m_server.finished();
}

void HttpsServer::Impl::PendingResponse::report(const Response &response)
{
    if (!m_server.m_accessObserver)
        return;
    m_access.status = response.status;
    m_access.latencyUs = std::chrono::duration_cast<std::chrono::microseconds>(
                             std::chrono::steady_clock::now() - m_started)
                             .count();
    m_access.tenantId = response.actor.tenantId;
    m_access.personId = response.actor.personId;
    m_access.route = response.route;
    if (response.problemDetails)
        m_access.problemCode = api::problemCodeName(response.problemDetails->code);
    m_access.failure = response.failure;
    m_server.m_accessObserver(m_access);
}

void HttpsServer::Impl::finished()
{
    if (--m_inFlight == 0) {
        std::lock_guard lock(m_idleMutex);
        m_idle.notify_all();
    }
}

void HttpsServer::Impl::sweepHandshakes()
{
    m_sweepTimer.expires_after(handshakeSweepInterval);
    m_sweepTimer.async_wait([this](const asio::error_code &error) {
        if (error)
            return;
        m_guard->endOverdueHandshakes(ConnectionGuard::Clock::now());
        sweepHandshakes();
    });
}

void HttpsServer::Impl::onTerminationSignal(std::function<void()> callback)
{
    m_handlesTermination = true;
    m_signals.add(SIGTERM);
    m_signals.add(SIGINT);
    m_signals.async_wait([callback = std::move(callback)](const asio::error_code &error, int) {
        if (!error)
            callback();
    });
}

void HttpsServer::Impl::stop()
{
    if (!m_server)
        return;
    m_draining = true;
    // Close the listening socket on a network thread, as RESTinio expects.
    std::promise<void> closed;
    asio::post(m_io, [this, &closed] {
        m_server->close_sync();
        asio::error_code ignored;
        m_sweepTimer.cancel();
        m_signals.cancel(ignored);
        if (m_handlesTermination) {
            // Stopping has begun: a supervisor's repeated signal must not kill
            // the process while it finishes. Clearing the set restores the
            // default action, and the exit can take a while (static
            // destructors, a sanitizer's leak check), so ignore them instead.
            m_signals.clear(ignored);
            std::signal(SIGTERM, SIG_IGN);
            std::signal(SIGINT, SIG_IGN);
        }
        closed.set_value();
    });
    closed.get_future().wait();
    {
        std::unique_lock lock(m_idleMutex);
        if (!m_idle.wait_for(lock, m_limits.drainTimeout,
                             [this] { return m_inFlight.load() == 0; }))
            qCWarning(lcServer) << m_inFlight.load()
                                << "requests still in flight at the drain deadline";
    }
    m_io.stop();
    for (std::thread &thread : m_threads)
        thread.join();
    m_threads.clear();
    m_server.reset();
}

HttpsServer::HttpsServer(const Router &router, ServerLimits limits)
    : m_impl(std::make_unique<Impl>(router, limits))
{}

HttpsServer::~HttpsServer()
{
    stop();
}

bool HttpsServer::listen(const QHostAddress &address, quint16 port, const QString &certificateFile,
                         const QString &keyFile, int threads, QString *error)
{
    std::optional<asio::ssl::context> tls = makeServerTlsContext(certificateFile, keyFile, error);
    if (!tls)
        return false;
    return m_impl->listen(address, port, std::move(*tls), std::max(1, threads), error);
}

quint16 HttpsServer::port() const
{
    return m_impl->m_port;
}

void HttpsServer::setAccessObserver(AccessObserver observer)
{
    m_impl->m_accessObserver = std::move(observer);
}

void HttpsServer::onTerminationSignal(std::function<void()> callback)
{
    m_impl->onTerminationSignal(std::move(callback));
}

void HttpsServer::stop()
{
    m_impl->stop();
}

std::size_t HttpsServer::requestsInFlight() const
{
    return m_impl->m_inFlight.load();
}

} // namespace engage::server::http
