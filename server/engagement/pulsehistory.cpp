#include "pulsehistory.h"

#include "api/dashboard.h"
#include "api/member.h"
#include "api/questionbank.h"
#include "deliverysnapshot.h"
#include "roundaggregator.h"
#include "store/engagementsettingsrepository.h"
#include "store/grouprepository.h"
#include "store/memberrepository.h"
#include "store/pulserepository.h"
#include "store/transaction.h"

#include <QHash>
#include <QList>
#include <QTimeZone>
#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <random>
#include <vector>

namespace engage::server::engagement {

namespace {

constexpr int kKeyFactors = api::kFactorCount - 1;
constexpr double kPi = 3.14159265358979323846;
constexpr int kRoundDays = 28;
constexpr int kOpenDays = 14;
// Most answers come in during the first days of a round.
constexpr int kAnsweringDays = 10;

// The latent scale is the answer scale: a level of 3.6 answers "agree" a
// little more often than "neither".
constexpr double kFactorLevel = 3.6;
constexpr double kEngagementLevel = 3.5;
constexpr double kAnswerNoise = 0.55;

// How much each key factor drives engagement, in keyFactors() order (job,
// growth, health, support, relationships, recognition, mission, culture,
// environment): unequal, so the priority chart has a shape.
constexpr std::array<double, kKeyFactors> kImpact = {0.30, 0.20, 0.01, 0.12, 0.09,
                                                     0.16, 0.06, 0.04, 0.02};
// Which factors a declining department loses most (health, support,
// recognition: the workload story) and which the recovering one regains
// most (job, support, relationships: a new lead).
constexpr std::array<double, kKeyFactors> kDeclineWeight = {0.7, 0.7, 1.5, 1.5, 0.7,
                                                            1.5, 0.7, 0.7, 0.7};
constexpr std::array<double, kKeyFactors> kRecoveryWeight = {1.4, 0.8, 0.8, 1.4, 1.4,
                                                             0.8, 0.8, 0.8, 0.8};

// Numbers from std::mt19937, whose output the standard fixes; the
// distributions are this file's own, since the standard library's differ
// between implementations.
class Draw final
{
public:
    explicit Draw(quint32 seed)
        : m_engine(seed)
    {}

