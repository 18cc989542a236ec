#include "plan.h"

#include "enumtable.h"

namespace engage::api {

namespace {

constexpr EnumName<Plan> kPlans[] = {
    {Plan::Free, QLatin1String("free")},
    {Plan::Basic, QLatin1String("basic")},
    {Plan::Standard, QLatin1String("standard")},
};

} // namespace

QString planName(Plan plan)
{
    return enumName(kPlans, plan);
}

std::optional<Plan> planFromName(QStringView name)
{
    return enumFromName(kPlans, name);
}

QStringList planNames()
{
    return enumNames(kPlans);
}

} // namespace engage::api
