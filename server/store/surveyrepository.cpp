#include "surveyrepository.h"

#include "api/deliveryplan.h"
#include "api/id.h"
#include "api/jsonparse.h"
#include "api/questionbank.h"
#include "rowsupport.h"
#include "scopedquery.h"
#include "sqlerrors.h"
#include "transaction.h"

#include <QHash>
#include <QJsonDocument>
#include <QTimeZone>
#include <algorithm>

namespace engage::server::store {

namespace {

const QString kColumns = QStringLiteral(
    "id, kind, name, cadence_weeks, status, revision, created_at, updated_at, definition, "
    "published_at");
// What surveys made before issue 7 hold in surveys.definition.
const QString kLegacyDefinition = QStringLiteral("{}");
const QString kDraft = QStringLiteral("draft");

StoreError notFound()
{
    return StoreError{StoreErrorKind::NotFound, QStringLiteral("no such survey")};
}

StoreError changed()
{
    return StoreError{StoreErrorKind::Conflict, QStringLiteral("the survey changed")};
}

StoreError frozen()
{
    return StoreError{StoreErrorKind::Frozen, QStringLiteral("the survey is published")};
}

StoreError noOpenRound()
{
    return StoreError{StoreErrorKind::Frozen, QStringLiteral("the survey has no open round")};
}

QString definitionText(const api::SurveyDefinition &definition)
{
    return QString::fromUtf8(QJsonDocument(api::toJson(definition)).toJson(QJsonDocument::Compact));
}

// The name lists show: Japanese, or English when there is none (schema 0008).
QString listedName(const api::SurveyDefinition &definition)
{
    return definition.name.ja.isEmpty() ? definition.name.en : definition.name.ja;
}

bool isOneShot(const api::SurveyDefinition &definition)
{
    return definition.kind == api::SurveyKind::Custom && definition.delivery.recurrenceWeeks == 0;
}

} // namespace

struct SurveyRow
{
    QString id;
    api::SurveyKind kind = api::SurveyKind::Pulse;
    QString name;
    int cadenceWeeks = 4;
    QString status;
    qint64 revision = 1;
    QDateTime createdAt;
    QDateTime updatedAt;
    QString definition;
    std::optional<QDateTime> publishedAt;

    bool isDraft() const { return !publishedAt && status == kDraft; }
};

namespace {

StoreResult<SurveyRow> readRow(const ScopedQuery &query)
{
    SurveyRow row;
    row.id = query.value(0).toString();
    const auto kind = api::surveyKindFromName(query.value(1).toString());
    if (!kind)
        return databaseError(QStringLiteral("reading a survey"),
                             QStringLiteral("unknown kind in survey %1").arg(row.id));
    row.kind = *kind;
    row.name = query.value(2).toString();
    row.cadenceWeeks = query.value(3).toInt();
    row.status = query.value(4).toString();
    row.revision = query.value(5).toLongLong();
    row.createdAt = rows::fromMsecs(query.value(6));
    row.updatedAt = rows::fromMsecs(query.value(7));
    row.definition = query.value(8).toString();
    if (!query.value(9).isNull())
        row.publishedAt = rows::fromMsecs(query.value(9));
    return row;
}

// A survey made before issue 7, as a pulse of its columns: its first round
// gives the start and the period, in the default time zone; it has no
// reminders and no target filter.
api::SurveyDefinition legacyDefinition(const SurveyRow &row,
                                       const std::optional<StoredRound> &firstRound)
{
    api::SurveyDefinition definition;
    definition.kind = row.kind;
    definition.name = api::LocalizedText{row.name, row.name};
    api::DeliverySettings &delivery = definition.delivery;
    if (api::pulseCadences().contains(row.cadenceWeeks))
        delivery.cadenceWeeks = row.cadenceWeeks;
    delivery.reminderDaysBeforeEnd.clear();
    if (firstRound) {
        const QTimeZone zone(delivery.timeZone.toLatin1());
        const QDateTime opens = firstRound->opensAt.toTimeZone(zone);
        const QDate lastDay = firstRound->closesAt.toTimeZone(zone).date();
        delivery.startDate = opens.date();
        delivery.startTime = QTime(opens.time().hour(), opens.time().minute());
        const int interval =
            definition.kind == api::SurveyKind::Pulse ? delivery.cadenceWeeks * 7 : 0;
        const int limit = interval > 0 ? std::min(interval, api::kResponsePeriodDaysMax)
                                       : api::kResponsePeriodDaysMax;
        delivery.periodDays = int(std::clamp<qint64>(opens.date().daysTo(lastDay) + 1, 1, limit));
    }
    return definition;
}

} // namespace

SurveyRepository::SurveyRepository(QSqlDatabase database, Keyring &keyring)
    : m_database(std::move(database))
    , m_keyring(keyring)
{}

StoreResult<SurveyRow> SurveyRepository::row(const TenantScope &scope, const QString &id)
{
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral("SELECT ") + kColumns +
                  QStringLiteral(" FROM surveys WHERE tenant_id = :tenant_id AND id = :id AND "
                                 "deleted_at IS NULL"));
    query.bindValue(QStringLiteral(":id"), id);
    if (!query.exec())
        return databaseError(QStringLiteral("reading a survey"), query.errorText());
    if (!query.next())
        return notFound();
    return readRow(query);
}

