#pragma once

#include "tenantscope.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

namespace engage::server::store {

// The one way tenant rows are read or written: a QSqlQuery that binds
// :tenant_id from the scope itself and refuses SQL that could reach past it.
//
// Accepted text: SELECT, UPDATE and DELETE must say `WHERE [alias.]tenant_id =
// :tenant_id` as the first condition of their WHERE clause; INSERT must bind
// `:tenant_id`; every subquery has its own such WHERE. Joined tables are
// reached only through the scoped table's columns (ON j.id = t.j_id).
// Refused (logged, and prepare() returns false): text without that, text with
// OR (which could widen the predicate; use IN), more than one statement, or a
// caller's own binding of :tenant_id. The check is lexical and on purpose
// strict: repositories are written to fit it.
class ScopedQuery final
{
public:
    ScopedQuery(const TenantScope &scope, const QSqlDatabase &database);

    // Whether `sql` passes the check above; `reason` says why not.
    static bool isScoped(const QString &sql, QString *reason = nullptr);

    // Before prepare(), for long scans read once in order: the driver then
    // keeps no rows behind the current one.
    void setForwardOnly(bool forward) { m_query.setForwardOnly(forward); }
    bool prepare(const QString &sql);
    void bindValue(const QString &placeholder, const QVariant &value);
    bool exec();

    bool next() { return m_query.next(); }
    QVariant value(int index) const { return m_query.value(index); }
    QVariant value(const QString &name) const { return m_query.value(name); }
    int numRowsAffected() const { return m_query.numRowsAffected(); }
    void finish() { m_query.finish(); }
    // The database's error, or the refusal.
    QString errorText() const;
    bool wasRefused() const { return m_refused; }
    QSqlError lastError() const { return m_query.lastError(); }

private:
    QString m_tenantId;
    QSqlQuery m_query;
    bool m_prepared = false;
    bool m_refused = false;
    QString m_refusal;
};

} // namespace engage::server::store
