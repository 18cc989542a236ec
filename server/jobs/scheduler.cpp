#include "scheduler.h"

#include "api/deliveryplan.h"
#include "api/questionbank.h"
#include "deliveryqueue.h"
#include "engagement/deliverysnapshot.h"
#include "engagement/roundaggregator.h"
#include "store/database.h"
#include "store/engagementsettingsrepository.h"
#include "store/grouprepository.h"
#include "store/memberrepository.h"
#include "store/operationlog.h"
#include "store/pulserepository.h"
#include "store/scopedquery.h"
#include "store/tenantrepository.h"
#include "store/transaction.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <algorithm>

namespace engage::server::jobs {

namespace {

Q_LOGGING_CATEGORY(lcJobs, "engage.server.jobs")

using store::StoreError;
using store::StoreResult;
using store::StoreStatus;
using store::TenantScope;

// Rounds of one survey open at once at most: a period of 60 days over a
// weekly cadence overlaps nine.
constexpr int kOverlappingRoundsMax = 10;
// Due deliveries read per query.
constexpr int kDueBatch = 100;

// A published survey as the scheduler needs it.
struct Survey
{
    QString id;
    api::SurveyDefinition definition;
};

// The tenants with a published survey: the only ones with anything to do.
// Unscoped on purpose: this is how the system job finds its tenants; every
// query after it runs in one tenant's scope.
StoreResult<QStringList> tenantsWithSurveys(const QSqlDatabase &database)
{
    QSqlQuery query(database);
    if (!query.exec(QStringLiteral("SELECT DISTINCT tenant_id FROM surveys WHERE published_at IS "
                                   "NOT NULL AND deleted_at IS NULL ORDER BY tenant_id")))
        return store::databaseError(QStringLiteral("listing tenants with surveys"),
                                    query.lastError().text());
    QStringList tenants;
    while (query.next())
        tenants.append(query.value(0).toString());
    return tenants;
}

// Closed ones too, unlike SurveyRepository::published(): a round closed
// just before a stop is aggregated at the next tick, after its one-shot
// survey was already marked closed with it.
StoreResult<QList<Survey>> publishedSurveys(const TenantScope &scope, const QSqlDatabase &database)
{
    store::ScopedQuery query(scope, database);
    query.prepare(
        QStringLiteral("SELECT id, definition FROM surveys WHERE tenant_id = :tenant_id "
                       "AND published_at IS NOT NULL AND deleted_at IS NULL ORDER BY id"));
    if (!query.exec())
        return store::databaseError(QStringLiteral("reading published surveys"), query.errorText());
    QList<Survey> surveys;
    while (query.next()) {
        const QString id = query.value(0).toString();
        const auto definition = api::surveyDefinitionFromJson(
            QJsonDocument::fromJson(query.value(1).toString().toUtf8()).object());
        if (!definition) {
            // A published definition was validated: this one is left alone
            // rather than stopping every other survey of the tenant.
            qCWarning(lcJobs).noquote() << "survey" << id << "has an unreadable definition";
            continue;
        }
        surveys.append(Survey{id, definition.value()});
    }
    return surveys;
}

StoreStatus setSurveyStatus(const TenantScope &scope, const QSqlDatabase &database,
                            const QString &surveyId, api::SurveyStatus status, const QDateTime &at)
{
    store::ScopedQuery query(scope, database);
    query.prepare(QStringLiteral("UPDATE surveys SET status = :status, updated_at = :at WHERE "
                                 "tenant_id = :tenant_id AND id = :id"));
    query.bindValue(QStringLiteral(":status"), api::surveyStatusName(status));
    query.bindValue(QStringLiteral(":at"), at.toMSecsSinceEpoch());
    query.bindValue(QStringLiteral(":id"), surveyId);
    if (!query.exec())
        return store::databaseError(QStringLiteral("updating a survey's status"),
                                    query.errorText());
    return store::Done{};
}

StoreStatus logRound(const TenantScope &scope, const QSqlDatabase &database, const QString &roundId,
                     const QString &action, const QString &summary, const QDateTime &at)
{
    return store::OperationLog::record(
        scope, database,
        {QString(), QString(), QStringLiteral("round"), roundId, action, summary, at});
}

// The items of a pulse round: the whole bank for a survey's first round and
// after a gap over the validity window (from the previous round's opening),
// else the rotation counted in round numbers from the last full round, so
// that a round skipped while the service was down keeps the 12-week cycle.
QStringList pulseItemsOf(const api::SurveyDefinition &definition, const api::PlannedRound &planned,
                         const QList<store::StoredRound> &earlier, int validityDays)
{
    const int cadence = definition.delivery.cadenceWeeks;
    const store::StoredRound *previous = nullptr;
    const store::StoredRound *lastFull = nullptr;
    for (const store::StoredRound &round : earlier) {
        if (round.number >= planned.number)
            continue;
        if (!previous || round.number > previous->number)
            previous = &round;
        if (round.itemIds.size() == api::kBankSize &&
            (!lastFull || round.number > lastFull->number))
            lastFull = &round;
    }
    if (!previous || !lastFull || previous->opensAt.daysTo(planned.opensAt) > validityDays)
        return api::pulseItems(cadence, 0);
    return api::pulseItems(cadence, planned.number - lastFull->number);
}

// Whom a round reaches: members who receive surveys and have not left,
// in the filter's group subtrees (all groups when none), whose snapshot on
// `day` holds one of the filter's values for each attribute it names. Each
// is reached in their own language, or the company's (`language`).
StoreResult<QList<store::RoundTarget>>
targetsOf(const TenantScope &scope, const QSqlDatabase &database, store::Keyring &keyring,
          const api::TargetFilter &filter, const QDate &day, const QString &language)
{
    std::optional<QSet<QString>> groups;
    if (!filter.groupIds.isEmpty()) {
        const auto subtree = store::GroupRepository(database).subtreeIds(scope, filter.groupIds);
        if (!subtree)
            return subtree.error();
        groups = QSet<QString>(subtree.value().cbegin(), subtree.value().cend());
    }
    const auto members = store::MemberRepository(database, keyring).all(scope);
    if (!members)
        return members.error();
    QList<store::RoundTarget> targets;
    for (const store::StoredMember &stored : members.value()) {
        const api::MemberFields &fields = stored.member.fields;
        if (!fields.deliver || fields.status == api::MemberStatus::Left)
            continue;
        if (groups && (!fields.groupId || !groups->contains(*fields.groupId)))
            continue;
        const QHash<QString, QString> snapshot = engagement::deliverySnapshot(fields, day);
        const bool matches =
            std::all_of(filter.attributes.cbegin(), filter.attributes.cend(),
                        [&snapshot](const std::pair<QString, QStringList> &attribute) {
                            const auto value = snapshot.constFind(attribute.first);
                            return value != snapshot.cend() && attribute.second.contains(*value);
                        });
        if (!matches)
            continue;
        store::RoundTarget target;
        target.memberId = stored.member.id;
        target.groupId = fields.groupId.value_or(QString());
        target.snapshot = snapshot;
        target.language = fields.language ? api::languageCode(*fields.language) : language;
        targets.append(std::move(target));
    }
    return targets;
}

// The work of one tick for one tenant.
class TenantTick final
{
public:
    TenantTick(const QSqlDatabase &database, store::Keyring &keyring, DeliverySender &sender,
               TenantScope scope, const QDateTime &now, TickReport &report)
        : m_database(database)
        , m_keyring(keyring)
        , m_sender(sender)
        , m_scope(std::move(scope))
        , m_now(now)
        , m_report(report)
        , m_queue(database, keyring)
    {}

