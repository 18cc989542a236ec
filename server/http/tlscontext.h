#pragma once

#include <QString>
#include <asio/ssl/context.hpp>
#include <optional>
#include <restinio/asio_include.hpp>

namespace engage::server::http {

// A server TLS context after Mozilla's "intermediate" profile: TLS 1.2 and
// 1.3 only, forward-secret AEAD suites, curves X25519, P-256 and P-384.
// Returns nothing and sets `error` when the certificate or key cannot be used.
std::optional<asio::ssl::context> makeServerTlsContext(const QString &certificateFile,
                                                       const QString &keyFile, QString *error);

} // namespace engage::server::http
