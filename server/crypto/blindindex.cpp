#include "blindindex.h"

#include "internal.h"

#include <QtGlobal>
#include <memory>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/params.h>

namespace engage::server::crypto {

namespace detail {

QByteArray hmacSha256(QByteArrayView key, QByteArrayView message)
{
    unsigned char out[EVP_MAX_MD_SIZE];
    size_t length = 0;
    // EVP_Q_mac wants a non-null key pointer even when the message is empty;
    // an empty message is fine.
    static const unsigned char nothing = 0;
    const auto *data =
        message.isEmpty() ? &nothing : reinterpret_cast<const unsigned char *>(message.data());
    if (key.isEmpty() || !EVP_Q_mac(nullptr, "HMAC", nullptr, "SHA256", nullptr, key.data(),
                                    static_cast<size_t>(key.size()), data,
                                    static_cast<size_t>(message.size()), out, sizeof out, &length))
        qFatal("engage: HMAC-SHA256 failed (empty key?)");
    return QByteArray(reinterpret_cast<const char *>(out), static_cast<qsizetype>(length));
}

SecretBytes hkdfSha256(QByteArrayView inputKey, QByteArrayView salt, QByteArrayView info,
                       int length)
{
    if (inputKey.isEmpty() || length <= 0)
        return {};
    struct KdfFree
    {
        void operator()(EVP_KDF *kdf) const { EVP_KDF_free(kdf); }
    };
    struct KdfContextFree
    {
        void operator()(EVP_KDF_CTX *context) const { EVP_KDF_CTX_free(context); }
    };
    std::unique_ptr<EVP_KDF, KdfFree> kdf(EVP_KDF_fetch(nullptr, "HKDF", nullptr));
    if (!kdf)
        return {};
    std::unique_ptr<EVP_KDF_CTX, KdfContextFree> context(EVP_KDF_CTX_new(kdf.get()));
    if (!context)
        return {};

    // OSSL_PARAM takes non-const pointers; OpenSSL only reads these inputs.
    char digest[] = "SHA256";
    OSSL_PARAM params[5];
    int count = 0;
    params[count++] = OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0);
    params[count++] =
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, const_cast<char *>(inputKey.data()),
                                          static_cast<size_t>(inputKey.size()));
    // No salt means RFC 5869's default, a HashLen string of zeros.
    if (!salt.isEmpty())
        params[count++] = OSSL_PARAM_construct_octet_string(
            OSSL_KDF_PARAM_SALT, const_cast<char *>(salt.data()), static_cast<size_t>(salt.size()));
    if (!info.isEmpty())
        params[count++] = OSSL_PARAM_construct_octet_string(
            OSSL_KDF_PARAM_INFO, const_cast<char *>(info.data()), static_cast<size_t>(info.size()));
    params[count] = OSSL_PARAM_construct_end();

    QByteArray out(length, Qt::Uninitialized);
    if (EVP_KDF_derive(context.get(), reinterpret_cast<unsigned char *>(out.data()),
                       static_cast<size_t>(length), params) != 1) {
        OPENSSL_cleanse(out.data(), static_cast<size_t>(out.size()));
        return {};
    }
    return SecretBytes(std::move(out));
}

} // namespace detail

SecretBytes deriveKey(const SecretBytes &dataKey, QByteArrayView purpose)
{
    SecretBytes key = detail::hkdfSha256(dataKey.bytes(), {}, purpose, 32);
    // Only an empty data key or a broken OpenSSL gets here; an empty subkey
    // would make every later use fail loudly anyway, so fail now instead.
    if (key.size() != 32)
        qFatal("engage: HKDF-SHA256 key derivation failed");
    return key;
}

QString blindIndex(const SecretBytes &indexKey, QStringView value)
{
    return QString::fromLatin1(detail::hmacSha256(indexKey.bytes(), value.toUtf8()).toHex());
}

QString normalizedEmail(QStringView email)
{
    // Case folding can leave a string that is no longer in NFC (and NFC can
    // produce characters that fold further), so normalise on both sides.
    return email.trimmed()
        .toString()
        .normalized(QString::NormalizationForm_C)
        .toCaseFolded()
        .normalized(QString::NormalizationForm_C);
}

} // namespace engage::server::crypto
