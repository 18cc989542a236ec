#include "role.h"

#include "enumtable.h"

namespace engage::api {

namespace {

constexpr EnumName<Role> kRoles[] = {
    {Role::Owner, QLatin1String("owner")},
    {Role::Admin, QLatin1String("admin")},
    {Role::Manager, QLatin1String("manager")},
    {Role::Viewer, QLatin1String("viewer")},
};

} // namespace

QString roleName(Role role)
{
    return enumName(kRoles, role);
}

std::optional<Role> roleFromName(QStringView name)
{
    return enumFromName(kRoles, name);
}

QStringList roleNames()
{
    return enumNames(kRoles);
}

} // namespace engage::api
