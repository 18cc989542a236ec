#include "personrepository.h"

#include "api/id.h"
#include "crypto/blindindex.h"
#include "keyring.h"
#include "rowsupport.h"
#include "scopedquery.h"
#include "sessionrepository.h"
#include "sqlerrors.h"
#include "transaction.h"

namespace engage::server::store {

namespace {

const QString kTable = QStringLiteral("people");
const QString kEmailColumn = QStringLiteral("email");
const QString kNameColumn = QStringLiteral("display_name");

const QString kColumns = QStringLiteral(
    "id, email_sealed, display_name_sealed, key_version, role, status, password_hash, "
    "must_change_password, created_at, updated_at, last_sign_in_at, revision");

struct SealedPerson
{
    QByteArray email;
    QByteArray displayName;
    QString emailIndex;
    int keyVersion = 0;
};

SealedPerson sealPerson(const TenantScope &scope, const TenantKey &key, const QString &id,
                        const QString &email, const QString &displayName)
{
    const rows::RowSealer sealer(scope, key, kTable, id);
    SealedPerson sealed;
    sealed.keyVersion = key.version;
    sealed.email = sealer.seal(kEmailColumn, email);
    sealed.displayName = sealer.seal(kNameColumn, displayName);
    sealed.emailIndex = crypto::blindIndex(key.indexKey, crypto::normalizedEmail(email));
    return sealed;
}

StoreError notFound()
{
    return StoreError{StoreErrorKind::NotFound, QStringLiteral("no such person")};
}

// Cursor: "created_at_ms:id", opaque to clients.
QString encodeCursor(qint64 createdAt, const QString &id)
{
    return rows::encodeCursor(QByteArray::number(createdAt) + ':' + id.toUtf8());
}

std::optional<std::pair<qint64, QString>> decodeCursor(const QString &cursor)
{
    const auto plain = rows::decodeCursor(cursor);
    if (!plain)
        return std::nullopt;
    const qsizetype colon = plain->indexOf(':');
    bool ok = false;
    const qint64 createdAt = colon > 0 ? plain->left(colon).toLongLong(&ok) : 0;
    if (!ok)
        return std::nullopt;
    return std::make_pair(createdAt, QString::fromUtf8(plain->mid(colon + 1)));
}

} // namespace

PersonRepository::PersonRepository(QSqlDatabase database, Keyring &keyring)
    : m_database(std::move(database))
    , m_keyring(keyring)
{}

StoreResult<StoredPerson> PersonRepository::create(const TenantScope &scope,
                                                   const NewPerson &person)
{
    const auto key = m_keyring.current(scope, m_database);
    if (!key)
        return key.error();
    const QString id = person.id.isEmpty() ? api::createId() : person.id;
    const SealedPerson sealed =
        sealPerson(scope, *key.value(), id, person.email, person.displayName);
    const qint64 now = rows::nowMsecs();

    Transaction transaction(m_database);
    if (!transaction.isActive())
        return databaseError(QStringLiteral("creating a person"), transaction.error());
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral(
        "INSERT INTO people (id, tenant_id, email_sealed, email_index, display_name_sealed, "
        "key_version, role, status, password_hash, must_change_password, created_at, "
        "updated_at, revision) VALUES (:id, :tenant_id, :email, :email_index, :name, "
        ":key_version, :role, :status, :password_hash, :must_change, :now, :now2, 1)"));
    query.bindValue(QStringLiteral(":id"), id);
    query.bindValue(QStringLiteral(":email"), sealed.email);
    query.bindValue(QStringLiteral(":email_index"), sealed.emailIndex);
    query.bindValue(QStringLiteral(":name"), sealed.displayName);
    query.bindValue(QStringLiteral(":key_version"), sealed.keyVersion);
    query.bindValue(QStringLiteral(":role"), api::roleName(person.role));
    query.bindValue(QStringLiteral(":status"), api::personStatusName(api::PersonStatus::Active));
    query.bindValue(QStringLiteral(":password_hash"), person.passwordHash);
    query.bindValue(QStringLiteral(":must_change"), person.mustChangePassword ? 1 : 0);
    query.bindValue(QStringLiteral(":now"), now);
    query.bindValue(QStringLiteral(":now2"), now);
    if (!query.exec()) {
        // PostgreSQL: end the aborted transaction before the statement is freed.
        transaction.rollback();
        if (isUniqueViolation(query))
            return StoreError{StoreErrorKind::EmailTaken,
                              QStringLiteral("another person of the tenant has this e-mail")};
        return databaseError(QStringLiteral("creating a person"), query.errorText());
    }
    const StoreStatus committed = transaction.commit();
    if (!committed)
        return committed.error();