StoreResult<StoredRound> SurveyRepository::openRound(const TenantScope &scope, const QString &id)
{
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral(
        "SELECT id FROM survey_rounds WHERE tenant_id = :tenant_id AND survey_id = :id AND "
        "status = 'open' ORDER BY number DESC LIMIT 1"));
    query.bindValue(QStringLiteral(":id"), id);
    if (!query.exec())
        return databaseError(QStringLiteral("reading a survey's open round"), query.errorText());
    if (!query.next())
        return StoreError{StoreErrorKind::NotFound, QStringLiteral("no open round")};
    const QString roundId = query.value(0).toString();
    query.finish();
    return PulseRepository(m_database, m_keyring).round(scope, roundId);
}

StoreResult<api::Survey> SurveyRepository::shown(const TenantScope &scope, const SurveyRow &row,
                                                 const QDateTime &now)
{
    api::Survey survey;
    survey.id = row.id;
    survey.revision = row.revision;
    survey.createdAt = row.createdAt;
    survey.updatedAt = row.updatedAt;
    const auto status = api::surveyStatusFromName(row.status);
    if (!status)
        return databaseError(QStringLiteral("reading a survey"),
                             QStringLiteral("unknown status in survey %1").arg(row.id));
    survey.status = *status;

    if (row.definition == kLegacyDefinition) {
        ScopedQuery first(scope, m_database);
        first.prepare(QStringLiteral(
            "SELECT id FROM survey_rounds WHERE tenant_id = :tenant_id AND survey_id = :id "
            "ORDER BY number LIMIT 1"));
        first.bindValue(QStringLiteral(":id"), row.id);
        if (!first.exec())
            return databaseError(QStringLiteral("reading a survey's first round"),
                                 first.errorText());
        std::optional<StoredRound> firstRound;
        if (first.next()) {
            const QString roundId = first.value(0).toString();
            first.finish();
            const auto found = PulseRepository(m_database, m_keyring).round(scope, roundId);
            if (!found)
                return found.error();
            firstRound = found.value();
        }
        survey.definition = legacyDefinition(row, firstRound);
    } else {
        const auto object = api::parseJsonObject(row.definition.toUtf8());
        const auto definition =
            object ? api::surveyDefinitionFromJson(object.value()) : object.error();
        if (!definition)
            return databaseError(QStringLiteral("reading a survey"),
                                 QStringLiteral("the definition of survey %1 does not read: %2")
                                     .arg(row.id, definition.error().field));
        survey.definition = definition.value();
    }

    ScopedQuery latest(scope, m_database);
    latest.prepare(QStringLiteral(
        "SELECT id FROM survey_rounds WHERE tenant_id = :tenant_id AND survey_id = :id AND "
        "status IN ('open', 'closed') ORDER BY number DESC LIMIT 1"));
    latest.bindValue(QStringLiteral(":id"), row.id);
    if (!latest.exec())
        return databaseError(QStringLiteral("reading a survey's latest round"), latest.errorText());
    if (latest.next())
        survey.latestRoundId = latest.value(0).toString();
    latest.finish();

    const auto open = openRound(scope, row.id);
    if (open) {
        survey.openRound = api::OpenRoundSummary{open.value().id, open.value().closesAt,
                                                 open.value().targets, open.value().respondents};
        // Whoever opened the round, the survey is open while it runs.
        survey.status = api::SurveyStatus::Open;
    } else if (open.errorKind() != StoreErrorKind::NotFound) {
        return open.error();
    }

    if (row.publishedAt && survey.status != api::SurveyStatus::Closed) {
        const QList<api::PlannedRound> planned =
            api::plannedRounds(survey.definition.delivery, survey.definition.kind, 2, now);
        const auto next =
            std::find_if(planned.cbegin(), planned.cend(),
                         [&now](const api::PlannedRound &r) { return r.opensAt > now; });
        if (next != planned.cend())
            survey.nextDelivery = next->opensAt;
    }
    return survey;
}

