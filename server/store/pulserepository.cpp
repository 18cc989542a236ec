#include "pulserepository.h"

#include "api/id.h"
#include "api/questionbank.h"
#include "crypto/blindindex.h"
#include "keyring.h"
#include "rowsupport.h"
#include "scopedquery.h"
#include "sqlerrors.h"
#include "transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <algorithm>

namespace engage::server::store {

namespace {

const QString kRoundColumns = QStringLiteral(
    "r.id, r.survey_id, r.number, r.items, r.opens_at, r.closes_at, r.status, r.aggregated_at, "
    "COUNT(t.respondent_key), COUNT(t.responded_at)");
// The counts come from the targets; r.id is the key, so PostgreSQL accepts
// the other columns ungrouped.
const QString kRoundSelect =
    QStringLiteral("SELECT ") + kRoundColumns +
    QStringLiteral(" FROM survey_rounds r LEFT JOIN round_targets t ON t.round_id = r.id "
                   "WHERE r.tenant_id = :tenant_id");
const QString kRoundGroup = QStringLiteral(" GROUP BY r.id");

QString surveyKindName(SurveyKind kind)
{
    return kind == SurveyKind::Pulse ? QStringLiteral("pulse") : QStringLiteral("custom");
}

QString itemsText(const QStringList &itemIds)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(itemIds)).toJson(QJsonDocument::Compact));
}

QStringList itemsFromText(const QString &text)
{
    QStringList items;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue &value : array)
        items.append(value.toString());
    return items;
}

QVariant nullableId(const QString &id)
{
    return id.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(id);
}

StoreError noRound()
{
    return StoreError{StoreErrorKind::NotFound, QStringLiteral("no such round")};
}

StoreError notTargeted()
{
    return StoreError{StoreErrorKind::NotFound,
                      QStringLiteral("the round was not delivered to this respondent")};
}

StoreResult<StoredRound> readRound(const ScopedQuery &query)
{
    StoredRound round;
    round.id = query.value(0).toString();
    round.surveyId = query.value(1).toString();
    round.number = query.value(2).toInt();
    round.itemIds = itemsFromText(query.value(3).toString());
    round.opensAt = rows::fromMsecs(query.value(4));
    round.closesAt = rows::fromMsecs(query.value(5));
    const auto status = api::roundStatusFromName(query.value(6).toString());
    if (!status)
        return databaseError(QStringLiteral("reading rounds"),
                             QStringLiteral("unknown status in round %1").arg(round.id));
    round.status = *status;
    round.aggregatedAt = query.value(7).toLongLong();
    round.targets = query.value(8).toLongLong();
    round.respondents = query.value(9).toLongLong();
    return round;
}

// What a submission must satisfy before anything is written: items the
// round asked, each once, values on the scale.
StoreStatus checkAnswers(const QSet<QString> &asked, const QList<SubmittedAnswer> &answers)
{
    if (answers.isEmpty())
        return StoreError{StoreErrorKind::Refused, QStringLiteral("a response without answers")};
    QSet<QString> seen;
    for (const SubmittedAnswer &answer : answers) {
        if (!asked.contains(answer.itemId))
            return StoreError{StoreErrorKind::Refused,
                              QStringLiteral("an answer to an item the round did not ask")};
        if (answer.value < api::kAnswerMin || answer.value > api::kAnswerMax)
            return StoreError{StoreErrorKind::Refused,
                              QStringLiteral("an answer outside the agreement scale")};
        if (seen.contains(answer.itemId))
            return StoreError{StoreErrorKind::Refused,
                              QStringLiteral("two answers to the same item")};
        seen.insert(answer.itemId);
    }
    return Done{};
}

// Writes responses to one round with statements prepared once: the target's
// snapshot copied into the response, answers upserted by item, the target
// marked responded at the first submission.
class ResponseWriter final
{
public:
    ResponseWriter(const TenantScope &scope, const QSqlDatabase &database, const StoredRound &round)
        : m_round(round)
        , m_target(scope, database)
        , m_existing(scope, database)
        , m_insert(scope, database)
        , m_update(scope, database)
        , m_answer(scope, database)
        , m_responded(scope, database)
    {}

