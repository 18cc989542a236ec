#pragma once

#include <QString>
#include <QUrl>

namespace engage::models {

// A service the client knows: where it is, the certificate pinned for it,
// and who signed in last (so the login dialog is filled in). Not secret.
struct ConnectionProfile
{
    QString name;        // unique, shown in the profile switcher
    QUrl url;            // "https://engage.example.co.jp"
    QString fingerprint; // pinned SHA-256 ("AB:CD:..."), empty when a public CA vouches
    QString lastTenant;
    QString lastEmail;
    bool isDemo = false; // the embedded demo: url and fingerprint come from the child each start

    friend bool operator==(const ConnectionProfile &a, const ConnectionProfile &b)
    {
        return a.name == b.name && a.url == b.url && a.fingerprint == b.fingerprint &&
               a.lastTenant == b.lastTenant && a.lastEmail == b.lastEmail && a.isDemo == b.isDemo;
    }
    friend bool operator!=(const ConnectionProfile &a, const ConnectionProfile &b)
    {
        return !(a == b);
    }
};

} // namespace engage::models
