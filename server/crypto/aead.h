#pragma once

#include "crypto/secretbytes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QStringView>
#include <optional>

namespace engage::server::crypto {

// Associated data for a stored value: binds a ciphertext to its tenant, table,
// column, row and key version, so a value copied to another cell (or kept
// across a key rotation) no longer opens. Each field is length-prefixed, so no
// two tuples share an encoding (("ab","c") and ("a","bc") differ).
QByteArray associatedData(QStringView tenantId, QStringView table, QStringView column,
                          QStringView rowId, int keyVersion);

// AES-256-GCM with a fresh 12-byte random IV and a 16-byte tag.
// Sealed form: 0x01 | iv | ciphertext | tag (29 bytes more than the plaintext).
// `key` must be 32 bytes: any other size is a programming error and aborts
// (qFatal) rather than storing something that will never open.
QByteArray seal(const SecretBytes &key, QByteArrayView plaintext, QByteArrayView associatedData);

// The plaintext, or nothing if anything is off: a changed bit, the wrong key,
// the wrong associated data, an unknown version byte, a truncated input.
std::optional<QByteArray> open(const SecretBytes &key, QByteArrayView sealed,
                               QByteArrayView associatedData);

} // namespace engage::server::crypto
