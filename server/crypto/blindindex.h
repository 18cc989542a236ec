#pragma once

#include "crypto/secretbytes.h"

#include <QByteArrayView>
#include <QString>
#include <QStringView>

namespace engage::server::crypto {

// A subkey for one purpose (HKDF-SHA256, no salt, info = purpose, 32 bytes),
// so the key that indexes e-mails is never the key that encrypts them. An
// empty data key is a programming error and aborts (qFatal).
SecretBytes deriveKey(const SecretBytes &dataKey, QByteArrayView purpose);

// A keyed blind index: lowercase hex HMAC-SHA256 of the UTF-8 `value`. Lets the
// store look up and enforce uniqueness of e-mails it only keeps encrypted.
// The caller normalises first (normalizedEmail). An empty key is a
// programming error and aborts (qFatal): the index would be a plain hash.
QString blindIndex(const SecretBytes &indexKey, QStringView value);

// The form of an e-mail address that is indexed: surrounding whitespace
// trimmed, Unicode NFC, case-folded (QString::toCaseFolded), so "Alice@X.org"
// and " alice@x.org" are the same person.
QString normalizedEmail(QStringView email);

} // namespace engage::server::crypto
