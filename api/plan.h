#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>
#include <optional>

namespace engage::api {

// The subscription of a tenant; the service gates features by it.
enum class Plan
{
    Free,
    Basic,
    Standard,
};

QString planName(Plan plan); // "free", "basic", "standard"
std::optional<Plan> planFromName(QStringView name);
QStringList planNames();

} // namespace engage::api
