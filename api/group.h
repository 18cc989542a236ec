#pragma once

#include "result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <optional>

namespace engage::api {

// Groups (departments) form one tree per tenant. A group's id is stable for
// life: renaming, recoding or moving it keeps its history.

inline constexpr int kGroupCodeMaxLength = 64;
inline constexpr int kGroupNameMaxLength = 100;
inline constexpr int kGroupsMax = 10000;

// 1-64 characters, trimmed, no white space inside, no '/' or '>' (path separators
// of imports), no control characters.
std::optional<Error> validateGroupCode(QStringView code);
// 1-100 characters, trimmed, one line, no '/' or '>' (also full-width).
std::optional<Error> validateGroupName(QStringView name);

// POST /api/v1/groups and PUT /api/v1/groups/{id} (If-Match): rename, recode
// or move (a new parent; none for the top level).
struct GroupFields
{
    QString code;
    QString name;
    std::optional<QString> parentId;

    friend bool operator==(const GroupFields &a, const GroupFields &b)
    {
        return a.code == b.code && a.name == b.name && a.parentId == b.parentId;
    }
    friend bool operator!=(const GroupFields &a, const GroupFields &b) { return !(a == b); }
};

struct Group
{
    QString id;
    GroupFields fields;
    int memberCount = 0; // members placed directly in this group (not left, not deleted)
    qint64 revision = 0; // the group's ETag without quotes, so a tree row can be edited
    QDateTime createdAt;
    QDateTime updatedAt;

    friend bool operator==(const Group &a, const Group &b)
    {
        return a.id == b.id && a.fields == b.fields && a.memberCount == b.memberCount &&
               a.revision == b.revision && a.createdAt == b.createdAt && a.updatedAt == b.updatedAt;
    }
    friend bool operator!=(const Group &a, const Group &b) { return !(a == b); }
};

// {"code", "name", "parentId"?}
QJsonObject toJson(const GroupFields &fields);
Result<GroupFields> groupFieldsFromJson(const QJsonObject &object);
// {"id", "code", "name", "parentId"?, "memberCount", "revision", "createdAt", "updatedAt"}
QJsonObject toJson(const Group &group);
Result<Group> groupFromJson(const QJsonObject &object);

// GET /api/v1/groups answers the whole tree at once: {"items": [...]}, parents
// before their children.
QJsonObject toJson(const QList<Group> &groups);
Result<QList<Group>> groupListFromJson(const QJsonObject &object);

// GET/PUT /api/v1/users/{id}/groups: the group subtrees a manager sees.
struct GroupScope
{
    QStringList groupIds;

    friend bool operator==(const GroupScope &a, const GroupScope &b)
    {
        return a.groupIds == b.groupIds;
    }
    friend bool operator!=(const GroupScope &a, const GroupScope &b) { return !(a == b); }
};

// {"groupIds": [...]} (ids, no duplicates, at most kGroupsMax)
QJsonObject toJson(const GroupScope &scope);
Result<GroupScope> groupScopeFromJson(const QJsonObject &object);

} // namespace engage::api
