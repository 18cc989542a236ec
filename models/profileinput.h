#pragma once

#include "connectionprofile.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <optional>

namespace engage::models {

// A connection profile as a person types it, a name and the service's
// address, checked the same way wherever it is typed (the welcome dialog and
// the Settings page). "engage.example.com" is taken to mean https: there is no
// other choice.
class ProfileInput final
{
    Q_DECLARE_TR_FUNCTIONS(engage::models::ProfileInput)

public:
    // The profile, or why it cannot be added: a translated sentence, empty
    // while a field is still empty (a disabled button says enough then).
    struct Check
    {
        std::optional<ConnectionProfile> profile;
        QString problem;
    };

    static Check check(const QString &typedName, const QString &typedAddress,
                       const QStringList &existingNames);
};

} // namespace engage::models
