#pragma once

#include <QByteArray>

namespace engage::server::crypto {

// Key material that wipes its buffer (OPENSSL_cleanse) when it goes away.
//
// Copies are deep, so destroying one copy never wipes another. QByteArray is
// implicitly shared, though: a QByteArray copied out of bytes() shares the
// buffer, and the last SecretBytes then leaves it alone rather than zeroing
// data someone still reads. Use bytes() in place wherever possible.
class SecretBytes
{
public:
    SecretBytes();
    // Takes a private copy; if `bytes` was the only reference to its buffer
    // (e.g. moved in), that buffer is wiped as well.
    explicit SecretBytes(QByteArray bytes);
    SecretBytes(const SecretBytes &other);
    SecretBytes(SecretBytes &&other) noexcept;
    SecretBytes &operator=(const SecretBytes &other);
    SecretBytes &operator=(SecretBytes &&other) noexcept;
    ~SecretBytes();

    const QByteArray &bytes() const { return m_bytes; }
    int size() const { return static_cast<int>(m_bytes.size()); }
    bool isEmpty() const { return m_bytes.isEmpty(); }

private:
    void wipe();

    QByteArray m_bytes;
};

} // namespace engage::server::crypto
