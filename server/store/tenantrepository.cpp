#include "tenantrepository.h"

#include "api/id.h"
#include "keyring.h"
#include "operationlog.h"
#include "sqlerrors.h"
#include "transaction.h"

#include <QSqlError>
#include <QSqlQuery>

namespace engage::server::store {

TenantRepository::TenantRepository(QSqlDatabase database, Keyring &keyring)
    : m_database(std::move(database))
    , m_keyring(keyring)
{}

StoreResult<StoredTenant> TenantRepository::create(const NewTenant &tenant)
{
    StoredTenant stored;
    stored.tenant.id = api::createId();
    stored.tenant.slug = tenant.slug;
    stored.tenant.name = tenant.name;
    stored.tenant.plan = tenant.plan;
    stored.tenant.options.securityOption = tenant.securityOption;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    stored.tenant.createdAt = QDateTime::fromMSecsSinceEpoch(now, Qt::UTC);
    stored.locale = tenant.locale;

    Transaction transaction(m_database);
    if (!transaction.isActive())
        return databaseError(QStringLiteral("creating a tenant"), transaction.error());
    QSqlQuery insert(m_database);
    insert.prepare(QStringLiteral(
        "INSERT INTO tenants (id, slug, name, plan, security_option, locale, created_at) "
        "VALUES (:id, :slug, :name, :plan, :security, :locale, :now)"));
    insert.bindValue(QStringLiteral(":id"), stored.tenant.id);
    insert.bindValue(QStringLiteral(":slug"), tenant.slug);
    insert.bindValue(QStringLiteral(":name"), tenant.name);
    insert.bindValue(QStringLiteral(":plan"), api::planName(tenant.plan));
    insert.bindValue(QStringLiteral(":security"), tenant.securityOption ? 1 : 0);
    insert.bindValue(QStringLiteral(":locale"), tenant.locale);
    insert.bindValue(QStringLiteral(":now"), now);
    if (!insert.exec()) {
        // PostgreSQL: end the aborted transaction before the statement is freed.
        transaction.rollback();
        if (isUniqueViolation(insert.lastError()))
            return StoreError{StoreErrorKind::SlugTaken, QStringLiteral("the slug is taken")};
        return databaseError(QStringLiteral("creating a tenant"), insert.lastError().text());
    }
    const TenantScope scope(stored.tenant.id); // the tenant we just made
    const StoreStatus keyed = m_keyring.createFirstKey(scope, m_database);
    if (!keyed)
        return keyed.error();
    const StoreStatus logged = OperationLog::record(
        scope, m_database,
        OperationEntry{QString(), QString(), QStringLiteral("tenant"), stored.tenant.id,
                       QStringLiteral("create"), QStringLiteral("tenant and data key created"),
                       stored.tenant.createdAt});
    if (!logged)
        return logged.error();
    const StoreStatus committed = transaction.commit();
    if (!committed)
        return committed.error();
    return stored;
}

StoreResult<StoredTenant> TenantRepository::readOne(const QString &column, const QString &value)
{
    QSqlQuery query(m_database);
    query.prepare(QStringLiteral("SELECT id, slug, name, plan, security_option, locale, "
                                 "created_at FROM tenants WHERE ") +
                  column + QStringLiteral(" = :value"));
    query.bindValue(QStringLiteral(":value"), value);
    if (!query.exec())
        return databaseError(QStringLiteral("reading a tenant"), query.lastError().text());
    if (!query.next())
        return StoreError{StoreErrorKind::NotFound, QStringLiteral("no such tenant")};
    StoredTenant stored;
    stored.tenant.id = query.value(0).toString();
    stored.tenant.slug = query.value(1).toString();
    stored.tenant.name = query.value(2).toString();
    const auto plan = api::planFromName(query.value(3).toString());
    if (!plan)
        return databaseError(QStringLiteral("reading a tenant"), QStringLiteral("unknown plan"));
    stored.tenant.plan = *plan;
    stored.tenant.options.securityOption = query.value(4).toInt() != 0;
    stored.locale = query.value(5).toString();
    stored.tenant.createdAt = QDateTime::fromMSecsSinceEpoch(query.value(6).toLongLong(), Qt::UTC);
    return stored;
}

StoreResult<StoredTenant> TenantRepository::findBySlug(QStringView slug)
{
    return readOne(QStringLiteral("slug"), slug.toString());
}

StoreResult<StoredTenant> TenantRepository::get(const TenantScope &scope)
{
    return readOne(QStringLiteral("id"), scope.tenantId());
}

} // namespace engage::server::store
