// Prepares one run of `scripts/bench startup`: saves the connection profile
// NAME (URL, pinned fingerprint, last tenant and e-mail) in engage-admin's
// settings and signs in once with the password, so that the refresh token is
// in the keychain. engage-admin --profile NAME then starts as a returning
// user's does: it resumes the session without asking anything.
//
// Usage: engage-bench-startup-seed NAME URL FINGERPRINT TENANT EMAIL PASSWORD
// (the environment chooses where the settings and the keychain live).

#include "models/apiclient.h"
#include "models/credentialstore.h"
#include "models/session.h"
#include "models/settings.h"

#include <QCoreApplication>
#include <QTimer>
#include <cstdio>

using namespace engage::models;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // The settings file engage-admin reads.
    QCoreApplication::setOrganizationName(QStringLiteral("Engage"));
    QCoreApplication::setApplicationName(QStringLiteral("engage-admin"));
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 7) {
        std::fprintf(stderr, "usage: engage-bench-startup-seed NAME URL FINGERPRINT TENANT "
                             "EMAIL PASSWORD\n");
        return 2;
    }

    ConnectionProfile profile;
    profile.name = args.at(1);
    profile.url = QUrl(args.at(2));
    profile.fingerprint = args.at(3);
    profile.lastTenant = args.at(4);
    profile.lastEmail = args.at(5);
    Settings settings;
    settings.saveProfile(profile);
    settings.setCurrentProfile(profile.name);
    settings.sync();

    ApiClient client;
    client.setBaseUrl(profile.url);
    client.setPinnedFingerprint(profile.fingerprint);
    CredentialStore credentials;
    Session session(client, credentials);
    session.setProfileName(profile.name);

    int status = 1;
    // The refresh token reaches the keychain after signedIn(): wait for it.
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &app, [&] {
        if (session.isRemembered()) {
            status = 0;
            QCoreApplication::quit();
        }
    });
    QObject::connect(&session, &Session::signedIn, &app, [&poll] { poll.start(20); });
    QObject::connect(&session, &Session::failed, &app, [](const ApiError &error) {
        std::fprintf(stderr, "seed: sign-in failed: %s\n", qPrintable(error.detail));
        QCoreApplication::quit();
    });
    QObject::connect(&session, &Session::notRemembered, &app, [](const ApiError &error) {
        std::fprintf(stderr, "seed: the keychain did not keep the session: %s\n",
                     qPrintable(error.message()));
        QCoreApplication::quit();
    });
    QTimer::singleShot(30000, &app, [] {
        std::fprintf(stderr, "seed: no session after 30 s\n");
        QCoreApplication::quit();
    });
    session.signIn(profile.lastTenant, profile.lastEmail, args.at(6));
    app.exec();
    return status;
}
