#pragma once

#include "store/storeresult.h"

#include <QDate>
#include <QSqlDatabase>
#include <QStringList>

namespace engage::server::store {
class Keyring;
}

namespace engage::server::engagement {

// The demo's engagement data (issue 6): for each demo tenant (store::DemoSeed)
// a year of its pulse survey ("エンゲージメント・パルス" or "Engagement
// pulse", by the tenant's language), 13 closed rounds four weeks apart, the
// newest closing three days before the seeding day, none open. In each
// company one department declines over the year (sakura-foods: 東京営業所,
// northwind: Customer Service) and one recovers after an event in the middle
// of it (製造第二ライン, Warehouse), on whose day the owner left a shared
// memo. A tenant that already has a pulse survey is left alone; each
// tenant's year is written in one transaction, so a start that dies half way
// leaves no half year behind to be left alone.
class DemoPulses final
{
public:
    static constexpr quint32 kDefaultSeed = 20240401;
    static constexpr int kRounds = 13;

    DemoPulses(QSqlDatabase database, store::Keyring &keyring, quint32 seed = kDefaultSeed);

    // The slugs of the tenants it wrote a year for (none on a second start).
    store::StoreResult<QStringList> ensure(const QDate &seedingDay);

private:
    QSqlDatabase m_database;
    store::Keyring &m_keyring;
    quint32 m_seed;
};

} // namespace engage::server::engagement
