#include "demopulses.h"

#include "pulsehistory.h"
#include "store/grouprepository.h"
#include "store/operationlog.h"
#include "store/personrepository.h"
#include "store/pulserepository.h"
#include "store/tenantrepository.h"
#include "store/transaction.h"

#include <algorithm>

namespace engage::server::engagement {

namespace {

struct TenantPlan
{
    const char *slug;
    const char *surveyName; // UTF-8
    // Group codes of store::DemoOrganisation's tables.
    const char *decliningCode;
    const char *improvingCode;
    const char *memoText; // UTF-8
};

const TenantPlan kPlans[] = {
    {"sakura-foods", "エンゲージメント・パルス", "211", "312",
     "製造第二ライン：新しいライン長が着任し、シフトと休憩の組み方を現場と一緒に見直した"},
    {"northwind", "Engagement pulse", "CS", "WHS",
     "Warehouse: a new team lead started and rebuilt the shift rota with the team"},
};

// The newest round closes this many days before the seeding day, so that a
// demo started on any day shows a finished year with nothing open.
constexpr int kDaysBeforeSeeding = 3;

} // namespace

DemoPulses::DemoPulses(QSqlDatabase database, store::Keyring &keyring, quint32 seed)
    : m_database(std::move(database))
    , m_keyring(keyring)
    , m_seed(seed)
{}

store::StoreResult<QStringList> DemoPulses::ensure(const QDate &seedingDay)
{
    QStringList seeded;
    quint32 index = 0;
    for (const TenantPlan &plan : kPlans) {
        const quint32 seed = m_seed * 2 + index++;
        const auto tenant = store::TenantRepository(m_database, m_keyring)
                                .findBySlug(QString::fromLatin1(plan.slug));
        if (!tenant && tenant.errorKind() == store::StoreErrorKind::NotFound)
            continue;
        if (!tenant)
            return tenant.error();
        // Start-up job: a tenant found by its demo slug.
        const store::TenantScope scope(tenant.value().tenant.id);

        store::Transaction transaction(m_database);
        if (!transaction.isActive())
            return store::databaseError(QStringLiteral("seeding the demo pulses"),
                                        transaction.error());
        const auto surveys = store::PulseRepository(m_database, m_keyring).surveys(scope);
        if (!surveys)
            return surveys.error();
        if (std::any_of(surveys.value().cbegin(), surveys.value().cend(),
                        [](const store::StoredSurvey &survey) {
                            return survey.kind == store::SurveyKind::Pulse;
                        }))
            continue;

        const auto groups = store::GroupRepository(m_database).tree(scope);
        if (!groups)
            return groups.error();
        const auto groupId = [&groups](const char *code) {
            for (const api::Group &group : groups.value()) {
                if (group.fields.code == QLatin1String(code))
                    return group.id;
            }
            return QString();
        };
        const auto people =
            store::PersonRepository(m_database, m_keyring).list(scope, std::nullopt, 100);
        if (!people)
            return people.error();
        const auto owner = std::find_if(people.value().items.cbegin(), people.value().items.cend(),
                                        [](const store::StoredPerson &person) {
                                            return person.person.role == api::Role::Owner;
                                        });
        if (owner == people.value().items.cend())
            return store::StoreError{
                store::StoreErrorKind::NotFound,
                QStringLiteral("demo tenant %1 has no owner").arg(QLatin1String(plan.slug))};

        PulseHistoryPlan history;
        history.surveyName = QString::fromUtf8(plan.surveyName);
        history.rounds = kRounds;
        history.lastCloseDay = seedingDay.addDays(-kDaysBeforeSeeding);
        history.seed = seed;
        history.decliningGroupId = groupId(plan.decliningCode);
        history.improvingGroupId = groupId(plan.improvingCode);
        history.memoText = QString::fromUtf8(plan.memoText);
        history.memoAuthorId = owner->person.id;
        const auto written = PulseHistory(m_database, m_keyring).write(scope, history);
        if (!written)
            return written.error();

        const store::StoreStatus logged = store::OperationLog::record(
            scope, m_database,
            store::OperationEntry{
                QString(), QString(), QStringLiteral("survey"), written.value().surveyId,
                QStringLiteral("demo-seed"),
                QStringLiteral("demo pulse with %1 closed rounds and %2 responses")
                    .arg(written.value().roundIds.size())
                    .arg(written.value().responses),
                QDateTime()});
        if (!logged)
            return logged.error();
        const store::StoreStatus committed = transaction.commit();
        if (!committed)
            return committed.error();
        seeded.append(QLatin1String(plan.slug));
    }
    return seeded;
}

} // namespace engage::server::engagement