    // In (0, 1).
    double uniform() { return (double(m_engine()) + 0.5) / 4294967296.0; }
    double between(double low, double high) { return low + (high - low) * uniform(); }
    // Box-Muller, one value per call.
    double normal(double deviation)
    {
        const double radius = std::sqrt(-2.0 * std::log(uniform()));
        return deviation * radius * std::cos(2.0 * kPi * uniform());
    }

private:
    std::mt19937 m_engine;
};

struct GroupModel
{
    QString id;
    QString parentId;
    double overall = 0;                    // shared by every factor
    std::array<double, kKeyFactors> own{}; // the group's own lean per factor
    double responseRate = 0;               // its usual rate
    bool declining = false;                // in the declining subtree
    bool improving = false;                // in the recovering subtree
};

struct MemberModel
{
    QString memberId;
    QString groupId;
    int group = 0; // index into the groups
    std::optional<QDate> hireDate;
    QHash<QString, QString> attributes; // the snapshot without the bands
    // The last round's bands and snapshot: bands change on birthdays and
    // anniversaries only, so most rounds reuse the snapshot as it was.
    QString ageBand;
    QString tenureBand;
    QHash<QString, QString> snapshot;
    std::optional<QDate> birthDate;
    double mood = 0;
    std::array<double, kKeyFactors> factor{};
    double engagement = 0;
    double willingness = 1; // how readily they answer
    QString respondentKey;
};

std::array<double, kKeyFactors> trendOf(const GroupModel &group, int round, int eventAfterRound)
{
    std::array<double, kKeyFactors> trend{};
    // A mild company-wide season: busy spring, relaxed summer.
    const double season = 0.05 * std::sin(2.0 * kPi * round / 13.0);
    for (int f = 0; f < kKeyFactors; ++f) {
        trend[f] = season;
        if (group.declining)
            trend[f] -= 0.06 * round * kDeclineWeight[f];
        if (group.improving) {
            const double recovered = std::clamp((round - eventAfterRound) / 3.0, 0.0, 1.0);
            trend[f] += (-0.3 - 0.015 * round + 0.65 * recovered) * kRecoveryWeight[f];
        }
    }
    return trend;
}

int answer(double level, Draw &draw)
{
    return int(std::clamp(std::lround(level + draw.normal(kAnswerNoise)), long(api::kAnswerMin),
                          long(api::kAnswerMax)));
}

QDateTime midnightUtc(const QDate &day)
{
    return QDateTime(day, QTime(0, 0), QTimeZone::utc());
}

} // namespace

PulseHistory::PulseHistory(QSqlDatabase database, store::Keyring &keyring)
    : m_database(std::move(database))
    , m_keyring(keyring)
{}

store::StoreResult<PulseHistoryWritten> PulseHistory::write(const store::TenantScope &scope,
                                                            const PulseHistoryPlan &plan)
{
    Draw draw(plan.seed);
    const QList<api::BankItem> &bank = api::questionBank();
    std::array<double, api::kBankSize> itemBias{};
    for (double &bias : itemBias)
        bias = draw.normal(0.2);

    // Groups in code order, so the draws do not depend on random ids.
    auto groupList = store::GroupRepository(m_database).tree(scope);
    if (!groupList)
        return groupList.error();
    std::sort(
        groupList.value().begin(), groupList.value().end(),
        [](const api::Group &a, const api::Group &b) { return a.fields.code < b.fields.code; });
    std::vector<GroupModel> groups;
    QHash<QString, int> groupIndex;
    for (const api::Group &group : std::as_const(groupList.value())) {
        GroupModel model;
        model.id = group.id;
        model.parentId = group.fields.parentId.value_or(QString());
        model.overall = draw.normal(0.15);
        for (double &lean : model.own)
            lean = draw.normal(0.2);
        model.responseRate = draw.between(0.66, 0.9);
        groupIndex.insert(group.id, int(groups.size()));
        groups.push_back(model);
    }
    // A department's baseline is its parents' plus its own lean.
    const auto ancestry = [&groups, &groupIndex](int index) {
        std::vector<int> chain;
        for (int at = index; at >= 0 && chain.size() <= groups.size();
             at = groupIndex.value(groups[std::size_t(at)].parentId, -1))
            chain.push_back(at);
        return chain;
    };
    std::vector<std::array<double, kKeyFactors>> baseline(groups.size());
    for (std::size_t g = 0; g < groups.size(); ++g) {
        for (const int at : ancestry(int(g))) {
            const GroupModel &from = groups[std::size_t(at)];
            for (int f = 0; f < kKeyFactors; ++f)
                baseline[g][f] += from.overall + from.own[f];
            groups[g].declining |= from.id == plan.decliningGroupId;
            groups[g].improving |= from.id == plan.improvingGroupId;
        }
    }

    store::PulseRepository pulses(m_database, m_keyring);
    auto memberList = store::MemberRepository(m_database, m_keyring).all(scope);
    if (!memberList)
        return memberList.error();
    std::vector<const api::Member *> delivered;
    for (const store::StoredMember &stored : std::as_const(memberList.value())) {
        const api::MemberFields &fields = stored.member.fields;
        if (fields.deliver && fields.status != api::MemberStatus::Left && fields.groupId &&
            groupIndex.contains(*fields.groupId))
            delivered.push_back(&stored.member);
    }
    std::sort(delivered.begin(), delivered.end(), [](const api::Member *a, const api::Member *b) {
        return std::pair(a->fields.employeeCode.value_or(QString()), a->id) <
               std::pair(b->fields.employeeCode.value_or(QString()), b->id);
    });
    std::vector<MemberModel> members;
    members.reserve(delivered.size());
    for (const api::Member *member : delivered) {
        MemberModel model;
        model.memberId = member->id;
        model.groupId = *member->fields.groupId;
        model.group = groupIndex.value(model.groupId);
        model.hireDate = member->fields.hireDate;
        model.birthDate = member->fields.birthDate;
        model.attributes = memberAttributes(member->fields);
        model.mood = draw.normal(0.2);
        for (double &level : model.factor)
            level = draw.normal(0.7);
        model.engagement = draw.normal(0.3);
        model.willingness = std::exp(draw.normal(0.5) + model.mood);
        const auto key = pulses.respondentKey(scope, member->id);
        if (!key)
            return key.error();
        model.respondentKey = key.value();
        members.push_back(std::move(model));
    }

    const auto settings = store::EngagementSettingsRepository(m_database).settings(scope);
    if (!settings)
        return settings.error();
    PulseHistoryWritten written;
    const QDate firstClose = plan.lastCloseDay.addDays(-qint64(kRoundDays) * (plan.rounds - 1));
    written.eventDay = firstClose.addDays(qint64(kRoundDays) * plan.eventAfterRound + 7);

    for (int round = 0; round < plan.rounds; ++round) {
        const QDate closeDay = firstClose.addDays(qint64(kRoundDays) * round);
        const QDate openDay = closeDay.addDays(-kOpenDays);
        store::Transaction transaction(m_database);
        if (!transaction.isActive())
            return store::databaseError(QStringLiteral("writing a pulse round"),
                                        transaction.error());
        if (round == 0) {
            const auto survey =
                pulses.createSurvey(scope, store::SurveyKind::Pulse, plan.surveyName, 4,
                                    midnightUtc(openDay.addDays(-7)));
            if (!survey)
                return survey.error();
            written.surveyId = survey.value().id;
        }
        if (round == plan.eventAfterRound + 1 && !plan.memoText.isEmpty()) {
            const auto memo = store::MemoRepository(m_database, m_keyring)
                                  .create(scope, plan.memoAuthorId,
                                          api::MemoFields{written.eventDay, plan.memoText, true},
                                          midnightUtc(written.eventDay).addSecs(9 * 3600));
            if (!memo)
                return memo.error();
        }

        store::StoredRound pending;
        pending.surveyId = written.surveyId;
        pending.number = round + 1;
        pending.itemIds = api::pulseItems(4, round);
        pending.opensAt = midnightUtc(openDay);
        pending.closesAt = midnightUtc(closeDay);
        pending.status = api::RoundStatus::Open;
        const auto created = pulses.createRound(scope, pending, pending.opensAt);
        if (!created)
            return created.error();
        const QString roundId = created.value().id;
        std::vector<int> asked;
        for (const QString &itemId : std::as_const(pending.itemIds))
            asked.push_back(api::bankItem(itemId)->index);

        // Whom the round reached, as they were on its first day.
        QList<store::RoundTarget> targets;
        targets.reserve(qsizetype(members.size()));
        std::vector<std::vector<int>> byGroup(groups.size());
        for (std::size_t m = 0; m < members.size(); ++m) {
            MemberModel &member = members[m];
            if (member.hireDate && *member.hireDate > openDay)
                continue;
            const QString ageBand =
                member.birthDate ? api::ageBand(*member.birthDate, openDay) : QString();
            const QString tenureBand =
                member.hireDate ? api::tenureBand(*member.hireDate, openDay) : QString();
            if (member.snapshot.isEmpty() || ageBand != member.ageBand ||
                tenureBand != member.tenureBand) {
                member.ageBand = ageBand;
                member.tenureBand = tenureBand;
                member.snapshot = withBands(member.attributes, ageBand, tenureBand);
            }
            store::RoundTarget target;
            target.memberId = member.memberId;
            target.groupId = member.groupId;
            target.snapshot = member.snapshot;
            targets.append(target);
            byGroup[std::size_t(member.group)].push_back(int(m));
        }
        const store::StoreStatus targeted = pulses.addTargets(scope, roundId, targets);
        if (!targeted)
            return targeted.error();

        // Who answered: a share of each group between 60 and 95 %, the more
        // willing more often (weighted sampling by exponential keys).
        QList<store::PulseRepository::BulkResponse> responses;
        for (std::size_t g = 0; g < groups.size(); ++g) {
            const GroupModel &group = groups[g];
            const std::array<double, kKeyFactors> trend =
                trendOf(group, round, plan.eventAfterRound);
            const double groupShift = draw.normal(0.05);
            double rate = group.responseRate + draw.normal(0.035);
            if (group.declining)
                rate -= 0.012 * round;
            if (group.improving && round > plan.eventAfterRound)
                rate += 0.04;
            const std::vector<int> &inGroup = byGroup[g];
            const int size = int(inGroup.size());
            if (size == 0)
                continue;
            const int fewest = (3 * size + 4) / 5;
            const int most = std::max(fewest, 19 * size / 20);
            const int count =
                std::clamp(int(std::lround(std::clamp(rate, 0.6, 0.95) * size)), fewest, most);
            std::vector<std::pair<double, int>> keys;
            keys.reserve(inGroup.size());
            for (const int m : inGroup)
                keys.emplace_back(std::log(draw.uniform()) / members[std::size_t(m)].willingness,
                                  m);
            std::sort(keys.begin(), keys.end(), std::greater<>());
            keys.resize(std::size_t(count));
            std::sort(keys.begin(), keys.end(),
                      [](const auto &a, const auto &b) { return a.second < b.second; });

            for (const auto &picked : keys) {
                const MemberModel &member = members[std::size_t(picked.second)];
                const double roundMood = draw.normal(0.15);
                std::array<double, kKeyFactors> level{};
                double engagement = kEngagementLevel + member.engagement + roundMood;
                for (int f = 0; f < kKeyFactors; ++f) {
                    level[f] = kFactorLevel + baseline[std::size_t(member.group)][f] + trend[f] +
                               groupShift + member.mood + member.factor[f] + roundMood;
                    engagement += 1.2 * kImpact[f] * (level[f] - kFactorLevel);
                }
                store::PulseRepository::BulkResponse response;
                response.respondentKey = member.respondentKey;
                response.submittedAt =
                    pending.opensAt.addSecs(qint64(draw.uniform() * kAnsweringDays * 86400));
                response.answers.reserve(qsizetype(asked.size()));
                for (const int index : asked) {
                    const api::BankItem &item = bank.at(index);
                    const int f = api::factorIndex(item.factor);
                    const double at = f == 0 ? engagement : level[std::size_t(f - 1)];
                    response.answers.append(
                        store::SubmittedAnswer{item.id, answer(at + itemBias[index], draw)});
                }
                responses.append(response);
            }
        }
        const store::StoreStatus submitted = pulses.submitMany(scope, roundId, responses);
        if (!submitted)
            return submitted.error();
        written.responses += responses.size();
        const store::StoreStatus closed =
            pulses.setRoundStatus(scope, roundId, api::RoundStatus::Closed);
        if (!closed)
            return closed.error();
        const store::StoreStatus committed = transaction.commit();
        if (!committed)
            return committed.error();
        written.roundIds.append(roundId);
    }
    // Each round's cells as if aggregated at its close: a round's window
    // holds no answer of a later round, whose answers are dated after its
    // close.
    const auto aggregated =
        RoundAggregator(m_database, m_keyring)
            .aggregateSurvey(scope, written.surveyId, settings.value().validityDays,
                             midnightUtc(plan.lastCloseDay));
    if (!aggregated)
        return aggregated.error();
    return written;
}

} // namespace engage::server::engagement
