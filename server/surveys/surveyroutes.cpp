#include "surveyroutes.h"

#include "api/survey.h"
#include "api/timestamp.h"
#include "domain/fieldchanges.h"
#include "domain/routesupport.h"
#include "engagement/roundaggregator.h"
#include "ops/servicecontext.h"
#include "store/engagementsettingsrepository.h"
#include "store/operationlog.h"
#include "store/surveyrepository.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <functional>
#include <optional>

namespace engage::server::surveys {

namespace {

using domain::conflict;
using domain::FieldChanges;
using domain::inTransaction;
using domain::storeFailure;

const QString kSurveys = QStringLiteral("/api/v1/surveys");
const QString kTargetType = QStringLiteral("survey");
// A full definition (60 questions, each with 20 options, Japanese and English
// at their longest) is close to 1 MiB of UTF-8.
constexpr qint64 kDefinitionBodyBytes = 2 << 20;

// Missing, deleted and another tenant's surveys all answer this, word for word.
http::Response surveyNotFound()
{
    return domain::notFound(QStringLiteral("There is no such survey."));
}

http::Response noOpenRound()
{
    return conflict(QStringLiteral("This survey has no open round."));
}

QByteArray locationOf(const QString &id)
{
    return QString(kSurveys + QLatin1Char('/') + id).toLatin1();
}

http::Response surveyAnswer(int status, const api::Survey &survey)
{
    return domain::jsonWithEtag(status, api::toJson(survey), survey.revision);
}

// The store's refusals the client can act on; the rest is ours.
http::Response surveyFailure(const char *what, const store::StoreError &error)
{
    switch (error.kind) {
    case store::StoreErrorKind::NotFound:
        return surveyNotFound();
    case store::StoreErrorKind::Conflict:
        return http::Response::problem(
            api::ProblemCode::PreconditionFailed,
            QStringLiteral("The survey was changed by someone else: read it again."));
    default:
        return storeFailure(what, error);
    }
}

// The definition's fields as the log names them: each top-level member, and
// each delivery setting on its own. Only names: a survey's texts are the
// tenant's content, not something the audit trail needs to repeat.
QHash<QString, QString> fieldTexts(const api::SurveyDefinition &definition)
{
    QHash<QString, QString> texts;
    const QJsonObject object = api::toJson(definition);
    const auto text = [](const QJsonValue &value) {
        return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact));
    };
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (it.key() != QLatin1String("delivery")) {
            texts.insert(it.key(), text(it.value()));
            continue;
        }
        const QJsonObject delivery = it.value().toObject();
        for (auto field = delivery.constBegin(); field != delivery.constEnd(); ++field)
            texts.insert(QStringLiteral("delivery.") + field.key(), text(field.value()));
    }
    return texts;
}

FieldChanges definitionChanges(const std::optional<api::SurveyDefinition> &before,
                               const api::SurveyDefinition &after)
{
    const QHash<QString, QString> old = before ? fieldTexts(*before) : QHash<QString, QString>();
    const QHash<QString, QString> now = fieldTexts(after);
    QStringList fields = now.keys();
    for (const QString &field : old.keys()) {
        if (!fields.contains(field))
            fields.append(field);
    }
    fields.sort();
    FieldChanges changes;
    const auto value = [](const QHash<QString, QString> &texts, const QString &field) {
        return texts.contains(field) ? std::optional<QString>(texts.value(field)) : std::nullopt;
    };
    for (const QString &field : std::as_const(fields))
        changes.compareMasked(field, value(old, field), value(now, field));
    return changes;
}

store::StoreStatus logChange(const auth::Identity &identity, const http::Request &request,
                             const QSqlDatabase &connection, const QString &surveyId,
                             const QString &action, const QString &summary, const QDateTime &at,
                             const FieldChanges &changes = {})
{
    return store::OperationLog::record(
        identity.scope, connection,
        {request.requestId, identity.personId, kTargetType, surveyId, action, summary, at},
        changes.changes());
}

// ---- handlers -------------------------------------------------------------

http::Response listSurveys(const ops::ServiceContext &context, const auth::Identity &identity,
                           const http::Request &, const QSqlDatabase &connection)
{
    const auto surveys = store::SurveyRepository(connection, context.keyring)
                             .list(identity.scope, QDateTime::currentDateTimeUtc());
    if (!surveys)
        return storeFailure("cannot list surveys:", surveys.error());
    return http::Response::json(200, api::toJson(surveys.value()));
}

