#pragma once

#include "store/storeresult.h"
#include "store/tenantscope.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QSqlDatabase>
#include <QString>

namespace engage::server::store {
class Keyring;
}

namespace engage::server::domain {

// What a create answered, kept so that a retry with the same Idempotency-Key
// gets the same answer instead of a second row.
struct StoredAnswer
{
    int status = 0;
    QByteArray body;
};

// Idempotency keys of creates, per tenant and person, in `idempotency_keys`.
// Nothing in that table is readable without the tenant's key: the request is
// kept as an HMAC under the tenant's blind-index key (a body holds an e-mail,
// and a plain hash of a guessable body is as good as the body), the answer
// sealed under its data key. Callers pass answers without secrets in them (no
// generated password): a replay must not hand a secret out twice.
class IdempotencyStore final
{
public:
    IdempotencyStore(QSqlDatabase database, store::Keyring &keyring);

    // 8-128 characters of [A-Za-z0-9_-].
    static bool isValidKey(QByteArrayView key);

    // The stored answer when `key` was used with this same request body;
    // Conflict when it was used with another body; NotFound when not used yet.
    store::StoreResult<StoredAnswer> find(const store::TenantScope &scope, const QString &personId,
                                          const QString &key, const QByteArray &requestBody);
    // Keeps `answer` for `key`; call inside the transaction of the create, so
    // that the key is spent exactly when the row exists.
    store::StoreStatus remember(const store::TenantScope &scope, const QString &personId,
                                const QString &key, const QByteArray &requestBody,
                                const StoredAnswer &answer, const QDateTime &at);

private:
    QSqlDatabase m_database;
    store::Keyring &m_keyring;
};

} // namespace engage::server::domain
