#include "engagementroutes.h"

#include "aggregatecache.h"
#include "api/queryparams.h"
#include "api/timestamp.h"
#include "dashboardcalculator.h"
#include "domain/routesupport.h"
#include "ops/servicecontext.h"
#include "roundaggregator.h"
#include "store/attributerepository.h"
#include "store/engagementsettingsrepository.h"
#include "store/grouprepository.h"
#include "store/operationlog.h"
#include "store/pulserepository.h"

#include <QHash>
#include <QJsonDocument>
#include <QStringList>
#include <algorithm>
#include <functional>
#include <optional>
#include <variant>

namespace engage::server::engagement {

namespace {

using domain::badRequest;
using domain::invalidField;
using domain::notFound;
using domain::storeFailure;

const QString kMemos = QStringLiteral("/api/v1/engagement/memos");

// ---- answers --------------------------------------------------------------

http::Response groupNotFound()
{
    return notFound(QStringLiteral("There is no such group."));
}

http::Response roundNotFound()
{
    return notFound(QStringLiteral("There is no such round."));
}

http::Response memoNotFound()
{
    return notFound(QStringLiteral("There is no such memo."));
}

store::StoreStatus logChange(const auth::Identity &identity, const http::Request &request,
                             const QSqlDatabase &connection, const QString &targetType,
                             const QString &targetId, const QString &action, const QString &summary)
{
    return store::OperationLog::record(identity.scope, connection,
                                       {request.requestId, identity.personId, targetType, targetId,
                                        action, summary, QDateTime::currentDateTimeUtc()});
}

QString changedSummary(const QStringList &fields)
{
    return QStringLiteral("changed: ") + fields.join(QStringLiteral(", "));
}

// ---- the dashboards -------------------------------------------------------

enum class View
{
    Summary,
    Trend,
    Factors,
    Heatmap,
    Attributes,
    Priority,
};

// What a dashboard request reads before it computes: its query with the
// group resolved (a manager's first group when it names none), the tenant's
// settings and tree.
struct Dashboard
{
    api::DashboardQuery query;
    api::EngagementSettings settings;
    QList<api::Group> groups;
};

// The query's parameters that `view` does not read are refused, not ignored,
// so a client never believes it filtered when it did not.
std::optional<http::Response> refuseParameters(const api::DashboardQuery &query, View view)
{
    if (view == View::Trend) {
        if (!query.roundId.isEmpty())
            return invalidField(QStringLiteral("round"),
                                QStringLiteral("The trend covers a period: use from and to."));
        return std::nullopt;
    }
    if (query.from)
        return invalidField(QStringLiteral("from"),
                            QStringLiteral("Only the trend reads a period."));
    if (query.to)
        return invalidField(QStringLiteral("to"), QStringLiteral("Only the trend reads a period."));
    if (view != View::Attributes)
        return std::nullopt;
    if (query.attributeId.isEmpty())
        return badRequest({api::ProblemCode::MissingField, QStringLiteral("attribute"),
                           QStringLiteral("Name the attribute to break the results down by.")});
    if (!query.attributeValue.isEmpty())
        return invalidField(QStringLiteral("value"),
                            QStringLiteral("The breakdown shows every value: send no value."));
    return std::nullopt;
}

std::variant<Dashboard, http::Response> prepare(const auth::Identity &identity,
                                                const http::Request &request,
                                                const QSqlDatabase &connection, View view)
{
    auto parsed = api::dashboardQueryFromUrl(request.query);
    if (!parsed)
        return badRequest(parsed.error());
    Dashboard dashboard;
    dashboard.query = parsed.takeValue();
    if (auto refusal = refuseParameters(dashboard.query, view))
        return std::move(*refusal);

    store::GroupRepository groups(connection);
    const auto tree = groups.tree(identity.scope);
    if (!tree)
        return storeFailure("cannot read the group tree:", tree.error());
    dashboard.groups = tree.value();
    QString &groupId = dashboard.query.groupId;
    if (identity.role == api::Role::Manager) {
        const auto roots = groups.scopeOf(identity.scope, identity.personId);
        if (!roots)
            return storeFailure("cannot read a manager's groups:", roots.error());
        if (roots.value().isEmpty())
            return groupNotFound();
        if (groupId.isEmpty()) {
            groupId = roots.value().constFirst();
        } else {
            const auto visible = groups.subtreeIds(identity.scope, roots.value());
            if (!visible)
                return storeFailure("cannot read a manager's groups:", visible.error());
            if (!visible.value().contains(groupId))
                return groupNotFound();
        }
    }
    if (!groupId.isEmpty()) {
        const bool live = std::any_of(dashboard.groups.cbegin(), dashboard.groups.cend(),
                                      [&](const api::Group &group) { return group.id == groupId; });
        if (!live)
            return groupNotFound();
    }

    const QString &attributeId = dashboard.query.attributeId;
    if (!attributeId.isEmpty() && !api::snapshotKeys().contains(attributeId)) {
        const auto attribute =
            store::AttributeRepository(connection).get(identity.scope, attributeId);
        if (!attribute && attribute.errorKind() == store::StoreErrorKind::NotFound)
            return notFound(QStringLiteral("There is no such attribute."));
        if (!attribute)
            return storeFailure("cannot read an attribute:", attribute.error());
    }

    const auto settings = store::EngagementSettingsRepository(connection).settings(identity.scope);
    if (!settings)
        return storeFailure("cannot read the engagement settings:", settings.error());
    dashboard.settings = settings.value();
    return dashboard;
}

// Rounds and their cells, each read once per request through the aggregate
// cache (which reads no answers, and no cells when nothing changed).
class RoundReader final
{
public:
    RoundReader(const ops::ServiceContext &context, const auth::Identity &identity,
                const QSqlDatabase &connection)
        : m_context(context)
        , m_identity(identity)
        , m_connection(connection)
    {}

