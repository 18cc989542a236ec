#include "memberrepository.h"

#include "api/id.h"
#include "crypto/blindindex.h"
#include "keyring.h"
#include "rowsupport.h"
#include "scopedquery.h"
#include "sqlerrors.h"
#include "transaction.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <map>

namespace engage::server::store {

namespace {

const QString kTable = QStringLiteral("members");
const QString kCodeColumn = QStringLiteral("code");
const QString kEmailColumn = QStringLiteral("email");
const QString kFamilyNameColumn = QStringLiteral("family_name");
const QString kGivenNameColumn = QStringLiteral("given_name");
const QString kBirthDateColumn = QStringLiteral("birth_date");
const QString kMemoColumn = QStringLiteral("memo");

const QString kColumns = QStringLiteral(
    "id, key_version, code_sealed, email_sealed, family_name_sealed, given_name_sealed, "
    "birth_date_sealed, memo_sealed, group_id, attributes, hire_date, employment_type, grade, "
    "position, job_category, status, deliver, revision, created_at, updated_at, language");

const QString kInsertSql = QStringLiteral(
    "INSERT INTO members (id, tenant_id, key_version, code_sealed, code_index, email_sealed, "
    "email_index, family_name_sealed, given_name_sealed, birth_date_sealed, memo_sealed, "
    "group_id, attributes, hire_date, employment_type, grade, position, job_category, "
    "status, deliver, language, revision, created_at, updated_at) VALUES (:id, :tenant_id, "
    ":key_version, :code_sealed, :code_index, :email_sealed, :email_index, :family_name, "
    ":given_name, :birth_date, :memo, :group_id, :attributes, :hire_date, :employment_type, "
    ":grade, :position, :job_category, :status, :deliver, :language, 1, :created_at, "
    ":updated_at)");

const QString kUpdateSql = QStringLiteral(
    "UPDATE members SET key_version = :key_version, code_sealed = :code_sealed, "
    "code_index = :code_index, email_sealed = :email_sealed, email_index = :email_index, "
    "family_name_sealed = :family_name, given_name_sealed = :given_name, "
    "birth_date_sealed = :birth_date, memo_sealed = :memo, group_id = :group_id, "
    "attributes = :attributes, hire_date = :hire_date, employment_type = :employment_type, "
    "grade = :grade, position = :position, job_category = :job_category, status = :status, "
    "deliver = :deliver, language = :language, updated_at = :updated_at, "
    "revision = revision + 1 "
    "WHERE tenant_id = :tenant_id AND id = :id AND revision = :revision "
    "AND deleted_at IS NULL");

const QString kRemoveSql =
    QStringLiteral("UPDATE members SET deleted_at = :deleted_at, updated_at = :updated_at, "
                   "code_index = :code_index, email_index = :email_index, revision = revision + 1 "
                   "WHERE tenant_id = :tenant_id AND id = :id AND revision = :revision "
                   "AND deleted_at IS NULL");

// Employee codes are matched exactly once trimmed: "A-01" and "a-01" are two
// people in the companies we know.
QString codeIndex(const TenantKey &key, const QString &code)
{
    return crypto::blindIndex(key.indexKey, code.trimmed());
}

QString emailIndex(const TenantKey &key, const QString &email)
{
    return crypto::blindIndex(key.indexKey, crypto::normalizedEmail(email));
}

QVariant nullableBytes(const std::optional<QByteArray> &bytes)
{
    return bytes ? QVariant(*bytes) : QVariant(QMetaType(QMetaType::QByteArray));
}

QVariant nullableText(const std::optional<QString> &text)
{
    return text ? QVariant(*text) : QVariant(QMetaType(QMetaType::QString));
}

// QtSql binds a null QString as NULL; these columns are NOT NULL DEFAULT ''.
QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

QString attributesText(const api::AttributeValues &attributes)
{
    QJsonObject object;
    for (auto it = attributes.cbegin(); it != attributes.cend(); ++it)
        object.insert(it.key(), it.value());
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

api::AttributeValues attributesFromText(const QString &text)
{
    api::AttributeValues attributes;
    const QJsonObject object = QJsonDocument::fromJson(text.toUtf8()).object();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        attributes.insert(it.key(), it.value().toString());
    return attributes;
}

// What a member's row holds sealed, with its blind indexes.
struct SealedMember
{
    std::optional<QByteArray> code;
    std::optional<QString> codeIndex;
    std::optional<QByteArray> email;
    std::optional<QString> emailIndex;
    QByteArray familyName;
    QByteArray givenName;
    std::optional<QByteArray> birthDate;
    std::optional<QByteArray> memo;
    int keyVersion = 0;
};

SealedMember sealMember(const TenantScope &scope, const TenantKey &key, const QString &id,
                        const api::MemberFields &fields)
{
    const rows::RowSealer sealer(scope, key, kTable, id);
    SealedMember sealed;
    sealed.keyVersion = key.version;
    if (fields.employeeCode) {
        sealed.code = sealer.seal(kCodeColumn, *fields.employeeCode);
        sealed.codeIndex = codeIndex(key, *fields.employeeCode);
    }
    if (fields.email) {
        sealed.email = sealer.seal(kEmailColumn, *fields.email);
        sealed.emailIndex = emailIndex(key, *fields.email);
    }
    sealed.familyName = sealer.seal(kFamilyNameColumn, fields.familyName);
    sealed.givenName = sealer.seal(kGivenNameColumn, fields.givenName);
    if (fields.birthDate)
        sealed.birthDate = sealer.seal(kBirthDateColumn, fields.birthDate->toString(Qt::ISODate));
    if (!fields.memo.isEmpty())
        sealed.memo = sealer.seal(kMemoColumn, fields.memo);
    return sealed;
}

StoredMember newMember(const api::MemberFields &fields, const QDateTime &at, const QString &id)
{
    StoredMember stored;
    stored.member.id = id.isEmpty() ? api::createId() : id;
    stored.member.fields = fields;
    stored.member.createdAt = rows::fromMsecs(at.toMSecsSinceEpoch());
    stored.member.updatedAt = stored.member.createdAt;
    stored.revision = 1;
    return stored;
}

// Binds every column a create or an update writes.
void bindFields(ScopedQuery &query, const SealedMember &sealed, const api::MemberFields &fields)
{
    query.bindValue(QStringLiteral(":key_version"), sealed.keyVersion);
    query.bindValue(QStringLiteral(":code_sealed"), nullableBytes(sealed.code));
    query.bindValue(QStringLiteral(":code_index"), nullableText(sealed.codeIndex));
    query.bindValue(QStringLiteral(":email_sealed"), nullableBytes(sealed.email));
    query.bindValue(QStringLiteral(":email_index"), nullableText(sealed.emailIndex));
    query.bindValue(QStringLiteral(":family_name"), sealed.familyName);
    query.bindValue(QStringLiteral(":given_name"), sealed.givenName);
    query.bindValue(QStringLiteral(":birth_date"), nullableBytes(sealed.birthDate));
    query.bindValue(QStringLiteral(":memo"), nullableBytes(sealed.memo));
    query.bindValue(QStringLiteral(":group_id"), nullableText(fields.groupId));
    query.bindValue(QStringLiteral(":attributes"), attributesText(fields.attributes));
    query.bindValue(QStringLiteral(":hire_date"),
                    nullableText(fields.hireDate ? std::optional<QString>(
                                                       fields.hireDate->toString(Qt::ISODate))
                                                 : std::nullopt));
    query.bindValue(QStringLiteral(":employment_type"), notNull(fields.employmentType));
    query.bindValue(QStringLiteral(":grade"), notNull(fields.grade));
    query.bindValue(QStringLiteral(":position"), notNull(fields.position));
    query.bindValue(QStringLiteral(":job_category"), notNull(fields.jobCategory));
    query.bindValue(QStringLiteral(":status"), api::memberStatusName(fields.status));
    query.bindValue(QStringLiteral(":deliver"), fields.deliver ? 1 : 0);
    query.bindValue(QStringLiteral(":language"),
                    nullableText(fields.language
                                     ? std::optional<QString>(api::languageCode(*fields.language))
                                     : std::nullopt));
}

// Which unique index a failed write hit: SQLite names the column
// ("members.code_index"), PostgreSQL the index ("members_code").
StoreError takenError(const ScopedQuery &query)
{
    if (query.lastError().databaseText().contains(QLatin1String("code")))
        return StoreError{StoreErrorKind::CodeTaken,
                          QStringLiteral("another member of the tenant has this employee code")};
    return StoreError{StoreErrorKind::EmailTaken,
                      QStringLiteral("another member of the tenant has this e-mail")};
}

// Opens member rows (the columns of kColumns) under the key versions they
// name, each version looked up once.
class RowReader final
{
public:
    RowReader(const TenantScope &scope, const QSqlDatabase &database, Keyring &keyring)
        : m_scope(scope)
        , m_database(database)
        , m_keyring(keyring)
    {}

    // The current row of `query`.
    StoreResult<StoredMember> read(const ScopedQuery &query)
    {
        StoredMember stored;
        api::Member &member = stored.member;
        member.id = query.value(0).toString();
        const int keyVersion = query.value(1).toInt();
        auto &key = m_keys[keyVersion];
        if (!key) {
            auto found = m_keyring.version(m_scope, m_database, keyVersion);
            if (!found)
                return found.error();
            key = found.value();
        }
        const rows::RowSealer sealer(m_scope, *key, kTable, member.id);
        bool opened = true;
        const auto open = [&](int index, const QString &column) -> std::optional<QString> {
            const QVariant value = query.value(index);
            if (value.isNull())
                return std::nullopt;
            auto plain = sealer.open(column, value.toByteArray());
            opened = opened && plain.has_value();
            return plain;
        };
        api::MemberFields &fields = member.fields;
        fields.employeeCode = open(2, kCodeColumn);
        fields.email = open(3, kEmailColumn);
        fields.familyName = open(4, kFamilyNameColumn).value_or(QString());
        fields.givenName = open(5, kGivenNameColumn).value_or(QString());
        if (const auto birth = open(6, kBirthDateColumn))
            fields.birthDate = QDate::fromString(*birth, Qt::ISODate);
        fields.memo = open(7, kMemoColumn).value_or(QString());
        if (!opened)
            return StoreError{
                StoreErrorKind::Crypto,
                QStringLiteral("member %1 does not open under its tenant key").arg(member.id)};
        if (!query.value(8).isNull())
            fields.groupId = query.value(8).toString();
        fields.attributes = attributesFromText(query.value(9).toString());
        if (!query.value(10).isNull())
            fields.hireDate = QDate::fromString(query.value(10).toString(), Qt::ISODate);
        fields.employmentType = query.value(11).toString();
        fields.grade = query.value(12).toString();
        fields.position = query.value(13).toString();
        fields.jobCategory = query.value(14).toString();
        const auto status = api::memberStatusFromName(query.value(15).toString());
        if (!status)
            return databaseError(QStringLiteral("reading members"),
                                 QStringLiteral("unknown status in row %1").arg(member.id));
        fields.status = *status;
        fields.deliver = query.value(16).toInt() != 0;
        stored.revision = query.value(17).toLongLong();
        member.createdAt = rows::fromMsecs(query.value(18));
        member.updatedAt = rows::fromMsecs(query.value(19));
        fields.language = api::languageFromCode(query.value(20).toString());
        return stored;
    }

private:
    const TenantScope &m_scope;
    const QSqlDatabase &m_database;
    Keyring &m_keyring;
    std::map<int, std::shared_ptr<const TenantKey>> m_keys;
};

const QString kSelectSql = QStringLiteral("SELECT ") + kColumns +
                           QStringLiteral(" FROM members WHERE tenant_id = :tenant_id");

StoreError notFound()
{
    return StoreError{StoreErrorKind::NotFound, QStringLiteral("no such member")};
}

StoreError changed()
{
    return StoreError{StoreErrorKind::Conflict, QStringLiteral("the member changed")};
}

} // namespace

MemberRepository::MemberRepository(QSqlDatabase database, Keyring &keyring)
    : m_database(std::move(database))
    , m_keyring(keyring)
{}

StoreResult<qint64> MemberRepository::bumpChanges(const TenantScope &scope)
{
    // Portable upsert: SQLite (3.24+) and PostgreSQL both say ON CONFLICT.
    ScopedQuery bump(scope, m_database);
    bump.prepare(QStringLiteral(
        "INSERT INTO member_changes (tenant_id, counter) VALUES (:tenant_id, 1) "
        "ON CONFLICT (tenant_id) DO UPDATE SET counter = member_changes.counter + 1"));
    if (!bump.exec())
        return databaseError(QStringLiteral("counting member changes"), bump.errorText());
    bump.finish();
    return changeCounter(scope);
}

StoreResult<qint64> MemberRepository::changeCounter(const TenantScope &scope)
{
    ScopedQuery query(scope, m_database);
    query.prepare(
        QStringLiteral("SELECT counter FROM member_changes WHERE tenant_id = :tenant_id"));
    if (!query.exec())
        return databaseError(QStringLiteral("reading member changes"), query.errorText());
    return query.next() ? query.value(0).toLongLong() : qint64(0);
}

StoreStatus MemberRepository::checkGroups(const TenantScope &scope, const QSet<QString> &groupIds)
{
    if (groupIds.isEmpty())
        return Done{};
    // The foreign key only says a group exists; it must be this tenant's and live.
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral("SELECT id FROM org_groups WHERE tenant_id = :tenant_id AND "
                                 "id = :id AND deleted_at IS NULL"));
    for (const QString &groupId : groupIds) {
        query.bindValue(QStringLiteral(":id"), groupId);
        if (!query.exec())
            return databaseError(QStringLiteral("reading a group"), query.errorText());
        if (!query.next())
            return StoreError{StoreErrorKind::NotFound, QStringLiteral("no such group")};
    }
    return Done{};
}

StoreStatus MemberRepository::insert(const TenantScope &scope, QList<StoredMember> &members)
{
    if (members.isEmpty())
        return Done{};
    const auto key = m_keyring.current(scope, m_database);
    if (!key)
        return key.error();
    QSet<QString> groupIds;
    for (const StoredMember &stored : std::as_const(members)) {
        if (stored.member.fields.groupId)
            groupIds.insert(*stored.member.fields.groupId);
    }

    Transaction transaction(m_database);
    if (!transaction.isActive())
        return databaseError(QStringLiteral("creating a member"), transaction.error());
    if (const StoreStatus groups = checkGroups(scope, groupIds); !groups)
        return groups.error();
    ScopedQuery query(scope, m_database);
    query.prepare(kInsertSql);
    for (const StoredMember &stored : std::as_const(members)) {
        const api::Member &member = stored.member;
        query.bindValue(QStringLiteral(":id"), member.id);
        bindFields(query, sealMember(scope, *key.value(), member.id, member.fields), member.fields);
        query.bindValue(QStringLiteral(":created_at"), member.createdAt.toMSecsSinceEpoch());
        query.bindValue(QStringLiteral(":updated_at"), member.updatedAt.toMSecsSinceEpoch());
        if (!query.exec()) {
            // PostgreSQL: end the aborted transaction before the statement is freed.
            transaction.rollback();
            if (isUniqueViolation(query))
                return takenError(query);
            return databaseError(QStringLiteral("creating a member"), query.errorText());
        }
    }
    const auto counter = bumpChanges(scope);
    if (!counter)
        return counter.error();
    if (const StoreStatus committed = transaction.commit(); !committed)
        return committed.error();
    for (StoredMember &stored : members)
        stored.changeCounter = counter.value();
    return Done{};
}

StoreResult<StoredMember> MemberRepository::create(const TenantScope &scope,
                                                   const api::MemberFields &fields,
                                                   const QDateTime &at, const QString &id)
{
    QList<StoredMember> members{newMember(fields, at, id)};
    if (const StoreStatus inserted = insert(scope, members); !inserted)
        return inserted.error();
    return members.constFirst();
}

StoreResult<QList<StoredMember>>
MemberRepository::createMany(const TenantScope &scope, const QList<api::MemberFields> &fields,
                             const QDateTime &at)
{
    QList<StoredMember> members;
    members.reserve(fields.size());
    for (const api::MemberFields &each : fields)
        members.append(newMember(each, at, QString()));
    if (const StoreStatus inserted = insert(scope, members); !inserted)
        return inserted.error();
    return members;
}

StoreResult<QList<StoredMember>> MemberRepository::read(const TenantScope &scope,
                                                        const QString &condition,
                                                        const QVariantMap &values, bool deleted)
{
    ScopedQuery query(scope, m_database);
    query.prepare(kSelectSql + condition +
                  (deleted ? QStringLiteral(" AND deleted_at IS NOT NULL")
                           : QStringLiteral(" AND deleted_at IS NULL")));
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        query.bindValue(it.key(), it.value());
    if (!query.exec())
        return databaseError(QStringLiteral("reading members"), query.errorText());
    RowReader reader(scope, m_database, m_keyring);
    QList<StoredMember> members;
    while (query.next()) {
        auto member = reader.read(query);
        if (!member)
            return member.error();
        members.append(std::move(member.value()));
    }
    return members;
}

StoreResult<StoredMember> MemberRepository::readOne(const TenantScope &scope,
                                                    const QString &condition,
                                                    const QVariantMap &values, bool deleted)
{
    auto members = read(scope, condition, values, deleted);
    if (!members)
        return members.error();
    if (members.value().isEmpty())
        return notFound();
    return members.value().constFirst();
}

StoreResult<StoredMember> MemberRepository::get(const TenantScope &scope, const QString &id)
{
    return readOne(scope, QStringLiteral(" AND id = :id"), {{QStringLiteral(":id"), id}});
}

StoreResult<StoredMember> MemberRepository::findByEmployeeCode(const TenantScope &scope,
                                                               const QString &code)
{
    const auto key = m_keyring.current(scope, m_database);
    if (!key)
        return key.error();
    return readOne(scope, QStringLiteral(" AND code_index = :code_index"),
                   {{QStringLiteral(":code_index"), codeIndex(*key.value(), code)}});
}

StoreResult<StoredMember> MemberRepository::findByEmail(const TenantScope &scope,
                                                        const QString &email)
{
    const auto key = m_keyring.current(scope, m_database);
    if (!key)
        return key.error();
    return readOne(scope, QStringLiteral(" AND email_index = :email_index"),
                   {{QStringLiteral(":email_index"), emailIndex(*key.value(), email)}});
}

StoreResult<QList<StoredMember>> MemberRepository::getMany(const TenantScope &scope,
                                                           const QStringList &ids)
{
    // One primary-key lookup per id: with "id IN (...)" SQLite walks the
    // tenant's index instead, every member of the tenant for a page of fifty.
    ScopedQuery query(scope, m_database);
    query.prepare(kSelectSql + QStringLiteral(" AND id = :id AND deleted_at IS NULL"));
    RowReader reader(scope, m_database, m_keyring);
    QList<StoredMember> members;
    for (const QString &id : ids) {
        query.bindValue(QStringLiteral(":id"), id);
        if (!query.exec())
            return databaseError(QStringLiteral("reading members"), query.errorText());
        if (!query.next())
            continue;
        auto member = reader.read(query);
        if (!member)
            return member.error();
        members.append(std::move(member.value()));
    }
    return members;
}

StoreResult<QList<StoredMember>> MemberRepository::all(const TenantScope &scope)
{
    return read(scope, QString(), {});
}

StoreResult<StoredMember> MemberRepository::update(const TenantScope &scope, const QString &id,
                                                   qint64 expectedRevision,
                                                   const api::MemberFields &fields,
                                                   const QDateTime &at)
{
    Transaction transaction(m_database);
    if (!transaction.isActive())
        return databaseError(QStringLiteral("updating a member"), transaction.error());
    auto current = get(scope, id);
    if (!current)
        return current.error();
    if (current.value().revision != expectedRevision)
        return changed();
    const auto counter = updateMany(scope, {{id, expectedRevision, fields}}, at);
    if (!counter)
        return counter.error();
    if (const StoreStatus committed = transaction.commit(); !committed)
        return committed.error();
    StoredMember next = current.value();
    next.member.fields = fields;
    next.member.updatedAt = rows::fromMsecs(at.toMSecsSinceEpoch());
    next.revision = expectedRevision + 1;
    next.changeCounter = counter.value();
    return next;
}

StoreResult<qint64> MemberRepository::updateMany(const TenantScope &scope,
                                                 const QList<MemberChange> &changes,
                                                 const QDateTime &at)
{
    if (changes.isEmpty())
        return changeCounter(scope);
    // Every sealed column again under the current key: a row has one key_version.
    const auto key = m_keyring.current(scope, m_database);
    if (!key)
        return key.error();
    QSet<QString> groupIds;
    for (const MemberChange &change : changes) {
        if (change.fields.groupId)
            groupIds.insert(*change.fields.groupId);
    }

    Transaction transaction(m_database);
    if (!transaction.isActive())
        return databaseError(QStringLiteral("updating a member"), transaction.error());
    if (const StoreStatus groups = checkGroups(scope, groupIds); !groups)
        return groups.error();
    ScopedQuery query(scope, m_database);
    query.prepare(kUpdateSql);
    for (const MemberChange &change : changes) {
        bindFields(query, sealMember(scope, *key.value(), change.id, change.fields), change.fields);
        query.bindValue(QStringLiteral(":updated_at"), at.toMSecsSinceEpoch());
        query.bindValue(QStringLiteral(":id"), change.id);
        query.bindValue(QStringLiteral(":revision"), change.expectedRevision);
        if (!query.exec()) {
            transaction.rollback();
            if (isUniqueViolation(query))
                return takenError(query);
            return databaseError(QStringLiteral("updating a member"), query.errorText());
        }
        if (query.numRowsAffected() != 1) {
            // Missing (or another tenant's) and stale answer differently.
            const auto current = get(scope, change.id);
            return current ? changed() : current.error();
        }
    }
    const auto counter = bumpChanges(scope);
    if (!counter)
        return counter.error();
    if (const StoreStatus committed = transaction.commit(); !committed)
        return committed.error();
    return counter.value();
}

StoreStatus MemberRepository::remove(const TenantScope &scope, const QString &id,
                                     qint64 expectedRevision, const QDateTime &at,
                                     qint64 *changeCounter)
{
    const auto counter = removeMany(scope, {{id, expectedRevision}}, at);
    if (!counter)
        return counter.error();
    if (changeCounter)
        *changeCounter = counter.value();
    return Done{};
}

StoreResult<qint64> MemberRepository::removeMany(const TenantScope &scope,
                                                 const QList<MemberRevision> &members,
                                                 const QDateTime &at)
{
    if (members.isEmpty())
        return changeCounter(scope);
    Transaction transaction(m_database);
    if (!transaction.isActive())
        return databaseError(QStringLiteral("deleting a member"), transaction.error());
    ScopedQuery query(scope, m_database);
    query.prepare(kRemoveSql);
    query.bindValue(QStringLiteral(":deleted_at"), at.toMSecsSinceEpoch());
    query.bindValue(QStringLiteral(":updated_at"), at.toMSecsSinceEpoch());
    for (const MemberRevision &member : members) {
        query.bindValue(QStringLiteral(":code_index"), rows::deletedIndex(member.id));
        query.bindValue(QStringLiteral(":email_index"), rows::deletedIndex(member.id));
        query.bindValue(QStringLiteral(":id"), member.id);
        query.bindValue(QStringLiteral(":revision"), member.revision);
        if (!query.exec())
            return databaseError(QStringLiteral("deleting a member"), query.errorText());
        if (query.numRowsAffected() != 1) {
            // Missing (or another tenant's) and stale answer differently.
            const auto current = get(scope, member.id);
            return current ? changed() : current.error();
        }
    }
    const auto counter = bumpChanges(scope);
    if (!counter)
        return counter.error();
    if (const StoreStatus committed = transaction.commit(); !committed)
        return committed.error();
    return counter.value();
}

StoreResult<QHash<QString, qint64>> MemberRepository::revisions(const TenantScope &scope)
{
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral("SELECT id, revision FROM members WHERE tenant_id = :tenant_id "
                                 "AND deleted_at IS NULL"));
    if (!query.exec())
        return databaseError(QStringLiteral("reading members"), query.errorText());
    QHash<QString, qint64> revisions;
    while (query.next())
        revisions.insert(query.value(0).toString(), query.value(1).toLongLong());
    return revisions;
}

