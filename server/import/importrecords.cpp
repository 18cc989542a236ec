#include "importrecords.h"

#include "crypto/aead.h"
#include "store/scopedquery.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace engage::server::import {

namespace {

const QString kTable = QStringLiteral("member_imports");
const QString kUndoColumn = QStringLiteral("undo_sealed");

// The mapping column holds the columns and the encoding the file was read in
// (member_imports has no column of its own for it).
QString mappingText(const api::MemberImport &import)
{
    QJsonArray columns;
    for (const api::ImportColumn &column : import.columns)
        columns.append(QJsonObject{{QStringLiteral("header"), column.header},
                                   {QStringLiteral("target"), column.target},
                                   {QStringLiteral("remembered"), column.remembered}});
    return QString::fromUtf8(
        QJsonDocument(QJsonObject{{QStringLiteral("encoding"), import.encoding},
                                  {QStringLiteral("columns"), columns}})
            .toJson(QJsonDocument::Compact));
}

void readMapping(const QString &text, api::MemberImport *import)
{
    const QJsonObject object = QJsonDocument::fromJson(text.toUtf8()).object();
    import->encoding = object.value(QStringLiteral("encoding")).toString();
    for (const QJsonValue &value : object.value(QStringLiteral("columns")).toArray()) {
        const QJsonObject column = value.toObject();
        import->columns.append({column.value(QStringLiteral("header")).toString(),
                                column.value(QStringLiteral("target")).toString(),
                                column.value(QStringLiteral("remembered")).toBool()});
    }
}

qint64 msecs(const QDateTime &at)
{
    return at.toMSecsSinceEpoch();
}

store::StoreError failed(const QString &what, const store::ScopedQuery &query)
{
    return store::databaseError(what, query.errorText());
}

} // namespace

ImportRecords::ImportRecords(QSqlDatabase database, store::Keyring &keyring)
    : m_database(std::move(database))
    , m_keyring(keyring)
{}

store::StoreStatus ImportRecords::create(const store::TenantScope &scope,
                                         const ImportRecord &record)
{
    store::ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral(
        "INSERT INTO member_imports (id, tenant_id, person_id, file_name, format, row_count, "
        "mapping, status, key_version, created_at) VALUES (:id, :tenant_id, :person_id, "
        ":file_name, :format, :row_count, :mapping, :status, :key_version, :created_at)"));
    query.bindValue(QStringLiteral(":id"), record.import.id);
    query.bindValue(QStringLiteral(":person_id"), record.personId);
    query.bindValue(QStringLiteral(":file_name"), record.import.fileName);
    query.bindValue(QStringLiteral(":format"), record.import.format);
    query.bindValue(QStringLiteral(":row_count"), record.import.rowCount);
    query.bindValue(QStringLiteral(":mapping"), mappingText(record.import));
    query.bindValue(QStringLiteral(":status"), api::importStatusName(record.import.status));
    query.bindValue(QStringLiteral(":key_version"), record.keyVersion);
    query.bindValue(QStringLiteral(":created_at"), msecs(record.createdAt));
    if (!query.exec())
        return failed(QStringLiteral("adding an import"), query);
    return store::Done{};
}

store::StoreResult<ImportRecord> ImportRecords::get(const store::TenantScope &scope,
                                                    const QString &id)
{
    store::ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral(
        "SELECT person_id, file_name, format, row_count, mapping, status, key_version, "
        "created_at FROM member_imports WHERE tenant_id = :tenant_id AND id = :id"));
    query.bindValue(QStringLiteral(":id"), id);
    if (!query.exec())
        return failed(QStringLiteral("reading an import"), query);
    if (!query.next())
        return store::StoreError{store::StoreErrorKind::NotFound, QStringLiteral("no such import")};
    ImportRecord record;
    record.import.id = id;
    record.personId = query.value(0).toString();
    record.import.fileName = query.value(1).toString();
    record.import.format = query.value(2).toString();
    record.import.rowCount = query.value(3).toInt();
    readMapping(query.value(4).toString(), &record.import);
    const auto status = api::importStatusFromName(query.value(5).toString());
    if (!status)
        return store::databaseError(QStringLiteral("reading an import"),
                                    QStringLiteral("unknown status"));
    record.import.status = *status;
    record.keyVersion = query.value(6).toInt();
    record.createdAt = QDateTime::fromMSecsSinceEpoch(query.value(7).toLongLong(), Qt::UTC);
    return record;
}

store::StoreStatus ImportRecords::setColumns(const store::TenantScope &scope, const QString &id,
                                             const api::MemberImport &import)
{
    store::ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral("UPDATE member_imports SET mapping = :mapping WHERE tenant_id = "
                                 ":tenant_id AND id = :id AND status = :status"));
    query.bindValue(QStringLiteral(":mapping"), mappingText(import));
    query.bindValue(QStringLiteral(":id"), id);
    query.bindValue(QStringLiteral(":status"), api::importStatusName(api::ImportStatus::Uploaded));
    if (!query.exec())
        return failed(QStringLiteral("mapping an import"), query);
    if (query.numRowsAffected() != 1)
        return store::StoreError{store::StoreErrorKind::Conflict, QStringLiteral("not uploaded")};
    return store::Done{};
}

