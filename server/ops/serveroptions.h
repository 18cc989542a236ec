#pragma once

#include "http/serverlimits.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>
#include <optional>

namespace engage::server::ops {

// The service's command line.
struct ServerOptions
{
    QString dataDir;
    QHostAddress listenAddress = QHostAddress::LocalHost;
    quint16 listenPort = 8443;
    QString databaseUrl;
    QString certificateFile;
    QString keyFile;
    bool demo = false;
    // With demo: also a year of engagement results (seconds of writing on
    // the first start); tests that do not read them leave it out.
    bool demoHistory = true;
    // Stop gracefully, as on SIGTERM, when stdin reaches end of file: a parent
    // that holds the pipe's other end (the desktop client's demo) takes the
    // service with it when it quits, is killed or crashes.
    bool exitWithStdin = false;
    int networkThreads = 2;
    // The base of the links handed to respondents (PublicUrl::normalized);
    // empty: the URL the service listens on.
    QString publicUrl;
    // Tenants' mail servers may be on loopback or private addresses (a
    // company's own relay); otherwise refused, so that no tenant can make the
    // service probe the network it runs in.
    bool smtpPrivateHosts = false;
    // A PEM bundle of the authorities that vouch for tenants' mail servers
    // instead of the system's (a company relay with a certificate of its
    // own authority); empty: the system's.
    QString smtpCaFile;
    http::ServerLimits limits;

    // Parses `arguments` (argv, program name first). On failure returns
    // nothing and sets `error` to a message for the operator; `--help` sets
    // `helpText` instead.
    static std::optional<ServerOptions> parse(const QStringList &arguments, QString *error,
                                              QString *helpText);
};

} // namespace engage::server::ops
