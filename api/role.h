#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>
#include <optional>

namespace engage::api {

// What a person may do in a tenant, from most to least powerful. Managers are
// further scoped to groups by the service.
enum class Role
{
    Owner,
    Admin,
    Manager,
    Viewer,
};

QString roleName(Role role); // "owner", "admin", "manager", "viewer"
std::optional<Role> roleFromName(QStringView name);
QStringList roleNames();

} // namespace engage::api
