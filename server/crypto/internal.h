#pragma once

// Internals of the crypto library that its tests drive with published
// known-answer vectors. Not for the rest of the service: use the public headers.

#include "crypto/secretbytes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QLatin1String>

namespace engage::server::crypto::detail {

inline constexpr int gcmIvSize = 12;
inline constexpr int gcmTagSize = 16;
inline constexpr int aesKeySize = 32;
inline constexpr char sealedVersion = 0x01;

// What seal() does after drawing its random IV: 0x01 | iv | ciphertext | tag.
// `iv` must be 12 bytes and `key` 32; anything else is a programming error (qFatal).
QByteArray sealWithIv(const SecretBytes &key, QByteArrayView iv, QByteArrayView plaintext,
                      QByteArrayView associatedData);

// HMAC-SHA256, the code blindIndex() uses.
QByteArray hmacSha256(QByteArrayView key, QByteArrayView message);

// HKDF-SHA256 (RFC 5869) with a salt and output length; deriveKey() is this with
// no salt and 32 bytes. Empty result if OpenSSL refuses (e.g. length > 255 * 32).
SecretBytes hkdfSha256(QByteArrayView inputKey, QByteArrayView salt, QByteArrayView info,
                       int length);

// The characters generatedPassword() draws from, in the order it indexes them.
QLatin1String passwordAlphabet();

} // namespace engage::server::crypto::detail
