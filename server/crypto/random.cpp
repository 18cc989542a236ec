#include "random.h"

#include <QRegularExpression>
#include <QtGlobal>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

namespace engage::server::crypto {

QByteArray randomBytes(int count)
{
    if (count <= 0)
        return {};
    QByteArray bytes(count, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(bytes.data()), count) != 1)
        qFatal("engage: the CSPRNG (RAND_bytes) failed; refusing to continue");
    return bytes;
}

QString newToken()
{
    return QString::fromLatin1(
        randomBytes(32).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool isTokenShaped(QStringView token)
{
    // Anchored at the very end: `$` would also match before a final "\n".
    static const QRegularExpression shape(
        QRegularExpression::anchoredPattern(QStringLiteral("[A-Za-z0-9_-]{43}")));
    return shape.match(token).hasMatch();
}

QString tokenHash(QStringView token)
{
    // Fetched once: EVP_sha256() looks the algorithm up again for every
    // digest, more than half of hashing a token (the respondent page hashes
    // one per request). Kept for the process, as OpenSSL keeps its own.
    static EVP_MD *const sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    if (!sha256)
        qFatal("engage: SHA-256 is not available");
    const QByteArray utf8 = token.toUtf8();
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(utf8.constData(), static_cast<size_t>(utf8.size()), digest, &length, sha256,
                   nullptr) != 1)
        qFatal("engage: SHA-256 failed");
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(digest), static_cast<int>(length)).toHex());
}

bool equalConstantTime(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    if (a.isEmpty())
        return true;
    return CRYPTO_memcmp(a.data(), b.data(), static_cast<size_t>(a.size())) == 0;
}

} // namespace engage::server::crypto