    StoredPerson stored;
    stored.person.id = id;
    stored.person.email = person.email;
    stored.person.displayName = person.displayName;
    stored.person.role = person.role;
    stored.person.status = api::PersonStatus::Active;
    stored.person.mustChangePassword = person.mustChangePassword;
    stored.person.createdAt = QDateTime::fromMSecsSinceEpoch(now, Qt::UTC);
    stored.revision = 1;
    stored.passwordHash = person.passwordHash;
    stored.updatedAt = stored.person.createdAt;
    return stored;
}

StoreResult<StoredPerson> PersonRepository::readRow(const TenantScope &scope,
                                                    const QString &whereSuffix,
                                                    const QString &placeholder,
                                                    const QVariant &value)
{
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral("SELECT ") + kColumns +
                  QStringLiteral(" FROM people WHERE tenant_id = :tenant_id AND ") + whereSuffix +
                  QStringLiteral(" AND deleted_at IS NULL"));
    query.bindValue(placeholder, value);
    if (!query.exec())
        return databaseError(QStringLiteral("reading a person"), query.errorText());
    if (!query.next())
        return notFound();

    const QString id = query.value(0).toString();
    const int keyVersion = query.value(3).toInt();
    const QByteArray emailSealed = query.value(1).toByteArray();
    const QByteArray nameSealed = query.value(2).toByteArray();
    StoredPerson stored;
    stored.person.id = id;
    const auto role = api::roleFromName(query.value(4).toString());
    const auto status = api::personStatusFromName(query.value(5).toString());
    if (!role || !status)
        return databaseError(QStringLiteral("reading a person"),
                             QStringLiteral("unknown role or status in row %1").arg(id));
    stored.person.role = *role;
    stored.person.status = *status;
    stored.passwordHash = query.value(6).toString();
    stored.person.mustChangePassword = query.value(7).toInt() != 0;
    stored.person.createdAt = rows::fromMsecs(query.value(8));
    stored.updatedAt = rows::fromMsecs(query.value(9));
    if (!query.value(10).isNull())
        stored.person.lastSignInAt = rows::fromMsecs(query.value(10));
    stored.revision = query.value(11).toLongLong();
    query.finish();

    const auto key = m_keyring.version(scope, m_database, keyVersion);
    if (!key)
        return key.error();
    const rows::RowSealer sealer(scope, *key.value(), kTable, id);
    const auto email = sealer.open(kEmailColumn, emailSealed);
    const auto name = sealer.open(kNameColumn, nameSealed);
    if (!email || !name)
        return StoreError{StoreErrorKind::Crypto,
                          QStringLiteral("person %1 does not open under its tenant key").arg(id)};
    stored.person.email = *email;
    stored.person.displayName = *name;
    return stored;
}

StoreResult<StoredPerson> PersonRepository::get(const TenantScope &scope, const QString &id)
{
    return readRow(scope, QStringLiteral("id = :id"), QStringLiteral(":id"), id);
}

StoreResult<StoredPerson> PersonRepository::findByEmail(const TenantScope &scope,
                                                        const QString &email)
{
    const auto key = m_keyring.current(scope, m_database);
    if (!key)
        return key.error();
    // Only key version 1 exists today. Key rotation, when it comes, must keep
    // one index key per tenant (or re-index every row): an index computed
    // under the new version would not find rows indexed under the old one.
    const QString index = crypto::blindIndex(key.value()->indexKey, crypto::normalizedEmail(email));
    return readRow(scope, QStringLiteral("email_index = :email_index"),
                   QStringLiteral(":email_index"), index);
}

