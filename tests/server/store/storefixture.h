#pragma once

// A migrated SQLite store in a temporary directory, with a keyring under a
// fixed test master key: what every store test starts from.

#include "api/member.h"
#include "crypto/masterkey.h"
#include "store/database.h"
#include "store/keyring.h"
#include "store/migrator.h"
#include "store/tenantrepository.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <memory>

namespace engage::server::store::testing {

inline crypto::MasterKey testMasterKey()
{
    return crypto::MasterKey::fromBytes(crypto::SecretBytes(QByteArray(32, '\x5a')));
}

// An active member with a name and whichever of code and e-mail is given.
inline api::MemberFields memberFields(const QString &familyName, const QString &givenName,
                                      const std::optional<QString> &code,
                                      const std::optional<QString> &email = std::nullopt)
{
    api::MemberFields fields;
    fields.familyName = familyName;
    fields.givenName = givenName;
    fields.employeeCode = code;
    fields.email = email;
    return fields;
}

class StoreFixture
{
public:
    StoreFixture()
    {
        m_location.driver = QStringLiteral("QSQLITE");
        m_location.sqliteFile = m_dir.filePath(QStringLiteral("engage.sqlite3"));
        m_database = std::make_unique<Database>(m_location);
        m_migrated = Migrator().migrate(m_database->connection()).isOk();
        m_keyring = std::make_unique<Keyring>(testMasterKey());
    }

    bool isReady() const { return m_dir.isValid() && m_migrated; }
    QSqlDatabase connection() const { return m_database->connection(); }
    Database &database() { return *m_database; }
    Keyring &keyring() { return *m_keyring; }
    QString dir() const { return m_dir.path(); }
    QString sqliteFile() const { return m_location.sqliteFile; }

    // A new tenant's scope (as sign-in would make it from the tenant's row).
    TenantScope createTenant(const QString &slug)
    {
        TenantRepository tenants(connection(), keyring());
        NewTenant tenant;
        tenant.slug = slug;
        tenant.name = slug;
        const auto created = tenants.create(tenant);
        return TenantScope(created ? created.value().tenant.id : QString());
    }

    // Every byte of the database and its WAL and shared-memory files.
    QByteArray allFileBytes() const
    {
        QByteArray bytes;
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
            QFile file(m_location.sqliteFile + suffix);
            if (file.open(QIODevice::ReadOnly))
                bytes += file.readAll();
        }
        return bytes;
    }

private:
    QTemporaryDir m_dir;
    DatabaseLocation m_location;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<Keyring> m_keyring;
    bool m_migrated = false;
};

} // namespace engage::server::store::testing