StoreResult<api::Survey> SurveyRepository::create(const TenantScope &scope,
                                                  const api::SurveyDefinition &definition,
                                                  const QDateTime &at, const QString &id)
{
    if (api::validateDefinition(definition))
        return StoreError{StoreErrorKind::Refused, QStringLiteral("an invalid survey definition")};
    const QString surveyId = id.isEmpty() ? api::createId() : id;
    const qint64 now = at.toMSecsSinceEpoch();
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral(
        "INSERT INTO surveys (id, tenant_id, kind, name, cadence_weeks, status, revision, "
        "created_at, updated_at, definition) VALUES (:id, :tenant_id, :kind, :name, :cadence, "
        ":status, 1, :at, :at, :definition)"));
    query.bindValue(QStringLiteral(":id"), surveyId);
    query.bindValue(QStringLiteral(":kind"), api::surveyKindName(definition.kind));
    query.bindValue(QStringLiteral(":name"), listedName(definition));
    query.bindValue(QStringLiteral(":cadence"), definition.delivery.cadenceWeeks);
    query.bindValue(QStringLiteral(":status"), kDraft);
    query.bindValue(QStringLiteral(":at"), now);
    query.bindValue(QStringLiteral(":definition"), definitionText(definition));
    if (!query.exec()) {
        if (isUniqueViolation(query))
            return StoreError{StoreErrorKind::Conflict, QStringLiteral("the survey id is taken")};
        return databaseError(QStringLiteral("creating a survey"), query.errorText());
    }
    api::Survey survey;
    survey.id = surveyId;
    survey.definition = definition;
    survey.status = api::SurveyStatus::Draft;
    survey.revision = 1;
    survey.createdAt = rows::fromMsecs(now);
    survey.updatedAt = survey.createdAt;
    return survey;
}

StoreResult<api::Survey> SurveyRepository::get(const TenantScope &scope, const QString &id,
                                               const QDateTime &now)
{
    const auto found = row(scope, id);
    if (!found)
        return found.error();
    return shown(scope, found.value(), now);
}

StoreResult<QList<api::Survey>> SurveyRepository::list(const TenantScope &scope,
                                                       const QDateTime &now)
{
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral("SELECT ") + kColumns +
                  QStringLiteral(" FROM surveys WHERE tenant_id = :tenant_id AND deleted_at IS "
                                 "NULL ORDER BY created_at DESC, id DESC"));
    if (!query.exec())
        return databaseError(QStringLiteral("reading surveys"), query.errorText());
    QList<SurveyRow> found;
    while (query.next()) {
        auto read = readRow(query);
        if (!read)
            return read.error();
        found.append(std::move(read.value()));
    }
    query.finish();
    QList<api::Survey> surveys;
    surveys.reserve(found.size());
    for (const SurveyRow &each : std::as_const(found)) {
        auto survey = shown(scope, each, now);
        if (!survey)
            return survey.error();
        surveys.append(std::move(survey.value()));
    }
    return surveys;
}

