#pragma once

#include "plan.h"
#include "result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace engage::api {

// Paid options on top of the plan.
struct TenantOptions
{
    // The security option: access and operation logs visible to the tenant (R18).
    bool securityOption = false;

    friend bool operator==(const TenantOptions &a, const TenantOptions &b)
    {
        return a.securityOption == b.securityOption;
    }
    friend bool operator!=(const TenantOptions &a, const TenantOptions &b) { return !(a == b); }
};

// A customer company.
struct Tenant
{
    QString id;   // UUID
    QString slug; // validateTenantSlug
    QString name; // validateTenantName
    Plan plan = Plan::Free;
    TenantOptions options;
    QDateTime createdAt; // UTC

    friend bool operator==(const Tenant &a, const Tenant &b)
    {
        return a.id == b.id && a.slug == b.slug && a.name == b.name && a.plan == b.plan &&
               a.options == b.options && a.createdAt == b.createdAt;
    }
    friend bool operator!=(const Tenant &a, const Tenant &b) { return !(a == b); }
};

QJsonObject toJson(const TenantOptions &options); // {"securityOption": bool}
Result<TenantOptions> tenantOptionsFromJson(const QJsonObject &object);

// {"id","slug","name","plan","options","createdAt"}
QJsonObject toJson(const Tenant &tenant);
Result<Tenant> tenantFromJson(const QJsonObject &object);

} // namespace engage::api
