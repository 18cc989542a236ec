#include "rowsupport.h"

#include "crypto/aead.h"
#include "keyring.h"
#include "scopedquery.h"

#include <QtEndian>

namespace engage::server::store::rows {

QDateTime fromMsecs(const QVariant &value)
{
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

qint64 nowMsecs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString encodeCursor(const QByteArray &plain)
{
    return QString::fromLatin1(
        plain.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<QByteArray> decodeCursor(const QString &cursor)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        cursor.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return decoded.decoded;
}

QString deletedIndex(const QString &id)
{
    return QStringLiteral("deleted:") + id;
}

StoreResult<bool> markDeleted(const TenantScope &scope, const QSqlDatabase &database,
                              const QString &table, const QString &releasedColumn,
                              const QString &id, qint64 expectedRevision, qint64 at,
                              const QString &what)
{
    const QString release = releasedColumn.isEmpty() ? QString()
                                                     : QStringLiteral(", ") + releasedColumn +
                                                           QStringLiteral(" = :released");
    ScopedQuery query(scope, database);
    query.prepare(QStringLiteral("UPDATE ") + table +
                  QStringLiteral(" SET deleted_at = :deleted_at, updated_at = :updated_at") +
                  release +
                  QStringLiteral(", revision = revision + 1 WHERE tenant_id = :tenant_id AND "
                                 "id = :id AND revision = :revision AND deleted_at IS NULL"));
    query.bindValue(QStringLiteral(":deleted_at"), at);
    query.bindValue(QStringLiteral(":updated_at"), at);
    if (!releasedColumn.isEmpty())
        query.bindValue(QStringLiteral(":released"), deletedIndex(id));
    query.bindValue(QStringLiteral(":id"), id);
    query.bindValue(QStringLiteral(":revision"), expectedRevision);
    if (!query.exec())
        return databaseError(what, query.errorText());
    return query.numRowsAffected() == 1;
}

namespace {
constexpr qsizetype kKeyVersionBytes = 4;
} // namespace

QByteArray withKeyVersion(int keyVersion, const QByteArray &sealed)
{
    QByteArray stored(kKeyVersionBytes, '\0');
    qToBigEndian<quint32>(quint32(keyVersion), stored.data());
    return stored + sealed;
}

std::optional<std::pair<int, QByteArray>> splitKeyVersion(const QByteArray &stored)
{
    if (stored.size() <= kKeyVersionBytes)
        return std::nullopt;
    return std::pair(int(qFromBigEndian<quint32>(stored.constData())),
                     stored.sliced(kKeyVersionBytes));
}

RowSealer::RowSealer(const TenantScope &scope, const TenantKey &key, const QString &table,
                     const QString &rowId)
    : m_scope(scope)
    , m_key(key)
    , m_table(table)
    , m_rowId(rowId)
{}

int RowSealer::keyVersion() const
{
    return m_key.version;
}

QByteArray RowSealer::associatedData(const QString &column) const
{
    return crypto::associatedData(m_scope.tenantId(), m_table, column, m_rowId, m_key.version);
}

QByteArray RowSealer::seal(const QString &column, const QString &value) const
{
    return crypto::seal(m_key.sealKey, value.toUtf8(), associatedData(column));
}

std::optional<QString> RowSealer::open(const QString &column, const QByteArray &sealed) const
{
    const auto plain = crypto::open(m_key.sealKey, sealed, associatedData(column));
    if (!plain)
        return std::nullopt;
    return QString::fromUtf8(*plain);
}

} // namespace engage::server::store::rows