StoreResult<SurveyRow> SurveyRepository::draftAt(const TenantScope &scope, const QString &id,
                                                 qint64 expectedRevision)
{
    auto current = row(scope, id);
    if (!current)
        return current.error();
    if (!current.value().isDraft())
        return frozen();
    if (current.value().revision != expectedRevision)
        return changed();
    return current;
}

StoreResult<api::Survey> SurveyRepository::update(const TenantScope &scope, const QString &id,
                                                  qint64 expectedRevision,
                                                  const api::SurveyDefinition &definition,
                                                  const QDateTime &at)
{
    if (api::validateDefinition(definition))
        return StoreError{StoreErrorKind::Refused, QStringLiteral("an invalid survey definition")};
    Transaction transaction(m_database);
    if (!transaction.isActive())
        return databaseError(QStringLiteral("updating a survey"), transaction.error());
    const auto current = draftAt(scope, id, expectedRevision);
    if (!current)
        return current.error();
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral(
        "UPDATE surveys SET kind = :kind, name = :name, cadence_weeks = :cadence, "
        "definition = :definition, updated_at = :at, revision = revision + 1 WHERE "
        "tenant_id = :tenant_id AND id = :id AND revision = :revision AND status = 'draft' AND "
        "published_at IS NULL AND deleted_at IS NULL"));
    query.bindValue(QStringLiteral(":kind"), api::surveyKindName(definition.kind));
    query.bindValue(QStringLiteral(":name"), listedName(definition));
    query.bindValue(QStringLiteral(":cadence"), definition.delivery.cadenceWeeks);
    query.bindValue(QStringLiteral(":definition"), definitionText(definition));
    query.bindValue(QStringLiteral(":at"), at.toMSecsSinceEpoch());
    query.bindValue(QStringLiteral(":id"), id);
    query.bindValue(QStringLiteral(":revision"), expectedRevision);
    if (!query.exec())
        return databaseError(QStringLiteral("updating a survey"), query.errorText());
    if (query.numRowsAffected() != 1)
        return changed();
    const StoreStatus committed = transaction.commit();
    if (!committed)
        return committed.error();
    api::Survey survey;
    survey.id = id;
    survey.definition = definition;
    survey.status = api::SurveyStatus::Draft;
    survey.revision = expectedRevision + 1;
    survey.createdAt = current.value().createdAt;
    survey.updatedAt = rows::fromMsecs(at.toMSecsSinceEpoch());
    return survey;
}

StoreStatus SurveyRepository::remove(const TenantScope &scope, const QString &id,
                                     qint64 expectedRevision, const QDateTime &at)
{
    Transaction transaction(m_database);
    if (!transaction.isActive())
        return databaseError(QStringLiteral("deleting a survey"), transaction.error());
    const auto current = draftAt(scope, id, expectedRevision);
    if (!current)
        return current.error();
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral(
        "UPDATE surveys SET deleted_at = :at, updated_at = :at, revision = revision + 1 WHERE "
        "tenant_id = :tenant_id AND id = :id AND revision = :revision AND status = 'draft' AND "
        "published_at IS NULL AND deleted_at IS NULL"));
    query.bindValue(QStringLiteral(":at"), at.toMSecsSinceEpoch());
    query.bindValue(QStringLiteral(":id"), id);
    query.bindValue(QStringLiteral(":revision"), expectedRevision);
    if (!query.exec())
        return databaseError(QStringLiteral("deleting a survey"), query.errorText());
    if (query.numRowsAffected() != 1)
        return changed();
    return transaction.commit();
}

