#pragma once

#include "person.h"
#include "result.h"
#include "role.h"

#include <QJsonObject>
#include <QString>
#include <optional>

namespace engage::api {

// Bodies of the People routes (administrators of a tenant).

// POST /api/v1/users. No password: the service generates the first one.
struct NewPersonRequest
{
    QString email;       // validateEmail
    QString displayName; // validateDisplayName
    Role role = Role::Viewer;

    friend bool operator==(const NewPersonRequest &a, const NewPersonRequest &b)
    {
        return a.email == b.email && a.displayName == b.displayName && a.role == b.role;
    }
    friend bool operator!=(const NewPersonRequest &a, const NewPersonRequest &b)
    {
        return !(a == b);
    }
};

// PATCH /api/v1/users/{id}: absent members stay as they are. An empty patch
// is valid (it still checks If-Match and answers the current person).
struct PersonPatch
{
    std::optional<QString> email;
    std::optional<QString> displayName;
    std::optional<Role> role;
    std::optional<PersonStatus> status;

    bool isEmpty() const { return !email && !displayName && !role && !status; }
    friend bool operator==(const PersonPatch &a, const PersonPatch &b)
    {
        return a.email == b.email && a.displayName == b.displayName && a.role == b.role &&
               a.status == b.status;
    }
    friend bool operator!=(const PersonPatch &a, const PersonPatch &b) { return !(a == b); }
};

// The answer to a create: the person, and the generated first password, which
// is shown this once (a replayed create answers without it).
struct CreatedPerson
{
    Person user;
    std::optional<QString> initialPassword;

    friend bool operator==(const CreatedPerson &a, const CreatedPerson &b)
    {
        return a.user == b.user && a.initialPassword == b.initialPassword;
    }
    friend bool operator!=(const CreatedPerson &a, const CreatedPerson &b) { return !(a == b); }
};

// {"email","displayName","role"}
QJsonObject toJson(const NewPersonRequest &request);
Result<NewPersonRequest> newPersonRequestFromJson(const QJsonObject &object);
// Any of {"email","displayName","role","status"}; null reads as absent.
QJsonObject toJson(const PersonPatch &patch);
Result<PersonPatch> personPatchFromJson(const QJsonObject &object);
// {"user", "initialPassword" only when set}
QJsonObject toJson(const CreatedPerson &created);
Result<CreatedPerson> createdPersonFromJson(const QJsonObject &object);

} // namespace engage::api