    // Every pulse round of the tenant, newest close first.
    std::optional<http::Response> load()
    {
        const auto rounds =
            store::PulseRepository(m_connection, m_context.keyring).pulseRounds(m_identity.scope);
        if (!rounds)
            return storeFailure("cannot list rounds:", rounds.error());
        m_rounds = rounds.value();
        return std::nullopt;
    }

    const QList<store::StoredRound> &rounds() const { return m_rounds; }

    // Nothing when the tenant has no closed round yet.
    std::variant<std::optional<store::StoredRound>, http::Response>
    pick(const QString &roundId) const
    {
        for (const store::StoredRound &round : m_rounds) {
            if (roundId.isEmpty() && round.status == api::RoundStatus::Closed)
                return round;
            if (!roundId.isEmpty() && round.id == roundId) {
                // Only a closed round has results; an open one answers like a missing one.
                if (round.status != api::RoundStatus::Closed)
                    return roundNotFound();
                return round;
            }
        }
        if (!roundId.isEmpty())
            return roundNotFound();
        return std::optional<store::StoredRound>();
    }

    // The previous closed round of the same survey.
    std::optional<store::StoredRound> previous(const store::StoredRound &round) const
    {
        for (const store::StoredRound &earlier : m_rounds) {
            if (earlier.surveyId == round.surveyId && earlier.status == api::RoundStatus::Closed &&
                earlier.closesAt < round.closesAt)
                return earlier;
        }
        return std::nullopt;
    }

    // A closed round not aggregated yet has no results yet: nothing.
    std::variant<std::optional<RoundCells>, http::Response> cells(const store::StoredRound &round)
    {
        const auto known = m_cells.constFind(round.id);
        if (known != m_cells.constEnd())
            return *known;
        const auto cached = m_context.aggregates.round(m_identity.scope, m_connection, round.id);
        std::optional<RoundCells> answer;
        if (cached)
            answer =
                RoundCells{round.id, round.closesAt, *cached.value().cells, cached.value().sums};
        else if (cached.errorKind() != store::StoreErrorKind::NotFound)
            return storeFailure("cannot read a round's cells:", cached.error());
        m_cells.insert(round.id, answer);
        return answer;
    }

