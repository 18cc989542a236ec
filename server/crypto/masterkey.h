#pragma once

#include "crypto/secretbytes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>
#include <optional>

namespace engage::server::crypto {

// The key that wraps every tenant's data key. It never encrypts data itself,
// so rotating it only means re-wrapping the data keys.
class MasterKey
{
public:
    // ENGAGE_MASTER_KEY (base64 of 32 bytes) if set, else DATA_DIR/master.key
    // (32 raw bytes, mode 0600; created once with a fresh random key if
    // missing). Refuses a file that group or others may access, a file of the
    // wrong size, or a bad variable. On failure returns nothing and sets `error`
    // to a message for the operator.
    static std::optional<MasterKey> load(const QString &dataDir, QString *error);
    static MasterKey fromBytes(SecretBytes key); // tests

    // AES-256-GCM under the master key; the associated data binds the tenant id
    // and the key version, so a wrapped key pasted onto another tenant or
    // version does not unwrap.
    QByteArray wrap(const SecretBytes &dataKey, QStringView tenantId, int version) const;
    std::optional<SecretBytes> unwrap(QByteArrayView wrapped, QStringView tenantId,
                                      int version) const;

    // A key for one purpose besides wrapping (HKDF-SHA256 with info =
    // `purpose`, as deriveKey in blindindex.h), such as the MAC key of the log
    // chains: those must stay verifiable after a tenant's data key is gone,
    // and the master key itself still never leaves this class.
    SecretBytes deriveKey(QByteArrayView purpose) const;

    // Name of the file load() uses inside the data directory.
    static QString fileName();
    // Name of the environment variable load() prefers to the file.
    static const char *environmentVariable();

private:
    explicit MasterKey(SecretBytes key);

    SecretBytes m_key;
};

// A fresh data key: 32 random bytes.
SecretBytes newDataKey();

} // namespace engage::server::crypto
