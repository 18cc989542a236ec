#pragma once

#include "result.h"

#include <QJsonObject>
#include <QString>

namespace engage::api {

// Request bodies of sign-in, refresh and password change. They carry secrets:
// nothing logs them, and their decoders never echo a value in an Error.

// POST /api/v1/auth/login
struct LoginRequest
{
    QString tenant;   // validateTenantSlug
    QString email;    // validateEmail
    QString password; // 1..kPasswordMaxLength characters, not validatePassword:
                      // a password set under an older rule must still sign in
};

// POST /api/v1/auth/refresh
struct RefreshRequest
{
    QString refreshToken; // validateToken
};

// POST /api/v1/me/password
struct PasswordChangeRequest
{
    QString currentPassword; // as LoginRequest::password
    QString newPassword;     // validatePassword
};

// {"tenant","email","password"}
QJsonObject toJson(const LoginRequest &request);
Result<LoginRequest> loginRequestFromJson(const QJsonObject &object);
// {"refreshToken"}
QJsonObject toJson(const RefreshRequest &request);
Result<RefreshRequest> refreshRequestFromJson(const QJsonObject &object);
// {"currentPassword","newPassword"}
QJsonObject toJson(const PasswordChangeRequest &request);
Result<PasswordChangeRequest> passwordChangeRequestFromJson(const QJsonObject &object);

} // namespace engage::api