    bool prepare()
    {
        // Portable upsert (SQLite 3.24+, PostgreSQL): a later answer to an
        // item replaces the earlier one.
        return m_target.prepare(QStringLiteral(
                   "SELECT group_id, snapshot, responded_at FROM round_targets WHERE "
                   "tenant_id = :tenant_id AND round_id = :round AND respondent_key = :key")) &&
               m_existing.prepare(
                   QStringLiteral("SELECT id, late FROM responses WHERE tenant_id = :tenant_id AND "
                                  "round_id = :round AND respondent_key = :key")) &&
               m_insert.prepare(QStringLiteral(
                   "INSERT INTO responses (id, tenant_id, round_id, respondent_key, group_id, "
                   "snapshot, submitted_at, late) VALUES (:id, :tenant_id, :round, :key, "
                   ":group_id, :snapshot, :at, :late)")) &&
               m_update.prepare(
                   QStringLiteral("UPDATE responses SET submitted_at = :at, late = :late WHERE "
                                  "tenant_id = :tenant_id AND id = :id")) &&
               m_answer.prepare(QStringLiteral(
                   "INSERT INTO answers (response_id, tenant_id, respondent_key, item_id, "
                   "value, answered_at) VALUES (:response, :tenant_id, :key, :item, :value, "
                   ":answered_at) ON CONFLICT (response_id, item_id) DO UPDATE SET "
                   "value = excluded.value, answered_at = excluded.answered_at")) &&
               m_responded.prepare(QStringLiteral(
                   "UPDATE round_targets SET responded_at = :at WHERE tenant_id = :tenant_id "
                   "AND round_id = :round AND respondent_key = :key AND responded_at IS NULL"));
    }

    StoreStatus write(const QString &respondentKey, const QDateTime &at,
                      const QList<SubmittedAnswer> &answers)
    {
        const qint64 when = at.toMSecsSinceEpoch();
        const qint64 closes = m_round.closesAt.toMSecsSinceEpoch();
        m_target.bindValue(QStringLiteral(":round"), m_round.id);
        m_target.bindValue(QStringLiteral(":key"), respondentKey);
        if (!m_target.exec())
            return failed(m_target);
        if (!m_target.next())
            return notTargeted();
        const QVariant groupId = m_target.value(0);
        const QVariant snapshot = m_target.value(1);
        const bool responded = !m_target.value(2).isNull();
        m_target.finish();

        m_existing.bindValue(QStringLiteral(":round"), m_round.id);
        m_existing.bindValue(QStringLiteral(":key"), respondentKey);
        if (!m_existing.exec())
            return failed(m_existing);
        // A response stays late once any of it came after the close.
        bool late = when > closes;
        QString responseId;
        if (m_existing.next()) {
            responseId = m_existing.value(0).toString();
            late = late || m_existing.value(1).toInt() != 0;
        }
        m_existing.finish();

        if (responseId.isEmpty()) {
            responseId = api::createId();
            m_insert.bindValue(QStringLiteral(":id"), responseId);
            m_insert.bindValue(QStringLiteral(":round"), m_round.id);
            m_insert.bindValue(QStringLiteral(":key"), respondentKey);
            m_insert.bindValue(QStringLiteral(":group_id"), groupId);
            m_insert.bindValue(QStringLiteral(":snapshot"), snapshot);
            m_insert.bindValue(QStringLiteral(":at"), when);
            m_insert.bindValue(QStringLiteral(":late"), late ? 1 : 0);
            if (!m_insert.exec())
                return failed(m_insert);
        } else {
            m_update.bindValue(QStringLiteral(":id"), responseId);
            m_update.bindValue(QStringLiteral(":at"), when);
            m_update.bindValue(QStringLiteral(":late"), late ? 1 : 0);
            if (!m_update.exec())
                return failed(m_update);
        }

        // A late answer is dated at its round's close: it answers that round,
        // and the validity window of that round and the later ones is
        // measured from there (roundaggregator.h).
        const qint64 answeredAt = std::min(when, closes);
        for (const SubmittedAnswer &answer : answers) {
            m_answer.bindValue(QStringLiteral(":response"), responseId);
            m_answer.bindValue(QStringLiteral(":key"), respondentKey);
            m_answer.bindValue(QStringLiteral(":item"), answer.itemId);
            m_answer.bindValue(QStringLiteral(":value"), answer.value);
            m_answer.bindValue(QStringLiteral(":answered_at"), answeredAt);
            if (!m_answer.exec())
                return failed(m_answer);
        }

        if (!responded) {
            m_responded.bindValue(QStringLiteral(":at"), when);
            m_responded.bindValue(QStringLiteral(":round"), m_round.id);
            m_responded.bindValue(QStringLiteral(":key"), respondentKey);
            if (!m_responded.exec())
                return failed(m_responded);
        }
        return Done{};
    }

private:
    StoreError failed(const ScopedQuery &query)
    {
        return databaseError(QStringLiteral("recording a response"), query.errorText());
    }