http::Response getSurvey(const ops::ServiceContext &context, const auth::Identity &identity,
                         const http::Request &request, const QSqlDatabase &connection)
{
    const auto id = domain::pathId(request);
    if (!id)
        return surveyNotFound();
    const auto survey = store::SurveyRepository(connection, context.keyring)
                            .get(identity.scope, *id, QDateTime::currentDateTimeUtc());
    if (!survey)
        return surveyFailure("cannot read a survey:", survey.error());
    return surveyAnswer(200, survey.value());
}

http::Response createSurvey(const ops::ServiceContext &context, const auth::Identity &identity,
                            const http::Request &request, const QSqlDatabase &connection)
{
    const auto body = api::surveyDefinitionFromJson(request.json);
    if (!body)
        return domain::badRequest(body.error());

    domain::IdempotentCreate once(context, identity, request, connection,
                                  domain::locationById(kSurveys));
    if (auto refusal = once.refuseKey())
        return std::move(*refusal);
    if (auto earlier = once.earlierAnswer())
        return std::move(*earlier);

    const QDateTime now = QDateTime::currentDateTimeUtc();
    return inTransaction(connection, "the create of a survey", [&]() -> http::Response {
        if (auto earlier = once.earlierAnswer())
            return std::move(*earlier);
        const auto created = store::SurveyRepository(connection, context.keyring)
                                 .create(identity.scope, body.value(), now);
        if (!created)
            return surveyFailure("cannot create a survey:", created.error());
        const api::Survey &survey = created.value();
        const auto remembered = once.remember(
            {201, QJsonDocument(api::toJson(survey)).toJson(QJsonDocument::Compact)}, now);
        if (!remembered)
            return storeFailure("cannot keep the idempotency key:", remembered.error());
        const FieldChanges changes = definitionChanges(std::nullopt, survey.definition);
        const auto logged =
            logChange(identity, request, connection, survey.id, QStringLiteral("survey.create"),
                      QStringLiteral("created with ") + changes.fields().join(QStringLiteral(", ")),
                      now, changes);
        if (!logged)
            return storeFailure("cannot log the create:", logged.error());
        http::Response response = surveyAnswer(201, survey);
        response.headers.emplace_back(QByteArrayLiteral("Location"), locationOf(survey.id));
        return response;
    });
}

// What an edit does once the survey is read and every check passed.
using SurveyEdit = std::function<http::Response(store::SurveyRepository &surveys,
                                                const api::Survey &current, const QDateTime &now)>;

// Whether an edit needs a draft, a survey with an open round, or If-Match.
struct EditRule
{
    const char *what;     // for the log
    QString frozenDetail; // a survey no longer a draft answers 409 with it; empty: any survey
    bool needsOpenRound = false;
    bool needsIfMatch = false;
};

// One edit of survey `id` in one transaction: read (404), the body's refusal,
// the survey's state (409), If-Match, then `edit`.
http::Response editSurvey(const ops::ServiceContext &context, const auth::Identity &identity,
                          const http::Request &request, const QSqlDatabase &connection,
                          const EditRule &rule, const std::optional<http::Response> &bodyRefusal,
                          const SurveyEdit &edit)
{
    const auto id = domain::pathId(request);
    if (!id)
        return surveyNotFound();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return inTransaction(connection, rule.what, [&]() -> http::Response {
        store::SurveyRepository surveys(connection, context.keyring);
        const auto found = surveys.get(identity.scope, *id, now);
        if (!found)
            return surveyFailure("cannot read a survey:", found.error());
        const api::Survey &current = found.value();
        if (bodyRefusal)
            return *bodyRefusal;
        if (!rule.frozenDetail.isEmpty() && current.status != api::SurveyStatus::Draft)
            return conflict(rule.frozenDetail);
        if (rule.needsOpenRound && !current.openRound)
            return noOpenRound();
        if (rule.needsIfMatch) {
            if (auto refused = domain::refusePrecondition(domain::ifMatch(request),
                                                          current.revision, kTargetType))
                return std::move(*refused);
        }
        return edit(surveys, current, now);
    });
}

