#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

namespace engage::server::crypto {

// `count` bytes from OpenSSL's CSPRNG. Aborts (qFatal) if the generator fails:
// there is no safe way to continue without randomness.
QByteArray randomBytes(int count);

// An opaque token: 256 random bits, base64url without padding (43 characters).
QString newToken();
// Whether `token` has the shape newToken() gives: what has another was never
// issued, so the stores that look tokens up refuse it without a query.
bool isTokenShaped(QStringView token);

// What the store keeps instead of a token: lowercase hex SHA-256 of its UTF-8.
// Tokens carry 256 bits of entropy, so a fast unsalted hash is enough.
QString tokenHash(QStringView token);

// Compares in time independent of where the inputs differ (CRYPTO_memcmp).
// Different lengths compare unequal; the length itself is not secret.
bool equalConstantTime(QByteArrayView a, QByteArrayView b);

} // namespace engage::server::crypto
