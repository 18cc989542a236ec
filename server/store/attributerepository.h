#pragma once

#include "api/attribute.h"
#include "storeresult.h"
#include "tenantscope.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace engage::server::store {

// The attributes a tenant defines for its members, in the tenant's order (new
// ones last). At most api::kAttributesMax live ones (LimitReached). Deleting is
// logical; members keep their values, which listings then no longer show.
// Removing a choice that members hold is refused (InUse). Every method joins
// the caller's Transaction if one is open.
class AttributeRepository final
{
public:
    explicit AttributeRepository(QSqlDatabase database);

    StoreResult<QList<api::Attribute>> list(const TenantScope &scope);
    StoreResult<api::Attribute> get(const TenantScope &scope, const QString &id);
    StoreResult<api::Attribute> create(const TenantScope &scope, const api::AttributeFields &fields,
                                       const QString &id = {});
    StoreResult<api::Attribute> update(const TenantScope &scope, const QString &id,
                                       qint64 expectedRevision, const api::AttributeFields &fields);
    StoreStatus remove(const TenantScope &scope, const QString &id, qint64 expectedRevision);

private:
    QSqlDatabase m_database;
};

} // namespace engage::server::store