store::StoreStatus ImportRecords::setApplied(const store::TenantScope &scope,
                                             const ImportRecord &record, const QJsonObject &undo,
                                             const QDateTime &at)
{
    const auto key = m_keyring.version(scope, m_database, record.keyVersion);
    if (!key)
        return key.error();
    const QByteArray sealed =
        crypto::seal(key.value()->sealKey, QJsonDocument(undo).toJson(QJsonDocument::Compact),
                     crypto::associatedData(scope.tenantId(), kTable, kUndoColumn, record.import.id,
                                            record.keyVersion));
    store::ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral(
        "UPDATE member_imports SET status = :applied, undo_sealed = :undo, applied_at = :at "
        "WHERE tenant_id = :tenant_id AND id = :id AND status = :uploaded"));
    query.bindValue(QStringLiteral(":applied"), api::importStatusName(api::ImportStatus::Applied));
    query.bindValue(QStringLiteral(":undo"), sealed);
    query.bindValue(QStringLiteral(":at"), msecs(at));
    query.bindValue(QStringLiteral(":id"), record.import.id);
    query.bindValue(QStringLiteral(":uploaded"),
                    api::importStatusName(api::ImportStatus::Uploaded));
    if (!query.exec())
        return failed(QStringLiteral("marking an import applied"), query);
    if (query.numRowsAffected() != 1)
        return store::StoreError{store::StoreErrorKind::Conflict, QStringLiteral("not uploaded")};
    return store::Done{};
}

store::StoreResult<QJsonObject> ImportRecords::undoRecord(const store::TenantScope &scope,
                                                          const ImportRecord &record)
{
    store::ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral("SELECT undo_sealed FROM member_imports WHERE tenant_id = "
                                 ":tenant_id AND id = :id"));
    query.bindValue(QStringLiteral(":id"), record.import.id);
    if (!query.exec())
        return failed(QStringLiteral("reading an undo record"), query);
    if (!query.next())
        return store::StoreError{store::StoreErrorKind::NotFound, QStringLiteral("no such import")};
    const auto key = m_keyring.version(scope, m_database, record.keyVersion);
    if (!key)
        return key.error();
    const auto opened = crypto::open(key.value()->sealKey, query.value(0).toByteArray(),
                                     crypto::associatedData(scope.tenantId(), kTable, kUndoColumn,
                                                            record.import.id, record.keyVersion));
    if (!opened)
        return store::StoreError{store::StoreErrorKind::Crypto,
                                 QStringLiteral("an undo record does not open")};
    return QJsonDocument::fromJson(*opened).object();
}

store::StoreStatus ImportRecords::setUndone(const store::TenantScope &scope, const QString &id,
                                            const QDateTime &at)
{
    store::ScopedQuery query(scope, m_database);
    // The undo record has served: the previous versions it holds go with it.
    query.prepare(QStringLiteral(
        "UPDATE member_imports SET status = :undone, undo_sealed = NULL, undone_at = :at "
        "WHERE tenant_id = :tenant_id AND id = :id AND status = :applied"));
    query.bindValue(QStringLiteral(":undone"), api::importStatusName(api::ImportStatus::Undone));
    query.bindValue(QStringLiteral(":at"), msecs(at));
    query.bindValue(QStringLiteral(":id"), id);
    query.bindValue(QStringLiteral(":applied"), api::importStatusName(api::ImportStatus::Applied));
    if (!query.exec())
        return failed(QStringLiteral("marking an import undone"), query);
    if (query.numRowsAffected() != 1)
        return store::StoreError{store::StoreErrorKind::Conflict, QStringLiteral("not applied")};
    return store::Done{};
}

store::StoreResult<QHash<QString, QString>>
ImportRecords::rememberedHeaders(const store::TenantScope &scope)
{
    store::ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral(
        "SELECT header, target FROM import_header_mappings WHERE tenant_id = :tenant_id"));
    if (!query.exec())
        return failed(QStringLiteral("reading remembered headers"), query);
    QHash<QString, QString> headers;
    while (query.next())
        headers.insert(query.value(0).toString(), query.value(1).toString());
    return headers;
}

store::StoreStatus ImportRecords::remember(const store::TenantScope &scope,
                                           const HeaderMemory &memory, const QDateTime &at)
{
    QStringList replaced = memory.remember.keys();
    replaced += QStringList(memory.forget.cbegin(), memory.forget.cend());
    for (const QString &header : std::as_const(replaced)) {
        store::ScopedQuery remove(scope, m_database);
        remove.prepare(QStringLiteral("DELETE FROM import_header_mappings WHERE tenant_id = "
                                      ":tenant_id AND header = :header"));
        remove.bindValue(QStringLiteral(":header"), header);
        if (!remove.exec())
            return failed(QStringLiteral("forgetting a header"), remove);
    }
    for (auto it = memory.remember.cbegin(); it != memory.remember.cend(); ++it) {
        store::ScopedQuery insert(scope, m_database);
        insert.prepare(QStringLiteral(
            "INSERT INTO import_header_mappings (tenant_id, header, target, updated_at) "
            "VALUES (:tenant_id, :header, :target, :at)"));
        insert.bindValue(QStringLiteral(":header"), it.key());
        insert.bindValue(QStringLiteral(":target"), it.value());
        insert.bindValue(QStringLiteral(":at"), msecs(at));
        if (!insert.exec())
            return failed(QStringLiteral("remembering a header"), insert);
    }
    return store::Done{};
}

} // namespace engage::server::import
