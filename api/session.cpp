#include "session.h"

#include "objectreader.h"
#include "validators.h"

namespace engage::api {

namespace {

constexpr QLatin1String kAccessToken("accessToken");
constexpr QLatin1String kRefreshToken("refreshToken");
constexpr QLatin1String kExpiresIn("expiresIn");
constexpr QLatin1String kUser("user");

} // namespace

QJsonObject toJson(const Session &session)
{
    QJsonObject object;
    object.insert(kAccessToken, session.accessToken);
    object.insert(kRefreshToken, session.refreshToken);
    object.insert(kExpiresIn, session.expiresIn);
    object.insert(kUser, toJson(session.user));
    return object;
}

Result<Session> sessionFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    Session session;
    session.accessToken = reader.string(kAccessToken, validateToken);
    session.refreshToken = reader.string(kRefreshToken, validateToken);
    session.expiresIn = reader.integer(kExpiresIn, 1, kMaxExpiresIn);
    session.user = reader.object(kUser, personFromJson);
    if (auto error = reader.finish())
        return *error;
    return session;
}

} // namespace engage::api
