#include "serveroptions.h"

#include "publicurl.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace engage::server::ops {

namespace {

std::optional<std::pair<QHostAddress, quint16>> parseListen(const QString &text)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0)
        return std::nullopt;
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    QHostAddress address;
    if (!ok || port > 65535 || !address.setAddress(host))
        return std::nullopt;
    return std::make_pair(address, static_cast<quint16>(port));
}

} // namespace

std::optional<ServerOptions> ServerOptions::parse(const QStringList &arguments, QString *error,
                                                  QString *helpText)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Engage service: the multi-tenant REST API over HTTPS."));
    parser.addHelpOption();
    const QCommandLineOption dataDir(
        QStringLiteral("data-dir"), QStringLiteral("Directory for the database, keys and backups."),
        QStringLiteral("DIR"));
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    QStringLiteral("Address and port to listen on; port 0 picks a "
                                                   "free one (default 127.0.0.1:8443, "
                                                   "127.0.0.1:0 with --demo)."),
                                    QStringLiteral("HOST:PORT"));
    const QCommandLineOption database(QStringLiteral("database"),
                                      QStringLiteral("sqlite:///PATH or postgres://USER@HOST/NAME "
                                                     "(default: SQLite in the data directory)."),
                                      QStringLiteral("URL"));
    const QCommandLineOption cert(QStringLiteral("cert"),
                                  QStringLiteral("PEM certificate chain for HTTPS."),
                                  QStringLiteral("FILE"));
    const QCommandLineOption key(QStringLiteral("key"),
                                 QStringLiteral("PEM private key for HTTPS."),
                                 QStringLiteral("FILE"));
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        QStringLiteral("Run the demo: a self-signed certificate and a demo tenant in the data "
                       "directory (default: the user's application data)."));
    const QCommandLineOption demoWithoutHistory(
        QStringLiteral("demo-without-history"),
        QStringLiteral("With --demo: leave out the year of engagement results (starts faster; "
                       "for tests that do not read them)."));
    const QCommandLineOption threads(QStringLiteral("threads"),
                                     QStringLiteral("Network threads (default 2)."),
                                     QStringLiteral("N"));
    const QCommandLineOption maxHeader(QStringLiteral("max-header-bytes"),
                                       QStringLiteral("Longest request target or header value "
                                                      "(default 8192)."),
                                       QStringLiteral("BYTES"));
    const QCommandLineOption requestTimeout(
        QStringLiteral("request-timeout"),
        QStringLiteral("Seconds a connection may be idle, or take for its TLS handshake or to "
                       "send one request (default 30)."),
        QStringLiteral("SECONDS"));
    const QCommandLineOption perAddress(QStringLiteral("max-connections-per-address"),
                                        QStringLiteral("Open connections from one address "
                                                       "(default 64)."),
                                        QStringLiteral("N"));
    const QCommandLineOption maxConnections(
        QStringLiteral("max-connections"),
        QStringLiteral("Open connections in all (default 4096)."), QStringLiteral("N"));
    const QCommandLineOption drainTimeout(QStringLiteral("drain-timeout"),
                                          QStringLiteral("Seconds requests in flight may take to "
                                                         "finish on shutdown (default 30)."),
                                          QStringLiteral("SECONDS"));
    const QCommandLineOption exitWithStdin(
        QStringLiteral("exit-with-stdin"),
        QStringLiteral("Stop as on SIGTERM when standard input reaches end of file (the parent "
                       "process holding the other end of the pipe is gone)."));
    const QCommandLineOption publicUrl(
        QStringLiteral("public-url"),
        QStringLiteral("The https:// address respondents reach the service at, for the links in "
                       "e-mails and on printed sheets (default: the address it listens on)."),
        QStringLiteral("URL"));
    const QCommandLineOption smtpPrivateHosts(
        QStringLiteral("smtp-private-hosts"),
        QStringLiteral("Let tenants' mail servers be on loopback or private addresses (refused "
                       "by default)."));
    const QCommandLineOption smtpCaFile(
        QStringLiteral("smtp-ca-file"),
        QStringLiteral("PEM certificates of the authorities trusted for tenants' mail servers, "
                       "instead of the system's."),
        QStringLiteral("FILE"));
    parser.addOptions({dataDir, listen, database, cert, key, demo, demoWithoutHistory, threads,
                       maxHeader, requestTimeout, perAddress, maxConnections, drainTimeout,
                       exitWithStdin, publicUrl, smtpPrivateHosts, smtpCaFile});

    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return std::nullopt;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        *helpText = parser.helpText();
        return std::nullopt;
    }
    if (!parser.positionalArguments().isEmpty()) {
        *error =
            QStringLiteral("unexpected argument: %1").arg(parser.positionalArguments().first());
        return std::nullopt;
    }

    ServerOptions options;
    options.demo = parser.isSet(demo);
    options.demoHistory = !parser.isSet(demoWithoutHistory);
    options.exitWithStdin = parser.isSet(exitWithStdin);
    options.dataDir = parser.value(dataDir);
    if (options.dataDir.isEmpty() && options.demo) {
        options.dataDir =
            QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
                .filePath(QStringLiteral("engage/demo"));
    }
    if (options.dataDir.isEmpty()) {
        *error = QStringLiteral("--data-dir is required (or --demo)");
        return std::nullopt;
    }
    options.dataDir = QDir(options.dataDir).absolutePath();
    if (options.demo)
        options.listenPort = 0;
    if (parser.isSet(listen)) {
        const auto endpoint = parseListen(parser.value(listen));
        if (!endpoint) {
            *error = QStringLiteral("--listen must be HOST:PORT, for example 127.0.0.1:8443");
            return std::nullopt;
        }
        std::tie(options.listenAddress, options.listenPort) = *endpoint;
    }
    if (parser.isSet(publicUrl)) {
        const auto normalized = PublicUrl::normalized(parser.value(publicUrl));
        if (!normalized) {
            *error = QStringLiteral("--public-url must be an https:// address without query, "
                                    "for example https://survey.example.com");
            return std::nullopt;
        }
        options.publicUrl = *normalized;
    }
    options.smtpPrivateHosts = parser.isSet(smtpPrivateHosts);
    if (parser.isSet(smtpCaFile)) {
        options.smtpCaFile = QFileInfo(parser.value(smtpCaFile)).absoluteFilePath();
        if (!QFileInfo(options.smtpCaFile).isReadable()) {
            *error = QStringLiteral("--smtp-ca-file must name a readable file");
            return std::nullopt;
        }
    }
    options.databaseUrl = parser.value(database);
    options.certificateFile = parser.value(cert);
    options.keyFile = parser.value(key);
    if (options.certificateFile.isEmpty() != options.keyFile.isEmpty()) {
        *error = QStringLiteral("--cert and --key go together");
        return std::nullopt;
    }
    if (options.certificateFile.isEmpty() && !options.demo) {
        *error = QStringLiteral("--cert and --key are required (or --demo, which makes its own)");
        return std::nullopt;
    }

    // Every number must be a positive integer; a typo must not mean "no limit".
    bool numbersOk = true;
    const auto positive = [&](const QCommandLineOption &option, qint64 fallback) -> qint64 {
        if (!parser.isSet(option))
            return fallback;
        bool ok = false;
        const qint64 value = parser.value(option).toLongLong(&ok);
        if (!ok || value <= 0) {
            *error =
                QStringLiteral("--%1 must be a positive whole number").arg(option.names().first());
            numbersOk = false;
            return fallback;
        }
        return value;
    };
    http::ServerLimits &limits = options.limits;
    options.networkThreads = static_cast<int>(positive(threads, options.networkThreads));
    limits.maxHeaderBytes =
        static_cast<std::size_t>(positive(maxHeader, static_cast<qint64>(limits.maxHeaderBytes)));
    limits.requestTimeout = std::chrono::seconds(
        positive(requestTimeout,
                 std::chrono::duration_cast<std::chrono::seconds>(limits.requestTimeout).count()));
    limits.maxConnectionsPerAddress = static_cast<std::size_t>(
        positive(perAddress, static_cast<qint64>(limits.maxConnectionsPerAddress)));
    limits.maxConnections = static_cast<std::size_t>(
        positive(maxConnections, static_cast<qint64>(limits.maxConnections)));
    limits.drainTimeout = std::chrono::seconds(
        positive(drainTimeout,
                 std::chrono::duration_cast<std::chrono::seconds>(limits.drainTimeout).count()));
    if (!numbersOk)
        return std::nullopt;
    return options;
}

} // namespace engage::server::ops
