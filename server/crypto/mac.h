#pragma once

#include "crypto/secretbytes.h"

#include <QByteArray>
#include <QByteArrayView>

namespace engage::server::crypto {

// HMAC-SHA256 of `message` under `key`, 32 raw bytes: the MAC of records the
// service must be able to prove it wrote (log rows, checkpoint files). An
// empty key is a programming error and aborts (qFatal).
QByteArray hmacSha256(const SecretBytes &key, QByteArrayView message);

} // namespace engage::server::crypto