    const StoredRound &m_round;
    ScopedQuery m_target;
    ScopedQuery m_existing;
    ScopedQuery m_insert;
    ScopedQuery m_update;
    ScopedQuery m_answer;
    ScopedQuery m_responded;
};

} // namespace

QString snapshotText(const QHash<QString, QString> &snapshot)
{
    // QJsonObject keeps its keys sorted: equal snapshots give equal text,
    // which is what tells one aggregation cell from another.
    QJsonObject object;
    for (auto it = snapshot.cbegin(); it != snapshot.cend(); ++it)
        object.insert(it.key(), it.value());
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QHash<QString, QString> snapshotFromText(const QString &text)
{
    QHash<QString, QString> snapshot;
    const QJsonObject object = QJsonDocument::fromJson(text.toUtf8()).object();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        snapshot.insert(it.key(), it.value().toString());
    return snapshot;
}

PulseRepository::PulseRepository(QSqlDatabase database, Keyring &keyring)
    : m_database(std::move(database))
    , m_keyring(keyring)
{}

StoreResult<QString> PulseRepository::respondentKey(const TenantScope &scope,
                                                    const QString &memberId)
{
    const auto key = m_keyring.current(scope, m_database);
    if (!key)
        return key.error();
    return respondentKey(*key.value(), memberId);
}

QString PulseRepository::respondentKey(const TenantKey &key, const QString &memberId)
{
    return crypto::blindIndex(key.indexKey, QString(QStringLiteral("respondent:") + memberId));
}

StoreResult<StoredSurvey> PulseRepository::createSurvey(const TenantScope &scope, SurveyKind kind,
                                                        const QString &name, int cadenceWeeks,
                                                        const QDateTime &at, const QString &id)
{
    StoredSurvey survey;
    survey.id = id.isEmpty() ? api::createId() : id;
    survey.kind = kind;
    survey.name = name;
    survey.cadenceWeeks = cadenceWeeks;
    // The pulse runs from its creation, its rounds carrying their own
    // schedule; a custom survey is built before it is sent (issue 7).
    survey.status = kind == SurveyKind::Pulse ? QStringLiteral("open") : QStringLiteral("draft");
    survey.createdAt = rows::fromMsecs(at.toMSecsSinceEpoch());
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral(
        "INSERT INTO surveys (id, tenant_id, kind, name, cadence_weeks, status, revision, "
        "created_at, updated_at) VALUES (:id, :tenant_id, :kind, :name, :cadence, :status, 1, "
        ":at, :at)"));
    query.bindValue(QStringLiteral(":id"), survey.id);
    query.bindValue(QStringLiteral(":kind"), surveyKindName(kind));
    query.bindValue(QStringLiteral(":name"), name);
    query.bindValue(QStringLiteral(":cadence"), cadenceWeeks);
    query.bindValue(QStringLiteral(":status"), survey.status);
    query.bindValue(QStringLiteral(":at"), at.toMSecsSinceEpoch());
    if (!query.exec()) {
        if (isUniqueViolation(query))
            return StoreError{StoreErrorKind::Conflict, QStringLiteral("the survey id is taken")};
        return databaseError(QStringLiteral("creating a survey"), query.errorText());
    }
    return survey;
}

