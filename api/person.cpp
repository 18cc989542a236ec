#include "person.h"

#include "enumtable.h"
#include "objectreader.h"
#include "timestamp.h"
#include "validators.h"

namespace engage::api {

namespace {

constexpr EnumName<PersonStatus> kStatuses[] = {
    {PersonStatus::Active, QLatin1String("active")},
    {PersonStatus::Disabled, QLatin1String("disabled")},
};

constexpr QLatin1String kId("id");
constexpr QLatin1String kEmail("email");
constexpr QLatin1String kDisplayName("displayName");
constexpr QLatin1String kRole("role");
constexpr QLatin1String kStatus("status");
constexpr QLatin1String kMustChangePassword("mustChangePassword");
constexpr QLatin1String kCreatedAt("createdAt");
constexpr QLatin1String kLastSignInAt("lastSignInAt");

} // namespace

QString personStatusName(PersonStatus status)
{
    return enumName(kStatuses, status);
}

std::optional<PersonStatus> personStatusFromName(QStringView name)
{
    return enumFromName(kStatuses, name);
}

QStringList personStatusNames()
{
    return enumNames(kStatuses);
}

QJsonObject toJson(const Person &person)
{
    QJsonObject object;
    object.insert(kId, person.id);
    object.insert(kEmail, person.email);
    object.insert(kDisplayName, person.displayName);
    object.insert(kRole, roleName(person.role));
    object.insert(kStatus, personStatusName(person.status));
    object.insert(kMustChangePassword, person.mustChangePassword);
    object.insert(kCreatedAt, formatDateTime(person.createdAt));
    if (person.lastSignInAt)
        object.insert(kLastSignInAt, formatDateTime(*person.lastSignInAt));
    return object;
}

Result<Person> personFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    Person person;
    person.id = reader.string(kId, validateId);
    person.email = reader.string(kEmail, validateEmail);
    person.displayName = reader.string(kDisplayName, validateDisplayName);
    person.role = reader.enumeration(kRole, roleFromName, roleNames);
    person.status = reader.enumeration(kStatus, personStatusFromName, personStatusNames);
    person.mustChangePassword = reader.boolean(kMustChangePassword);
    person.createdAt = reader.dateTime(kCreatedAt);
    person.lastSignInAt = reader.optionalDateTime(kLastSignInAt);
    if (auto error = reader.finish())
        return *error;
    return person;
}

} // namespace engage::api
