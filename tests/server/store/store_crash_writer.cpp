// The child of tst_store_crash: creates people in a loop and prints each id on
// stdout only after its transaction committed, until it is killed.
// Usage: store_crash_writer DATA_DIR

#include "store/personrepository.h"
#include "storefixture.h"

#include <QCoreApplication>
#include <cstdio>

using namespace engage::server::store;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: store_crash_writer DATA_DIR\n");
        return 2;
    }
    DatabaseLocation location;
    location.driver = QStringLiteral("QSQLITE");
    location.sqliteFile = QString::fromLocal8Bit(argv[1]) + QStringLiteral("/engage.sqlite3");
    Database database(location);
    const auto migrated = Migrator().migrate(database.connection());
    if (!migrated) {
        std::fprintf(stderr, "migrate: %s\n", qPrintable(migrated.error().message));
        return 1;
    }
    Keyring keyring(testing::testMasterKey());
    TenantRepository tenants(database.connection(), keyring);
    auto tenant = tenants.findBySlug(QStringLiteral("crash"));
    if (!tenant) {
        NewTenant crash;
        crash.slug = QStringLiteral("crash");
        crash.name = QStringLiteral("Crash");
        tenant = tenants.create(crash);
    }
    if (!tenant) {
        std::fprintf(stderr, "tenant: %s\n", qPrintable(tenant.error().message));
        return 1;
    }
    const TenantScope scope(tenant.value().tenant.id);
    PersonRepository people(database.connection(), keyring);
    std::fprintf(stderr, "ready\n");
    for (quint64 i = 0;; ++i) {
        NewPerson person;
        person.email =
            QStringLiteral("p%1-%2@crash.example").arg(QCoreApplication::applicationPid()).arg(i);
        person.displayName = QStringLiteral("Person %1").arg(i);
        person.passwordHash = QStringLiteral("x");
        const auto created = people.create(scope, person);
        if (!created) {
            std::fprintf(stderr, "create: %s\n", qPrintable(created.error().message));
            return 1;
        }
        // Acknowledged: committed with synchronous=FULL before this line exists.
        std::fprintf(stdout, "%s\n", qPrintable(created.value().person.id));
        std::fflush(stdout);
    }
}