http::Response updateSurvey(const ops::ServiceContext &context, const auth::Identity &identity,
                            const http::Request &request, const QSqlDatabase &connection)
{
    const auto body = api::surveyDefinitionFromJson(request.json);
    std::optional<http::Response> refusal;
    if (!body)
        refusal = domain::badRequest(body.error());
    return editSurvey(
        context, identity, request, connection,
        {"an update of a survey",
         QStringLiteral("This survey is published: its questions and delivery settings can no "
                        "longer be edited."),
         false, true},
        refusal,
        [&](store::SurveyRepository &surveys, const api::Survey &current,
            const QDateTime &now) -> http::Response {
            const FieldChanges changes = definitionChanges(current.definition, body.value());
            if (changes.isEmpty())
                return surveyAnswer(200, current);
            const auto updated =
                surveys.update(identity.scope, current.id, current.revision, body.value(), now);
            if (!updated)
                return surveyFailure("cannot update a survey:", updated.error());
            const auto logged = logChange(
                identity, request, connection, current.id, QStringLiteral("survey.update"),
                QStringLiteral("changed: ") + changes.fields().join(QStringLiteral(", ")), now,
                changes);
            if (!logged)
                return storeFailure("cannot log the update:", logged.error());
            return surveyAnswer(200, updated.value());
        });
}

http::Response deleteSurvey(const ops::ServiceContext &context, const auth::Identity &identity,
                            const http::Request &request, const QSqlDatabase &connection)
{
    return editSurvey(
        context, identity, request, connection,
        {"the delete of a survey",
         QStringLiteral("This survey is published: it can no longer be deleted."), false, true},
        std::nullopt,
        [&](store::SurveyRepository &surveys, const api::Survey &current,
            const QDateTime &now) -> http::Response {
            const auto removed = surveys.remove(identity.scope, current.id, current.revision, now);
            if (!removed)
                return surveyFailure("cannot delete a survey:", removed.error());
            const auto logged =
                logChange(identity, request, connection, current.id,
                          QStringLiteral("survey.delete"), QStringLiteral("deleted"), now);
            if (!logged)
                return storeFailure("cannot log the delete:", logged.error());
            return domain::noContent();
        });
}

http::Response publishSurvey(const ops::ServiceContext &context, const auth::Identity &identity,
                             const http::Request &request, const QSqlDatabase &connection)
{
    return editSurvey(context, identity, request, connection,
                      {"the publishing of a survey",
                       QStringLiteral("This survey is already published."), false, true},
                      std::nullopt,
                      [&](store::SurveyRepository &surveys, const api::Survey &current,
                          const QDateTime &now) -> http::Response {
                          // What the draft still lacks, named by its field as the builder shows it.
                          if (const auto error = api::validateForPublishing(current.definition))
                              return domain::badRequest(*error);
                          const auto published =
                              surveys.publish(identity.scope, current.id, current.revision, now);
                          if (!published)
                              return surveyFailure("cannot publish a survey:", published.error());
                          const auto logged = logChange(identity, request, connection, current.id,
                                                        QStringLiteral("survey.publish"),
                                                        QStringLiteral("published"), now);
                          if (!logged)
                              return storeFailure("cannot log the publishing:", logged.error());
                          return surveyAnswer(200, published.value());
                      });
}

http::Response closeSurvey(const ops::ServiceContext &context, const auth::Identity &identity,
                           const http::Request &request, const QSqlDatabase &connection)
{
    return editSurvey(
        context, identity, request, connection, {"the close of a round", QString(), true, false},
        std::nullopt,
        [&](store::SurveyRepository &surveys, const api::Survey &current,
            const QDateTime &now) -> http::Response {
            const auto closed = surveys.closeOpenRound(identity.scope, current.id, now);
            if (!closed)
                return surveyFailure("cannot close a round:", closed.error());
            // The round's results exist from its close, as when the scheduler closes it.
            const auto settings =
                store::EngagementSettingsRepository(connection).settings(identity.scope);
            if (!settings)
                return storeFailure("cannot read the engagement settings:", settings.error());
            const auto cells = engagement::RoundAggregator(connection, context.keyring)
                                   .aggregate(identity.scope, closed.value().id,
                                              settings.value().validityDays, now);
            if (!cells)
                return storeFailure("cannot aggregate a closed round:", cells.error());
            const auto logged =
                logChange(identity, request, connection, current.id, QStringLiteral("survey.close"),
                          QStringLiteral("closed its open round"), now);
            if (!logged)
                return storeFailure("cannot log the close:", logged.error());
            const auto after = surveys.get(identity.scope, current.id, now);
            if (!after)
                return storeFailure("cannot read a survey:", after.error());
            return surveyAnswer(200, after.value());
        });
}

