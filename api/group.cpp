#include "group.h"

#include "objectreader.h"
#include "timestamp.h"
#include "validators.h"

#include <QJsonArray>
#include <limits>

namespace engage::api {

namespace {

constexpr QLatin1String kId("id");
constexpr QLatin1String kCode("code");
constexpr QLatin1String kName("name");
constexpr QLatin1String kParentId("parentId");
constexpr QLatin1String kMemberCount("memberCount");
constexpr QLatin1String kRevision("revision");
constexpr QLatin1String kCreatedAt("createdAt");
constexpr QLatin1String kUpdatedAt("updatedAt");
constexpr QLatin1String kItems("items");
constexpr QLatin1String kGroupIds("groupIds");

// Imports write group paths with '/' or '>' between levels, after NFKC
// normalisation: a name holding either (or a full-width form of it) would be
// split into two levels there.
std::optional<Error> refuseSeparators(QStringView text)
{
    const QString normalized = text.toString().normalized(QString::NormalizationForm_KC);
    if (normalized.contains(u'/') || normalized.contains(u'>'))
        return Error{ProblemCode::InvalidField, QString(),
                     QStringLiteral("Must not contain '/' or '>'.")};
    return std::nullopt;
}

void writeFields(QJsonObject &object, const GroupFields &fields)
{
    object.insert(kCode, fields.code);
    object.insert(kName, fields.name);
    if (fields.parentId)
        object.insert(kParentId, *fields.parentId);
}

GroupFields readFields(ObjectReader &reader)
{
    GroupFields fields;
    fields.code = reader.string(kCode, validateGroupCode);
    fields.name = reader.string(kName, validateGroupName);
    fields.parentId = reader.optionalString(kParentId, validateId);
    return fields;
}

} // namespace

std::optional<Error> validateGroupCode(QStringView code)
{
    if (auto error = validateCode(code, kGroupCodeMaxLength))
        return error;
    return refuseSeparators(code);
}

std::optional<Error> validateGroupName(QStringView name)
{
    if (auto error = validateShownText(name, TextRule{1, kGroupNameMaxLength, true, false}))
        return error;
    return refuseSeparators(name);
}

QJsonObject toJson(const GroupFields &fields)
{
    QJsonObject object;
    writeFields(object, fields);
    return object;
}

Result<GroupFields> groupFieldsFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    GroupFields fields = readFields(reader);
    if (auto error = reader.finish())
        return *error;
    return fields;
}

QJsonObject toJson(const Group &group)
{
    QJsonObject object;
    object.insert(kId, group.id);
    writeFields(object, group.fields);
    object.insert(kMemberCount, group.memberCount);
    object.insert(kRevision, group.revision);
    object.insert(kCreatedAt, formatDateTime(group.createdAt));
    object.insert(kUpdatedAt, formatDateTime(group.updatedAt));
    return object;
}

Result<Group> groupFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    Group group;
    group.id = reader.string(kId, validateId);
    group.fields = readFields(reader);
    group.memberCount = int(reader.integer(kMemberCount, 0, std::numeric_limits<int>::max()));
    group.revision = reader.integer(kRevision, 0, kMaxJsonInteger);
    group.createdAt = reader.dateTime(kCreatedAt);
    group.updatedAt = reader.dateTime(kUpdatedAt);
    if (auto error = reader.finish())
        return *error;
    return group;
}

QJsonObject toJson(const QList<Group> &groups)
{
    QJsonArray items;
    for (const Group &group : groups)
        items.append(toJson(group));
    return QJsonObject{{kItems, items}};
}

Result<QList<Group>> groupListFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    QList<Group> groups = reader.objectArray(kItems, groupFromJson, kGroupsMax);
    if (auto error = reader.finish())
        return *error;
    if (auto error = validateDistinctIds(groups, kItems))
        return *error;
    return groups;
}

QJsonObject toJson(const GroupScope &scope)
{
    return QJsonObject{{kGroupIds, QJsonArray::fromStringList(scope.groupIds)}};
}

Result<GroupScope> groupScopeFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    GroupScope scope;
    scope.groupIds = reader.stringArray(kGroupIds, validateId, kGroupsMax);
    if (auto error = reader.finish())
        return *error;
    if (auto error = validateDistinct(scope.groupIds))
        return withFieldPrefix(*error, QString(kGroupIds));
    return scope;
}

} // namespace engage::api
