#include "preparedstatements.h"

#include <QSqlDriver>
#include <utility>

namespace engage::server::store {

PreparedStatements::PreparedStatements(QObject *driver)
    : QObject(driver)
{}

PreparedStatements &PreparedStatements::of(const QSqlDatabase &connection)
{
    QSqlDriver *const driver = connection.driver();
    auto *kept = driver->findChild<PreparedStatements *>(QString(), Qt::FindDirectChildrenOnly);
    return kept ? *kept : *new PreparedStatements(driver);
}

template<typename Key, typename Query, typename Make>
PreparedStatements::Lease<Query> PreparedStatements::lease(QHash<Key, std::shared_ptr<Query>> &kept,
                                                           const Key &key, Make make)
{
    const auto found = kept.constFind(key);
    // One the caller still holds is in the middle of its rows.
    if (found != kept.cend() && found.value().use_count() == 1)
        return Lease<Query>(found.value());
    bool prepared = false;
    std::shared_ptr<Query> query = make(&prepared);
    if (!prepared || found != kept.cend())
        return Lease<Query>(std::move(query));
    if (this->kept() >= maxKept) {
        // Those not in use go; the busiest come back on their next use.
        const auto idle = [](const auto &entry) {
            return entry.value().use_count() == 1;
        };
        m_scoped.removeIf(idle);
        m_unscoped.removeIf(idle);
    }
    kept.insert(key, query);
    return Lease<Query>(std::move(query));
}

PreparedStatements::Lease<ScopedQuery> PreparedStatements::scoped(const QSqlDatabase &connection,
                                                                  const TenantScope &scope,
                                                                  const QString &sql)
{
    PreparedStatements &statements = of(connection);
    return statements.lease(statements.m_scoped, std::make_pair(scope.tenantId(), sql),
                            [&](bool *prepared) {
                                auto query = std::make_shared<ScopedQuery>(scope, connection);
                                query->setForwardOnly(true);
                                *prepared = query->prepare(sql);
                                return query;
                            });
}

PreparedStatements::Lease<QSqlQuery> PreparedStatements::unscoped(const QSqlDatabase &connection,
                                                                  const QString &sql)
{
    PreparedStatements &statements = of(connection);
    return statements.lease(statements.m_unscoped, sql, [&](bool *prepared) {
        auto query = std::make_shared<QSqlQuery>(connection);
        query->setForwardOnly(true);
        *prepared = query->prepare(sql);
        return query;
    });
}

} // namespace engage::server::store
