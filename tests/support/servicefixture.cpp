#include "servicefixture.h"

#include "crypto/masterkey.h"
#include "crypto/passwordhasher.h"
#include "http/httpsserver.h"
#include "ops/selfsignedcertificate.h"
#include "store/database.h"
#include "store/keyring.h"
#include "store/memberindex.h"
#include "store/migrator.h"
#include "store/personrepository.h"
#include "store/tenantrepository.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace engage::test {

using namespace engage::server;

ServiceFixture::ServiceFixture() = default;

ServiceFixture::~ServiceFixture()
{
    stop();
}

QSqlDatabase ServiceFixture::connection() const
{
    return m_database->connection();
}

QString ServiceFixture::password()
{
    return QStringLiteral("correct horse battery");
}

bool ServiceFixture::open(QString *error)
{
    if (!m_dir.isValid()) {
        *error = QStringLiteral("no temporary directory");
        return false;
    }
    m_certificate = m_dir.filePath(QStringLiteral("certificate.pem"));
    m_key = m_dir.filePath(QStringLiteral("key.pem"));
    if (!ops::ensureSelfSignedCertificate(m_certificate, m_key, error))
        return false;
    const auto location = store::DatabaseLocation::parse({}, m_dir.path(), error);
    if (!location)
        return false;
    m_database = std::make_unique<store::Database>(*location);
    const auto migrated = store::Migrator().migrate(connection());
    if (!migrated) {
        *error = migrated.error().message;
        return false;
    }
    m_keyring =
        std::make_unique<store::Keyring>(crypto::MasterKey::fromBytes(crypto::newDataKey()));
    // As the service does: operation rows join their tenant's hash chain.
    m_database->setLogChainKey(m_keyring->logChainKey());
    // Worker threads hold database connections: they must live as long as the pool.
    m_workers.setExpiryTimeout(-1);
    m_workers.setMaxThreadCount(4);
    m_memberIndex = std::make_unique<store::MemberIndex>(*m_keyring);
    m_context = std::make_unique<ops::ServiceContext>(
        ops::ServiceContext{*m_database, *m_keyring, m_workers, *m_memberIndex, m_aggregates, m_dir.path()});
    m_passwordHash = crypto::hashPassword(password());
    if (m_passwordHash.isEmpty()) {
        *error = QStringLiteral("cannot hash the shared password");
        return false;
    }
    return true;
}

bool ServiceFixture::start(QString *error)
{
    m_server = std::make_unique<http::HttpsServer>(m_router, http::ServerLimits{});
    if (!m_server->listen(QHostAddress::LocalHost, 0, m_certificate, m_key, 2, error))
        return false;
    m_probe = std::make_unique<HttpsProbe>(
        m_certificate, QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_server->port())));
    return true;
}

void ServiceFixture::stop()
{
    m_probe.reset();
    if (m_server)
        m_server->stop();
    m_server.reset();
    m_workers.waitForDone();
}

ServiceFixture::Tenant ServiceFixture::addTenant(const QString &slug)
{
    store::NewTenant created;
    created.slug = slug;
    created.name = slug;
    const auto stored = store::TenantRepository(connection(), *m_keyring).create(created);
    if (!stored)
        qFatal("cannot create a tenant: %s", qPrintable(stored.error().message));
    return {stored.value().tenant.id, slug};
}

QString ServiceFixture::email(const Tenant &tenant, const QString &name)
{
    return name + QStringLiteral("@") + tenant.slug + QStringLiteral(".example.com");
}

QString ServiceFixture::addPerson(const Tenant &tenant, const QString &name, api::Role role)
{
    store::NewPerson person;
    person.email = email(tenant, name);
    person.displayName = name;
    person.role = role;
    person.passwordHash = m_passwordHash;
    person.mustChangePassword = false;
    const auto created = store::PersonRepository(connection(), *m_keyring)
                             .create(store::TenantScope(tenant.id), person);
    if (!created)
        qFatal("cannot create a person: %s", qPrintable(created.error().message));
    m_people.insert(tenant.slug + QLatin1Char('/') + name, created.value().person.id);
    return created.value().person.id;
}

void ServiceFixture::addPersonPerRole(const Tenant &tenant)
{
    for (const auto &[name, role] :
         {std::pair{"owner", api::Role::Owner}, std::pair{"admin", api::Role::Admin},
          std::pair{"manager", api::Role::Manager}, std::pair{"viewer", api::Role::Viewer}})
        addPerson(tenant, QLatin1String(name), role);
}

QString ServiceFixture::personId(const Tenant &tenant, const QString &name) const
{
    return m_people.value(tenant.slug + QLatin1Char('/') + name);
}

store::IssuedTokens ServiceFixture::issue(const Tenant &tenant, const QString &name)
{
    const auto tokens = store::SessionRepository(connection())
                            .createFamily(store::TenantScope(tenant.id), personId(tenant, name),
                                          QDateTime::currentDateTimeUtc());
    if (!tokens)
        qFatal("cannot issue tokens: %s", qPrintable(tokens.error().message));
    return tokens.value();
}

HttpResponse ServiceFixture::send(const QByteArray &verb, const QString &path, const QString &token,
                                  const std::optional<QJsonObject> &body, HeaderList headers)
{
    headers.append({QByteArrayLiteral("Authorization"), "Bearer " + token.toLatin1()});
    if (!body)
        return m_probe->send(verb, path, QByteArray(), headers);
    headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    return m_probe->send(verb, path, QJsonDocument(*body).toJson(QJsonDocument::Compact), headers);
}

int ServiceFixture::operationCount(const QString &action, const QString &targetId) const
{
    QSqlQuery query(connection());
    query.prepare(
        QStringLiteral("SELECT COUNT(*) FROM operation_log WHERE action = ? AND target_id = ?"));
    query.addBindValue(action);
    query.addBindValue(targetId);
    if (!query.exec() || !query.next())
        return -1;
    return query.value(0).toInt();
}

} // namespace engage::test
