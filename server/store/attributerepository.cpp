#include "attributerepository.h"

#include "api/id.h"
#include "rowsupport.h"
#include "scopedquery.h"
#include "transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace engage::server::store {

namespace {

QString choicesText(const QStringList &choices)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(choices)).toJson(QJsonDocument::Compact));
}

QStringList choicesFromText(const QString &text)
{
    QStringList choices;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue &choice : array)
        choices.append(choice.toString());
    return choices;
}

StoreError notFound()
{
    return StoreError{StoreErrorKind::NotFound, QStringLiteral("no such attribute")};
}

StoreError changed()
{
    return StoreError{StoreErrorKind::Conflict, QStringLiteral("the attribute changed")};
}

// The routes validate first; fields that still fail here are a programming
// error, refused like unscoped SQL.
std::optional<StoreError> invalid(const api::AttributeFields &fields)
{
    if (const auto error = api::validateAttributeFields(fields))
        return StoreError{
            StoreErrorKind::Refused,
            QStringLiteral("invalid attribute fields: %1 %2").arg(error->field, error->detail)};
    return std::nullopt;
}

} // namespace

AttributeRepository::AttributeRepository(QSqlDatabase database)
    : m_database(std::move(database))
{}

StoreResult<QList<api::Attribute>> AttributeRepository::read(const TenantScope &scope,
                                                             const std::optional<QString> &id)
{
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral("SELECT id, name_ja, name_en, type, choices, revision FROM "
                                 "member_attributes WHERE tenant_id = :tenant_id AND "
                                 "deleted_at IS NULL") +
                  (id ? QStringLiteral(" AND id = :id") : QString()) +
                  QStringLiteral(" ORDER BY position, id"));
    if (id)
        query.bindValue(QStringLiteral(":id"), *id);
    if (!query.exec())
        return databaseError(QStringLiteral("reading attributes"), query.errorText());
    QList<api::Attribute> attributes;
    while (query.next()) {
        api::Attribute attribute;
        attribute.id = query.value(0).toString();
        attribute.fields.nameJa = query.value(1).toString();
        attribute.fields.nameEn = query.value(2).toString();
        const auto type = api::attributeTypeFromName(query.value(3).toString());
        if (!type)
            return databaseError(QStringLiteral("reading attributes"),
                                 QStringLiteral("unknown type in row %1").arg(attribute.id));
        attribute.fields.type = *type;
        attribute.fields.choices = choicesFromText(query.value(4).toString());
        attribute.revision = query.value(5).toLongLong();
        attributes.append(attribute);
    }
    return attributes;
}

StoreResult<QList<api::Attribute>> AttributeRepository::list(const TenantScope &scope)
{
    return read(scope, std::nullopt);
}

StoreResult<api::Attribute> AttributeRepository::get(const TenantScope &scope, const QString &id)
{
    auto found = read(scope, id);
    if (!found)
        return found.error();
    if (found.value().isEmpty())
        return notFound();
    return found.value().constFirst();
}

StoreResult<api::Attribute> AttributeRepository::create(const TenantScope &scope,
                                                        const api::AttributeFields &fields,
                                                        const QString &id)
{
    if (const auto error = invalid(fields))
        return *error;
    Transaction transaction(m_database);
    if (!transaction.isActive())
        return databaseError(QStringLiteral("creating an attribute"), transaction.error());
    ScopedQuery count(scope, m_database);
    count.prepare(QStringLiteral(
        "SELECT COUNT(*), MAX(position) FROM member_attributes WHERE tenant_id = :tenant_id "
        "AND deleted_at IS NULL"));
    if (!count.exec() || !count.next())
        return databaseError(QStringLiteral("creating an attribute"), count.errorText());
    if (count.value(0).toInt() >= api::kAttributesMax)
        return StoreError{StoreErrorKind::LimitReached,
                          QStringLiteral("the tenant has as many attributes as it may")};
    const int position = count.value(1).isNull() ? 1 : count.value(1).toInt() + 1;
    count.finish();

    api::Attribute attribute;
    attribute.id = id.isEmpty() ? api::createId() : id;
    attribute.fields = fields;
    attribute.revision = 1;
    const qint64 now = rows::nowMsecs();
    ScopedQuery insert(scope, m_database);
    insert.prepare(QStringLiteral(
        "INSERT INTO member_attributes (id, tenant_id, name_ja, name_en, type, choices, "
        "position, revision, created_at, updated_at) VALUES (:id, :tenant_id, :name_ja, "
        ":name_en, :type, :choices, :position, 1, :created_at, :updated_at)"));
    insert.bindValue(QStringLiteral(":id"), attribute.id);
    insert.bindValue(QStringLiteral(":name_ja"), fields.nameJa);
    insert.bindValue(QStringLiteral(":name_en"), fields.nameEn);
    insert.bindValue(QStringLiteral(":type"), api::attributeTypeName(fields.type));
    insert.bindValue(QStringLiteral(":choices"), choicesText(fields.choices));
    insert.bindValue(QStringLiteral(":position"), position);
    insert.bindValue(QStringLiteral(":created_at"), now);
    insert.bindValue(QStringLiteral(":updated_at"), now);
    if (!insert.exec())
        return databaseError(QStringLiteral("creating an attribute"), insert.errorText());
    const StoreStatus committed = transaction.commit();
    if (!committed)
        return committed.error();
    return attribute;
}

