#pragma once

#include "crypto/mac.h"
#include "crypto/secretbytes.h"
#include "storeresult.h"

#include <QByteArray>
#include <QLatin1String>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <optional>

namespace engage::server::store {

// The hash chains of the logs (issue 8, SECURITY.md "Logs"). Each tenant's
// access and operation rows are numbered from 1 (tenant_seq), and each row
// carries the MAC of the row before it (prev_hash; the genesis value for row
// 1) and its own MAC:
//
//     mac = hex(HMAC-SHA256(Keyring::logChainKey, canonicalRow(row) || prev_hash))
//
// so that changing, inserting or removing a row breaks the chain at that row
// for anyone holding the key, and nobody without it can mend it. The newest
// link of each chain is kept in log_chain_heads, bumped first in the writing
// transaction: writers of one tenant's log queue on that row, so the chain
// never forks, on SQLite and PostgreSQL alike. The error log is numbered
// through the same table but not chained.
//
// Plain queries rather than ScopedQuery, like the access-log writer: the
// access log has a chain for requests of no known tenant (tenant id ""), which
// no TenantScope can name. Every statement here still binds the tenant it
// was given as the first condition, and only appends or moves heads.
namespace logchain {

inline constexpr QLatin1String kAccess("access");
inline constexpr QLatin1String kOperation("operation");
inline constexpr QLatin1String kError("error");

// What row 1 follows: 64 zeros.
QString genesisHash();

// The table of a log: "access_log", "operation_log", "error_log".
QString tableOf(QLatin1String log);

// The columns a row's MAC covers, in order, for the access and operation
// logs. The first two are always tenant_id and tenant_seq.
const QStringList &chainedColumns(QLatin1String log);

// The bytes MACed for a row: a version tag, the log's name, then each value of
// chainedColumns (a null value distinct from an empty one; numbers in decimal).
QByteArray canonicalRow(QLatin1String log, const QList<QVariant> &values);

// The row's MAC in lowercase hex.
QString rowMac(const crypto::SecretBytes &key, const QByteArray &canonical,
               const QString &prevHash);
// The same, under a key set up once for many rows (the writers' chains).
QString rowMac(crypto::HmacSha256 &key, const QByteArray &canonical, const QString &prevHash);

// The place of a new row: its tenant_seq and the hash it follows.
struct Link
{
    qint64 seq = 0;
    QString prevHash;
};

// Takes the next `count` places in `tenantId`'s `log` and returns the first,
// inside the caller's write transaction (which holds the head row until it
// commits); `count` 0 takes none and returns where the next row goes. Rows written before the
// chains existed are sealed first, from the genesis value, when the head says they are not yet
// (`key` null: they cannot be, an error).
StoreResult<Link> advance(const QSqlDatabase &database, const QString &tenantId, QLatin1String log,
                          const crypto::SecretBytes *key, qint64 count = 1);

// Records `hash` as the MAC of the head row `seq`, in the same transaction.
StoreStatus setHeadHash(const QSqlDatabase &database, const QString &tenantId, QLatin1String log,
                        qint64 seq, const QString &hash);

// Seals every chain whose head is waiting for it (rows from before schema
// version 4), each in a transaction of its own. Returns the rows sealed. The
// service calls it at start, before it serves.
StoreResult<qint64> sealLegacyRows(const QSqlDatabase &database, const crypto::SecretBytes &key);

} // namespace logchain
} // namespace engage::server::store
