#include "secretbytes.h"

#include <openssl/crypto.h>
#include <utility>

namespace engage::server::crypto {

namespace {

// A deep copy: QByteArray's copy constructor would share the buffer, and the
// wipe in one destructor would then zero the other's key.
QByteArray deepCopy(const QByteArray &bytes)
{
    return bytes.isEmpty() ? QByteArray() : QByteArray(bytes.constData(), bytes.size());
}

void cleanseIfSoleOwner(QByteArray &bytes)
{
    // Only the sole owner may wipe: a shared buffer is still read elsewhere,
    // and data() would detach (copy) it first, wiping only the fresh copy.
    if (!bytes.isEmpty() && bytes.isDetached())
        OPENSSL_cleanse(bytes.data(), static_cast<size_t>(bytes.size()));
}

} // namespace

SecretBytes::SecretBytes() = default;

SecretBytes::SecretBytes(QByteArray bytes)
    : m_bytes(deepCopy(bytes))
{
    cleanseIfSoleOwner(bytes);
}

SecretBytes::SecretBytes(const SecretBytes &other)
    : m_bytes(deepCopy(other.m_bytes))
{}

SecretBytes::SecretBytes(SecretBytes &&other) noexcept
    : m_bytes(std::exchange(other.m_bytes, QByteArray()))
{}

SecretBytes &SecretBytes::operator=(const SecretBytes &other)
{
    if (this != &other) {
        wipe();
        m_bytes = deepCopy(other.m_bytes);
    }
    return *this;
}

SecretBytes &SecretBytes::operator=(SecretBytes &&other) noexcept
{
    if (this != &other) {
        wipe();
        m_bytes = std::exchange(other.m_bytes, QByteArray());
    }
    return *this;
}

SecretBytes::~SecretBytes()
{
    wipe();
}

void SecretBytes::wipe()
{
    cleanseIfSoleOwner(m_bytes);
    m_bytes = QByteArray();
}

} // namespace engage::server::crypto