StoreResult<api::Survey> SurveyRepository::publish(const TenantScope &scope, const QString &id,
                                                   qint64 expectedRevision, const QDateTime &at)
{
    Transaction transaction(m_database);
    if (!transaction.isActive())
        return databaseError(QStringLiteral("publishing a survey"), transaction.error());
    const auto current = draftAt(scope, id, expectedRevision);
    if (!current)
        return current.error();
    const auto survey = shown(scope, current.value(), at);
    if (!survey)
        return survey.error();
    if (api::validateForPublishing(survey.value().definition))
        return StoreError{StoreErrorKind::Refused,
                          QStringLiteral("a definition that cannot be published")};
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral(
        "UPDATE surveys SET status = 'scheduled', published_at = :at, updated_at = :at, "
        "revision = revision + 1 WHERE tenant_id = :tenant_id AND id = :id AND "
        "revision = :revision AND status = 'draft' AND published_at IS NULL AND "
        "deleted_at IS NULL"));
    query.bindValue(QStringLiteral(":at"), at.toMSecsSinceEpoch());
    query.bindValue(QStringLiteral(":id"), id);
    query.bindValue(QStringLiteral(":revision"), expectedRevision);
    if (!query.exec())
        return databaseError(QStringLiteral("publishing a survey"), query.errorText());
    if (query.numRowsAffected() != 1)
        return changed();
    const auto published = get(scope, id, at);
    if (!published)
        return published.error();
    const StoreStatus committed = transaction.commit();
    if (!committed)
        return committed.error();
    return published;
}

StoreStatus SurveyRepository::touch(const TenantScope &scope, const QString &id,
                                    const QString &status, const QDateTime &at)
{
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral(
        "UPDATE surveys SET status = :status, updated_at = :at, revision = revision + 1 WHERE "
        "tenant_id = :tenant_id AND id = :id AND deleted_at IS NULL"));
    query.bindValue(QStringLiteral(":status"), status);
    query.bindValue(QStringLiteral(":at"), at.toMSecsSinceEpoch());
    query.bindValue(QStringLiteral(":id"), id);
    if (!query.exec())
        return databaseError(QStringLiteral("changing a survey"), query.errorText());
    if (query.numRowsAffected() != 1)
        return notFound();
    return Done{};
}

StoreResult<std::pair<SurveyRow, api::Survey>>
SurveyRepository::withOpenRound(const TenantScope &scope, const QString &id, const QDateTime &at)
{
    auto current = row(scope, id);
    if (!current)
        return current.error();
    auto survey = shown(scope, current.value(), at);
    if (!survey)
        return survey.error();
    if (!survey.value().openRound)
        return noOpenRound();
    return std::pair{std::move(current.value()), std::move(survey.value())};
}

StoreResult<StoredRound> SurveyRepository::closeOpenRound(const TenantScope &scope,
                                                          const QString &id, const QDateTime &at)
{
    Transaction transaction(m_database);
    if (!transaction.isActive())
        return databaseError(QStringLiteral("closing a round"), transaction.error());
    const auto running = withOpenRound(scope, id, at);
    if (!running)
        return running.error();
    const auto &[current, survey] = running.value();
    const QString roundId = survey.openRound->roundId;
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral("UPDATE survey_rounds SET closes_at = :at, status = 'closed' "
                                 "WHERE tenant_id = :tenant_id AND id = :id AND status = 'open'"));
    query.bindValue(QStringLiteral(":at"), at.toMSecsSinceEpoch());
    query.bindValue(QStringLiteral(":id"), roundId);
    if (!query.exec())
        return databaseError(QStringLiteral("closing a round"), query.errorText());
    if (query.numRowsAffected() != 1)
        return noOpenRound();
    // A one-shot survey ends with its round; a recurring one waits for its
    // next; a survey from before issue 7 keeps the status it had.
    QString status = current.status;
    if (isOneShot(survey.definition))
        status = api::surveyStatusName(api::SurveyStatus::Closed);
    else if (current.publishedAt)
        status = api::surveyStatusName(api::SurveyStatus::Scheduled);
    if (const StoreStatus touched = touch(scope, id, status, at); !touched)
        return touched.error();
    const auto closed = PulseRepository(m_database, m_keyring).round(scope, roundId);
    if (!closed)
        return closed.error();
    const StoreStatus committed = transaction.commit();
    if (!committed)
        return committed.error();
    return closed;
}

