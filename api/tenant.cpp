#include "tenant.h"

#include "objectreader.h"
#include "timestamp.h"
#include "validators.h"

namespace engage::api {

namespace {

constexpr QLatin1String kSecurityOption("securityOption");
constexpr QLatin1String kId("id");
constexpr QLatin1String kSlug("slug");
constexpr QLatin1String kName("name");
constexpr QLatin1String kPlan("plan");
constexpr QLatin1String kOptions("options");
constexpr QLatin1String kCreatedAt("createdAt");

} // namespace

QJsonObject toJson(const TenantOptions &options)
{
    QJsonObject object;
    object.insert(kSecurityOption, options.securityOption);
    return object;
}

Result<TenantOptions> tenantOptionsFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    TenantOptions options;
    options.securityOption = reader.boolean(kSecurityOption);
    if (auto error = reader.finish())
        return *error;
    return options;
}

QJsonObject toJson(const Tenant &tenant)
{
    QJsonObject object;
    object.insert(kId, tenant.id);
    object.insert(kSlug, tenant.slug);
    object.insert(kName, tenant.name);
    object.insert(kPlan, planName(tenant.plan));
    object.insert(kOptions, toJson(tenant.options));
    object.insert(kCreatedAt, formatDateTime(tenant.createdAt));
    return object;
}

Result<Tenant> tenantFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    Tenant tenant;
    tenant.id = reader.string(kId, validateId);
    tenant.slug = reader.string(kSlug, validateTenantSlug);
    tenant.name = reader.string(kName, validateTenantName);
    tenant.plan = reader.enumeration(kPlan, planFromName, planNames);
    tenant.options = reader.object(kOptions, tenantOptionsFromJson);
    tenant.createdAt = reader.dateTime(kCreatedAt);
    if (auto error = reader.finish())
        return *error;
    return tenant;
}

} // namespace engage::api