StoreResult<QList<StoredSurvey>> PulseRepository::surveys(const TenantScope &scope)
{
    ScopedQuery query(scope, m_database);
    query.prepare(
        QStringLiteral("SELECT id, kind, name, cadence_weeks, status, revision, created_at "
                       "FROM surveys WHERE tenant_id = :tenant_id AND deleted_at IS NULL "
                       "ORDER BY created_at, id"));
    if (!query.exec())
        return databaseError(QStringLiteral("reading surveys"), query.errorText());
    QList<StoredSurvey> surveys;
    while (query.next()) {
        StoredSurvey survey;
        survey.id = query.value(0).toString();
        survey.kind = query.value(1).toString() == QLatin1String("pulse") ? SurveyKind::Pulse
                                                                          : SurveyKind::Custom;
        survey.name = query.value(2).toString();
        survey.cadenceWeeks = query.value(3).toInt();
        survey.status = query.value(4).toString();
        survey.revision = query.value(5).toLongLong();
        survey.createdAt = rows::fromMsecs(query.value(6));
        surveys.append(survey);
    }
    return surveys;
}

StoreResult<StoredRound> PulseRepository::createRound(const TenantScope &scope, StoredRound round,
                                                      const QDateTime &at)
{
    for (const QString &itemId : std::as_const(round.itemIds)) {
        if (!api::bankItem(itemId))
            return StoreError{StoreErrorKind::Refused, QStringLiteral("a round of unknown items")};
    }
    ScopedQuery survey(scope, m_database);
    survey.prepare(QStringLiteral("SELECT id FROM surveys WHERE tenant_id = :tenant_id AND "
                                  "id = :id AND deleted_at IS NULL"));
    survey.bindValue(QStringLiteral(":id"), round.surveyId);
    if (!survey.exec())
        return databaseError(QStringLiteral("reading a survey"), survey.errorText());
    if (!survey.next())
        return StoreError{StoreErrorKind::NotFound, QStringLiteral("no such survey")};
    survey.finish();

    if (round.id.isEmpty())
        round.id = api::createId();
    round.aggregatedAt = 0;
    round.targets = 0;
    round.respondents = 0;
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral(
        "INSERT INTO survey_rounds (id, tenant_id, survey_id, number, items, opens_at, "
        "closes_at, status, aggregated_at, created_at) VALUES (:id, :tenant_id, :survey, "
        ":number, :items, :opens, :closes, :status, 0, :at)"));
    query.bindValue(QStringLiteral(":id"), round.id);
    query.bindValue(QStringLiteral(":survey"), round.surveyId);
    query.bindValue(QStringLiteral(":number"), round.number);
    query.bindValue(QStringLiteral(":items"), itemsText(round.itemIds));
    query.bindValue(QStringLiteral(":opens"), round.opensAt.toMSecsSinceEpoch());
    query.bindValue(QStringLiteral(":closes"), round.closesAt.toMSecsSinceEpoch());
    query.bindValue(QStringLiteral(":status"), api::roundStatusName(round.status));
    query.bindValue(QStringLiteral(":at"), at.toMSecsSinceEpoch());
    if (!query.exec()) {
        if (isUniqueViolation(query))
            return StoreError{StoreErrorKind::Conflict,
                              QStringLiteral("the survey has a round of this number or id")};
        return databaseError(QStringLiteral("creating a round"), query.errorText());
    }
    round.opensAt = rows::fromMsecs(round.opensAt.toMSecsSinceEpoch());
    round.closesAt = rows::fromMsecs(round.closesAt.toMSecsSinceEpoch());
    return round;
}