StoreResult<PersonPage> PersonRepository::list(const TenantScope &scope,
                                               const std::optional<QString> &cursor, int limit)
{
    limit = std::clamp(limit, 1, 1000);
    std::optional<std::pair<qint64, QString>> after;
    if (cursor) {
        after = decodeCursor(*cursor);
        if (!after)
            return StoreError{StoreErrorKind::NotFound, QStringLiteral("unreadable cursor")};
    }
    // Keyset: (created_at, id) > (after) spelled without OR (ScopedQuery
    // refuses OR) and without row values (not in every engine we target).
    ScopedQuery query(scope, m_database);
    query.prepare(
        QStringLiteral("SELECT id, created_at FROM people WHERE tenant_id = :tenant_id AND "
                       "deleted_at IS NULL") +
        (after ? QStringLiteral(" AND created_at >= :after_at AND NOT (created_at = :after_at2 "
                                "AND id <= :after_id)")
               : QString()) +
        QStringLiteral(" ORDER BY created_at, id LIMIT :limit"));
    if (after) {
        query.bindValue(QStringLiteral(":after_at"), after->first);
        query.bindValue(QStringLiteral(":after_at2"), after->first);
        query.bindValue(QStringLiteral(":after_id"), after->second);
    }
    query.bindValue(QStringLiteral(":limit"), limit + 1);
    if (!query.exec())
        return databaseError(QStringLiteral("listing people"), query.errorText());
    QStringList ids;
    while (query.next())
        ids.append(query.value(0).toString());
    query.finish();

    PersonPage page;
    const bool more = ids.size() > limit;
    if (more)
        ids.removeLast();
    for (const QString &id : std::as_const(ids)) {
        auto person = get(scope, id);
        if (!person) {
            if (person.errorKind() == StoreErrorKind::NotFound)
                continue; // deleted between the two reads
            return person.error();
        }
        page.items.append(person.value());
    }
    if (more && !page.items.isEmpty()) {
        const StoredPerson &last = page.items.constLast();
        page.nextCursor = encodeCursor(last.person.createdAt.toMSecsSinceEpoch(), last.person.id);
    }
    return page;
}

