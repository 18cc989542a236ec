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
#include <map>
#include <optional>
#include <restinio/all.hpp>
#include <restinio/tls.hpp>
#include <thread>
#include <utility>

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

using StreamBuilder = restinio::response_builder_t<restinio::chunked_output_t>;

// The status line and the headers of `response`, streamed (chunked_output_t)
// or not (restinio_controlled_output_t).
template<typename Output>
restinio::response_builder_t<Output> startResponse(const restinio::request_handle_t &incoming,
                                                   Response &response, const QString &requestId,
                                                   bool closeConnection)
{
    response.stampRequestId(requestId);
    if (response.contentType.isEmpty())
        response.contentType = QByteArrayLiteral("application/json; charset=utf-8");
    auto builder = incoming->create_response<Output>(restinio::http_status_line_t(
        restinio::http_status_code_t(static_cast<std::uint16_t>(response.status)),
        http_status_str(static_cast<http_status>(response.status))));
    for (const auto &[name, value] : securityHeaders()) {
        if (!hasHeader(response, name))
            builder.append_header(name.toStdString(), value.toStdString());
    }
    for (const auto &[name, value] : response.headers)
        builder.append_header(name.toStdString(), value.toStdString());
    builder.append_header("Content-Type", response.contentType.toStdString());
    builder.append_header("X-Request-Id", requestId.toStdString());
    if (closeConnection)
        builder.connection_close();
    return builder;
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

    // A streamed answer (Response::stream) from its status line to its end.
    // Parts are made on workers (BodyStream::schedule) and written on the
    // connection's strand; a part's completed write lets the next be made.
    // Whatever ends it first (the last part written, a failed write, the
    // producer's failure, the drain deadline) reports it, once.
    class Stream final : public std::enable_shared_from_this<Stream>
    {
    public:
        Stream(Impl &server, StreamBuilder builder, restinio::endpoint_t peer, Response response,
               BodyStream body, AccessEvent access, std::chrono::steady_clock::time_point started);
        Stream(const Stream &) = delete;
        Stream &operator=(const Stream &) = delete;

        void start();
        // Ends the stream where it is, its connection cut (the drain deadline).
        void cut();

    private:
        enum class Ending
        {
            Complete,
            ClientGone, // a write failed: the client closed, or stopped reading past the timeout
            Failed,     // the producer failed
            Cut,
        };

        void produce();
        void written(const asio::error_code &error, qint64 bytes, bool last);
        void scheduleLocked();
        // Called once, under `lock`, which it releases before it reports.
        void end(std::unique_lock<std::mutex> &lock, Ending ending);

        Impl &m_server; // not touched once ended: the server may be gone then
        const restinio::endpoint_t m_peer;
        Response m_response; // what the access event needs: status, actor, route
        std::function<BodyChunk()> m_next;
        const std::function<void(std::function<void()>)> m_schedule;
        AccessEvent m_access;
        const std::chrono::steady_clock::time_point m_started;

        std::mutex m_mutex;
        std::optional<StreamBuilder> m_builder;
        int m_waiting = 0; // parts handed to the connection, not yet written
        bool m_producing = false;
        bool m_lastHandedOver = false;
        bool m_ended = false;
        qint64 m_bytesWritten = 0;
    };

    void startStream(const restinio::request_handle_t &incoming, Response response,
                     AccessEvent access, std::chrono::steady_clock::time_point started);
    void streamEnded(const Stream *stream);
    void cutStreams();
    void report(AccessEvent access, std::chrono::steady_clock::time_point started,
                const Response &response, qint64 bodyBytes);
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
    std::mutex m_streamsMutex;
    std::map<const Stream *, std::shared_ptr<Stream>> m_streams;
    bool m_streamsCut = false; // past the drain deadline: no stream may begin
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
    if (response.stream) {
        m_server.startStream(m_incoming, std::move(response), std::move(m_access), m_started);
        return;
    }
    try {
        auto builder = startResponse<restinio::restinio_controlled_output_t>(
            m_incoming, response, m_access.requestId, m_server.m_draining.load());
        builder.set_body(response.body.toStdString());
        builder.done();
        m_server.report(std::move(m_access), m_started, response, response.body.size());
    } catch (const std::exception &failure) {
        qCCritical(lcServer) << "cannot send the response to" << m_access.requestId
                             << failure.what();
    }
    m_server.finished();
}

void HttpsServer::Impl::report(AccessEvent access, std::chrono::steady_clock::time_point started,
                               const Response &response, qint64 bodyBytes)
{
    if (!m_accessObserver)
        return;
    access.status = response.status;
    access.latencyUs = std::chrono::duration_cast<std::chrono::microseconds>(
                           std::chrono::steady_clock::now() - started)
                           .count();
    access.bodyBytes = bodyBytes;
    access.tenantId = response.actor.tenantId;
    access.personId = response.actor.personId;
    access.route = response.route;
    if (response.secretPath)
        access.path = response.route;
    if (response.problemDetails)
        access.problemCode = api::problemCodeName(response.problemDetails->code);
    access.failure = response.failure;
    m_accessObserver(access);
}

void HttpsServer::Impl::startStream(const restinio::request_handle_t &incoming, Response response,
                                    AccessEvent access,
                                    std::chrono::steady_clock::time_point started)
{
    BodyStream body = std::move(*response.stream);
    response.stream.reset();
    std::shared_ptr<Stream> stream;
    try {
        auto builder = startResponse<restinio::chunked_output_t>(
            incoming, response, access.requestId, m_draining.load());
        stream = std::make_shared<Stream>(*this, std::move(builder), incoming->remote_endpoint(),
                                          std::move(response), std::move(body), std::move(access),
                                          started);
    } catch (const std::exception &failure) {
        qCCritical(lcServer) << "cannot start a streamed response:" << failure.what();
        finished();
        return;
    }
    bool cut = false;
    {
        std::lock_guard lock(m_streamsMutex);
        cut = m_streamsCut;
        if (!cut)
            m_streams.emplace(stream.get(), stream);
    }
    if (cut)
        stream->cut();
    else
        stream->start();
}

