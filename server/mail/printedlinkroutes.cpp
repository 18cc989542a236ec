#include "printedlinkroutes.h"

#include "domain/routesupport.h"
#include "http/router.h"
#include "ops/publicurl.h"
#include "ops/servicecontext.h"
#include "printedlinks.h"
#include "store/grouprepository.h"
#include "store/memberrepository.h"
#include "store/operationlog.h"
#include "store/printedlinkrepository.h"
#include "store/pulserepository.h"
#include "store/responselinkrepository.h"
#include "store/surveyrepository.h"
#include "tenantmail.h"

#include <QHash>
#include <variant>

namespace engage::server::mail {

namespace {

using domain::storeFailure;

enum class Format
{
    Csv,
    Html,
};

http::Response roundNotFound()
{
    return domain::notFound(QStringLiteral("There is no such round."));
}

// ?all=true|false; nothing else is a parameter of these routes.
std::variant<bool, http::Response> everyone(const http::Request &request)
{
    const QString all = QStringLiteral("all");
    for (const auto &item : request.query.queryItems()) {
        if (item.first != all)
            return domain::invalidField(item.first.left(40), QStringLiteral("Unknown parameter."));
    }
    if (!request.query.hasQueryItem(all))
        return false;
    const QString value = request.query.queryItemValue(all);
    if (value == QStringLiteral("true"))
        return true;
    if (value == QStringLiteral("false"))
        return false;
    return domain::invalidField(all, QStringLiteral("Must be true or false."));
}

QString displayName(const api::MemberFields &fields, const QString &language)
{
    const QString joined = language == QStringLiteral("en")
                               ? fields.givenName + u' ' + fields.familyName
                               : fields.familyName + u' ' + fields.givenName;
    return joined.trimmed();
}

struct Sheet
{
    QList<PrintedLink> links;
    QString surveyName;
    TenantMailFacts facts;
};

// Issues the links and settles the invitations, in the request's transaction.
std::variant<Sheet, http::Response> printLinks(const ops::ServiceContext &context,
                                               const auth::Identity &identity,
                                               const http::Request &request,
                                               const QSqlDatabase &connection,
                                               const QString &roundId, bool all, Format format)
{
    const auto round =
        store::PulseRepository(connection, context.keyring).round(identity.scope, roundId);
    if (!round) {
        if (round.errorKind() == store::StoreErrorKind::NotFound)
            return roundNotFound();
        return storeFailure("cannot read a round:", round.error());
    }
    if (round.value().status != api::RoundStatus::Open)
        return domain::conflict(
            QStringLiteral("Links are handed out only while the round is open."));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto survey = store::SurveyRepository(connection, context.keyring)
                            .get(identity.scope, round.value().surveyId, now);
    if (!survey)
        return storeFailure("cannot read a round's survey:", survey.error());
    auto facts = tenantMailFacts(identity.scope, connection, context.keyring);
    if (!facts)
        return storeFailure("cannot read the tenant:", facts.error());
    if (context.publicUrl->baseUrl().isEmpty())
        return domain::conflict(
            QStringLiteral("The service does not know its public address yet."));

    const auto targets =
        store::PrintedLinkRepository(connection).unanswered(identity.scope, round.value().seq);
    if (!targets)
        return storeFailure("cannot read a round's targets:", targets.error());
    QStringList memberIds;
    for (const store::UnansweredTarget &target : targets.value())
        memberIds.append(target.memberId);
    const auto members =
        store::MemberRepository(connection, context.keyring).getMany(identity.scope, memberIds);
    if (!members)
        return storeFailure("cannot read members:", members.error());
    QHash<QString, const api::MemberFields *> fieldsById;
    for (const store::StoredMember &member : members.value())
        fieldsById.insert(member.member.id, &member.member.fields);
    const auto groups = store::GroupRepository(connection).list(identity.scope);
    if (!groups)
        return storeFailure("cannot read groups:", groups.error());
    QHash<QString, QString> groupNames;
    for (const api::Group &group : groups.value())
        groupNames.insert(group.id, group.fields.name);

    const PrintedLinkTexts texts = printedLinkTexts(facts.value().locale);
    QList<qint64> respondentIds;
    QList<PrintedLink> links;
    for (const store::UnansweredTarget &target : targets.value()) {
        const api::MemberFields *fields = fieldsById.value(target.memberId);
        if (!fields)
            continue; // deleted since the round opened
        if (!all && fields->email && !fields->email->isEmpty())
            continue;
        respondentIds.append(target.respondentId);
        PrintedLink link;
        link.employeeCode = fields->employeeCode.value_or(QString());
        link.name = displayName(*fields, facts.value().locale);
        link.group =
            fields->groupId ? groupNames.value(*fields->groupId, texts.noGroup) : texts.noGroup;
        links.append(link);
    }
    if (!respondentIds.isEmpty()) {
        const auto issued = store::ResponseLinkRepository(connection, context.keyring)
                                .issue(identity.scope, roundId, respondentIds, now);
        if (!issued)
            return storeFailure("cannot issue response links:", issued.error());
        for (qsizetype i = 0; i < links.size(); ++i)
            links[i].link = context.publicUrl->responseLink(issued.value().at(i).token);
        const auto marked = store::PrintedLinkRepository(connection)
                                .markPrinted(identity.scope, round.value().seq, respondentIds, now);
        if (!marked)
            return storeFailure("cannot mark invitations printed:", marked.error());
    }
    const api::LocalizedText &name = survey.value().definition.name;
    const bool english = facts.value().locale == QStringLiteral("en");
    QString surveyName = english ? name.en : name.ja;
    if (surveyName.isEmpty())
        surveyName = english ? name.ja : name.en;
    const QString summary =
        QStringLiteral("printed links for %1 members (%2%3)")
            .arg(links.size())
            .arg(format == Format::Csv ? QStringLiteral("csv") : QStringLiteral("html"),
                 all ? QStringLiteral(", all") : QString());
    const auto logged =
        store::OperationLog::record(identity.scope, connection,
                                    {request.requestId, identity.personId, QStringLiteral("round"),
                                     roundId, QStringLiteral("round.links.print"), summary, now});
    if (!logged)
        return storeFailure("cannot log printed links:", logged.error());
    return Sheet{links, surveyName, std::move(facts.value())};
}

http::Response printedLinks(Format format, const ops::ServiceContext &context,
                            const auth::Identity &identity, const http::Request &request,
                            const QSqlDatabase &connection)
{
    const auto id = domain::pathId(request);
    if (!id)
        return roundNotFound();
    const auto all = everyone(request);
    if (const auto *refusal = std::get_if<http::Response>(&all))
        return *refusal;
    std::optional<Sheet> sheet;
    http::Response answer =
        domain::inTransaction(connection, "printed links", [&]() -> http::Response {
            auto printed = printLinks(context, identity, request, connection, *id,
                                      std::get<bool>(all), format);
            if (auto *refusal = std::get_if<http::Response>(&printed))
                return std::move(*refusal);
            sheet = std::move(std::get<Sheet>(printed));
            return domain::noContent();
        });
    if (!sheet)
        return answer;
    const PrintedLinkTexts texts = printedLinkTexts(sheet->facts.locale);
    http::Response response;
    response.status = 200;
    const QByteArray fileName = "links-" + id->toLatin1();
    if (format == Format::Csv) {
        response.body = printedLinksCsv(sheet->links, texts);
        response.contentType = QByteArrayLiteral("text/csv; charset=utf-8");
        response.headers.emplace_back(QByteArrayLiteral("Content-Disposition"),
                                      "attachment; filename=\"" + fileName + ".csv\"");
    } else {
        const PrintedSheet printed =
            printedLinksHtml(sheet->links, texts, sheet->facts.locale, sheet->surveyName,
                             sheet->facts.anonymityThreshold);
        response.body = printed.html;
        response.contentType = QByteArrayLiteral("text/html; charset=utf-8");
        response.headers.emplace_back(QByteArrayLiteral("Content-Security-Policy"),
                                      printed.contentSecurityPolicy);
        response.headers.emplace_back(QByteArrayLiteral("Content-Disposition"),
                                      "inline; filename=\"" + fileName + ".html\"");
    }
    return response;
}

} // namespace

void addPrintedLinkRoutes(http::Router &router, const ops::ServiceContext &context)
{
    using domain::tenantRoute;
    for (const auto &[path, format] :
         {std::pair{QByteArrayView("/api/v1/rounds/{id}/links.csv"), Format::Csv},
          std::pair{QByteArrayView("/api/v1/rounds/{id}/links.html"), Format::Html}}) {
        router.add(http::Method::Get, path,
                   tenantRoute(context, api::Role::Admin,
                               [format = format](const ops::ServiceContext &serviceContext,
                                                 const auth::Identity &identity,
                                                 const http::Request &request,
                                                 const QSqlDatabase &connection) {
                                   return printedLinks(format, serviceContext, identity, request,
                                                       connection);
                               }));
    }
}

} // namespace engage::server::mail
