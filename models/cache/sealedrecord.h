#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <optional>

namespace engage::models {

// AES-256-GCM through OpenSSL 3's EVP for the offline cache's records: a fresh
// random 96-bit nonce per record, stored in front of the ciphertext, and the
// 128-bit tag behind it. The client has its own, since it never links the
// service's crypto library.
inline constexpr int kCacheKeySize = 32;

// 32 bytes from OpenSSL's CSPRNG.
QByteArray randomCacheKey();

// nonce | ciphertext | tag, bound to `associatedData`.
QByteArray sealRecord(const QByteArray &key, QByteArrayView plaintext,
                      QByteArrayView associatedData);

// Nothing when the record was not sealed under this key with this associated
// data: changed bytes, another tenant's or person's record, another key.
std::optional<QByteArray> openRecord(const QByteArray &key, QByteArrayView sealed,
                                     QByteArrayView associatedData);

} // namespace engage::models
