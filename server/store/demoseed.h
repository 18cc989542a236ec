#pragma once

#include "storeresult.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace engage::server::store {

class Keyring;

// What the announcement prints for one demo tenant.
struct DemoCredentials
{
    QString slug;
    QString name;
    QString adminEmail;
    QString adminPassword;
};

// The --demo data: a Japanese company (sakura-foods, locale ja) and a small
// English-speaking one (northwind, locale en), each with an owner and a few
// admins, managers and viewers named in the tenant's language. Which names and
// roles come out is fixed by the seed; the owners' passwords are random
// (crypto::generatedPassword), stored sealed in demo_credentials so that every
// later start prints the same ones. Demo owners need not change their password,
// so the printed one keeps working.
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

    QSqlDatabase m_database;
    Keyring &m_keyring;
    quint64 m_seed;
};

} // namespace engage::server::store
