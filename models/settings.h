#pragma once

#include "connectionprofile.h"

#include <QByteArray>
#include <QList>
#include <QSettings>
#include <QString>
#include <optional>

namespace engage::models {

// The one typed façade over QSettings: nothing else in the client names a key.
// Holds no secrets.
class Settings final
{
public:
    // Uses the application's QSettings (organisation/application names set by app/).
    Settings();
    // For tests: an INI file of their own.
    explicit Settings(const QString &iniFile);

    QString language() const; // "ja" or "en"; empty until chosen
    void setLanguage(const QString &language);

    QList<ConnectionProfile> profiles() const;
    std::optional<ConnectionProfile> profile(const QString &name) const;
    void saveProfile(const ConnectionProfile &profile); // insert or replace by name
    void removeProfile(const QString &name);
    QString currentProfile() const; // empty on the first run
    void setCurrentProfile(const QString &name);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);

    void sync();

private:
    // Reading an array moves QSettings' group, so even the getters need it mutable.
    mutable QSettings m_settings;
};

} // namespace engage::models
