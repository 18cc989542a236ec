// The child of tst_store_crash, writing until it is killed. People: creates
// people in a loop and prints each id on stdout only after its transaction
// committed. Members: creates members in import-sized transactions of
// kBatch, their codes "<batch>-<n>", and prints each batch once committed.
// Usage: store_crash_writer DATA_DIR [members]

#include "store/memberrepository.h"
#include "store/personrepository.h"
#include "store/transaction.h"
#include "storefixture.h"

#include <QCoreApplication>
#include <cstdio>

using namespace engage::server::store;

namespace {

constexpr int kBatch = 1000;

int writeMembers(Database &database, Keyring &keyring, const TenantScope &scope)
{
    MemberRepository members(database.connection(), keyring);
    for (quint64 batch = 0;; ++batch) {
        const QString prefix =
            QStringLiteral("B%1x%2").arg(QCoreApplication::applicationPid()).arg(batch);
        Transaction transaction(database.connection());
        for (int i = 0; i < kBatch; ++i) {
            engage::api::MemberFields fields =
                testing::memberFields(QStringLiteral("Member"), QString::number(i),
                                      prefix + QStringLiteral("-%1").arg(i));
            const auto created = members.create(scope, fields, QDateTime::currentDateTimeUtc());
            if (!created) {
                std::fprintf(stderr, "create: %s\n", qPrintable(created.error().message));
                return 1;
            }
        }
        const StoreStatus committed = transaction.commit();
        if (!committed) {
            std::fprintf(stderr, "commit: %s\n", qPrintable(committed.error().message));
            return 1;
        }
        std::fprintf(stdout, "%s\n", qPrintable(prefix));
        std::fflush(stdout);
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const bool members = argc == 3 && qstrcmp(argv[2], "members") == 0;
    if (argc != 2 && !members) {
        std::fprintf(stderr, "usage: store_crash_writer DATA_DIR [members]\n");
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
    std::fprintf(stderr, "ready\n");
    if (members)
        return writeMembers(database, keyring, scope);
    PersonRepository people(database.connection(), keyring);
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
