// The child of tst_store_crash, writing until it is killed. People: creates
// people in a loop and prints each id on stdout only after its transaction
// committed. Members: creates members in import-sized transactions of
// kBatch, their codes "<batch>-<n>", and prints each batch once committed.
// Pulses: rounds of kBatch targets, each answered by all of them in one
// submitMany ("submitted <round id>") and then aggregated ("aggregated
// <round id>"), each line printed once committed.
// Usage: store_crash_writer DATA_DIR [members|pulses]

#include "api/questionbank.h"
#include "engagement/roundaggregator.h"
#include "store/memberrepository.h"
#include "store/personrepository.h"
#include "store/pulserepository.h"
#include "store/transaction.h"
#include "storefixture.h"

#include <QCoreApplication>
#include <algorithm>
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

int writePulses(Database &database, Keyring &keyring, const TenantScope &scope)
{
    PulseRepository pulses(database.connection(), keyring);
    engage::server::engagement::RoundAggregator aggregator(database.connection(), keyring);
    const auto fail = [](const char *what, const StoreError &error) {
        std::fprintf(stderr, "%s: %s\n", what, qPrintable(error.message));
        return 1;
    };
    auto surveys = pulses.surveys(scope);
    if (!surveys)
        return fail("surveys", surveys.error());
    if (surveys.value().isEmpty()) {
        const auto created = pulses.createSurvey(scope, SurveyKind::Pulse, QStringLiteral("Pulse"),
                                                 4, QDateTime::currentDateTimeUtc());
        if (!created)
            return fail("survey", created.error());
        surveys.value().append(created.value());
    }
    const auto rounds = pulses.rounds(scope);
    if (!rounds)
        return fail("rounds", rounds.error());
    int number = 0;
    for (const StoredRound &round : rounds.value())
        number = std::max(number, round.number);
    const QDateTime start(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC);
    const QStringList items = engage::api::pulseItems(4, 1);
    for (;;) {
        ++number;
        StoredRound round;
        round.surveyId = surveys.value().constFirst().id;
        round.number = number;
        round.itemIds = items;
        round.opensAt = start.addDays(28 * number);
        round.closesAt = round.opensAt.addDays(14);
        round.status = engage::api::RoundStatus::Closed;
        const auto created = pulses.createRound(scope, round, round.opensAt);
        if (!created)
            return fail("round", created.error());
        const QString roundId = created.value().id;
        QList<RoundTarget> targets;
        QList<PulseRepository::BulkResponse> responses;
        for (int i = 0; i < kBatch; ++i) {
            RoundTarget target;
            target.memberId = QStringLiteral("member-%1").arg(i);
            target.groupId = QStringLiteral("group-%1").arg(i % 10);
            targets.append(target);
            PulseRepository::BulkResponse response;
            response.respondentKey = pulses.respondentKey(scope, target.memberId).value();
            response.submittedAt = round.opensAt.addSecs(i);
            for (qsizetype k = 0; k < items.size(); ++k)
                response.answers.append(SubmittedAnswer{items.at(k), 1 + int(i + k) % 5});
            responses.append(response);
        }
        if (const StoreStatus added = pulses.addTargets(scope, roundId, targets); !added)
            return fail("targets", added.error());
        if (const StoreStatus submitted = pulses.submitMany(scope, roundId, responses); !submitted)
            return fail("submitMany", submitted.error());
        std::fprintf(stdout, "submitted %s\n", qPrintable(roundId));
        std::fflush(stdout);
        const auto cells =
            aggregator.aggregate(scope, roundId, 100, QDateTime::currentDateTimeUtc());
        if (!cells)
            return fail("aggregate", cells.error());
        std::fprintf(stdout, "aggregated %s\n", qPrintable(roundId));
        std::fflush(stdout);
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const bool members = argc == 3 && qstrcmp(argv[2], "members") == 0;
    const bool pulses = argc == 3 && qstrcmp(argv[2], "pulses") == 0;
    if (argc != 2 && !members && !pulses) {
        std::fprintf(stderr, "usage: store_crash_writer DATA_DIR [members|pulses]\n");
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
    if (pulses)
        return writePulses(database, keyring, scope);
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
