#pragma once

#include "api/plan.h"
#include "api/tenant.h"
#include "storeresult.h"
#include "tenantscope.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringView>

namespace engage::server::store {

class Keyring;

// A tenant as the store holds it: the wire type plus its default language.
struct StoredTenant
{
    api::Tenant tenant;
    QString locale; // "ja" or "en"
};

struct NewTenant
{
    QString slug;
    QString name;
    api::Plan plan = api::Plan::Free;
    bool securityOption = false;
    QString locale = QStringLiteral("ja");
};

// Tenants: the root of every scope, so its own table is read by id or slug,
// not through ScopedQuery (it has no tenant_id column; its id is the tenant).
class TenantRepository final
{
public:
    TenantRepository(QSqlDatabase database, Keyring &keyring);

    // The tenant and version 1 of its data key, in one transaction. SlugTaken
    // when the slug is in use.
    StoreResult<StoredTenant> create(const NewTenant &tenant);
    // Unscoped: sign-in names its tenant by slug before anyone is verified.
    StoreResult<StoredTenant> findBySlug(QStringView slug);
    StoreResult<StoredTenant> get(const TenantScope &scope);

private:
    StoreResult<StoredTenant> readOne(const QString &column, const QString &value);

    QSqlDatabase m_database;
    Keyring &m_keyring;
};

} // namespace engage::server::store