    // The cells of the previous closed round of the same survey, if any.
    std::variant<std::optional<RoundCells>, http::Response>
    previousCells(const store::StoredRound &round)
    {
        const auto before = previous(round);
        if (!before)
            return std::optional<RoundCells>();
        return cells(*before);
    }

    // The round and the one before it, ready to compute; for no round at all
    // (none closed yet) an empty round, whose scores say NoAnswers.
    struct Pair
    {
        RoundCells round;
        std::optional<RoundCells> previous;
    };
    std::variant<Pair, http::Response> pair(const std::optional<store::StoredRound> &round)
    {
        Pair answer;
        if (!round)
            return answer;
        auto current = cells(*round);
        if (auto *failure = std::get_if<http::Response>(&current))
            return std::move(*failure);
        auto &found = std::get<std::optional<RoundCells>>(current);
        if (!found)
            return notFound(QStringLiteral("This round has no results yet."));
        answer.round = std::move(*found);
        auto earlier = previousCells(*round);
        if (auto *failure = std::get_if<http::Response>(&earlier))
            return std::move(*failure);
        answer.previous = std::get<std::optional<RoundCells>>(earlier);
        return answer;
    }

private:
    const ops::ServiceContext &m_context;
    const auth::Identity &m_identity;
    const QSqlDatabase &m_connection;
    QList<store::StoredRound> m_rounds;
    QHash<QString, std::optional<RoundCells>> m_cells;
};

using RoundAnswer =
    std::function<QJsonObject(const DashboardCalculator &calculator, const Dashboard &dashboard,
                              const RoundCells &round, const std::optional<RoundCells> &previous)>;

// A dashboard of one round (the query's, or the latest closed one).
http::Response roundView(const ops::ServiceContext &context, const auth::Identity &identity,
                         const http::Request &request, const QSqlDatabase &connection, View view,
                         const RoundAnswer &answer)
{
    auto prepared = prepare(identity, request, connection, view);
    if (auto *refusal = std::get_if<http::Response>(&prepared))
        return std::move(*refusal);
    const Dashboard &dashboard = std::get<Dashboard>(prepared);
    RoundReader reader(context, identity, connection);
    if (auto failure = reader.load())
        return std::move(*failure);
    auto picked = reader.pick(dashboard.query.roundId);
    if (auto *refusal = std::get_if<http::Response>(&picked))
        return std::move(*refusal);
    auto pair = reader.pair(std::get<std::optional<store::StoredRound>>(picked));
    if (auto *refusal = std::get_if<http::Response>(&pair))
        return std::move(*refusal);
    const RoundReader::Pair &rounds = std::get<RoundReader::Pair>(pair);
    const DashboardCalculator calculator(dashboard.groups, dashboard.settings);
    return http::Response::json(200, answer(calculator, dashboard, rounds.round, rounds.previous));
}

http::Response summary(const ops::ServiceContext &context, const auth::Identity &identity,
                       const http::Request &request, const QSqlDatabase &connection)
{
    return roundView(context, identity, request, connection, View::Summary,
                     [](const DashboardCalculator &calculator, const Dashboard &dashboard,
                        const RoundCells &round, const std::optional<RoundCells> &previous) {
                         return api::toJson(calculator.summary(dashboard.query, round, previous));
                     });
}

http::Response factors(const ops::ServiceContext &context, const auth::Identity &identity,
                       const http::Request &request, const QSqlDatabase &connection)
{
    const auto benchmarks =
        store::EngagementSettingsRepository(connection).benchmarks(identity.scope);
    if (!benchmarks)
        return storeFailure("cannot read the benchmarks:", benchmarks.error());
    return roundView(context, identity, request, connection, View::Factors,
                     [&](const DashboardCalculator &calculator, const Dashboard &dashboard,
                         const RoundCells &round, const std::optional<RoundCells> &previous) {
                         return api::toJson(calculator.factors(dashboard.query, round, previous,
                                                               benchmarks.value()));
                     });
}

http::Response heatmap(const ops::ServiceContext &context, const auth::Identity &identity,
                       const http::Request &request, const QSqlDatabase &connection)
{
    return roundView(context, identity, request, connection, View::Heatmap,
                     [](const DashboardCalculator &calculator, const Dashboard &dashboard,
                        const RoundCells &round, const std::optional<RoundCells> &previous) {
                         return api::toJson(calculator.heatmap(dashboard.query, round, previous));
                     });
}

http::Response attributes(const ops::ServiceContext &context, const auth::Identity &identity,
                          const http::Request &request, const QSqlDatabase &connection)
{
    return roundView(context, identity, request, connection, View::Attributes,
                     [](const DashboardCalculator &calculator, const Dashboard &dashboard,
                        const RoundCells &round, const std::optional<RoundCells> &previous) {
                         return api::toJson(
                             calculator.attributes(dashboard.query, round, previous));
                     });
}

http::Response priority(const ops::ServiceContext &context, const auth::Identity &identity,
                        const http::Request &request, const QSqlDatabase &connection)
{
    return roundView(context, identity, request, connection, View::Priority,
                     [](const DashboardCalculator &calculator, const Dashboard &dashboard,
                        const RoundCells &round, const std::optional<RoundCells> &previous) {
                         return api::toJson(calculator.priority(dashboard.query, round, previous));
                     });
}

http::Response trend(const ops::ServiceContext &context, const auth::Identity &identity,
                     const http::Request &request, const QSqlDatabase &connection)
{
    auto prepared = prepare(identity, request, connection, View::Trend);
    if (auto *refusal = std::get_if<http::Response>(&prepared))
        return std::move(*refusal);
    const Dashboard &dashboard = std::get<Dashboard>(prepared);
    const QDate to = dashboard.query.to.value_or(QDateTime::currentDateTimeUtc().date());
    const QDate from = dashboard.query.from.value_or(to.addMonths(-12));
    RoundReader reader(context, identity, connection);
    if (auto failure = reader.load())
        return std::move(*failure);
    const DashboardCalculator calculator(dashboard.groups, dashboard.settings);
    api::Trend trend;
    trend.slice = calculator.sliceInfo(dashboard.query, QString());
    // Newest first in the reader: walked backwards, the points come oldest first.
    const QList<store::StoredRound> &rounds = reader.rounds();
    for (auto it = rounds.crbegin(); it != rounds.crend(); ++it) {
        const QDate closed = it->closesAt.toUTC().date();
        if (it->status != api::RoundStatus::Closed || closed < from || closed > to)
            continue;
        auto current = reader.cells(*it);
        if (auto *failure = std::get_if<http::Response>(&current))
            return std::move(*failure);
        // A round closed but not aggregated yet is left out until it is.
        const auto &round = std::get<std::optional<RoundCells>>(current);
        if (!round)
            continue;
        auto previous = reader.previousCells(*it);
        if (auto *failure = std::get_if<http::Response>(&previous))
            return std::move(*failure);
        trend.points.append(calculator.trendPoint(dashboard.query, *round,
                                                  std::get<std::optional<RoundCells>>(previous)));
    }
    return http::Response::json(200, api::toJson(trend));
}

http::Response listRounds(const ops::ServiceContext &context, const auth::Identity &identity,
                          const http::Request &request, const QSqlDatabase &connection)
{
    const auto refusal = api::readQueryParameters(
        request.query, {},
        [](const QString &, const QString &) -> std::optional<api::Error> { return std::nullopt; });
    if (refusal)
        return badRequest(*refusal);
    store::PulseRepository pulse(connection, context.keyring);
    const auto rounds = pulse.pulseRounds(identity.scope);
    if (!rounds)
        return storeFailure("cannot list rounds:", rounds.error());
    const auto surveys = pulse.surveys(identity.scope);
    if (!surveys)
        return storeFailure("cannot list surveys:", surveys.error());
    QHash<QString, QString> names;
    for (const store::StoredSurvey &survey : surveys.value())
        names.insert(survey.id, survey.name);
    api::RoundList list;
    for (const store::StoredRound &stored : rounds.value()) {
        api::RoundInfo round;
        round.id = stored.id;
        round.surveyId = stored.surveyId;
        round.surveyName = names.value(stored.surveyId);
        round.number = stored.number;
        round.opensAt = stored.opensAt;
        round.closesAt = stored.closesAt;
        round.status = stored.status;
        round.targets = stored.targets;
        round.respondents = stored.respondents;
        round.itemIds = stored.itemIds;
        list.rounds.append(round);
    }
    return http::Response::json(200, api::toJson(list));
}

// ---- memos ----------------------------------------------------------------

http::Response memoAnswer(int status, const api::Memo &memo)
{
    return domain::jsonWithEtag(status, api::toJson(memo), memo.revision);
}

http::Response memoFailure(const char *what, const store::StoreError &error)
{
    if (error.kind == store::StoreErrorKind::NotFound)
        return memoNotFound();
    return storeFailure(what, error);
}

http::Response listMemos(const ops::ServiceContext &context, const auth::Identity &identity,
                         const http::Request &request, const QSqlDatabase &connection)
{
    QDate from;
    QDate to;
    const auto refusal = api::readQueryParameters(
        request.query, {QLatin1String("from"), QLatin1String("to")},
        [&](const QString &name, const QString &value) -> std::optional<api::Error> {
            auto date = api::parseDate(value);
            if (!date)
                return api::parameterError(date.error(), name);
            (name == QLatin1String("from") ? from : to) = date.value();
            return std::nullopt;
        });
    if (refusal)
        return badRequest(*refusal);
    if (from.isValid() && to.isValid() && to < from)
        return invalidField(QStringLiteral("to"), QStringLiteral("Must not be earlier than from."));
    const auto memos = store::MemoRepository(connection, context.keyring)
                           .list(identity.scope, identity.personId, from, to);
    if (!memos)
        return storeFailure("cannot list memos:", memos.error());
    return http::Response::json(200, api::toJson(api::MemoList{memos.value()}));
}

std::optional<http::Response> refuseMemoFields(const api::Result<api::MemoFields> &body)
{
    if (!body)
        return badRequest(body.error());
    if (const auto error = api::validateMemoFields(body.value()))
        return badRequest(*error);
    return std::nullopt;
}

http::Response createMemo(const ops::ServiceContext &context, const auth::Identity &identity,
                          const http::Request &request, const QSqlDatabase &connection)
{
    const auto body = api::memoFieldsFromJson(request.json);
    if (auto refusal = refuseMemoFields(body))
        return std::move(*refusal);
    domain::IdempotentCreate once(context, identity, request, connection,
                                  domain::locationById(kMemos));
    if (auto refusal = once.refuseKey())
        return std::move(*refusal);
    if (auto earlier = once.earlierAnswer())
        return std::move(*earlier);

    return domain::inTransaction(connection, "the create of a memo", [&]() -> http::Response {
        if (auto earlier = once.earlierAnswer())
            return std::move(*earlier);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto created = store::MemoRepository(connection, context.keyring)
                                 .create(identity.scope, identity.personId, body.value(), now);
        if (!created)
            return storeFailure("cannot create a memo:", created.error());
        const api::Memo &memo = created.value();
        const QJsonObject json = api::toJson(memo);
        const auto remembered =
            once.remember({201, QJsonDocument(json).toJson(QJsonDocument::Compact)}, now);
        if (!remembered)
            return storeFailure("cannot keep the idempotency key:", remembered.error());
        const auto logged = logChange(identity, request, connection, QStringLiteral("memo"),
                                      memo.id, QStringLiteral("memo.create"),
                                      memo.fields.shared ? QStringLiteral("created, shared")
                                                         : QStringLiteral("created"));
        if (!logged)
            return storeFailure("cannot log the create:", logged.error());
        http::Response response = memoAnswer(201, memo);
        response.headers.emplace_back(QByteArrayLiteral("Location"),
                                      QString(kMemos + QLatin1Char('/') + memo.id).toLatin1());
        return response;
    });
}

using MemoEdit =
    std::function<http::Response(store::MemoRepository &memos, const api::Memo &current)>;

// One edit of memo `id` (PUT, DELETE) by its author, in one transaction:
// read (404 when the caller cannot see it), 403 when another wrote it, then
// `refusal` (the body's), If-Match, `edit`.
http::Response editMemo(const ops::ServiceContext &context, const auth::Identity &identity,
                        const http::Request &request, const QSqlDatabase &connection,
                        const char *what, const std::optional<http::Response> &refusal,
                        const MemoEdit &edit)
{
    const auto id = domain::pathId(request);
    if (!id)
        return memoNotFound();
    return domain::inTransaction(connection, what, [&]() -> http::Response {
        store::MemoRepository memos(connection, context.keyring);
        const auto found = memos.get(identity.scope, identity.personId, *id);
        if (!found)
            return memoFailure("cannot read a memo:", found.error());
        if (!found.value().mine)
            return domain::forbidden(QStringLiteral("Only its author may change a memo."));
        if (auto refused = domain::refuseEdit(refusal, request, found.value().revision,
                                              QStringLiteral("memo")))
            return std::move(*refused);
        return edit(memos, found.value());
    });
}

http::Response updateMemo(const ops::ServiceContext &context, const auth::Identity &identity,
                          const http::Request &request, const QSqlDatabase &connection)
{
    const auto body = api::memoFieldsFromJson(request.json);
    return editMemo(
        context, identity, request, connection, "an update of a memo", refuseMemoFields(body),
        [&](store::MemoRepository &memos, const api::Memo &current) -> http::Response {
            const api::MemoFields &fields = body.value();
            QStringList changed;
            if (fields.date != current.fields.date)
                changed << QStringLiteral("date");
            if (fields.text != current.fields.text)
                changed << QStringLiteral("text");
            if (fields.shared != current.fields.shared)
                changed << QStringLiteral("shared");
            if (changed.isEmpty())
                return memoAnswer(200, current);
            const auto updated =
                memos.update(identity.scope, identity.personId, current.id, current.revision,
                             fields, QDateTime::currentDateTimeUtc());
            if (!updated)
                return memoFailure("cannot update a memo:", updated.error());
            const auto logged =
                logChange(identity, request, connection, QStringLiteral("memo"), current.id,
                          QStringLiteral("memo.update"), changedSummary(changed));
            if (!logged)
                return storeFailure("cannot log the update:", logged.error());
            return memoAnswer(200, updated.value());
        });
}

http::Response deleteMemo(const ops::ServiceContext &context, const auth::Identity &identity,
                          const http::Request &request, const QSqlDatabase &connection)
{
    return editMemo(context, identity, request, connection, "the delete of a memo", std::nullopt,
                    [&](store::MemoRepository &memos, const api::Memo &current) -> http::Response {
                        const auto removed =
                            memos.remove(identity.scope, identity.personId, current.id,
                                         current.revision, QDateTime::currentDateTimeUtc());
                        if (!removed)
                            return memoFailure("cannot delete a memo:", removed.error());
                        const auto logged = logChange(
                            identity, request, connection, QStringLiteral("memo"), current.id,
                            QStringLiteral("memo.delete"), QStringLiteral("deleted"));
                        if (!logged)
                            return storeFailure("cannot log the delete:", logged.error());
                        return domain::noContent();
                    });
}

// ---- benchmarks and settings ----------------------------------------------

http::Response benchmarksAnswer(const api::BenchmarkSet &benchmarks)
{
    return domain::jsonWithEtag(200, api::toJson(benchmarks), benchmarks.revision);
}

http::Response settingsAnswer(const api::EngagementSettings &settings)
{
    return domain::jsonWithEtag(200, api::toJson(settings), settings.revision);
}

http::Response getBenchmarks(const ops::ServiceContext &, const auth::Identity &identity,
                             const http::Request &, const QSqlDatabase &connection)
{
    const auto benchmarks =
        store::EngagementSettingsRepository(connection).benchmarks(identity.scope);
    if (!benchmarks)
        return storeFailure("cannot read the benchmarks:", benchmarks.error());
    return benchmarksAnswer(benchmarks.value());
}

QStringList changedBenchmarks(const api::BenchmarkSet &before, const api::BenchmarkSet &after)
{
    QStringList changed;
    if (before.label != after.label)
        changed << QStringLiteral("label");
    for (const api::Factor factor : api::allFactors()) {
        std::optional<double> was;
        std::optional<double> is;
        for (const api::Benchmark &benchmark : before.values) {
            if (benchmark.factor == factor)
                was = benchmark.value;
        }
        for (const api::Benchmark &benchmark : after.values) {
            if (benchmark.factor == factor)
                is = benchmark.value;
        }
        if (was != is)
            changed << QStringLiteral("values.") + api::factorId(factor);
    }
    return changed;
}

http::Response putBenchmarks(const ops::ServiceContext &, const auth::Identity &identity,
                             const http::Request &request, const QSqlDatabase &connection)
{
    const auto body = api::benchmarkSetFromJson(request.json);
    std::optional<http::Response> refusal;
    if (!body)
        refusal = badRequest(body.error());
    else if (const auto error = api::validateBenchmarkSet(body.value()))
        refusal = badRequest(*error);
    return domain::inTransaction(
        connection, "an update of the benchmarks", [&]() -> http::Response {
            store::EngagementSettingsRepository repository(connection);
            const auto current = repository.benchmarks(identity.scope);
            if (!current)
                return storeFailure("cannot read the benchmarks:", current.error());
            if (auto refused = domain::refuseEdit(refusal, request, current.value().revision,
                                                  QStringLiteral("benchmarks")))
                return std::move(*refused);
            const QStringList changed = changedBenchmarks(current.value(), body.value());
            if (changed.isEmpty())
                return benchmarksAnswer(current.value());
            const auto updated =
                repository.updateBenchmarks(identity.scope, current.value().revision, body.value());
            if (!updated)
                return storeFailure("cannot update the benchmarks:", updated.error());
            const auto logged =
                logChange(identity, request, connection, QStringLiteral("engagementBenchmarks"),
                          identity.scope.tenantId(), QStringLiteral("engagement.benchmarks.update"),
                          changedSummary(changed));
            if (!logged)
                return storeFailure("cannot log the update:", logged.error());
            return benchmarksAnswer(updated.value());
        });
}

http::Response getSettings(const ops::ServiceContext &, const auth::Identity &identity,
                           const http::Request &, const QSqlDatabase &connection)
{
    const auto settings = store::EngagementSettingsRepository(connection).settings(identity.scope);
    if (!settings)
        return storeFailure("cannot read the engagement settings:", settings.error());
    return settingsAnswer(settings.value());
}

// A closed round's cells rest on the answers valid at its close, so a new
// validity window builds them all again, in the settings' own transaction.
std::optional<http::Response> reaggregateClosedRounds(const ops::ServiceContext &context,
                                                      const auth::Identity &identity,
                                                      const QSqlDatabase &connection,
                                                      int validityDays)
{
    const auto rounds =
        store::PulseRepository(connection, context.keyring).pulseRounds(identity.scope);
    if (!rounds)
        return storeFailure("cannot list rounds:", rounds.error());
    RoundAggregator aggregator(connection, context.keyring);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const store::StoredRound &round : rounds.value()) {
        if (round.status != api::RoundStatus::Closed)
            continue;
        const auto cells = aggregator.aggregate(identity.scope, round.id, validityDays, now);
        if (!cells)
            return storeFailure("cannot aggregate a round again:", cells.error());
    }
    return std::nullopt;
}

http::Response putSettings(const ops::ServiceContext &context, const auth::Identity &identity,
                           const http::Request &request, const QSqlDatabase &connection)
{
    const auto body = api::engagementSettingsFromJson(request.json);
    std::optional<http::Response> refusal;
    if (!body)
        refusal = badRequest(body.error());
    else if (const auto error = api::validateEngagementSettings(body.value()))
        refusal = badRequest(*error);
    return domain::inTransaction(
        connection, "an update of the engagement settings", [&]() -> http::Response {
            store::EngagementSettingsRepository repository(connection);
            const auto current = repository.settings(identity.scope);
            if (!current)
                return storeFailure("cannot read the engagement settings:", current.error());
            if (auto refused = domain::refuseEdit(refusal, request, current.value().revision,
                                                  QStringLiteral("settings")))
                return std::move(*refused);
            const api::EngagementSettings &next = body.value();
            QStringList changed;
            if (next.anonymityThreshold != current.value().anonymityThreshold)
                changed << QStringLiteral("anonymityThreshold");
            if (next.validityDays != current.value().validityDays)
                changed << QStringLiteral("validityDays");
            if (changed.isEmpty())
                return settingsAnswer(current.value());
            const auto updated =
                repository.updateSettings(identity.scope, current.value().revision, next);
            if (!updated)
                return storeFailure("cannot update the engagement settings:", updated.error());
            if (next.validityDays != current.value().validityDays) {
                if (auto failure =
                        reaggregateClosedRounds(context, identity, connection, next.validityDays))
                    return std::move(*failure);
            }
            const auto logged =
                logChange(identity, request, connection, QStringLiteral("engagementSettings"),
                          identity.scope.tenantId(), QStringLiteral("engagement.settings.update"),
                          changedSummary(changed));
            if (!logged)
                return storeFailure("cannot log the update:", logged.error());
            return settingsAnswer(updated.value());
        });
}

} // namespace

