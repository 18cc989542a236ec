#pragma once

#include "storeresult.h"
#include "tenantscope.h"

#include <QSqlDatabase>
#include <QString>

namespace engage::server::store {

class Keyring;

// The organisation of a demo tenant, made inside the caller's transaction:
// groups three levels deep, the tenant's attributes, and members with names,
// codes, e-mails (shop-floor staff often without one), dates, employment
// data and attribute values. Japanese (sakura-foods, about 1,200 members in
// 25 groups) or English (northwind, about 80 in 6). Deterministic for a seed:
// every date is counted from a fixed day, not from today.
struct DemoOrganisation
{
    enum class Language
    {
        Japanese,
        English,
    };

    int groups = 0;
    int members = 0;
    int attributes = 0;
    QString managedGroupId; // the department the demo manager is scoped to

    static StoreResult<DemoOrganisation> create(const TenantScope &scope, QSqlDatabase database,
                                                Keyring &keyring, Language language, quint64 seed);
};

} // namespace engage::server::store
