#pragma once

#include "person.h"
#include "result.h"

#include <QJsonObject>
#include <QString>

namespace engage::api {

// Seconds an access token may live at most, as the service announces it.
inline constexpr qint64 kMaxExpiresIn = 7 * 24 * 3600;

// What a successful sign-in or refresh returns. The tokens are secrets: the
// client keeps them in the keychain only, and nothing logs this struct.
struct Session
{
    QString accessToken;  // validateToken
    QString refreshToken; // validateToken
    qint64 expiresIn = 0; // seconds until accessToken expires, 1..kMaxExpiresIn
    Person user;

    friend bool operator==(const Session &a, const Session &b)
    {
        return a.accessToken == b.accessToken && a.refreshToken == b.refreshToken &&
               a.expiresIn == b.expiresIn && a.user == b.user;
    }
    friend bool operator!=(const Session &a, const Session &b) { return !(a == b); }
};

// {"accessToken","refreshToken","expiresIn","user"}
QJsonObject toJson(const Session &session);
Result<Session> sessionFromJson(const QJsonObject &object);

} // namespace engage::api