void addEngagementRoutes(http::Router &router, const ops::ServiceContext &context)
{
    using domain::tenantRoute;
    http::RouteOptions json;
    json.takesJson = true;
    const auto get = [&](QByteArrayView path, domain::TenantHandler handler) {
        router.add(http::Method::Get, path, tenantRoute(context, api::Role::Viewer, handler));
    };
    get("/api/v1/engagement/rounds", listRounds);
    get("/api/v1/engagement/summary", summary);
    get("/api/v1/engagement/trend", trend);
    get("/api/v1/engagement/factors", factors);
    get("/api/v1/engagement/heatmap", heatmap);
    get("/api/v1/engagement/attributes", attributes);
    get("/api/v1/engagement/priority", priority);
    get("/api/v1/engagement/memos", listMemos);
    get("/api/v1/engagement/benchmarks", getBenchmarks);
    get("/api/v1/engagement/settings", getSettings);
    // Memos are notes of those who act on the results: managers and above write them.
    router.add(http::Method::Post, "/api/v1/engagement/memos",
               tenantRoute(context, api::Role::Manager, createMemo), json);
    router.add(http::Method::Put, "/api/v1/engagement/memos/{id}",
               tenantRoute(context, api::Role::Manager, updateMemo), json);
    router.add(http::Method::Delete, "/api/v1/engagement/memos/{id}",
               tenantRoute(context, api::Role::Manager, deleteMemo));
    router.add(http::Method::Put, "/api/v1/engagement/benchmarks",
               tenantRoute(context, api::Role::Admin, putBenchmarks), json);
    router.add(http::Method::Put, "/api/v1/engagement/settings",
               tenantRoute(context, api::Role::Admin, putSettings), json);
}

} // namespace engage::server::engagement
