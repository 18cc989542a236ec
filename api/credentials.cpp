#include "credentials.h"

#include "objectreader.h"
#include "validators.h"

namespace engage::api {

namespace {

constexpr QLatin1String kTenant("tenant");
constexpr QLatin1String kEmail("email");
constexpr QLatin1String kPassword("password");
constexpr QLatin1String kRefreshToken("refreshToken");
constexpr QLatin1String kCurrentPassword("currentPassword");
constexpr QLatin1String kNewPassword("newPassword");

// A password being presented (not chosen): only bounded, so that a password
// made under an older rule can still sign in and be changed, while nobody can
// make the service hash a megabyte.
std::optional<Error> validatePresentedPassword(QStringView password)
{
    const qsizetype length = characterCount(password);
    if (length < 1 || length > kPasswordMaxLength) {
        return Error{ProblemCode::InvalidField,
                     {},
                     QStringLiteral("Must be 1 to %1 characters.").arg(kPasswordMaxLength)};
    }
    return std::nullopt;
}

} // namespace

QJsonObject toJson(const LoginRequest &request)
{
    return {{kTenant, request.tenant}, {kEmail, request.email}, {kPassword, request.password}};
}

Result<LoginRequest> loginRequestFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    LoginRequest request;
    request.tenant = reader.string(kTenant, validateTenantSlug);
    request.email = reader.string(kEmail, validateEmail);
    request.password = reader.string(kPassword, validatePresentedPassword);
    if (auto error = reader.finish())
        return *error;
    return request;
}

QJsonObject toJson(const RefreshRequest &request)
{
    return {{kRefreshToken, request.refreshToken}};
}

Result<RefreshRequest> refreshRequestFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    RefreshRequest request;
    request.refreshToken = reader.string(kRefreshToken, validateToken);
    if (auto error = reader.finish())
        return *error;
    return request;
}

QJsonObject toJson(const PasswordChangeRequest &request)
{
    return {{kCurrentPassword, request.currentPassword}, {kNewPassword, request.newPassword}};
}

Result<PasswordChangeRequest> passwordChangeRequestFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    PasswordChangeRequest request;
    request.currentPassword = reader.string(kCurrentPassword, validatePresentedPassword);
    request.newPassword = reader.string(kNewPassword, validatePassword);
    if (auto error = reader.finish())
        return *error;
    return request;
}

} // namespace engage::api
