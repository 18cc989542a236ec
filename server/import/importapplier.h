#pragma once

#include "api/memberimport.h"
#include "importrecords.h"
#include "importtable.h"
#include "store/keyring.h"
#include "store/memberindex.h"
#include "store/storeresult.h"
#include "store/tenantscope.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>

namespace engage::server::import {

// Who carries an import out, for the groups' history and the operation log.
struct ImportActor
{
    QString personId;
    QString requestId;
};

// Apply and undo, each as one transaction of its own: the members, the groups,
// the import's status, its undo record and the operation-log row commit
// together or not at all. After a commit the tenant's member index is
// rebuilt on its next use (a bulk change is cheaper rebuilt than followed):
// after an apply from the members the apply holds, after an undo from the store.
class ImportApplier final
{
public:
    ImportApplier(QSqlDatabase connection, store::Keyring &keyring, store::MemberIndex &index);

    // The dry run again, on the data as it is inside the transaction, carried
    // out as `request` says. Conflict when the import is no longer uploaded;
    // CodeTaken or EmailTaken when a row collides with a member the dry run
    // did not see (nothing is written then).
    store::StoreResult<api::ImportOutcome>
    apply(const store::TenantScope &scope, const ImportActor &actor, const ImportRecord &record,
          const ImportTable &table, const api::ImportApplyRequest &request);

    // Restores the members the apply changed, deletes those it added and the
    // groups it created (those still empty). Conflict when the import is not
    // applied, or when `*changedSince` (> 0) of its members changed after it.
    store::StoreResult<api::ImportOutcome> undo(const store::TenantScope &scope,
                                                const ImportActor &actor,
                                                const ImportRecord &record, int *changedSince);

private:
    QSqlDatabase m_connection;
    store::Keyring &m_keyring;
    store::MemberIndex &m_index;
};

} // namespace engage::server::import
