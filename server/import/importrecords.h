#pragma once

#include "api/memberimport.h"
#include "headermatcher.h"
#include "store/keyring.h"
#include "store/storeresult.h"
#include "store/tenantscope.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>

namespace engage::server::import {

// One upload as member_imports keeps it.
struct ImportRecord
{
    api::MemberImport import;
    QString personId;   // who uploaded it
    int keyVersion = 0; // of the tenant key the file and the undo record are sealed under
    QDateTime createdAt;
};

// member_imports and import_header_mappings of a tenant. The undo record
// (previous versions of the members an apply changed) is personal data and is
// sealed like the members are. Every method joins the caller's Transaction.
class ImportRecords final
{
public:
    ImportRecords(QSqlDatabase database, store::Keyring &keyring);

    store::StoreStatus create(const store::TenantScope &scope, const ImportRecord &record);
    // NotFound for a missing or another tenant's id alike.
    store::StoreResult<ImportRecord> get(const store::TenantScope &scope, const QString &id);
    store::StoreStatus setColumns(const store::TenantScope &scope, const QString &id,
                                  const api::MemberImport &import);
    // Uploaded -> applied, keeping `undo` sealed; Conflict when it is no longer uploaded.
    store::StoreStatus setApplied(const store::TenantScope &scope, const ImportRecord &record,
                                  const QJsonObject &undo, const QDateTime &at);
    // The undo record of an applied import.
    store::StoreResult<QJsonObject> undoRecord(const store::TenantScope &scope,
                                               const ImportRecord &record);
    // Applied -> undone; Conflict when it is no longer applied.
    store::StoreStatus setUndone(const store::TenantScope &scope, const QString &id,
                                 const QDateTime &at);

    // The tenant's remembered headers: normalised header -> target.
    store::StoreResult<QHash<QString, QString>> rememberedHeaders(const store::TenantScope &scope);
    store::StoreStatus remember(const store::TenantScope &scope, const HeaderMemory &memory,
                                const QDateTime &at);

private:
    QSqlDatabase m_database;
    store::Keyring &m_keyring;
};

} // namespace engage::server::import
