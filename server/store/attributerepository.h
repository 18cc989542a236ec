#pragma once

#include "api/attribute.h"
#include "storeresult.h"
#include "tenantscope.h"

#include <QList>
#include <QSet>
#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace engage::server::store {

// The attributes a tenant defines for its members, in the tenant's order (new
// ones last). At most api::kAttributesMax live ones (LimitReached). Deleting is
// logical; members keep their values, which listings then no longer show.
// Removing a choice that members hold, or changing the type of an attribute
// members hold values of, is refused (InUse). Fields that fail
// api::validateAttributeFields are refused (Refused): routes validate first.
// Every method joins the caller's Transaction if one is open.
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
    StoreResult<QList<api::Attribute>> read(const TenantScope &scope,
                                            const std::optional<QString> &id);
    // The values live members hold for the attribute.
    StoreResult<QSet<QString>> heldValues(const TenantScope &scope, const QString &id);

    QSqlDatabase m_database;
};

} // namespace engage::server::store
