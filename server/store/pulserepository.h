#pragma once

#include "api/dashboard.h"
#include "storeresult.h"
#include "tenantscope.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <memory>
#include <utility>

namespace engage::server::store {

class Keyring;
struct TenantKey;

// Surveys, rounds, their targets, responses and answers (schema 0005). Every
// method joins the caller's Transaction if one is open; batch writes are all
// or nothing, read what they need once per batch and write many rows to a
// statement (the demo writes a year of pulses, the benchmark 20,000 members
// x 24 rounds).

enum class SurveyKind
{
    Pulse,
    Custom,
};

struct StoredSurvey
{
    QString id;
    SurveyKind kind = SurveyKind::Pulse;
    QString name;
    int cadenceWeeks = 4;
    QString status; // "draft", "scheduled", "open", "closed"
    qint64 revision = 1;
    QDateTime createdAt;
};

struct StoredRound
{
    QString id;
    QString surveyId;
    int number = 1;
    QStringList itemIds;
    QDateTime opensAt;
    QDateTime closesAt;
    api::RoundStatus status = api::RoundStatus::Scheduled;
    qint64 aggregatedAt = 0; // ms since the epoch; 0: never aggregated
    qint64 targets = 0;      // read: its round_targets rows (survey_rounds.target_count)
    qint64 respondents = 0;  // read: of those, responded (survey_rounds.respondent_count)
    qint64 seq = 0;          // read: the store's key of the round (survey_rounds.seq)
};

// A member as a round was delivered to them.
struct RoundTarget
{
    QString memberId;
    QString groupId;
    QHash<QString, QString> snapshot; // attribute id or api::snapshotKeys() key -> value
    QString language = QStringLiteral("ja");
};

struct SubmittedAnswer
{
    QString itemId;
    int value = 0; // 1-5
};

// A response as aggregation reads it: no member, only the respondent key.
struct StoredResponse
{
    QString roundId;
    QString respondentKey;
    QString groupId;
    QHash<QString, QString> snapshot;
    QDateTime submittedAt;
};

struct StoredAnswer
{
    QString respondentKey;
    QString roundId;
    int bankIndex = 0; // api::BankItem::index
    int value = 0;
    qint64 answeredAt = 0; // ms since the epoch
};

// A snapshot as stored (round_targets, responses, round_cells): a compact
// JSON object with its keys sorted, so equal snapshots have equal text.
QString snapshotText(const QHash<QString, QString> &snapshot);
QHash<QString, QString> snapshotFromText(const QString &text);

class ScopedQuery;

// The columns of survey_rounds (as r) a round is read from, in order, for
// statements that read more with it (its survey), and the round of such a
// row, its columns from `first` on.
const QString &roundColumns();
StoreResult<StoredRound> roundOfRow(const ScopedQuery &query, int first = 0);

class PulseRepository final
{
public:
    PulseRepository(QSqlDatabase database, Keyring &keyring);

    // The keyed hash that stands for a member in responses: HMAC-SHA256
    // under the tenant's blind-index key of "respondent:" + member id, hex.
    StoreResult<QString> respondentKey(const TenantScope &scope, const QString &memberId);

    StoreResult<StoredSurvey> createSurvey(const TenantScope &scope, SurveyKind kind,
                                           const QString &name, int cadenceWeeks,
                                           const QDateTime &at, const QString &id = {});
    StoreResult<QList<StoredSurvey>> surveys(const TenantScope &scope);

    // `round.id` empty: a new random id. NotFound for another tenant's survey.
    StoreResult<StoredRound> createRound(const TenantScope &scope, StoredRound round,
                                         const QDateTime &at);
    // NotFound for a missing or other tenant's round.
    StoreResult<StoredRound> round(const TenantScope &scope, const QString &roundId);
    // Every round of the tenant, newest close first, with counts.
    StoreResult<QList<StoredRound>> rounds(const TenantScope &scope);
    // The same, of the engagement pulse only: what the dashboards read (a
    // custom survey's rounds have no bank items and results of their own).
    StoreResult<QList<StoredRound>> pulseRounds(const TenantScope &scope);
    StoreStatus setRoundStatus(const TenantScope &scope, const QString &roundId,
                               api::RoundStatus status);

