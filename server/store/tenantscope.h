#pragma once

#include <QString>

namespace engage::server::store {

// The tenant a piece of work is for. Only code that has verified who is asking
// builds one: the auth layer from a verified session token (the token row says
// its tenant), sign-in from the tenant it looked up by slug, the tenant
// repository for a tenant it just created, and start-up jobs (demo seed).
// Handlers never build one from a URL, a query string or a body: that is how a
// caller would reach another tenant's rows. Repositories take it as their first
// argument, and ScopedQuery binds it into every statement.
class TenantScope final
{
public:
    explicit TenantScope(QString tenantId)
        : m_tenantId(std::move(tenantId))
    {}

    const QString &tenantId() const { return m_tenantId; }

private:
    QString m_tenantId;
};

} // namespace engage::server::store
