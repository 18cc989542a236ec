#include "keyring.h"

#include "crypto/blindindex.h"
#include "crypto/masterkey.h"
#include "scopedquery.h"

#include <QDateTime>
#include <QSqlError>

namespace engage::server::store {

namespace {

std::shared_ptr<const TenantKey> splitKey(int version, const crypto::SecretBytes &dataKey)
{
    auto key = std::make_shared<TenantKey>();
    key->version = version;
    key->sealKey = crypto::deriveKey(dataKey, QByteArrayView("engage seal v1"));
    key->indexKey = crypto::deriveKey(dataKey, QByteArrayView("engage blind index v1"));
    return key;
}

} // namespace

Keyring::Keyring(crypto::MasterKey masterKey)
    : m_masterKey(std::move(masterKey))
    , m_logChainKey(m_masterKey.deriveKey("engage log chain v1"))
    , m_logCheckpointKey(m_masterKey.deriveKey("engage log checkpoint v1"))
{}

StoreStatus Keyring::createFirstKey(const TenantScope &scope, const QSqlDatabase &database)
{
    const int version = 1;
    const crypto::SecretBytes dataKey = crypto::newDataKey();
    const QByteArray wrapped = m_masterKey.wrap(dataKey, scope.tenantId(), version);
    ScopedQuery query(scope, database);
    query.prepare(QStringLiteral("INSERT INTO tenant_keys (tenant_id, version, wrapped_key, "
                                 "created_at) VALUES (:tenant_id, :version, :wrapped, :at)"));
    query.bindValue(QStringLiteral(":version"), version);
    query.bindValue(QStringLiteral(":wrapped"), wrapped);
    query.bindValue(QStringLiteral(":at"), QDateTime::currentMSecsSinceEpoch());
    if (!query.exec())
        return databaseError(QStringLiteral("storing a tenant key"), query.errorText());
    return Done{};
}

StoreResult<std::shared_ptr<const TenantKey>> Keyring::current(const TenantScope &scope,
                                                               const QSqlDatabase &database)
{
    // The newest version is read each time (a cheap indexed lookup) so that a
    // rotation by another process is seen; the unwrapped keys are cached.
    ScopedQuery query(scope, database);
    query.prepare(QStringLiteral("SELECT MAX(version) FROM tenant_keys WHERE tenant_id = "
                                 ":tenant_id AND destroyed_at IS NULL"));
    if (!query.exec())
        return databaseError(QStringLiteral("reading tenant keys"), query.errorText());
    if (!query.next() || query.value(0).isNull())
        return StoreError{StoreErrorKind::Crypto,
                          QStringLiteral("tenant %1 has no live data key").arg(scope.tenantId())};
    const int newest = query.value(0).toInt();
    query.finish();
    return version(scope, database, newest);
}

StoreResult<std::shared_ptr<const TenantKey>>
Keyring::version(const TenantScope &scope, const QSqlDatabase &database, int keyVersion)
{
    {
        std::lock_guard lock(m_mutex);
        const auto tenant = m_keys.constFind(scope.tenantId());
        if (tenant != m_keys.cend()) {
            const auto found = tenant->find(keyVersion);
            if (found != tenant->end())
                return found->second;
        }
    }
    return load(scope, database, keyVersion);
}

StoreResult<std::shared_ptr<const TenantKey>>
Keyring::load(const TenantScope &scope, const QSqlDatabase &database, int keyVersion)
{
    ScopedQuery query(scope, database);
    query.prepare(QStringLiteral("SELECT wrapped_key FROM tenant_keys WHERE tenant_id = "
                                 ":tenant_id AND version = :version AND destroyed_at IS NULL"));
    query.bindValue(QStringLiteral(":version"), keyVersion);
    if (!query.exec())
        return databaseError(QStringLiteral("reading a tenant key"), query.errorText());
    if (!query.next())
        return StoreError{StoreErrorKind::Crypto, QStringLiteral("tenant %1 has no key version %2")
                                                      .arg(scope.tenantId())
                                                      .arg(keyVersion)};
    const QByteArray wrapped = query.value(0).toByteArray();
    query.finish();
    const std::optional<crypto::SecretBytes> dataKey =
        m_masterKey.unwrap(wrapped, scope.tenantId(), keyVersion);
    if (!dataKey)
        return StoreError{StoreErrorKind::Crypto,
                          QStringLiteral("the key of tenant %1 does not unwrap under this "
                                         "master key")
                              .arg(scope.tenantId())};
    std::shared_ptr<const TenantKey> key = splitKey(keyVersion, *dataKey);
    std::lock_guard lock(m_mutex);
    m_keys[scope.tenantId()][keyVersion] = key;
    return key;
}

void Keyring::forget(const QString &tenantId)
{
    std::lock_guard lock(m_mutex);
    m_keys.remove(tenantId);
}

} // namespace engage::server::store
