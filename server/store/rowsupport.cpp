#include "rowsupport.h"

#include "crypto/aead.h"
#include "keyring.h"

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
