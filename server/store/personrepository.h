#pragma once

#include "api/person.h"
#include "api/role.h"
#include "storeresult.h"
#include "tenantscope.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace engage::server::store {

class Keyring;

// A person as the store holds it: the wire type plus what never goes on the
// wire (revision for ETags, the password hash for sign-in).
struct StoredPerson
{
    api::Person person;
    qint64 revision = 0;
    QString passwordHash;
    QDateTime updatedAt;
};

struct NewPerson
{
    QString id; // empty: a new random id
    QString email;
    QString displayName;
    api::Role role = api::Role::Viewer;
    QString passwordHash; // encoded Argon2id (crypto::hashPassword)
    bool mustChangePassword = true;
};

// Fields an edit may change; absent ones stay.
struct PersonChanges
{
    std::optional<QString> email;
    std::optional<QString> displayName;
    std::optional<api::Role> role;
    std::optional<api::PersonStatus> status;
};

struct PersonPage
{
    QList<StoredPerson> items;
    std::optional<QString> nextCursor; // opaque; absent on the last page
};

// People of a tenant. Names and e-mails are sealed under the tenant's data key
// (associated data: tenant, "people", column, row id, key version); the e-mail
// is found through its keyed blind index, which is also what makes it unique
// per tenant. Deleting is logical: the row (and its id, for traceability)
// stays, sign-in and listings no longer see it. Every method joins the
// caller's Transaction if one is open, so an OperationLog row can commit with it.
class PersonRepository final
{
public:
    PersonRepository(QSqlDatabase database, Keyring &keyring);

    // EmailTaken when another live person of the tenant has the e-mail.
    StoreResult<StoredPerson> create(const TenantScope &scope, const NewPerson &person);
    // NotFound for a missing, deleted or other tenant's id alike.
    StoreResult<StoredPerson> get(const TenantScope &scope, const QString &id);
    // By e-mail (case-insensitive as crypto::normalizedEmail says).
    StoreResult<StoredPerson> findByEmail(const TenantScope &scope, const QString &email);
    // Oldest first by (created_at, id); `cursor` from a previous page.
    StoreResult<PersonPage> list(const TenantScope &scope, const std::optional<QString> &cursor,
                                 int limit);
    // Conflict when `expectedRevision` is not the stored one; the revision grows by one.
    StoreResult<StoredPerson> update(const TenantScope &scope, const QString &id,
                                     qint64 expectedRevision, const PersonChanges &changes);
    // Logical delete, with the same revision check; frees the e-mail for reuse.
    StoreStatus remove(const TenantScope &scope, const QString &id, qint64 expectedRevision);
    // For sign-in and password changes (no revision check: not an admin edit).
    StoreStatus setPassword(const TenantScope &scope, const QString &id,
                            const QString &passwordHash, bool mustChangePassword);
    StoreStatus recordSignIn(const TenantScope &scope, const QString &id, const QDateTime &at);

private:
    StoreResult<StoredPerson> readRow(const TenantScope &scope, const QString &whereSuffix,
                                      const QString &placeholder, const QVariant &value);
    StoreStatus touch(const TenantScope &scope, const QString &id, const QString &assignments,
                      const QVariantMap &values);

    QSqlDatabase m_database;
    Keyring &m_keyring;
};

} // namespace engage::server::store
