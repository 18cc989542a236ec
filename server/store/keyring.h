#pragma once

#include "crypto/masterkey.h"
#include "crypto/secretbytes.h"
#include "storeresult.h"
#include "tenantscope.h"

#include <QHash>
#include <QSqlDatabase>
#include <QString>
#include <map>
#include <memory>
#include <mutex>

namespace engage::server::store {

// The keys of one version of a tenant's data key, split by purpose (HKDF) so
// that the sealing key never doubles as the blind-index key.
struct TenantKey
{
    int version = 0;
    crypto::SecretBytes sealKey;  // AES-256-GCM for sealed columns
    crypto::SecretBytes indexKey; // HMAC-SHA256 blind indexes (e-mail lookup)
};

// Per-tenant data keys: created with the tenant, kept in tenant_keys wrapped by
// the master key, unwrapped on first use and cached (thread-safe) for the life
// of the process. The master key never leaves this class.
class Keyring final
{
public:
    explicit Keyring(crypto::MasterKey masterKey);
    Keyring(const Keyring &) = delete;
    Keyring &operator=(const Keyring &) = delete;

    // Writes version 1 of a new tenant's data key; call inside the transaction
    // that creates the tenant.
    StoreStatus createFirstKey(const TenantScope &scope, const QSqlDatabase &database);

    // The newest live key, for sealing new values.
    StoreResult<std::shared_ptr<const TenantKey>> current(const TenantScope &scope,
                                                          const QSqlDatabase &database);
    // A given version, for opening values sealed under it.
    StoreResult<std::shared_ptr<const TenantKey>>
    version(const TenantScope &scope, const QSqlDatabase &database, int keyVersion);

    // Drops a tenant's cached keys (after its keys were destroyed).
    void forget(const QString &tenantId);

    // The keys of the logs' tamper evidence (logchain.h), derived from the
    // master key rather than a tenant's data key: a tenant's logs must stay
    // verifiable after its key is destroyed. One MACs the rows of every
    // chain, the other signs the checkpoint files outside the database.
    const crypto::SecretBytes &logChainKey() const { return m_logChainKey; }
    const crypto::SecretBytes &logCheckpointKey() const { return m_logCheckpointKey; }

private:
    StoreResult<std::shared_ptr<const TenantKey>>
    load(const TenantScope &scope, const QSqlDatabase &database, int keyVersion);

    const crypto::MasterKey m_masterKey;
    const crypto::SecretBytes m_logChainKey;
    const crypto::SecretBytes m_logCheckpointKey;
    std::mutex m_mutex;
    QHash<QString, std::map<int, std::shared_ptr<const TenantKey>>> m_keys;
};

} // namespace engage::server::store