http::Response extendSurvey(const ops::ServiceContext &context, const auth::Identity &identity,
                            const http::Request &request, const QSqlDatabase &connection)
{
    const auto body = api::extendRequestFromJson(request.json);
    std::optional<http::Response> refusal;
    if (!body)
        refusal = domain::badRequest(body.error());
    return editSurvey(
        context, identity, request, connection,
        {"the extension of a round", QString(), true, false}, refusal,
        [&](store::SurveyRepository &surveys, const api::Survey &current,
            const QDateTime &now) -> http::Response {
            const auto round = surveys.openRound(identity.scope, current.id);
            if (!round)
                return storeFailure("cannot read an open round:", round.error());
            const auto end = store::SurveyRepository::extensionEnd(
                round.value(), current.definition.delivery.timeZone, body.value().periodEnds, now);
            if (!end)
                return domain::badRequest(end.error());
            const auto extended =
                surveys.extendOpenRound(identity.scope, current.id, body.value().periodEnds, now);
            if (!extended)
                return surveyFailure("cannot extend a round:", extended.error());
            FieldChanges changes;
            changes.compareMasked(QStringLiteral("periodEnds"),
                                  api::formatDateTime(round.value().closesAt),
                                  api::formatDateTime(end.value()));
            const auto logged = logChange(identity, request, connection, current.id,
                                          QStringLiteral("survey.extend"),
                                          QStringLiteral("changed: periodEnds"), now, changes);
            if (!logged)
                return storeFailure("cannot log the extension:", logged.error());
            const auto after = surveys.get(identity.scope, current.id, now);
            if (!after)
                return storeFailure("cannot read a survey:", after.error());
            return surveyAnswer(200, after.value());
        });
}

} // namespace

void addSurveyRoutes(http::Router &router, const ops::ServiceContext &context)
{
    http::RouteOptions definition;
    definition.takesJson = true;
    definition.maxBodyBytes = kDefinitionBodyBytes;
    http::RouteOptions json;
    json.takesJson = true;
    const QByteArrayView collection = "/api/v1/surveys";
    const QByteArrayView item = "/api/v1/surveys/{id}";
    const auto readers = [&context](domain::TenantHandler handler) {
        return domain::tenantRoute(context, api::Role::Viewer, std::move(handler));
    };
    const auto writers = [&context](domain::TenantHandler handler) {
        return domain::tenantRoute(context, api::Role::Admin, std::move(handler));
    };
    router.add(http::Method::Get, collection, readers(listSurveys));
    router.add(http::Method::Post, collection, writers(createSurvey), definition);
    router.add(http::Method::Get, item, readers(getSurvey));
    router.add(http::Method::Put, item, writers(updateSurvey), definition);
    router.add(http::Method::Delete, item, writers(deleteSurvey));
    // Committed, a survey that starts now opens at once, not at the next tick.
    const auto wakingTheScheduler = [](domain::TenantHandler handler) -> domain::TenantHandler {
        return [handler = std::move(handler)](
                   const ops::ServiceContext &routeContext, const auth::Identity &identity,
                   const http::Request &request, const QSqlDatabase &connection) {
            http::Response response = handler(routeContext, identity, request, connection);
            if (response.status < 300)
                Q_EMIT routeContext.scheduleChanges->changed();
            return response;
        };
    };
    router.add(http::Method::Post, "/api/v1/surveys/{id}/publish",
               writers(wakingTheScheduler(publishSurvey)));
    router.add(http::Method::Post, "/api/v1/surveys/{id}/close", writers(closeSurvey));
    router.add(http::Method::Post, "/api/v1/surveys/{id}/extend", writers(extendSurvey), json);
}

} // namespace engage::server::surveys
