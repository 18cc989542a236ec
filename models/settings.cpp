#include "settings.h"

#include <algorithm>

namespace engage::models {

namespace {

// Every key the client stores, in one place.
namespace key {
const QString language = QStringLiteral("language");
const QString profiles = QStringLiteral("profiles");
const QString currentProfile = QStringLiteral("currentProfile");
const QString windowGeometry = QStringLiteral("window/geometry");
const QString windowState = QStringLiteral("window/state");
namespace profile {
const QString name = QStringLiteral("name");
const QString url = QStringLiteral("url");
const QString fingerprint = QStringLiteral("fingerprint");
const QString lastTenant = QStringLiteral("lastTenant");
const QString lastEmail = QStringLiteral("lastEmail");
const QString isDemo = QStringLiteral("isDemo");
} // namespace profile
} // namespace key

void writeProfiles(QSettings &settings, const QList<ConnectionProfile> &profiles)
{
    // Rewritten whole: a shorter array must not leave the old tail behind.
    settings.remove(key::profiles);
    settings.beginWriteArray(key::profiles, static_cast<int>(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        const ConnectionProfile &profile = profiles.at(i);
        settings.setArrayIndex(i);
        settings.setValue(key::profile::name, profile.name);
        settings.setValue(key::profile::url, profile.url.toString(QUrl::FullyEncoded));
        settings.setValue(key::profile::fingerprint, profile.fingerprint);
        settings.setValue(key::profile::lastTenant, profile.lastTenant);
        settings.setValue(key::profile::lastEmail, profile.lastEmail);
        settings.setValue(key::profile::isDemo, profile.isDemo);
    }
    settings.endArray();
}

} // namespace

Settings::Settings() = default;

Settings::Settings(const QString &iniFile)
    : m_settings(iniFile, QSettings::IniFormat)
{}

QString Settings::language() const
{
    return m_settings.value(key::language).toString();
}

void Settings::setLanguage(const QString &language)
{
    m_settings.setValue(key::language, language);
}

QList<ConnectionProfile> Settings::profiles() const
{
    QSettings &settings = m_settings;
    QList<ConnectionProfile> profiles;
    const int size = settings.beginReadArray(key::profiles);
    profiles.reserve(size);
    for (int i = 0; i < size; ++i) {
        settings.setArrayIndex(i);
        ConnectionProfile profile;
        profile.name = settings.value(key::profile::name).toString();
        profile.url = QUrl(settings.value(key::profile::url).toString(), QUrl::StrictMode);
        profile.fingerprint = settings.value(key::profile::fingerprint).toString();
        profile.lastTenant = settings.value(key::profile::lastTenant).toString();
        profile.lastEmail = settings.value(key::profile::lastEmail).toString();
        profile.isDemo = settings.value(key::profile::isDemo, false).toBool();
        profiles.append(profile);
    }
    settings.endArray();
    return profiles;
}

std::optional<ConnectionProfile> Settings::profile(const QString &name) const
{
    for (const ConnectionProfile &profile : profiles()) {
        if (profile.name == name)
            return profile;
    }
    return std::nullopt;
}

void Settings::saveProfile(const ConnectionProfile &profile)
{
    QList<ConnectionProfile> all = profiles();
    const auto existing = std::find_if(all.begin(), all.end(), [&profile](const auto &known) {
        return known.name == profile.name;
    });
    if (existing == all.end())
        all.append(profile);
    else
        *existing = profile;
    writeProfiles(m_settings, all);
}

void Settings::removeProfile(const QString &name)
{
    QList<ConnectionProfile> all = profiles();
    const auto removed = all.removeIf([&name](const auto &known) { return known.name == name; });
    if (removed == 0)
        return;
    writeProfiles(m_settings, all);
    // The current profile must name one that exists.
    if (currentProfile() == name)
        m_settings.remove(key::currentProfile);
}

QString Settings::currentProfile() const
{
    return m_settings.value(key::currentProfile).toString();
}

void Settings::setCurrentProfile(const QString &name)
{
    m_settings.setValue(key::currentProfile, name);
}

QByteArray Settings::windowGeometry() const
{
    return m_settings.value(key::windowGeometry).toByteArray();
}

void Settings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings.setValue(key::windowGeometry, geometry);
}

QByteArray Settings::windowState() const
{
    return m_settings.value(key::windowState).toByteArray();
}

void Settings::setWindowState(const QByteArray &state)
{
    m_settings.setValue(key::windowState, state);
}

void Settings::sync()
{
    m_settings.sync();
}

} // namespace engage::models