    // Rounds: interrupted deliveries, openings, closes, aggregation.
    void rounds()
    {
        resumeInterrupted();
        const auto surveys = publishedSurveys(m_scope, m_database);
        const auto settings = store::EngagementSettingsRepository(m_database).settings(m_scope);
        const auto tenant = store::TenantRepository(m_database, m_keyring).get(m_scope);
        if (!ok(surveys, "reading surveys") || !ok(settings, "reading settings") ||
            !ok(tenant, "reading the tenant"))
            return;
        m_validityDays = settings.value().validityDays;
        for (const Survey &survey : surveys.value()) {
            // The rounds again for each survey: opening one adds to them.
            const auto rounds = readRounds();
            if (!rounds)
                return;
            openDue(survey, rounds.value(), tenant.value().locale);
            closeDue(survey);
        }
    }

    // Due deliveries until none is left or `until` expires.
    void deliveries(const QDeadlineTimer &until)
    {
        for (;;) {
            const auto due = m_queue.due(m_scope, m_now, kDueBatch);
            if (!ok(due, "reading due deliveries") || due.value().isEmpty())
                return;
            for (const qint64 id : due.value()) {
                if (until.hasExpired()) {
                    m_report.unfinished = true;
                    return;
                }
                deliver(id);
            }
        }
    }

private:
    // True when `result` is fine; logs and counts the failed step otherwise.
    template<typename T>
    bool ok(const StoreResult<T> &result, const char *what)
    {
        if (result)
            return true;
        ++m_report.failures;
        qCWarning(lcJobs).noquote() << "scheduler:" << what << "for tenant" << m_scope.tenantId()
                                    << "failed:" << result.error().message;
        return false;
    }

