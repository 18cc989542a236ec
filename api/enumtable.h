#pragma once

#include <QLatin1String>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <cstddef>
#include <optional>

namespace engage::api {

// One row of the table that spells the wire names of an enum exactly once; the
// lookups below serve every enum of the contract, so no enum repeats a switch.
template<typename E>
struct EnumName
{
    E value;
    QLatin1String name;
};

template<typename E, std::size_t N>
QString enumName(const EnumName<E> (&table)[N], E value)
{
    for (const auto &entry : table) {
        if (entry.value == value)
            return QString(entry.name);
    }
    return {};
}

template<typename E, std::size_t N>
std::optional<E> enumFromName(const EnumName<E> (&table)[N], QStringView name)
{
    for (const auto &entry : table) {
        // Case-sensitive: the wire form is exactly the lowercase name.
        if (name == entry.name)
            return entry.value;
    }
    return std::nullopt;
}

template<typename E, std::size_t N>
QStringList enumNames(const EnumName<E> (&table)[N])
{
    QStringList names;
    names.reserve(qsizetype(N));
    for (const auto &entry : table)
        names.append(QString(entry.name));
    return names;
}

} // namespace engage::api