StoreResult<StoredRound> PulseRepository::round(const TenantScope &scope, const QString &roundId)
{
    ScopedQuery query(scope, m_database);
    query.prepare(kRoundSelect + QStringLiteral(" AND r.id = :id") + kRoundGroup);
    query.bindValue(QStringLiteral(":id"), roundId);
    if (!query.exec())
        return databaseError(QStringLiteral("reading a round"), query.errorText());
    if (!query.next())
        return noRound();
    return readRound(query);
}

StoreResult<QList<StoredRound>> PulseRepository::rounds(const TenantScope &scope)
{
    ScopedQuery query(scope, m_database);
    query.prepare(kRoundSelect + kRoundGroup +
                  QStringLiteral(" ORDER BY r.closes_at DESC, r.number DESC"));
    if (!query.exec())
        return databaseError(QStringLiteral("reading rounds"), query.errorText());
    QList<StoredRound> rounds;
    while (query.next()) {
        auto round = readRound(query);
        if (!round)
            return round.error();
        rounds.append(std::move(round.value()));
    }
    return rounds;
}

StoreStatus PulseRepository::setRoundStatus(const TenantScope &scope, const QString &roundId,
                                            api::RoundStatus status)
{
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral("UPDATE survey_rounds SET status = :status WHERE "
                                 "tenant_id = :tenant_id AND id = :id"));
    query.bindValue(QStringLiteral(":status"), api::roundStatusName(status));
    query.bindValue(QStringLiteral(":id"), roundId);
    if (!query.exec())
        return databaseError(QStringLiteral("changing a round's status"), query.errorText());
    if (query.numRowsAffected() != 1)
        return noRound();
    return Done{};
}

StoreStatus PulseRepository::addTargets(const TenantScope &scope, const QString &roundId,
                                        const QList<RoundTarget> &targets)
{
    const auto found = round(scope, roundId);
    if (!found)
        return found.error();
    const auto key = m_keyring.current(scope, m_database);
    if (!key)
        return key.error();
    Transaction transaction(m_database);
    if (!transaction.isActive())
        return databaseError(QStringLiteral("adding round targets"), transaction.error());
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral(
        "INSERT INTO round_targets (round_id, tenant_id, respondent_key, member_id, group_id, "
        "snapshot, language) VALUES (:round, :tenant_id, :key, :member, :group_id, :snapshot, "
        ":language)"));
    for (const RoundTarget &target : targets) {
        query.bindValue(QStringLiteral(":round"), roundId);
        query.bindValue(QStringLiteral(":key"), respondentKey(*key.value(), target.memberId));
        query.bindValue(QStringLiteral(":member"), target.memberId);
        query.bindValue(QStringLiteral(":group_id"), nullableId(target.groupId));
        query.bindValue(QStringLiteral(":snapshot"), snapshotText(target.snapshot));
        query.bindValue(QStringLiteral(":language"), target.language);
        if (!query.exec()) {
            transaction.rollback();
            if (isUniqueViolation(query))
                return StoreError{StoreErrorKind::Conflict,
                                  QStringLiteral("a member already targeted by the round")};
            return databaseError(QStringLiteral("adding round targets"), query.errorText());
        }
    }
    return transaction.commit();
}

StoreResult<QString> PulseRepository::submit(const TenantScope &scope, const QString &roundId,
                                             const QString &memberId,
                                             const QList<SubmittedAnswer> &answers,
                                             const QDateTime &at)
{
    const auto key = respondentKey(scope, memberId);
    if (!key)
        return key.error();
    const StoreStatus written =
        submitMany(scope, roundId, {BulkResponse{key.value(), at, answers}});
    if (!written)
        return written.error();
    return roundId;
}