    StoreResult<QList<store::StoredRound>> readRounds()
    {
        auto rounds = store::PulseRepository(m_database, m_keyring).rounds(m_scope);
        ok(rounds, "reading rounds");
        return rounds;
    }

    void resumeInterrupted()
    {
        const auto interrupted =
            m_queue.interrupted(m_scope, m_now.addMSecs(-Scheduler::kInterruptedAfterMsecs));
        if (!ok(interrupted, "reading interrupted deliveries"))
            return;
        for (const DueDelivery &delivery : interrupted.value()) {
            if (ok(m_queue.resume(m_scope, delivery.id, m_sender.mayResend(delivery), m_now),
                   "resuming a delivery"))
                ++m_report.resumed;
        }
    }

    void openDue(const Survey &survey, const QList<store::StoredRound> &rounds,
                 const QString &language)
    {
        const api::SurveyDefinition &definition = survey.definition;
        QList<store::StoredRound> earlier;
        QSet<int> numbers;
        for (const store::StoredRound &round : rounds) {
            if (round.surveyId == survey.id) {
                earlier.append(round);
                numbers.insert(round.number);
            }
        }
        const QList<api::PlannedRound> planned =
            api::plannedRounds(definition.delivery, definition.kind, kOverlappingRoundsMax, m_now);
        for (const api::PlannedRound &round : planned) {
            if (round.opensAt > m_now || numbers.contains(round.number))
                continue;
            const auto opened = open(survey, round, earlier, language);
            if (ok(opened, "opening a round") && opened.value())
                ++m_report.roundsOpened;
        }
    }

    // Creates the round open with its targets and planned deliveries, in
    // one transaction; false when another instance was first.
    StoreResult<bool> open(const Survey &survey, const api::PlannedRound &planned,
                           const QList<store::StoredRound> &earlier, const QString &language)
    {
        const QString what = QStringLiteral("opening a round");
        const api::SurveyDefinition &definition = survey.definition;
        store::Transaction transaction(m_database);
        if (!transaction.isActive())
            return store::databaseError(what, transaction.error());
        store::PulseRepository pulses(m_database, m_keyring);
        store::StoredRound round;
        round.surveyId = survey.id;
        round.number = planned.number;
        // A custom round asks its survey's (frozen) questions, read from the definition.
        if (definition.kind == api::SurveyKind::Pulse)
            round.itemIds = pulseItemsOf(definition, planned, earlier, m_validityDays);
        round.opensAt = planned.opensAt;
        round.closesAt = planned.closesAt;
        round.status = api::RoundStatus::Open;
        const auto created = pulses.createRound(m_scope, round, m_now);
        if (!created) {
            if (created.errorKind() == store::StoreErrorKind::Conflict)
                return false;
            return created.error();
        }
        const QString roundId = created.value().id;
        const QDate day =
            planned.opensAt.toTimeZone(QTimeZone(definition.delivery.timeZone.toUtf8())).date();
        const auto targets =
            targetsOf(m_scope, m_database, m_keyring, definition.delivery.targets, day, language);
        if (!targets)
            return targets.error();
        if (!targets.value().isEmpty()) {
            if (const StoreStatus added = pulses.addTargets(m_scope, roundId, targets.value());
                !added)
                return added.error();
        }
        const auto stored = pulses.round(m_scope, roundId);
        if (!stored)
            return stored.error();
        const qint64 seq = stored.value().seq;
        if (const auto planned0 =
                m_queue.plan(m_scope, seq, api::DeliveryKind::Invitation, 0, planned.opensAt);
            !planned0)
            return planned0.error();
        for (qsizetype i = 0; i < planned.reminders.size(); ++i) {
            const auto reminder = m_queue.plan(m_scope, seq, api::DeliveryKind::Reminder,
                                               int(i) + 1, planned.reminders.at(i));
            if (!reminder)
                return reminder.error();
        }
        if (const StoreStatus status =
                setSurveyStatus(m_scope, m_database, survey.id, api::SurveyStatus::Open, m_now);
            !status)
            return status.error();
        if (const StoreStatus logged =
                logRound(m_scope, m_database, roundId, QStringLiteral("survey.round.open"),
                         QStringLiteral("survey %1, round %2, %3 targets")
                             .arg(survey.id)
                             .arg(planned.number)
                             .arg(targets.value().size()),
                         m_now);
            !logged)
            return logged.error();
        if (const StoreStatus committed = transaction.commit(); !committed)
            return committed.error();
        return true;
    }