void HttpsServer::Impl::streamEnded(const Stream *stream)
{
    std::lock_guard lock(m_streamsMutex);
    m_streams.erase(stream);
}

void HttpsServer::Impl::cutStreams()
{
    std::vector<std::shared_ptr<Stream>> streams;
    {
        std::lock_guard lock(m_streamsMutex);
        m_streamsCut = true;
        for (const auto &entry : m_streams)
            streams.push_back(entry.second);
    }
    if (!streams.empty())
        qCWarning(lcServer) << "cutting" << streams.size()
                            << "streamed responses at the drain deadline";
    for (const std::shared_ptr<Stream> &stream : streams)
        stream->cut();
}

HttpsServer::Impl::Stream::Stream(Impl &server, StreamBuilder builder, restinio::endpoint_t peer,
                                  Response response, BodyStream body, AccessEvent access,
                                  std::chrono::steady_clock::time_point started)
    : m_server(server)
    , m_peer(std::move(peer))
    , m_response(std::move(response))
    , m_next(std::move(body.next))
    , m_schedule(std::move(body.schedule))
    , m_access(std::move(access))
    , m_started(started)
    , m_builder(std::move(builder))
{}

void HttpsServer::Impl::Stream::start()
{
    std::unique_lock lock(m_mutex);
    if (!m_ended)
        scheduleLocked();
}

void HttpsServer::Impl::Stream::cut()
{
    std::unique_lock lock(m_mutex);
    if (!m_ended)
        end(lock, Ending::Cut);
}

void HttpsServer::Impl::Stream::scheduleLocked()
{
    m_producing = true;
    m_schedule([self = shared_from_this()] { self->produce(); });
}

void HttpsServer::Impl::Stream::produce()
{
    std::unique_lock lock(m_mutex);
    if (m_ended) {
        // Ended while this task waited: what the producer holds goes now.
        m_producing = false;
        m_next = nullptr;
        return;
    }
    lock.unlock();
    BodyChunk chunk;
    try {
        chunk = m_next();
    } catch (const std::exception &failure) {
        qCCritical(lcServer) << "a streamed response failed:" << failure.what();
        chunk.state = BodyChunk::State::Failed;
    }
    lock.lock();
    m_producing = false;
    if (m_ended || chunk.state == BodyChunk::State::Failed) {
        m_next = nullptr;
        if (!m_ended)
            end(lock, Ending::Failed);
        return;
    }
    const bool last = chunk.state == BodyChunk::State::Complete;
    const qint64 size = chunk.bytes.size();
    auto notify = [self = shared_from_this(), size, last](const asio::error_code &error) {
        self->written(error, size, last);
    };
    try {
        m_builder->append_chunk(chunk.bytes.toStdString());
        chunk.bytes.clear();
        if (last)
            m_builder->done(std::move(notify));
        else
            m_builder->flush(std::move(notify));
    } catch (const std::exception &failure) {
        qCCritical(lcServer) << "cannot send a part of a streamed response:" << failure.what();
        m_next = nullptr;
        end(lock, Ending::Failed);
        return;
    }
    ++m_waiting;
    if (last) {
        m_lastHandedOver = true;
        m_next = nullptr;
        return;
    }
    if (m_waiting < BodyStream::window)
        scheduleLocked();
}

void HttpsServer::Impl::Stream::written(const asio::error_code &error, qint64 bytes, bool last)
{
    std::unique_lock lock(m_mutex);
    --m_waiting;
    if (m_ended)
        return;
    if (error) {
        end(lock, Ending::ClientGone);
        return;
    }
    m_bytesWritten += bytes;
    if (last)
        end(lock, Ending::Complete);
    else if (!m_producing && !m_lastHandedOver && m_waiting < BodyStream::window)
        scheduleLocked();
}

void HttpsServer::Impl::Stream::end(std::unique_lock<std::mutex> &lock, Ending ending)
{
    m_ended = true;
    std::optional<StreamBuilder> builder = std::move(m_builder);
    m_builder.reset();
    // A producer at work drops what it holds itself when it returns.
    if (!m_producing)
        m_next = nullptr;
    const bool endPending = !m_lastHandedOver;
    const qint64 bytes = m_bytesWritten;
    lock.unlock();

    if (ending == Ending::Failed || ending == Ending::Cut) {
        // The client must see an incomplete body, never the chunked end: the
        // socket goes first, so the end that RESTinio needs to let go of the
        // request can no longer reach it.
        ConnectionGuard::endConnections({m_peer});
        if (builder && endPending) {
            try {
                builder->done();
            } catch (const std::exception &failure) {
                qCWarning(lcServer) << "cannot end a cut response:" << failure.what();
            }
        }
    }
    builder.reset();
    if (ending == Ending::Failed) {
        const Response failed = Response::internalError();
        m_response.status = failed.status;
        m_response.problemDetails = failed.problemDetails;
        m_response.failure = QByteArrayLiteral("stream");
    }
    Impl &server = m_server;
    server.report(std::move(m_access), m_started, m_response, bytes);
    server.streamEnded(this);
    server.finished();
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
    cutStreams();
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
