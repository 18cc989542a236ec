#include "roundroutes.h"

#include "api/deliverylog.h"
#include "api/member.h"
#include "api/queryparams.h"
#include "api/survey.h"
#include "deliveryqueue.h"
#include "domain/routesupport.h"
#include "ops/servicecontext.h"
#include "store/engagementsettingsrepository.h"
#include "store/grouprepository.h"
#include "store/memberrepository.h"
#include "store/operationlog.h"
#include "store/pulserepository.h"
#include "store/scopedquery.h"

#include <QHash>
#include <QJsonObject>
#include <algorithm>

namespace engage::server::jobs {

namespace {

using domain::notFound;
using domain::storeFailure;

http::Response roundNotFound()
{
    return notFound(QStringLiteral("There is no such round."));
}

// The round the path names, if it is the caller's tenant's.
std::variant<store::StoredRound, http::Response> roundOf(const ops::ServiceContext &context,
                                                         const auth::Identity &identity,
                                                         const http::Request &request,
                                                         const QSqlDatabase &connection)
{
    const auto id = domain::pathId(request);
    if (!id)
        return roundNotFound();
    const auto round =
        store::PulseRepository(connection, context.keyring).round(identity.scope, *id);
    if (!round) {
        if (round.errorKind() == store::StoreErrorKind::NotFound)
            return roundNotFound();
        return storeFailure("cannot read a round:", round.error());
    }
    return round.value();
}

// Targets and respondents of a round by the group of their placement.
store::StoreResult<QList<api::GroupProgress>>
groupCounts(const store::TenantScope &scope, const QSqlDatabase &connection, qint64 roundSeq)
{
    store::ScopedQuery query(scope, connection);
    query.prepare(QStringLiteral(
        "SELECT p.group_id, COUNT(*), COUNT(t.responded_at) FROM round_targets t "
        "JOIN placements p ON p.id = t.placement_id WHERE t.tenant_id = :tenant_id AND "
        "t.round_seq = :seq GROUP BY p.group_id ORDER BY p.group_id"));
    query.bindValue(QStringLiteral(":seq"), roundSeq);
    if (!query.exec())
        return store::databaseError(QStringLiteral("counting a round's targets"),
                                    query.errorText());
    QList<api::GroupProgress> groups;
    while (query.next()) {
        api::GroupProgress group;
        group.groupId = query.value(0).toString();
        group.targets = query.value(1).toLongLong();
        group.respondents = query.value(2).toLongLong();
        groups.append(group);
    }
    return groups;
}

http::Response progress(const ops::ServiceContext &context, const auth::Identity &identity,
                        const http::Request &request, const QSqlDatabase &connection)
{
    const auto found = roundOf(context, identity, request, connection);
    if (const auto *answer = std::get_if<http::Response>(&found))
        return *answer;
    const store::StoredRound &round = std::get<store::StoredRound>(found);
    const auto settings = store::EngagementSettingsRepository(connection).settings(identity.scope);
    if (!settings)
        return storeFailure("cannot read the engagement settings:", settings.error());
    const auto tree = store::GroupRepository(connection).tree(identity.scope);
    if (!tree)
        return storeFailure("cannot read the groups:", tree.error());
    auto groups = groupCounts(identity.scope, connection, round.seq);
    if (!groups)
        return storeFailure("cannot count a round's targets:", groups.error());
    const auto totals = DeliveryQueue(connection, context.keyring)
                            .totals(identity.scope, round.seq, settings.value().anonymityThreshold);
    if (!totals)
        return storeFailure("cannot count a round's deliveries:", totals.error());

    QHash<QString, QString> names;
    for (const api::Group &group : tree.value())
        names.insert(group.id, group.fields.name);
    api::RoundProgress answer;
    answer.roundId = round.id;
    for (api::GroupProgress &group : groups.value()) {
        group.name = names.value(group.groupId);
        if (group.name.isEmpty() && !group.groupId.isEmpty()) {
            // Removed since the round reached its members: its last name.
            const auto versions =
                store::GroupRepository(connection).history(identity.scope, group.groupId);
            if (!versions)
                return storeFailure("cannot read a removed group:", versions.error());
            if (!versions.value().isEmpty())
                group.name = versions.value().constLast().fields.name;
        }
        // A group this small would tell who answered.
        if (group.targets < settings.value().anonymityThreshold)
            group.respondents.reset();
        answer.groups.append(group);
    }
    answer.sent = totals.value().sent;
    answer.bounced = totals.value().bounced;
    answer.printed = totals.value().printed;
    answer.pending = totals.value().pending;
    return http::Response::json(200, api::toJson(answer));
}

// Whether a count over `groups` may be told: not when one of them, among
// those the round reached, is under the threshold, as the progress withholds
// its respondents and the count less the others' would recover them.
bool countable(const QList<api::GroupProgress> &reached, const QStringList &groups, int threshold)
{
    return std::none_of(reached.cbegin(), reached.cend(),
                        [&groups, threshold](const api::GroupProgress &group) {
                            return group.targets < threshold && groups.contains(group.groupId);
                        });
}

http::Response remind(const ops::ServiceContext &context, const auth::Identity &identity,
                      const http::Request &request, const QSqlDatabase &connection)
{
    const auto body = api::remindRequestFromJson(request.json);
    if (!body)
        return domain::badRequest(body.error());
    const std::optional<QString> &groupId = body.value().groupId;
    return domain::inTransaction(connection, "a reminder", [&]() -> http::Response {
        const auto found = roundOf(context, identity, request, connection);
        if (const auto *answer = std::get_if<http::Response>(&found))
            return *answer;
        const store::StoredRound &round = std::get<store::StoredRound>(found);
        const auto reached = groupCounts(identity.scope, connection, round.seq);
        if (!reached)
            return storeFailure("cannot count a round's targets:", reached.error());
        QStringList groups;
        if (groupId) {
            const auto subtree =
                store::GroupRepository(connection).subtreeIds(identity.scope, {*groupId});
            if (!subtree)
                return storeFailure("cannot read the groups:", subtree.error());
            if (subtree.value().isEmpty())
                return notFound(QStringLiteral("There is no such group."));
            groups = subtree.value();
        } else {
            // Everyone who has not answered, wherever placed.
            for (const api::GroupProgress &group : reached.value())
                groups.append(group.groupId);
        }
        if (round.status != api::RoundStatus::Open)
            return domain::conflict(QStringLiteral("The round is not open."));
        const auto settings =
            store::EngagementSettingsRepository(connection).settings(identity.scope);
        if (!settings)
            return storeFailure("cannot read the engagement settings:", settings.error());
        DeliveryQueue queue(connection, context.keyring);
        const auto ordinal = queue.nextReminderOrdinal(identity.scope, round.seq);
        if (!ordinal)
            return storeFailure("cannot read a round's reminders:", ordinal.error());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto planned = queue.plan(identity.scope, round.seq, api::DeliveryKind::Reminder,
                                        ordinal.value(), now, groups);
        if (!planned)
            return storeFailure("cannot plan a reminder:", planned.error());
        api::RemindResult result;
        if (countable(reached.value(), groups, settings.value().anonymityThreshold))
            result.planned = planned.value();
        // The log's readers are the route's callers: it tells them no more.
        const QString whom = groupId ? QStringLiteral("non-respondents of group ") + *groupId
                                     : QStringLiteral("non-respondents");
        const auto logged = store::OperationLog::record(
            identity.scope, connection,
            {request.requestId, identity.personId, QStringLiteral("round"), round.id,
             QStringLiteral("survey.round.remind"),
             result.planned ? QStringLiteral("reminder %1 to %2 %3")
                                  .arg(ordinal.value())
                                  .arg(*result.planned)
                                  .arg(whom)
                            : QStringLiteral("reminder %1 to the %2 (a group under the anonymity "
                                             "threshold: not counted)")
                                  .arg(ordinal.value())
                                  .arg(whom),
             now});
        if (!logged)
            return storeFailure("cannot log the reminder:", logged.error());
        return http::Response::json(202, api::toJson(result));
    });
}

api::DeliveryChannel channelOf(const DeliveryQueue::LogRow &row, const api::Member *member)
{
    // A member without an address gets the link on paper once the row is due.
    const bool onPaper = row.status == api::DeliveryStatus::Printed ||
                         (member && (!member->fields.email || member->fields.email->isEmpty()));
    return onPaper ? api::DeliveryChannel::Printed : api::DeliveryChannel::Email;
}

http::Response deliveries(const ops::ServiceContext &context, const auth::Identity &identity,
                          const http::Request &request, const QSqlDatabase &connection)
{
    const auto query = api::deliveryLogQueryFromUrl(request.query);
    if (!query)
        return domain::badRequest(query.error());
    std::optional<qint64> before;
    if (query.value().cursor) {
        const auto id =
            api::readWholeNumber(QString(), *query.value().cursor, 1, api::kMaxJsonInteger);
        if (!id)
            return domain::badCursor();
        before = id.value();
    }
    const auto found = roundOf(context, identity, request, connection);
    if (const auto *answer = std::get_if<http::Response>(&found))
        return *answer;
    const store::StoredRound &round = std::get<store::StoredRound>(found);
    const auto settings = store::EngagementSettingsRepository(connection).settings(identity.scope);
    if (!settings)
        return storeFailure("cannot read the engagement settings:", settings.error());
    // One row more than the page: whether there is a next one.
    const int limit = query.value().limit;
    auto rows = DeliveryQueue(connection, context.keyring)
                    .log(identity.scope, round.seq, query.value().status, before, limit + 1,
                         settings.value().anonymityThreshold);
    if (!rows)
        return storeFailure("cannot read a round's deliveries:", rows.error());
    const bool more = rows.value().size() > limit;
    if (more)
        rows.value().resize(limit);

    QStringList memberIds;
    for (const DeliveryQueue::LogRow &row : std::as_const(rows.value())) {
        if (!row.memberId.isEmpty() && !memberIds.contains(row.memberId))
            memberIds.append(row.memberId);
    }
    // Owners and admins alone come here, and they see every member
    // (domain::visibleGroups), their addresses included.
    const auto members =
        store::MemberRepository(connection, context.keyring).getMany(identity.scope, memberIds);
    if (!members)
        return storeFailure("cannot read the members of a round's deliveries:", members.error());
    QHash<QString, const api::Member *> byId;
    for (const store::StoredMember &stored : members.value())
        byId.insert(stored.member.id, &stored.member);

    api::DeliveryLogPage page;
    for (const DeliveryQueue::LogRow &row : std::as_const(rows.value())) {
        const api::Member *member = byId.value(row.memberId);
        api::DeliveryLogEntry entry;
        entry.id = row.id;
        entry.kind = row.kind;
        entry.ordinal = row.ordinal;
        entry.status = row.status;
        entry.channel = channelOf(row, member);
        entry.dueAt = row.dueAt;
        entry.settledAt = row.settledAt;
        entry.attempts = row.attempts;
        if (!row.error.isEmpty())
            entry.detail = row.error.left(api::kDeliveryDetailMaxLength);
        // Invitations alone name their member: a reminder would tell who had
        // not answered yet.
        if (member && row.kind == api::DeliveryKind::Invitation) {
            entry.memberId = member->id;
            entry.memberName = api::memberDisplayName(member->fields);
            entry.employeeCode = member->fields.employeeCode;
            entry.email = member->fields.email;
        }
        page.items.append(entry);
    }
    if (more)
        page.nextCursor = QString::number(page.items.constLast().id);
    return http::Response::json(200, api::toJson(page));
}

} // namespace

void addRoundRoutes(http::Router &router, const ops::ServiceContext &context)
{
    using domain::tenantRoute;
    http::RouteOptions json;
    json.takesJson = true;
    router.add(http::Method::Get, "/api/v1/rounds/{id}/progress",
               tenantRoute(context, api::Role::Admin, progress));
    router.add(http::Method::Post, "/api/v1/rounds/{id}/remind",
               tenantRoute(context, api::Role::Admin, remind), json);
    router.add(http::Method::Get, "/api/v1/rounds/{id}/deliveries",
               tenantRoute(context, api::Role::Admin, deliveries));
}

} // namespace engage::server::jobs
