#pragma once

#include "crypto/secretbytes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QtGlobal>

struct evp_mac_ctx_st;

namespace engage::server::crypto {

// HMAC-SHA256 of `message` under `key`, 32 raw bytes: the MAC of records the
// service must be able to prove it wrote (log rows, checkpoint files). An
// empty key is a programming error and aborts (qFatal).
QByteArray hmacSha256(const SecretBytes &key, QByteArrayView message);

// The same MAC under one key for many messages: the key is set up once, so
// each mac() costs the hashing of its message, where hmacSha256() looks up
// the algorithm and sets up the key each time (most of its cost for a log
// row). One thread at a time.
class HmacSha256 final
{
public:
    explicit HmacSha256(const SecretBytes &key);
    ~HmacSha256();
    Q_DISABLE_COPY_MOVE(HmacSha256)

    QByteArray mac(QByteArrayView message);

private:
    evp_mac_ctx_st *m_context = nullptr;
};

} // namespace engage::server::crypto
