#pragma once

// What the tests of the client's models share: a client composed as the
// application composes it (ApiClient pinned to the test server's certificate,
// and a Session), sign-in (once, or at two desks), and single calls waited
// for.

#include "models/apiclient.h"
#include "models/credentialstore.h"
#include "models/session.h"
#include "serverprocess.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>
#include <memory>

namespace engage::test {

inline constexpr int kWaitMs = 30000;

struct Account
{
    QString tenant;
    QString email;
    QString password;
};

// The owner of a demo tenant, as the server announced it; empty when absent.
inline Account demoOwner(const ServerProcess &server, const QString &slug)
{
    const QJsonArray tenants = server.announcement().value(QLatin1String("tenants")).toArray();
    for (const auto &value : tenants) {
        const QJsonObject tenant = value.toObject();
        if (tenant.value(QLatin1String("slug")).toString() == slug)
            return {slug, tenant.value(QLatin1String("adminEmail")).toString(),
                    tenant.value(QLatin1String("adminPassword")).toString()};
    }
    return {};
}

// The answer to one call, copied out of the reply (which deletes itself).
struct Outcome
{
    bool answered = false;
    bool ok = false;
    QJsonObject json;
    QByteArray etag;
    models::ApiError error;
};

// Shared, so that a reply answering after a timed-out wait writes nowhere dead.
inline std::shared_ptr<Outcome> send(models::ApiClient &client, const models::ApiRequest &request)
{
    auto outcome = std::make_shared<Outcome>();
    models::ApiReply *reply = client.send(request);
    QObject::connect(reply, &models::ApiReply::finished, reply, [outcome, reply] {
        outcome->answered = true;
        outcome->ok = reply->isOk();
        if (outcome->ok) {
            outcome->json = reply->json().object();
            outcome->etag = reply->etag();
        } else {
            outcome->error = reply->error();
        }
    });
    return outcome;
}

inline Outcome call(models::ApiClient &client, const models::ApiRequest &request)
{
    const auto outcome = send(client, request);
    if (!QTest::qWaitFor([&outcome] { return outcome->answered; }, kWaitMs))
        qWarning() << "no answer to" << request.method << request.path;
    return *outcome;
}

inline Outcome get(models::ApiClient &client, const QString &path)
{
    models::ApiRequest request;
    request.path = path;
    return call(client, request);
}

// A signal that may already have come.
inline bool waitFor(QSignalSpy &spy)
{
    return !spy.isEmpty() || spy.wait(kWaitMs);
}

// One client: the service connection and the session that authenticates it.
struct Client
{
    Client(const ServerProcess &server, models::CredentialStore &store, const QString &profile)
        : session(api, store)
    {
        api.setBaseUrl(server.url());
        api.setPinnedFingerprint(server.fingerprint());
        session.setProfileName(profile);
    }

    models::ApiClient api;
    models::Session session;
};

// True once signed in (a forced password change does not count).
inline bool signIn(models::Session &session, const Account &account)
{
    QSignalSpy signedIn(&session, &models::Session::signedIn);
    QSignalSpy failed(&session, &models::Session::failed);
    session.signIn(account.tenant, account.email, account.password);
    if (!QTest::qWaitFor([&] { return !signedIn.isEmpty() || !failed.isEmpty(); }, kWaitMs))
        qWarning() << "no end to the sign-in";
    if (!failed.isEmpty())
        qWarning() << "sign-in failed:"
                   << failed.constFirst().constFirst().value<models::ApiError>().detail;
    return !signedIn.isEmpty();
}

// The owner of a demo tenant signed in twice, with the credentials in a
// keychain service of the test's own: `client` for what is under test, and
// `other`, the same owner at another desk, whose edits make the first one's
// stale and who reads what the service stored.
struct OwnerAtTwoDesks
{
    // False, with a warning, when the tenant is not announced or a sign-in
    // fails.
    bool signIn(const ServerProcess &server, const QString &slug, const QString &keychainService)
    {
        owner = demoOwner(server, slug);
        if (owner.email.isEmpty() || owner.password.isEmpty()) {
            qWarning() << "no demo tenant" << slug;
            return false;
        }
        store = std::make_unique<models::CredentialStore>(keychainService);
        client = std::make_unique<Client>(server, *store, QStringLiteral("client"));
        if (!test::signIn(client->session, owner))
            return false;
        other = std::make_unique<Client>(server, *store, QStringLiteral("other"));
        return test::signIn(other->session, owner);
    }

    void signOut()
    {
        client->session.signOut();
        other->session.signOut();
        // The sign-outs' keychain removals and calls finish before the store goes.
        QTest::qWait(1000);
    }

    Account owner;
    std::unique_ptr<models::CredentialStore> store;
    std::unique_ptr<Client> client;
    std::unique_ptr<Client> other;
};

} // namespace engage::test
