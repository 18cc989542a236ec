#include "mac.h"

#include "internal.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>

namespace engage::server::crypto {

QByteArray hmacSha256(const SecretBytes &key, QByteArrayView message)
{
    return detail::hmacSha256(key.bytes(), message);
}

HmacSha256::HmacSha256(const SecretBytes &key)
{
    EVP_MAC *hmac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    m_context = hmac ? EVP_MAC_CTX_new(hmac) : nullptr;
    EVP_MAC_free(hmac); // the context keeps its own reference
    char digest[] = "SHA256";
    const OSSL_PARAM parameters[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
        OSSL_PARAM_construct_end(),
    };
    const QByteArray &bytes = key.bytes();
    if (!m_context || bytes.isEmpty() ||
        !EVP_MAC_init(m_context, reinterpret_cast<const unsigned char *>(bytes.constData()),
                      static_cast<size_t>(bytes.size()), parameters))
        qFatal("engage: HMAC-SHA256 failed (empty key?)");
}

HmacSha256::~HmacSha256()
{
    EVP_MAC_CTX_free(m_context);
}

QByteArray HmacSha256::mac(QByteArrayView message)
{
    unsigned char out[EVP_MAX_MD_SIZE];
    size_t length = 0;
    // Without a key, init starts the next message under the key set up above.
    if (!EVP_MAC_init(m_context, nullptr, 0, nullptr) ||
        !EVP_MAC_update(m_context, reinterpret_cast<const unsigned char *>(message.data()),
                        static_cast<size_t>(message.size())) ||
        !EVP_MAC_final(m_context, out, &length, sizeof out))
        qFatal("engage: HMAC-SHA256 failed");
    return QByteArray(reinterpret_cast<const char *>(out), static_cast<qsizetype>(length));
}

} // namespace engage::server::crypto