StoreResult<StoredMember> MemberRepository::restore(const TenantScope &scope, const QString &id,
                                                    const QDateTime &at)
{
    Transaction transaction(m_database);
    if (!transaction.isActive())
        return databaseError(QStringLiteral("restoring a member"), transaction.error());
    auto deleted =
        readOne(scope, QStringLiteral(" AND id = :id"), {{QStringLiteral(":id"), id}}, true);
    if (!deleted)
        return deleted.error();
    const auto key = m_keyring.current(scope, m_database);
    if (!key)
        return key.error();
    const api::MemberFields &fields = deleted.value().member.fields;
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral(
        "UPDATE members SET deleted_at = NULL, updated_at = :updated_at, "
        "code_index = :code_index, email_index = :email_index, revision = revision + 1 "
        "WHERE tenant_id = :tenant_id AND id = :id AND deleted_at IS NOT NULL"));
    query.bindValue(QStringLiteral(":updated_at"), at.toMSecsSinceEpoch());
    query.bindValue(QStringLiteral(":code_index"),
                    nullableText(fields.employeeCode ? std::optional<QString>(codeIndex(
                                                           *key.value(), *fields.employeeCode))
                                                     : std::nullopt));
    query.bindValue(
        QStringLiteral(":email_index"),
        nullableText(fields.email ? std::optional<QString>(emailIndex(*key.value(), *fields.email))
                                  : std::nullopt));
    query.bindValue(QStringLiteral(":id"), id);
    if (!query.exec()) {
        transaction.rollback();
        if (isUniqueViolation(query))
            return StoreError{StoreErrorKind::Conflict,
                              QStringLiteral("the member's code or e-mail was taken meanwhile")};
        return databaseError(QStringLiteral("restoring a member"), query.errorText());
    }
    const auto counter = bumpChanges(scope);
    if (!counter)
        return counter.error();
    const StoreStatus committed = transaction.commit();
    if (!committed)
        return committed.error();
    StoredMember restored = deleted.value();
    restored.member.updatedAt = rows::fromMsecs(at.toMSecsSinceEpoch());
    restored.revision += 1;
    restored.changeCounter = counter.value();
    return restored;
}

