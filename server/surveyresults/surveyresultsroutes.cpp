#include "surveyresultsroutes.h"

#include "api/attribute.h"
#include "api/surveyresults.h"
#include "domain/routesupport.h"
#include "domain/visiblegroups.h"
#include "ops/servicecontext.h"
#include "resultsbuilder.h"
#include "resultsreader.h"
#include "store/attributerepository.h"
#include "store/customanswerrepository.h"
#include "store/engagementsettingsrepository.h"
#include "store/grouprepository.h"

#include <QJsonDocument>
#include <algorithm>
#include <optional>
#include <variant>

namespace engage::server::surveyresults {

namespace {

using domain::badRequest;
using domain::notFound;
using domain::storeFailure;

http::Response roundNotFound()
{
    return notFound(QStringLiteral("There is no such round."));
}

http::Response groupNotFound()
{
    return notFound(QStringLiteral("There is no such group."));
}

// The slice a caller may read: a manager's query without group answers for
// the first of their groups, one outside their subtrees like a missing one.
std::optional<http::Response> resolveGroup(const auth::Identity &identity,
                                           const QSqlDatabase &connection,
                                           const QList<api::Group> &tree, QString &groupId)
{
    if (identity.role == api::Role::Manager) {
        const auto visible = domain::visibleGroups(identity, connection);
        if (!visible)
            return storeFailure("cannot read a manager's groups:", visible.error());
        if (!visible.value() || visible.value()->isEmpty())
            return groupNotFound();
        if (groupId.isEmpty()) {
            const auto roots =
                store::GroupRepository(connection).scopeOf(identity.scope, identity.personId);
            if (!roots)
                return storeFailure("cannot read a manager's groups:", roots.error());
            if (roots.value().isEmpty())
                return groupNotFound();
            groupId = roots.value().constFirst();
        } else if (!visible.value()->contains(groupId)) {
            return groupNotFound();
        }
    }
    if (groupId.isEmpty())
        return std::nullopt;
    const bool live = std::any_of(tree.cbegin(), tree.cend(),
                                  [&](const api::Group &group) { return group.id == groupId; });
    if (!live)
        return groupNotFound();
    return std::nullopt;
}

std::optional<http::Response> checkAttribute(const auth::Identity &identity,
                                             const QSqlDatabase &connection,
                                             const QString &attributeId)
{
    if (attributeId.isEmpty() || api::snapshotKeys().contains(attributeId))
        return std::nullopt;
    const auto attribute = store::AttributeRepository(connection).get(identity.scope, attributeId);
    if (!attribute && attribute.errorKind() == store::StoreErrorKind::NotFound)
        return notFound(QStringLiteral("There is no such attribute."));
    if (!attribute)
        return storeFailure("cannot read an attribute:", attribute.error());
    return std::nullopt;
}

http::Response results(const ops::ServiceContext &context, const auth::Identity &identity,
                       const http::Request &request, const QSqlDatabase &connection)
{
    auto parsed = api::surveyResultsQueryFromUrl(request.query);
    if (!parsed)
        return badRequest(parsed.error());
    api::SurveyResultsQuery query = parsed.takeValue();
    const auto roundId = domain::pathId(request);
    if (!roundId)
        return roundNotFound();

    // One transaction: counts and answers of an open round read as of one moment.
    return domain::inTransaction(connection, "reading a round's results", [&]() -> http::Response {
        const auto found = store::CustomAnswerRepository(connection, context.keyring)
                               .roundSurvey(identity.scope, *roundId);
        if (!found && found.errorKind() == store::StoreErrorKind::NotFound)
            return roundNotFound();
        if (!found)
            return storeFailure("cannot read a round's survey:", found.error());
        const store::RoundSurvey &round = found.value();

        const auto tree = store::GroupRepository(connection).tree(identity.scope);
        if (!tree)
            return storeFailure("cannot read the group tree:", tree.error());
        // The caller's scope first: a manager learns nothing of a round
        // through the answers below before the slice is theirs.
        if (auto refusal = resolveGroup(identity, connection, tree.value(), query.groupId))
            return std::move(*refusal);
        if (auto refusal = checkAttribute(identity, connection, query.attributeId))
            return std::move(*refusal);
        if (round.kind == store::SurveyKind::Pulse)
            return domain::conflict(QStringLiteral(
                "A pulse round's results are on the dashboards: /api/v1/engagement/summary?round="
                "<id> and the other /api/v1/engagement views."));
        if (round.round.status == api::RoundStatus::Scheduled)
            return domain::conflict(QStringLiteral("The round has not opened yet."));

        auto definition =
            api::surveyDefinitionFromJson(QJsonDocument::fromJson(round.definition).object());
        if (!definition)
            return storeFailure(
                "cannot read a survey's definition:",
                store::StoreError{store::StoreErrorKind::Database, definition.error().field});
        const auto settings =
            store::EngagementSettingsRepository(connection).settings(identity.scope);
        if (!settings)
            return storeFailure("cannot read the engagement settings:", settings.error());

        ResultsReader reader(connection, context.keyring);
        const auto placements = reader.placements(identity.scope, round.round.seq);
        if (!placements)
            return storeFailure("cannot read a round's placements:", placements.error());
        const auto answers = reader.answers(identity.scope, round.round.seq);
        if (!answers)
            return storeFailure("cannot read a round's answers:", answers.error());

        api::SurveyResults answer;
        answer.roundId = round.round.id;
        answer.surveyId = round.round.surveyId;
        answer.surveyName = definition.value().name;
        answer.roundNumber = round.round.number;
        answer.status = round.round.status;
        answer.opensAt = round.round.opensAt;
        answer.closesAt = round.round.closesAt;
        const ResultsBuilder builder(tree.value(), settings.value(),
                                     definition.value().commentThreshold);
        const auto built = builder.build(
            query, definition.value().questions, placements.value(), answers.value(),
            [&](const QString &questionId, const QSet<qint64> &responseIds) {
                return reader.texts(identity.scope, round.round.seq, questionId, responseIds);
            },
            answer);
        if (!built)
            return storeFailure("cannot list a round's free text:", built.error());
        return http::Response::json(200, api::toJson(answer));
    });
}

} // namespace

void addSurveyResultsRoutes(http::Router &router, const ops::ServiceContext &context)
{
    router.add(http::Method::Get, "/api/v1/rounds/{id}/results",
               domain::tenantRoute(context, api::Role::Manager, results));
}

} // namespace engage::server::surveyresults