    void closeDue(const Survey &survey)
    {
        const auto rounds = readRounds();
        if (!rounds)
            return;
        for (const store::StoredRound &round : rounds.value()) {
            if (round.surveyId != survey.id)
                continue;
            if (round.status == api::RoundStatus::Open && round.closesAt <= m_now) {
                if (!ok(close(survey, round, rounds.value()), "closing a round"))
                    continue;
                ++m_report.roundsClosed;
            } else if (round.status != api::RoundStatus::Closed || round.aggregatedAt != 0) {
                continue;
            }
            // Closed here or by an administrator, or closed before a stop
            // that came before its aggregation.
            const auto cells = engagement::RoundAggregator(m_database, m_keyring)
                                   .aggregate(m_scope, round.id, m_validityDays, m_now);
            if (ok(cells, "aggregating a round"))
                ++m_report.roundsAggregated;
        }
    }

    StoreStatus close(const Survey &survey, const store::StoredRound &round,
                      const QList<store::StoredRound> &rounds)
    {
        store::Transaction transaction(m_database);
        if (!transaction.isActive())
            return store::databaseError(QStringLiteral("closing a round"), transaction.error());
        if (const StoreStatus closed =
                store::PulseRepository(m_database, m_keyring)
                    .setRoundStatus(m_scope, round.id, api::RoundStatus::Closed);
            !closed)
            return closed;
        if (const StoreStatus skipped = m_queue.skipPending(m_scope, round.seq); !skipped)
            return skipped;
        // As SurveyRepository::closeOpenRound leaves it: a one-shot survey
        // is over, a recurring one waits for its next round (or runs on).
        const bool anotherOpen =
            std::any_of(rounds.cbegin(), rounds.cend(), [&](const store::StoredRound &other) {
                return other.surveyId == survey.id && other.id != round.id &&
                       other.status == api::RoundStatus::Open;
            });
        const bool more =
            api::plannedRound(survey.definition.delivery, survey.definition.kind, round.number + 1)
                .has_value();
        const api::SurveyStatus status = anotherOpen ? api::SurveyStatus::Open
                                         : more      ? api::SurveyStatus::Scheduled
                                                     : api::SurveyStatus::Closed;
        if (const StoreStatus updated =
                setSurveyStatus(m_scope, m_database, survey.id, status, m_now);
            !updated)
            return updated;
        if (const StoreStatus logged = logRound(
                m_scope, m_database, round.id, QStringLiteral("survey.round.close"),
                QStringLiteral("survey %1, round %2").arg(survey.id).arg(round.number), m_now);
            !logged)
            return logged;
        return transaction.commit();
    }

    void deliver(qint64 id)
    {
        const auto claimed = m_queue.claim(m_scope, id, m_now);
        if (!ok(claimed, "claiming a delivery"))
            return;
        if (!claimed.value()) {
            ++m_report.settled;
            return;
        }
        const DeliveryResult result = m_sender.send(*claimed.value());
        if (ok(m_queue.finish(m_scope, id, result, m_now), "recording a delivery"))
            ++m_report.sent;
    }

    const QSqlDatabase &m_database;
    store::Keyring &m_keyring;
    DeliverySender &m_sender;
    const TenantScope m_scope;
    const QDateTime m_now;
    TickReport &m_report;
    DeliveryQueue m_queue;
    int m_validityDays = api::kAnswerValidityDaysDefault;
};

} // namespace

Scheduler::Scheduler(const store::Database &database, store::Keyring &keyring,
                     DeliverySender &sender)
    : m_database(database)
    , m_keyring(keyring)
    , m_sender(sender)
{}

TickReport Scheduler::tick(const QDateTime &now, QDeadlineTimer sendUntil)
{
    TickReport report;
    QString error;
    const QSqlDatabase database = m_database.connection(&error);
    if (!database.isOpen()) {
        ++report.failures;
        qCWarning(lcJobs).noquote() << "scheduler: no database:" << error;
        return report;
    }
    const auto tenants = tenantsWithSurveys(database);
    if (!tenants) {
        ++report.failures;
        qCWarning(lcJobs).noquote() << "scheduler:" << tenants.error().message;
        return report;
    }
    // Every tenant's rounds first, then the deliveries: a tenant with many
    // to send does not hold another's round back.
    for (const QString &tenant : tenants.value())
        TenantTick(database, m_keyring, m_sender, TenantScope(tenant), now, report).rounds();
    for (const QString &tenant : tenants.value()) {
        TenantTick(database, m_keyring, m_sender, TenantScope(tenant), now, report)
            .deliveries(sendUntil);
        if (report.unfinished)
            break;
    }
    return report;
}

} // namespace engage::server::jobs
