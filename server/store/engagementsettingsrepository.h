#pragma once

#include "api/dashboard.h"
#include "storeresult.h"
#include "tenantscope.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace engage::server::store {

class Keyring;

// The tenant's dashboard settings and benchmarks (engagement_settings; no
// row: the defaults, revision 0). Updates are optimistic (Conflict when
// `expectedRevision` is not the stored one; 0 matches the defaults).
class EngagementSettingsRepository final
{
public:
    explicit EngagementSettingsRepository(QSqlDatabase database);

    StoreResult<api::EngagementSettings> settings(const TenantScope &scope);
    StoreResult<api::EngagementSettings> updateSettings(const TenantScope &scope,
                                                        qint64 expectedRevision,
                                                        const api::EngagementSettings &settings);
    StoreResult<api::BenchmarkSet> benchmarks(const TenantScope &scope);
    StoreResult<api::BenchmarkSet> updateBenchmarks(const TenantScope &scope,
                                                    qint64 expectedRevision,
                                                    const api::BenchmarkSet &benchmarks);

private:
    QSqlDatabase m_database;
};

// Memos on the trend, text sealed under the tenant's key. `viewerId` sees
// the shared memos and their own; another's private memo is NotFound, like
// a missing one.
class MemoRepository final
{
public:
    MemoRepository(QSqlDatabase database, Keyring &keyring);

    StoreResult<api::Memo> create(const TenantScope &scope, const QString &authorId,
                                  const api::MemoFields &fields, const QDateTime &at);
    StoreResult<QList<api::Memo>> list(const TenantScope &scope, const QString &viewerId,
                                       const QDate &from, const QDate &to);
    StoreResult<api::Memo> get(const TenantScope &scope, const QString &viewerId,
                               const QString &id);
    // The author only (another's memo: NotFound); Conflict on a stale revision.
    StoreResult<api::Memo> update(const TenantScope &scope, const QString &authorId,
                                  const QString &id, qint64 expectedRevision,
                                  const api::MemoFields &fields, const QDateTime &at);
    StoreStatus remove(const TenantScope &scope, const QString &authorId, const QString &id,
                       qint64 expectedRevision, const QDateTime &at);

private:
    QSqlDatabase m_database;
    Keyring &m_keyring;
};

} // namespace engage::server::store
