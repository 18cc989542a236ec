#include "memberpurge.h"

#include "memberrepository.h"
#include "operationlog.h"
#include "pulserepository.h"
#include "scopedquery.h"
#include "transaction.h"

#include <QList>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <utility>

namespace engage::server::store {

MemberPurge::MemberPurge(QSqlDatabase database, Keyring &keyring)
    : m_database(std::move(database))
    , m_keyring(keyring)
{}

StoreStatus MemberPurge::forgetTargets(const TenantScope &scope, const QDateTime &deletedBefore)
{
    // The same members purgeDeleted removes, read first: their pulse targets
    // must not keep ids that point nowhere (their answers stay, anonymous).
    QStringList memberIds;
    {
        ScopedQuery query(scope, m_database);
        query.prepare(QStringLiteral("SELECT id FROM members WHERE tenant_id = :tenant_id AND "
                                     "deleted_at IS NOT NULL AND deleted_at < :before"));
        query.bindValue(QStringLiteral(":before"), deletedBefore.toMSecsSinceEpoch());
        if (!query.exec())
            return databaseError(QStringLiteral("listing members to purge"), query.errorText());
        while (query.next())
            memberIds.append(query.value(0).toString());
    }
    PulseRepository pulses(m_database, m_keyring);
    for (const QString &memberId : std::as_const(memberIds)) {
        if (const StoreStatus forgotten = pulses.forgetMember(scope, memberId); !forgotten)
            return forgotten;
    }
    return Done{};
}

StoreResult<int> MemberPurge::run(const QDateTime &now)
{
    // The tenants table is the root of every scope (no tenant_id column):
    // read unscoped, like TenantRepository does.
    QList<std::pair<QString, int>> tenants;
    {
        QSqlQuery query(m_database);
        if (!query.exec(QStringLiteral("SELECT id, member_retention_days FROM tenants")))
            return databaseError(QStringLiteral("listing tenants"), query.lastError().text());
        while (query.next())
            tenants.append({query.value(0).toString(), query.value(1).toInt()});
    }
    int total = 0;
    for (const auto &[tenantId, retentionDays] : std::as_const(tenants)) {
        const TenantScope scope(tenantId); // a start-up job: every tenant, each on its own
        Transaction transaction(m_database);
        if (!transaction.isActive())
            return databaseError(QStringLiteral("purging members"), transaction.error());
        const QDateTime deletedBefore = now.addDays(-retentionDays);
        if (const StoreStatus forgotten = forgetTargets(scope, deletedBefore); !forgotten)
            return forgotten.error();
        const auto purged =
            MemberRepository(m_database, m_keyring).purgeDeleted(scope, deletedBefore);
        if (!purged)
            return purged.error();
        if (purged.value() == 0)
            continue; // nothing to record; the transaction rolls back empty
        const StoreStatus logged = OperationLog::record(
            scope, m_database,
            OperationEntry{QString(), QString(), QStringLiteral("tenant"), tenantId,
                           QStringLiteral("member.purge"),
                           QStringLiteral("%1 deleted members purged after %2 days")
                               .arg(purged.value())
                               .arg(retentionDays),
                           now});
        if (!logged)
            return logged.error();
        const StoreStatus committed = transaction.commit();
        if (!committed)
            return committed.error();
        total += purged.value();
    }
    return total;
}

} // namespace engage::server::store