    // Snapshots the targets (respondent keys computed here); replaces none:
    // a member already targeted by the round is a Conflict.
    StoreStatus addTargets(const TenantScope &scope, const QString &roundId,
                           const QList<RoundTarget> &targets);

    // Records a member's response (submitted or saved again: answers replace
    // the earlier ones of the same items; the first submission sets
    // responded_at). Refuses (Refused) an item the round did not ask, a value
    // outside 1-5 or a member the round was not delivered to (NotFound).
    // `late` when submitted after the round closed. Returns the round id, for
    // re-aggregation.
    StoreResult<QString> submit(const TenantScope &scope, const QString &roundId,
                                const QString &memberId, const QList<SubmittedAnswer> &answers,
                                const QDateTime &at);

    // A response whose answers are not the bank's (a custom survey's go to
    // custom_answers: customanswerrepository.h): the responses row and the
    // target's first submission, written as submit() writes them. Returns the
    // response's id.
    StoreResult<qint64> recordResponse(const TenantScope &scope, const QString &roundId,
                                       const QString &memberId, const QDateTime &at);

    // For the demo and the benchmark: many responses at once, by respondent
    // key, each with its answers; targets must exist.
    struct BulkResponse
    {
        QString respondentKey;
        QDateTime submittedAt;
        QList<SubmittedAnswer> answers;
    };
    StoreStatus submitMany(const TenantScope &scope, const QString &roundId,
                           const QList<BulkResponse> &responses);

    // Final submissions through respondent links (ResponseLinkRepository),
    // their targets known by respondent id: many at once (the respondent
    // page's group commit writes a batch's together), all or nothing, each
    // as submit() writes one, in order (a link submitting twice: the later
    // answers replace the earlier).
    struct LinkedResponse
    {
        qint64 respondentId = 0;
        QDateTime submittedAt;
        QList<SubmittedAnswer> answers;
    };
    StoreStatus submitLinked(const TenantScope &scope, const QString &roundId,
                             const QList<LinkedResponse> &responses);

    // What aggregation reads: the targets of a round (key, group, snapshot,
    // responded?), and every answer of the tenant's `surveyId` answered in
    // (from, to], oldest first.
    struct TargetRow
    {
        QString respondentKey;
        QString groupId;
        QHash<QString, QString> snapshot;
        bool responded = false;
    };
    StoreResult<QList<TargetRow>> targets(const TenantScope &scope, const QString &roundId);
    StoreResult<QList<StoredAnswer>> answers(const TenantScope &scope, const QString &surveyId,
                                             qint64 fromExclusive, qint64 toInclusive);

    // After a purge: the member's targets forget the member id; answers stay.
    StoreStatus forgetMember(const TenantScope &scope, const QString &memberId);

private:
    // rounds() narrowed by `condition` (" AND ..." on `r`).
    StoreResult<QList<StoredRound>> roundsWhere(const TenantScope &scope, const QString &condition);
    static QString respondentKey(const TenantKey &key, const QString &memberId);
    // Keys are computed once per member for the life of the repository (the
    // demo asks for each member's key every round), under the tenant key
    // first used.
    QString cachedRespondentKey(const TenantScope &scope,
                                const std::shared_ptr<const TenantKey> &key,
                                const QString &memberId);
    // snapshotText() of a target, computed again only when the caller hands
    // in another snapshot object for the member than last time (the demo
    // and the benchmark keep a member's snapshot from round to round).
    QString snapshotTextOf(const RoundTarget &target);
    // The respondents and placements rows of `targets`, in their order,
    // added where missing.
    StoreResult<QList<qint64>> respondentIds(const TenantScope &scope,
                                             const QList<RoundTarget> &targets);
    StoreResult<QList<qint64>> placementIds(const TenantScope &scope,
                                            const QList<RoundTarget> &targets);

    QSqlDatabase m_database;
    Keyring &m_keyring;
    QString m_keysTenant;
    std::shared_ptr<const TenantKey> m_key;
    QHash<QString, QString> m_keys; // member id -> respondent key
    QHash<QString, std::pair<QHash<QString, QString>, QString>> m_snapshots; // by member id
};

} // namespace engage::server::store
