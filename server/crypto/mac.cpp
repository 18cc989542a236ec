#include "mac.h"

#include "internal.h"

namespace engage::server::crypto {

QByteArray hmacSha256(const SecretBytes &key, QByteArrayView message)
{
    return detail::hmacSha256(key.bytes(), message);
}

} // namespace engage::server::crypto
