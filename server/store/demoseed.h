#pragma once

#include "storeresult.h"
#include "tenantscope.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace engage::server::store {

class Keyring;

// What the announcement prints for one demo tenant (the manager's
// credentials are kept too, for whoever wants to sign in as a scoped manager).
struct DemoCredentials
{
    QString slug;
    QString name;
    QString adminEmail;
    QString adminPassword;
    QString managerEmail;
    QString managerPassword;
};

// The --demo data: a Japanese company (sakura-foods, locale ja) and a small
// English-speaking one (northwind, locale en), each with an owner and a few
// admins, managers and viewers named in the tenant's language, and its
// organisation (DemoOrganisation: groups, attributes, members). Which names,
// roles and members come out is fixed by the seed; the passwords of the owner
// and of the first manager (scoped to one department) are random
// (crypto::generatedPassword), stored sealed in demo_credentials so that every
// later start returns the same ones. Neither need change their password, so
// the printed one keeps working.
class DemoSeed final
{
public:
    static constexpr quint64 kDefaultSeed = 20240401;

    DemoSeed(QSqlDatabase database, Keyring &keyring, quint64 seed = kDefaultSeed);

    // Creates what is missing (each tenant in one transaction) and returns the
    // owners' credentials, in a fixed order.
    StoreResult<QList<DemoCredentials>> ensure();

private:
    struct Plan;
    StoreResult<DemoCredentials> ensureTenant(const Plan &plan);
    StoreResult<DemoCredentials> create(const Plan &plan);
    StoreResult<DemoCredentials> readBack(const QString &tenantId, const QString &slug,
                                          const QString &name);
    StoreStatus keepPassword(const TenantScope &scope, const QString &personId,
                             const QString &password);

    QSqlDatabase m_database;
    Keyring &m_keyring;
    quint64 m_seed;
};

} // namespace engage::server::store
