#include "personrequests.h"

#include "objectreader.h"
#include "validators.h"

namespace engage::api {

namespace {

constexpr QLatin1String kEmail("email");
constexpr QLatin1String kDisplayName("displayName");
constexpr QLatin1String kRole("role");
constexpr QLatin1String kStatus("status");
constexpr QLatin1String kUser("user");
constexpr QLatin1String kInitialPassword("initialPassword");

// An optional enum member: absent or null is nullopt, an unknown name an error.
template<typename E>
std::optional<E> optionalEnum(ObjectReader &reader, QLatin1String key,
                              std::optional<E> (*fromName)(QStringView), QStringList (*names)())
{
    const std::optional<QString> name = reader.optionalString(
        key, [names](QStringView value) { return validateEnumName(value, names()); });
    if (!name)
        return std::nullopt;
    return fromName(*name);
}

} // namespace

QJsonObject toJson(const NewPersonRequest &request)
{
    QJsonObject object;
    object.insert(kEmail, request.email);
    object.insert(kDisplayName, request.displayName);
    object.insert(kRole, roleName(request.role));
    return object;
}

Result<NewPersonRequest> newPersonRequestFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    NewPersonRequest request;
    request.email = reader.string(kEmail, validateEmail);
    request.displayName = reader.string(kDisplayName, validateDisplayName);
    request.role = reader.enumeration(kRole, roleFromName, roleNames);
    if (auto error = reader.finish())
        return *error;
    return request;
}

QJsonObject toJson(const PersonPatch &patch)
{
    QJsonObject object;
    if (patch.email)
        object.insert(kEmail, *patch.email);
    if (patch.displayName)
        object.insert(kDisplayName, *patch.displayName);
    if (patch.role)
        object.insert(kRole, roleName(*patch.role));
    if (patch.status)
        object.insert(kStatus, personStatusName(*patch.status));
    return object;
}

Result<PersonPatch> personPatchFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    PersonPatch patch;
    patch.email = reader.optionalString(kEmail, validateEmail);
    patch.displayName = reader.optionalString(kDisplayName, validateDisplayName);
    patch.role = optionalEnum(reader, kRole, roleFromName, roleNames);
    patch.status = optionalEnum(reader, kStatus, personStatusFromName, personStatusNames);
    if (auto error = reader.finish())
        return *error;
    return patch;
}

QJsonObject toJson(const CreatedPerson &created)
{
    QJsonObject object;
    object.insert(kUser, toJson(created.user));
    if (created.initialPassword)
        object.insert(kInitialPassword, *created.initialPassword);
    return object;
}

Result<CreatedPerson> createdPersonFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    CreatedPerson created;
    created.user = reader.object(kUser, personFromJson);
    created.initialPassword = reader.optionalString(kInitialPassword, validatePassword);
    if (auto error = reader.finish())
        return *error;
    return created;
}

} // namespace engage::api