StoreResult<int> MemberRepository::purgeDeleted(const TenantScope &scope,
                                                const QDateTime &deletedBefore)
{
    Transaction transaction(m_database);
    if (!transaction.isActive())
        return databaseError(QStringLiteral("purging members"), transaction.error());
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral("DELETE FROM members WHERE tenant_id = :tenant_id AND "
                                 "deleted_at IS NOT NULL AND deleted_at < :before"));
    query.bindValue(QStringLiteral(":before"), deletedBefore.toMSecsSinceEpoch());
    if (!query.exec())
        return databaseError(QStringLiteral("purging members"), query.errorText());
    const int purged = query.numRowsAffected();
    if (purged > 0) {
        const auto counter = bumpChanges(scope);
        if (!counter)
            return counter.error();
    }
    const StoreStatus committed = transaction.commit();
    if (!committed)
        return committed.error();
    return purged;
}

StoreResult<QMap<QString, int>> MemberRepository::countsByGroup(const TenantScope &scope)
{
    return countsByGroup(scope, m_database);
}

StoreResult<QMap<QString, int>> MemberRepository::countsByGroup(const TenantScope &scope,
                                                                const QSqlDatabase &database)
{
    ScopedQuery query(scope, database);
    query.prepare(QStringLiteral(
        "SELECT group_id, COUNT(*) FROM members WHERE tenant_id = :tenant_id AND "
        "deleted_at IS NULL AND status <> :left AND group_id IS NOT NULL GROUP BY group_id"));
    query.bindValue(QStringLiteral(":left"), api::memberStatusName(api::MemberStatus::Left));
    if (!query.exec())
        return databaseError(QStringLiteral("counting members"), query.errorText());
    QMap<QString, int> counts;
    while (query.next())
        counts.insert(query.value(0).toString(), query.value(1).toInt());
    return counts;
}

} // namespace engage::server::store
