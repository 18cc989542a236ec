#pragma once

#include "scopedquery.h"
#include "tenantscope.h"

#include <QHash>
#include <QObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <memory>
#include <utility>

namespace engage::server::store {

// Statements prepared once per connection and kept with it, for the paths
// that run the same few statements thousands of times a second (the
// respondent page's submissions): when every call prepared its SQL again,
// SQLite's parsing and planning and the scope check were a third of a
// submission's time.
//
// A child of the connection's driver, so that its statements go with the
// connection; used only on the connection's thread, like the connection.
class PreparedStatements final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreparedStatements)
public:
    // A statement in use. Reset when it goes (a SELECT read in part would
    // otherwise keep its read snapshot open on the connection until its next
    // use). Values bound stay from the previous use: bind every placeholder
    // before exec().
    template<typename Query>
    class Lease final
    {
    public:
        explicit Lease(std::shared_ptr<Query> query)
            : m_query(std::move(query))
        {}
        ~Lease()
        {
            if (m_query)
                m_query->finish();
        }
        Lease(Lease &&) noexcept = default;
        Lease(const Lease &) = delete;
        Lease &operator=(const Lease &) = delete;
        Lease &operator=(Lease &&) = delete;

        Query *operator->() const { return m_query.get(); }
        Query &operator*() const { return *m_query; }

    private:
        std::shared_ptr<Query> m_query;
    };

    // `sql` for `scope` on `connection` (checked as ScopedQuery checks it),
    // prepared on its first use there. Forward only. A statement refused or
    // failing to prepare is not kept: its exec() fails and says why. A
    // statement still leased (a caller using it twice at once) is not shared:
    // the second lease gets one of its own.
    static Lease<ScopedQuery> scoped(const QSqlDatabase &connection, const TenantScope &scope,
                                     const QString &sql);
    // `sql` without a tenant scope: only for what a secret alone finds
    // (ResponseLinkRepository::resolve).
    static Lease<QSqlQuery> unscoped(const QSqlDatabase &connection, const QString &sql);

    // How many statements are kept: a many-tenant service asks for each
    // statement once per tenant (the scope is bound when prepared).
    static constexpr int maxKept = 512;

private:
    // No QSqlDatabase kept: a copy would keep the driver, its parent, alive.
    explicit PreparedStatements(QObject *driver);
    static PreparedStatements &of(const QSqlDatabase &connection);

    template<typename Key, typename Query, typename Make>
    Lease<Query> lease(QHash<Key, std::shared_ptr<Query>> &kept, const Key &key, Make make);
    int kept() const { return int(m_scoped.size() + m_unscoped.size()); }

    QHash<std::pair<QString, QString>, std::shared_ptr<ScopedQuery>> m_scoped; // tenant id, SQL
    QHash<QString, std::shared_ptr<QSqlQuery>> m_unscoped;                     // by SQL
};

} // namespace engage::server::store
