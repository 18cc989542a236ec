#pragma once

// What the repositories share and nothing outside the store needs: times as
// stored, opaque cursors, sealed columns, the index values deleted rows give
// up, and the revision-checked deletion that gives them up.

#include "storeresult.h"
#include "tenantscope.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QVariant>
#include <optional>
#include <utility>

class QSqlDatabase;

namespace engage::server::store {

struct TenantKey;

namespace rows {

// Times are stored as milliseconds since the epoch, UTC.
QDateTime fromMsecs(const QVariant &value);
qint64 nowMsecs();

// A cursor as clients see it: base64url of `plain`, without padding. Opaque
// to them, not secret: seal what must not be read.
QString encodeCursor(const QByteArray &plain);
// Nothing when `cursor` is not base64url.
std::optional<QByteArray> decodeCursor(const QString &cursor);

// The value a logically deleted row keeps in a unique blind-index column, so
// that the e-mail or code it had can be given to a new row.
QString deletedIndex(const QString &id);

// Marks the live row `id` of `table` deleted `at` (milliseconds, as stored)
// if its revision is still `expectedRevision`, and gives the value of the
// unique index column `releasedColumn` (none when empty) up for a new row.
// False when no row was marked: missing, another tenant's, or changed since;
// which of them is the caller's to tell. `what` names the work in a database
// error.
StoreResult<bool> markDeleted(const TenantScope &scope, const QSqlDatabase &database,
                              const QString &table, const QString &releasedColumn,
                              const QString &id, qint64 expectedRevision, qint64 at,
                              const QString &what);

// A sealed value in a column that has no key_version beside it: the key
// version in front (4 bytes, big-endian), then the sealed bytes.
QByteArray withKeyVersion(int keyVersion, const QByteArray &sealed);
// The key version and the sealed bytes; nothing when too short to hold both.
std::optional<std::pair<int, QByteArray>> splitKeyVersion(const QByteArray &stored);

// Seals and opens the columns of one row under one version of the tenant's
// key, with associated data binding tenant, table, column, row id and key
// version: a value copied to another cell no longer opens.
class RowSealer final
{
public:
    RowSealer(const TenantScope &scope, const TenantKey &key, const QString &table,
              const QString &rowId);

    int keyVersion() const;
    QByteArray seal(const QString &column, const QString &value) const;
    // Nothing when the value does not open (tampered, moved, wrong key).
    std::optional<QString> open(const QString &column, const QByteArray &sealed) const;

private:
    QByteArray associatedData(const QString &column) const;

    TenantScope m_scope;
    const TenantKey &m_key; // the caller holds it for the sealer's life
    QString m_table;
    QString m_rowId;
};

} // namespace rows
} // namespace engage::server::store