api::Result<QDateTime> SurveyRepository::extensionEnd(const StoredRound &round,
                                                      const QString &timeZone,
                                                      const QDate &periodEnds, const QDateTime &now)
{
    const QString field = QStringLiteral("periodEnds");
    const QTimeZone zone(timeZone.toLatin1());
    if (!zone.isValid() || !periodEnds.isValid())
        return api::Error{api::ProblemCode::InvalidField, field, QStringLiteral("Must be a date.")};
    const QDate openingDay = round.opensAt.toTimeZone(zone).date();
    if (openingDay.daysTo(periodEnds) + 1 > api::kResponsePeriodDaysMax)
        return api::Error{api::ProblemCode::InvalidField, field,
                          QStringLiteral("The response period can last at most %1 days.")
                              .arg(api::kResponsePeriodDaysMax)};
    const QDateTime end = QDateTime(periodEnds, QTime(23, 59, 59, 999), zone).toUTC();
    if (end <= round.closesAt || end <= now)
        return api::Error{api::ProblemCode::InvalidField, field,
                          QStringLiteral("Must be later than the round's current end.")};
    return end;
}

StoreResult<StoredRound> SurveyRepository::extendOpenRound(const TenantScope &scope,
                                                           const QString &id,
                                                           const QDate &periodEnds,
                                                           const QDateTime &at)
{
    Transaction transaction(m_database);
    if (!transaction.isActive())
        return databaseError(QStringLiteral("extending a round"), transaction.error());
    const auto running = withOpenRound(scope, id, at);
    if (!running)
        return running.error();
    const auto &[current, survey] = running.value();
    const auto round = openRound(scope, id);
    if (!round)
        return round.error();
    const auto end =
        extensionEnd(round.value(), survey.definition.delivery.timeZone, periodEnds, at);
    if (!end)
        return StoreError{StoreErrorKind::Refused,
                          QStringLiteral("an extension refused: ") + end.error().detail};
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral("UPDATE survey_rounds SET closes_at = :closes WHERE "
                                 "tenant_id = :tenant_id AND id = :id AND status = 'open'"));
    query.bindValue(QStringLiteral(":closes"), end.value().toMSecsSinceEpoch());
    query.bindValue(QStringLiteral(":id"), round.value().id);
    if (!query.exec())
        return databaseError(QStringLiteral("extending a round"), query.errorText());
    if (query.numRowsAffected() != 1)
        return noOpenRound();
    if (const StoreStatus touched = touch(scope, id, current.status, at); !touched)
        return touched.error();
    const StoreStatus committed = transaction.commit();
    if (!committed)
        return committed.error();
    StoredRound extended = round.value();
    extended.closesAt = rows::fromMsecs(end.value().toMSecsSinceEpoch());
    return extended;
}

StoreResult<QList<PublishedSurvey>> SurveyRepository::published(const TenantScope &scope)
{
    ScopedQuery query(scope, m_database);
    query.prepare(QStringLiteral(
        "SELECT id, definition, status, revision, published_at FROM surveys WHERE "
        "tenant_id = :tenant_id AND deleted_at IS NULL AND published_at IS NOT NULL AND "
        "status IN ('scheduled', 'open') ORDER BY published_at, id"));
    if (!query.exec())
        return databaseError(QStringLiteral("reading published surveys"), query.errorText());
    QList<PublishedSurvey> surveys;
    while (query.next()) {
        PublishedSurvey survey;
        survey.id = query.value(0).toString();
        const auto object = api::parseJsonObject(query.value(1).toString().toUtf8());
        const auto definition =
            object ? api::surveyDefinitionFromJson(object.value()) : object.error();
        const auto status = api::surveyStatusFromName(query.value(2).toString());
        if (!definition || !status)
            return databaseError(QStringLiteral("reading published surveys"),
                                 QStringLiteral("survey %1 does not read").arg(survey.id));
        survey.definition = definition.value();
        survey.status = *status;
        survey.revision = query.value(3).toLongLong();
        survey.publishedAt = rows::fromMsecs(query.value(4));
        surveys.append(std::move(survey));
    }
    return surveys;
}

} // namespace engage::server::store
