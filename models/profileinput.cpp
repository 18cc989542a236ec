#include "profileinput.h"

#include "api/validators.h"

#include <QUrl>

namespace engage::models {

ProfileInput::Check ProfileInput::check(const QString &typedName, const QString &typedAddress,
                                        const QStringList &existingNames)
{
    const QString name = api::normalizedText(typedName);
    const QString address = typedAddress.trimmed();
    if (name.isEmpty() || address.isEmpty())
        return {};
    if (api::validateDisplayName(name))
        return {std::nullopt, tr("Enter a name of up to %n characters, on one line.", nullptr,
                                 api::kDisplayNameMaxLength)};
    if (existingNames.contains(name, Qt::CaseInsensitive))
        return {std::nullopt, tr("There is already a profile named %1.").arg(name)};
    const QUrl url(address.contains(QStringLiteral("://")) ? address
                                                           : QStringLiteral("https://") + address,
                   QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return {std::nullopt,
                tr("Enter the service's address, such as https://engage.example.com.")};
    if (url.scheme() != QLatin1String("https"))
        return {std::nullopt,
                tr("Only https:// addresses are accepted: the connection must be encrypted.")};
    if (!url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment() ||
        (!url.path().isEmpty() && url.path() != QLatin1String("/")))
        return {std::nullopt,
                tr("Enter the service's address alone, without a path, user name or query.")};
    ConnectionProfile profile;
    profile.name = name;
    profile.url = url;
    profile.url.setPath(QString());
    return {profile, QString()};
}

} // namespace engage::models