StoreStatus PulseRepository::submitMany(const TenantScope &scope, const QString &roundId,
                                        const QList<BulkResponse> &responses)
{
    const auto found = round(scope, roundId);
    if (!found)
        return found.error();
    const StoredRound &asked = found.value();
    const QSet<QString> items(asked.itemIds.cbegin(), asked.itemIds.cend());
    for (const BulkResponse &response : responses) {
        if (const StoreStatus checked = checkAnswers(items, response.answers); !checked)
            return checked;
    }

    Transaction transaction(m_database);
    if (!transaction.isActive())
        return databaseError(QStringLiteral("recording responses"), transaction.error());
    ResponseWriter writer(scope, m_database, asked);
    if (!writer.prepare())
        return databaseError(QStringLiteral("recording responses"),
                             QStringLiteral("a statement did not prepare"));
    for (const BulkResponse &response : responses) {
        const StoreStatus written =
            writer.write(response.respondentKey, response.submittedAt, response.answers);
        if (!written) {
            transaction.rollback();
            return written;
        }
    }
    return transaction.commit();
}

StoreResult<QList<PulseRepository::TargetRow>> PulseRepository::targets(const TenantScope &scope,
                                                                        const QString &roundId)
{
    if (const auto found = round(scope, roundId); !found)
        return found.error();
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral("SELECT respondent_key, group_id, snapshot, responded_at FROM "
                                 "round_targets WHERE tenant_id = :tenant_id AND "
                                 "round_id = :round ORDER BY respondent_key"));
    query.bindValue(QStringLiteral(":round"), roundId);
    if (!query.exec())
        return databaseError(QStringLiteral("reading round targets"), query.errorText());
    QList<TargetRow> targets;
    while (query.next()) {
        TargetRow row;
        row.respondentKey = query.value(0).toString();
        row.groupId = query.value(1).toString();
        row.snapshot = snapshotFromText(query.value(2).toString());
        row.responded = !query.value(3).isNull();
        targets.append(std::move(row));
    }
    return targets;
}

StoreResult<QList<StoredAnswer>> PulseRepository::answers(const TenantScope &scope,
                                                          const QString &surveyId,
                                                          qint64 fromExclusive, qint64 toInclusive)
{
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral(
        "SELECT a.respondent_key, r.round_id, a.item_id, a.value, a.answered_at FROM answers a "
        "JOIN responses r ON r.id = a.response_id JOIN survey_rounds s ON s.id = r.round_id "
        "WHERE a.tenant_id = :tenant_id AND a.answered_at > :from AND a.answered_at <= :to "
        "AND s.survey_id = :survey ORDER BY a.answered_at, a.respondent_key, a.item_id"));
    query.bindValue(QStringLiteral(":from"), fromExclusive);
    query.bindValue(QStringLiteral(":to"), toInclusive);
    query.bindValue(QStringLiteral(":survey"), surveyId);
    if (!query.exec())
        return databaseError(QStringLiteral("reading answers"), query.errorText());
    QList<StoredAnswer> answers;
    while (query.next()) {
        const api::BankItem *item = api::bankItem(query.value(2).toString());
        if (!item)
            continue; // a custom survey's own question (issue 7): not the bank's
        answers.append(StoredAnswer{query.value(0).toString(), query.value(1).toString(),
                                    item->index, query.value(3).toInt(),
                                    query.value(4).toLongLong()});
    }
    return answers;
}

StoreStatus PulseRepository::forgetMember(const TenantScope &scope, const QString &memberId)
{
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral("UPDATE round_targets SET member_id = NULL WHERE "
                                 "tenant_id = :tenant_id AND member_id = :member"));
    query.bindValue(QStringLiteral(":member"), memberId);
    if (!query.exec())
        return databaseError(QStringLiteral("forgetting a member's targets"), query.errorText());
    return Done{};
}

} // namespace engage::server::store