StoreResult<QSet<QString>> AttributeRepository::heldValues(const TenantScope &scope,
                                                           const QString &id)
{
    // Values live in each member's JSON object; LIKE narrows the rows down,
    // the parse decides.
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral("SELECT attributes FROM members WHERE tenant_id = :tenant_id "
                                 "AND deleted_at IS NULL AND attributes LIKE :pattern"));
    query.bindValue(QStringLiteral(":pattern"), QString(QStringLiteral("%\"") + id + u'"' + u'%'));
    if (!query.exec())
        return databaseError(QStringLiteral("reading attribute values"), query.errorText());
    QSet<QString> held;
    while (query.next()) {
        const QJsonObject values = QJsonDocument::fromJson(query.value(0).toByteArray()).object();
        const auto value = values.constFind(id);
        if (value != values.constEnd())
            held.insert(value->toString());
    }
    return held;
}

StoreResult<api::Attribute> AttributeRepository::update(const TenantScope &scope, const QString &id,
                                                        qint64 expectedRevision,
                                                        const api::AttributeFields &fields)
{
    if (const auto error = invalid(fields))
        return *error;
    Transaction transaction(m_database);
    if (!transaction.isActive())
        return databaseError(QStringLiteral("updating an attribute"), transaction.error());
    const auto current = get(scope, id);
    if (!current)
        return current.error();
    if (current.value().revision != expectedRevision)
        return changed();
    const api::AttributeFields &before = current.value().fields;
    if (before.type != fields.type || before.choices != fields.choices) {
        const auto held = heldValues(scope, id);
        if (!held)
            return held.error();
        // Values members hold must stay valid: no other type, no fewer choices.
        const bool typeChanged = before.type != fields.type && !held.value().isEmpty();
        const QSet<QString> kept(fields.choices.cbegin(), fields.choices.cend());
        const bool choiceDropped =
            fields.type == api::AttributeType::Choice && !kept.contains(held.value());
        if (typeChanged || choiceDropped)
            return StoreError{StoreErrorKind::InUse,
                              QStringLiteral("members hold a value the change would drop")};
    }
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral(
        "UPDATE member_attributes SET name_ja = :name_ja, name_en = :name_en, type = :type, "
        "choices = :choices, updated_at = :updated_at, revision = revision + 1 WHERE "
        "tenant_id = :tenant_id AND id = :id AND revision = :revision AND deleted_at IS NULL"));
    query.bindValue(QStringLiteral(":name_ja"), fields.nameJa);
    query.bindValue(QStringLiteral(":name_en"), fields.nameEn);
    query.bindValue(QStringLiteral(":type"), api::attributeTypeName(fields.type));
    query.bindValue(QStringLiteral(":choices"), choicesText(fields.choices));
    query.bindValue(QStringLiteral(":updated_at"), rows::nowMsecs());
    query.bindValue(QStringLiteral(":id"), id);
    query.bindValue(QStringLiteral(":revision"), expectedRevision);
    if (!query.exec())
        return databaseError(QStringLiteral("updating an attribute"), query.errorText());
    if (query.numRowsAffected() != 1)
        return changed();
    const StoreStatus committed = transaction.commit();
    if (!committed)
        return committed.error();
    return api::Attribute{id, fields, expectedRevision + 1};
}

StoreStatus AttributeRepository::remove(const TenantScope &scope, const QString &id,
                                        qint64 expectedRevision)
{
    const auto marked = rows::markDeleted(scope, m_database, QStringLiteral("member_attributes"),
                                          {}, id, expectedRevision, rows::nowMsecs(),
                                          QStringLiteral("deleting an attribute"));
    if (!marked)
        return marked.error();
    if (marked.value())
        return Done{};
    // Missing (or another tenant's) and stale answer differently.
    const auto current = get(scope, id);
    if (!current)
        return current.error();
    return changed();
}

} // namespace engage::server::store