StoreResult<StoredPerson> PersonRepository::update(const TenantScope &scope, const QString &id,
                                                   qint64 expectedRevision,
                                                   const PersonChanges &changes)
{
    Transaction transaction(m_database);
    if (!transaction.isActive())
        return databaseError(QStringLiteral("updating a person"), transaction.error());
    auto current = get(scope, id);
    if (!current)
        return current.error();
    StoredPerson next = current.value();
    if (next.revision != expectedRevision)
        return StoreError{StoreErrorKind::Conflict, QStringLiteral("the person changed")};
    if (changes.email)
        next.person.email = *changes.email;
    if (changes.displayName)
        next.person.displayName = *changes.displayName;
    if (changes.role)
        next.person.role = *changes.role;
    if (changes.status)
        next.person.status = *changes.status;

    // Both columns are sealed again under the current key version: the row
    // has one key_version for all its sealed values.
    const auto key = m_keyring.current(scope, m_database);
    if (!key)
        return key.error();
    const SealedPerson sealed =
        sealPerson(scope, *key.value(), id, next.person.email, next.person.displayName);
    const qint64 now = rows::nowMsecs();
    ScopedQuery query(scope, m_database);
    query.prepare(
        QStringLiteral("UPDATE people SET email_sealed = :email, email_index = :email_index, "
                       "display_name_sealed = :name, key_version = :key_version, role = :role, "
                       "status = :status, updated_at = :now, revision = revision + 1 "
                       "WHERE tenant_id = :tenant_id AND id = :id AND revision = :revision "
                       "AND deleted_at IS NULL"));
    query.bindValue(QStringLiteral(":email"), sealed.email);
    query.bindValue(QStringLiteral(":email_index"), sealed.emailIndex);
    query.bindValue(QStringLiteral(":name"), sealed.displayName);
    query.bindValue(QStringLiteral(":key_version"), sealed.keyVersion);
    query.bindValue(QStringLiteral(":role"), api::roleName(next.person.role));
    query.bindValue(QStringLiteral(":status"), api::personStatusName(next.person.status));
    query.bindValue(QStringLiteral(":now"), now);
    query.bindValue(QStringLiteral(":id"), id);
    query.bindValue(QStringLiteral(":revision"), expectedRevision);
    if (!query.exec()) {
        // PostgreSQL: end the aborted transaction before the statement is freed.
        transaction.rollback();
        if (isUniqueViolation(query))
            return StoreError{StoreErrorKind::EmailTaken,
                              QStringLiteral("another person of the tenant has this e-mail")};
        return databaseError(QStringLiteral("updating a person"), query.errorText());
    }
    if (query.numRowsAffected() != 1)
        return StoreError{StoreErrorKind::Conflict, QStringLiteral("the person changed")};
    const StoreStatus committed = transaction.commit();
    if (!committed)
        return committed.error();
    // Role and status decide what the person's tokens may do.
    CredentialChanges::mark(scope.tenantId());
    next.revision = expectedRevision + 1;
    next.updatedAt = QDateTime::fromMSecsSinceEpoch(now, Qt::UTC);
    return next;
}

StoreStatus PersonRepository::remove(const TenantScope &scope, const QString &id,
                                     qint64 expectedRevision)
{
    const auto marked = rows::markDeleted(scope, m_database, QStringLiteral("people"),
                                          QStringLiteral("email_index"), id, expectedRevision,
                                          rows::nowMsecs(), QStringLiteral("deleting a person"));
    if (!marked)
        return marked.error();
    if (marked.value()) {
        CredentialChanges::mark(scope.tenantId());
        return Done{};
    }
    // Missing (or another tenant's) and stale answer differently.
    const auto current = get(scope, id);
    if (!current)
        return current.error();
    return StoreError{StoreErrorKind::Conflict, QStringLiteral("the person changed")};
}

StoreStatus PersonRepository::touch(const TenantScope &scope, const QString &id,
                                    const QString &assignments, const QVariantMap &values)
{
    ScopedQuery query(scope, m_database);
    query.prepare(
        QStringLiteral("UPDATE people SET ") + assignments +
        QStringLiteral(" WHERE tenant_id = :tenant_id AND id = :id AND deleted_at IS NULL"));
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        query.bindValue(it.key(), it.value());
    query.bindValue(QStringLiteral(":id"), id);
    if (!query.exec())
        return databaseError(QStringLiteral("updating a person"), query.errorText());
    if (query.numRowsAffected() != 1)
        return notFound();
    // The password, whether it must change, and the last sign-in are part of
    // what a token stands for (GET /api/v1/me shows the last two).
    CredentialChanges::mark(scope.tenantId());
    return Done{};
}

StoreStatus PersonRepository::setPassword(const TenantScope &scope, const QString &id,
                                          const QString &passwordHash, bool mustChangePassword)
{
    return touch(scope, id,
                 QStringLiteral("password_hash = :hash, must_change_password = :must_change, "
                                "updated_at = :now"),
                 {{QStringLiteral(":hash"), passwordHash},
                  {QStringLiteral(":must_change"), mustChangePassword ? 1 : 0},
                  {QStringLiteral(":now"), rows::nowMsecs()}});
}

StoreStatus PersonRepository::recordSignIn(const TenantScope &scope, const QString &id,
                                           const QDateTime &at)
{
    return touch(scope, id, QStringLiteral("last_sign_in_at = :at"),
                 {{QStringLiteral(":at"), at.toMSecsSinceEpoch()}});
}

} // namespace engage::server::store
