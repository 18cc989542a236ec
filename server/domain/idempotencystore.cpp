#include "idempotencystore.h"

#include "crypto/aead.h"
#include "crypto/blindindex.h"
#include "store/keyring.h"
#include "store/scopedquery.h"

#include <QtEndian>
#include <algorithm>

namespace engage::server::domain {

namespace {

const QString kTable = QStringLiteral("idempotency_keys");

// The row a sealed answer belongs to: a sealed value copied to another row no longer opens.
QByteArray answerData(const store::TenantScope &scope, const QString &personId, const QString &key,
                      int keyVersion)
{
    return crypto::associatedData(scope.tenantId(), kTable, QStringLiteral("response_body"),
                                  QString(personId + QLatin1Char('/') + key), keyVersion);
}

// "v<key version>:<HMAC of the body>": the version says which key to check a
// retry with, so that a key rotation between the two requests is no conflict.
QString fingerprint(const store::TenantKey &key, const QByteArray &requestBody)
{
    return QStringLiteral("v%1:").arg(key.version) +
           crypto::blindIndex(key.indexKey, QString::fromUtf8(requestBody));
}

int fingerprintVersion(const QString &stored)
{
    if (!stored.startsWith(QLatin1Char('v')))
        return -1;
    bool ok = false;
    const int version = QStringView(stored)
                            .sliced(1, std::max<qsizetype>(0, stored.indexOf(QLatin1Char(':')) - 1))
                            .toInt(&ok);
    return ok ? version : -1;
}

} // namespace

IdempotencyStore::IdempotencyStore(QSqlDatabase database, store::Keyring &keyring)
    : m_database(std::move(database))
    , m_keyring(keyring)
{}

bool IdempotencyStore::isValidKey(QByteArrayView key)
{
    return key.size() >= 8 && key.size() <= 128 && std::all_of(key.begin(), key.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '_' || c == '-';
           });
}

store::StoreResult<StoredAnswer> IdempotencyStore::find(const store::TenantScope &scope,
                                                        const QString &personId, const QString &key,
                                                        const QByteArray &requestBody)
{
    store::ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral(
        "SELECT request_hash, response_status, response_body FROM idempotency_keys "
        "WHERE tenant_id = :tenant_id AND person_id = :person_id AND idempotency_key = :key"));
    query.bindValue(QStringLiteral(":person_id"), personId);
    query.bindValue(QStringLiteral(":key"), key);
    if (!query.exec())
        return store::databaseError(QStringLiteral("reading an idempotency key"),
                                    query.errorText());
    if (!query.next())
        return store::StoreError{store::StoreErrorKind::NotFound, QStringLiteral("unused key")};
    const QString storedFingerprint = query.value(0).toString();
    const int status = query.value(1).toInt();
    const QByteArray storedBody = query.value(2).toByteArray();
    query.finish();

    const int version = fingerprintVersion(storedFingerprint);
    if (version < 0 || storedBody.size() < 4)
        return store::StoreError{store::StoreErrorKind::Crypto,
                                 QStringLiteral("unreadable idempotency row")};
    const auto tenantKey = m_keyring.version(scope, m_database, version);
    if (!tenantKey)
        return tenantKey.error();
    if (fingerprint(*tenantKey.value(), requestBody) != storedFingerprint)
        return store::StoreError{store::StoreErrorKind::Conflict,
                                 QStringLiteral("key used with another request")};
    const auto opened =
        crypto::open(tenantKey.value()->sealKey, QByteArrayView(storedBody).sliced(4),
                     answerData(scope, personId, key, version));
    if (!opened)
        return store::StoreError{store::StoreErrorKind::Crypto,
                                 QStringLiteral("a stored answer does not open")};
    return StoredAnswer{status, *opened};
}

store::StoreStatus IdempotencyStore::remember(const store::TenantScope &scope,
                                              const QString &personId, const QString &key,
                                              const QByteArray &requestBody,
                                              const StoredAnswer &answer, const QDateTime &at)
{
    const auto tenantKey = m_keyring.current(scope, m_database);
    if (!tenantKey)
        return tenantKey.error();
    const store::TenantKey &current = *tenantKey.value();
    // The key version in front of the sealed answer (the table has no column for it).
    QByteArray body(4, '\0');
    qToBigEndian<quint32>(quint32(current.version), body.data());
    body += crypto::seal(current.sealKey, answer.body,
                         answerData(scope, personId, key, current.version));

    store::ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral(
        "INSERT INTO idempotency_keys (tenant_id, person_id, idempotency_key, request_hash, "
        "response_status, response_body, created_at) VALUES (:tenant_id, :person_id, :key, "
        ":hash, :status, :body, :at)"));
    query.bindValue(QStringLiteral(":person_id"), personId);
    query.bindValue(QStringLiteral(":key"), key);
    query.bindValue(QStringLiteral(":hash"), fingerprint(current, requestBody));
    query.bindValue(QStringLiteral(":status"), answer.status);
    query.bindValue(QStringLiteral(":body"), body);
    query.bindValue(QStringLiteral(":at"), at.toMSecsSinceEpoch());
    if (!query.exec())
        return store::databaseError(QStringLiteral("storing an idempotency key"),
                                    query.errorText());
    return store::Done{};
}

} // namespace engage::server::domain
