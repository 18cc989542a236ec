#include "tlscontext.h"

#include <openssl/err.h>
#include <openssl/ssl.h>

namespace engage::server::http {

namespace {

constexpr const char *intermediateTls12Ciphers = "ECDHE-ECDSA-AES128-GCM-SHA256:"
                                                 "ECDHE-RSA-AES128-GCM-SHA256:"
                                                 "ECDHE-ECDSA-AES256-GCM-SHA384:"
                                                 "ECDHE-RSA-AES256-GCM-SHA384:"
                                                 "ECDHE-ECDSA-CHACHA20-POLY1305:"
                                                 "ECDHE-RSA-CHACHA20-POLY1305";
constexpr const char *groups = "X25519:P-256:P-384";

QString lastOpenSslError()
{
    char text[256] = {};
    ERR_error_string_n(ERR_get_error(), text, sizeof(text));
    ERR_clear_error();
    return QString::fromLatin1(text);
}

} // namespace

std::optional<asio::ssl::context> makeServerTlsContext(const QString &certificateFile,
                                                       const QString &keyFile, QString *error)
{
    asio::ssl::context context(asio::ssl::context::tls_server);
    context.set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                        asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 |
                        asio::ssl::context::no_tlsv1_1 | asio::ssl::context::no_compression |
                        asio::ssl::context::single_dh_use);
    SSL_CTX *native = context.native_handle();
    SSL_CTX_set_options(native, SSL_OP_NO_RENEGOTIATION);
    if (SSL_CTX_set_min_proto_version(native, TLS1_2_VERSION) != 1 ||
        SSL_CTX_set_cipher_list(native, intermediateTls12Ciphers) != 1 ||
        SSL_CTX_set1_groups_list(native, groups) != 1) {
        *error = QStringLiteral("TLS configuration refused: %1").arg(lastOpenSslError());
        return std::nullopt;
    }
    const QByteArray certificatePath = certificateFile.toLocal8Bit();
    const QByteArray keyPath = keyFile.toLocal8Bit();
    if (SSL_CTX_use_certificate_chain_file(native, certificatePath.constData()) != 1) {
        *error = QStringLiteral("cannot use the certificate %1: %2")
                     .arg(certificateFile, lastOpenSslError());
        return std::nullopt;
    }
    if (SSL_CTX_use_PrivateKey_file(native, keyPath.constData(), SSL_FILETYPE_PEM) != 1 ||
        SSL_CTX_check_private_key(native) != 1) {
        *error =
            QStringLiteral("cannot use the private key %1: %2").arg(keyFile, lastOpenSslError());
        return std::nullopt;
    }
    return context;
}

} // namespace engage::server::http
