#pragma once

#include "api/role.h"
#include "engagement/aggregatecache.h"
#include "http/router.h"
#include "httpsprobe.h"
#include "ops/servicecontext.h"
#include "store/sessionrepository.h"

#include <QHash>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>
#include <QTemporaryDir>
#include <QThreadPool>
#include <memory>
#include <optional>

namespace engage::server {
namespace http {
class HttpsServer;
}
namespace store {
class Database;
class Keyring;
class MemberIndex;
} // namespace store
} // namespace engage::server

namespace engage::test {

// An in-process service for route tests: a real (SQLite) store migrated in a
// temporary directory, a keyring, worker threads, and an HTTPS server on
// loopback with a self-signed certificate that `probe()` pins. Tests add
// their routes to `router()` before start(), and their tenants and people
// straight through the store (one shared Argon2 hash: sign-in under
// sanitizers is slow, and most tests only need a session).
class ServiceFixture final
{
public:
    struct Tenant
    {
        QString id;
        QString slug;
    };

    ServiceFixture();
    ~ServiceFixture();
    ServiceFixture(const ServiceFixture &) = delete;
    ServiceFixture &operator=(const ServiceFixture &) = delete;

    // Store, keyring and workers; false (with `error`) when anything fails.
    bool open(QString *error);
    // Listens on 127.0.0.1 with the routes added so far.
    bool start(QString *error);
    void stop();

    const server::ops::ServiceContext &context() const { return *m_context; }
    server::http::Router &router() { return m_router; }
    HttpsProbe &probe() { return *m_probe; }
    server::store::Keyring &keyring() { return *m_keyring; }
    QSqlDatabase connection() const;

    // The password every addPerson() person signs in with.
    static QString password();

    Tenant addTenant(const QString &slug);
    // "<name>@<slug>.example.com", display name `name`; returns the id.
    QString addPerson(const Tenant &tenant, const QString &name, api::Role role);
    // One person of each role, named after it: "owner", "admin", "manager", "viewer".
    void addPersonPerRole(const Tenant &tenant);
    QString personId(const Tenant &tenant, const QString &name) const;
    static QString email(const Tenant &tenant, const QString &name);
    // A session as sign-in would issue it, without paying for Argon2.
    server::store::IssuedTokens issue(const Tenant &tenant, const QString &name);

    // Requests with `Authorization: Bearer <token>`; `body` as JSON when given.
    HttpResponse send(const QByteArray &verb, const QString &path, const QString &token,
                      const std::optional<QJsonObject> &body = std::nullopt,
                      HeaderList headers = {});

    // Rows of operation_log with `action` on `targetId`.
    int operationCount(const QString &action, const QString &targetId) const;

private:
    QTemporaryDir m_dir;
    QString m_certificate;
    QString m_key;
    std::unique_ptr<server::store::Database> m_database;
    std::unique_ptr<server::store::Keyring> m_keyring;
    std::unique_ptr<server::store::MemberIndex> m_memberIndex;
    server::engagement::AggregateCache m_aggregates;
    QThreadPool m_workers;
    std::unique_ptr<server::ops::ServiceContext> m_context;
    server::http::Router m_router;
    std::unique_ptr<server::http::HttpsServer> m_server;
    std::unique_ptr<HttpsProbe> m_probe;
    QString m_passwordHash;
    QHash<QString, QString> m_people; // "<slug>/<name>" -> id
};

} // namespace engage::test
