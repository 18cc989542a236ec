#pragma once

#include "result.h"
#include "role.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <optional>

namespace engage::api {

// Whether a person may sign in. Disabling keeps the person's id and history
// (traceability) while cutting access at once.
enum class PersonStatus
{
    Active,
    Disabled,
};

QString personStatusName(PersonStatus status); // "active", "disabled"
std::optional<PersonStatus> personStatusFromName(QStringView name);
QStringList personStatusNames();

// An administrator or user of the client (not a survey respondent).
struct Person
{
    QString id;          // UUID, stable for the life of the person
    QString email;       // validateEmail
    QString displayName; // validateDisplayName
    Role role = Role::Viewer;
    PersonStatus status = PersonStatus::Active;
    bool mustChangePassword = false;
    QDateTime createdAt;                   // UTC
    std::optional<QDateTime> lastSignInAt; // absent until the first sign-in

    friend bool operator==(const Person &a, const Person &b)
    {
        return a.id == b.id && a.email == b.email && a.displayName == b.displayName &&
               a.role == b.role && a.status == b.status &&
               a.mustChangePassword == b.mustChangePassword && a.createdAt == b.createdAt &&
               a.lastSignInAt == b.lastSignInAt;
    }
    friend bool operator!=(const Person &a, const Person &b) { return !(a == b); }
};

// {"id","email","displayName","role","status","mustChangePassword","createdAt",
//  "lastSignInAt" only when set}
QJsonObject toJson(const Person &person);
// lastSignInAt may be absent or null.
Result<Person> personFromJson(const QJsonObject &object);

} // namespace engage::api
