#include "mailroutes.h"

#include "api/deliveryplan.h"
#include "api/mail.h"
#include "domain/routesupport.h"
#include "emailsender.h"
#include "http/router.h"
#include "ops/servicecontext.h"
#include "printedlinkroutes.h"
#include "smtpmailer.h"
#include "store/operationlog.h"
#include "store/previewlinkrepository.h"
#include "store/smtpsettingsrepository.h"
#include "store/surveyrepository.h"
#include "tenantmail.h"

#include <QTimeZone>
#include <memory>
#include <variant>

namespace engage::server::mail {

namespace {

using domain::storeFailure;

const QString kTargetType = QStringLiteral("smtpSettings");

http::Response settingsAnswer(const api::SmtpSettingsView &view)
{
    return domain::jsonWithEtag(200, api::toJson(view), view.revision);
}

http::Response noMailServer()
{
    return domain::conflict(
        QStringLiteral("No mail server is set up yet: save the SMTP settings first."));
}

store::StoreStatus logOperation(const auth::Identity &identity, const http::Request &request,
                                const QSqlDatabase &connection, const QString &targetType,
                                const QString &targetId, const QString &action,
                                const QString &summary)
{
    return store::OperationLog::record(identity.scope, connection,
                                       {request.requestId, identity.personId, targetType, targetId,
                                        action, summary, QDateTime::currentDateTimeUtc()});
}

// Field names only: the log never holds the host, the account or the password.
QStringList changedFields(const api::SmtpSettingsView &current,
                          const api::SmtpSettingsUpdate &update)
{
    QStringList changed;
    if (current.host != update.host)
        changed << QStringLiteral("host");
    if (current.port != update.port)
        changed << QStringLiteral("port");
    if (current.security != update.security)
        changed << QStringLiteral("security");
    if (current.username != update.username)
        changed << QStringLiteral("username");
    if (current.fromAddress != update.fromAddress)
        changed << QStringLiteral("fromAddress");
    const bool removesPassword =
        (update.password && update.password->isEmpty()) || update.username.isEmpty();
    if ((update.password && !update.password->isEmpty()) ||
        (current.passwordSet && removesPassword))
        changed << QStringLiteral("password");
    return changed;
}

http::Response getSettings(const ops::ServiceContext &context, const auth::Identity &identity,
                           const http::Request &, const QSqlDatabase &connection)
{
    const auto settings =
        store::SmtpSettingsRepository(connection, context.keyring).settings(identity.scope);
    if (!settings)
        return storeFailure("cannot read the SMTP settings:", settings.error());
    return settingsAnswer(settings.value());
}

http::Response putSettings(const ops::ServiceContext &context, const auth::Identity &identity,
                           const http::Request &request, const QSqlDatabase &connection)
{
    const auto body = api::smtpSettingsUpdateFromJson(request.json);
    std::optional<http::Response> refusal;
    if (!body)
        refusal = domain::badRequest(body.error());
    return domain::inTransaction(
        connection, "an update of the SMTP settings", [&]() -> http::Response {
            store::SmtpSettingsRepository repository(connection, context.keyring);
            const auto current = repository.settings(identity.scope);
            if (!current)
                return storeFailure("cannot read the SMTP settings:", current.error());
            if (auto refused = domain::refuseEdit(refusal, request, current.value().revision,
                                                  QStringLiteral("SMTP settings")))
                return std::move(*refused);
            const QStringList changed = changedFields(current.value(), body.value());
            if (changed.isEmpty() && current.value().revision > 0)
                return settingsAnswer(current.value());
            const auto updated = repository.update(identity.scope, current.value().revision,
                                                   body.value(), QDateTime::currentDateTimeUtc());
            if (!updated)
                return storeFailure("cannot update the SMTP settings:", updated.error());
            const auto logged =
                logOperation(identity, request, connection, kTargetType, identity.scope.tenantId(),
                             QStringLiteral("smtp.update"),
                             QStringLiteral("changed: ") + changed.join(QStringLiteral(", ")));
            if (!logged)
                return storeFailure("cannot log the update:", logged.error());
            return settingsAnswer(updated.value());
        });
}

// Sends `message` and answers what happened, with an operation-log row
// (`action`, the outcome's name only).
http::Response sendAndAnswer(Mailer &mailer, const SmtpSettings &settings,
                             const MailMessage &message, const auth::Identity &identity,
                             const http::Request &request, const QSqlDatabase &connection,
                             const QString &targetType, const QString &targetId,
                             const QString &action)
{
    const api::MailTestResult result = testResult(mailer.send(settings, message));
    return domain::inTransaction(connection, "the log of a test message", [&]() -> http::Response {
        const auto logged = logOperation(
            identity, request, connection, targetType, targetId, action,
            QStringLiteral("test message: ") + api::mailTestOutcomeName(result.outcome));
        if (!logged)
            return storeFailure("cannot log a test message:", logged.error());
        return http::Response::json(200, api::toJson(result));
    });
}

http::Response testSettings(Mailer &mailer, const ops::ServiceContext &context,
                            const auth::Identity &identity, const http::Request &request,
                            const QSqlDatabase &connection)
{
    const auto settings = tenantSmtpSettings(identity.scope, connection, context.keyring);
    if (!settings) {
        if (settings.errorKind() == store::StoreErrorKind::NotFound)
            return noMailServer();
        return storeFailure("cannot read the SMTP settings:", settings.error());
    }
    const auto facts = tenantMailFacts(identity.scope, connection, context.keyring);
    if (!facts)
        return storeFailure("cannot read the tenant:", facts.error());
    return sendAndAnswer(
        mailer, settings.value(),
        smtpTestMail(facts.value().locale, facts.value().organisation, identity.person.email),
        identity, request, connection, kTargetType, identity.scope.tenantId(),
        QStringLiteral("smtp.test"));
}

// When the preview's round would end: the open round's close, else the next
// planned round's, else the period counted from today.
QDateTime previewCloses(const api::Survey &survey, const QDateTime &now)
{
    if (survey.openRound)
        return survey.openRound->closesAt;
    const api::DeliverySettings &delivery = survey.definition.delivery;
    if (delivery.startDate.isValid()) {
        const auto rounds = api::plannedRounds(delivery, survey.definition.kind, 1, now);
        if (!rounds.isEmpty())
            return rounds.first().closesAt;
    }
    const QTimeZone zone(delivery.timeZone.toUtf8());
    const QDate today = zone.isValid() ? now.toTimeZone(zone).date() : now.date();
    return QDateTime(today.addDays(delivery.periodDays - 1), QTime(23, 59, 59, 999),
                     zone.isValid() ? zone : QTimeZone::utc());
}

// A preview link to `survey` for the caller's test message, with its
// operation row in the same transaction (issued before the message goes, so
// that the link works as soon as it arrives; it is a change even when the
// message then fails). The token, or the answer saying why not.
std::variant<QString, http::Response> issuePreviewLink(const auth::Identity &identity,
                                                       const http::Request &request,
                                                       const QSqlDatabase &connection,
                                                       const QString &surveyId,
                                                       const QString &language, const QDateTime &at)
{
    QString token;
    http::Response answer =
        domain::inTransaction(connection, "issuing a preview link", [&]() -> http::Response {
            const auto issued = store::PreviewLinkRepository(connection)
                                    .create(identity.scope, surveyId, language, at);
            if (!issued && issued.errorKind() == store::StoreErrorKind::NotFound)
                return domain::notFound(QStringLiteral("There is no such survey."));
            if (!issued)
                return storeFailure("cannot issue a preview link:", issued.error());
            const auto logged =
                logOperation(identity, request, connection, QStringLiteral("survey"), surveyId,
                             QStringLiteral("survey.preview"),
                             QStringLiteral("preview link: %1, valid for %2 days")
                                 .arg(language)
                                 .arg(store::PreviewLinkRepository::kValidDays));
            if (!logged)
                return storeFailure("cannot log a preview link:", logged.error());
            token = issued.value();
            return http::Response{};
        });
    if (token.isEmpty())
        return answer;
    return token;
}

http::Response testSurvey(Mailer &mailer, const ops::ServiceContext &context,
                          const auth::Identity &identity, const http::Request &request,
                          const QSqlDatabase &connection)
{
    const auto id = domain::pathId(request);
    const auto body = api::surveyTestRequestFromJson(request.json);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto survey =
        id ? store::SurveyRepository(connection, context.keyring).get(identity.scope, *id, now)
           : store::StoreResult<api::Survey>(
                 store::StoreError{store::StoreErrorKind::NotFound, QStringLiteral("no id")});
    if (!survey) {
        if (survey.errorKind() == store::StoreErrorKind::NotFound)
            return domain::notFound(QStringLiteral("There is no such survey."));
        return storeFailure("cannot read a survey:", survey.error());
    }
    if (!body)
        return domain::badRequest(body.error());
    const auto settings = tenantSmtpSettings(identity.scope, connection, context.keyring);
    if (!settings) {
        if (settings.errorKind() == store::StoreErrorKind::NotFound)
            return noMailServer();
        return storeFailure("cannot read the SMTP settings:", settings.error());
    }
    const auto facts = tenantMailFacts(identity.scope, connection, context.keyring);
    if (!facts)
        return storeFailure("cannot read the tenant:", facts.error());
    SurveyMailFields fields =
        surveyMailFields(survey.value().definition, facts.value(), body.value().language,
                         previewCloses(survey.value(), now));
    fields.preview = true;
    // Without the service's public address there is no link to give (the
    // text says so instead), and none is issued.
    if (!context.publicUrl->baseUrl().isEmpty()) {
        auto issued = issuePreviewLink(identity, request, connection, survey.value().id,
                                       fields.language, now);
        if (auto *refusal = std::get_if<http::Response>(&issued))
            return std::move(*refusal);
        fields.link = context.publicUrl->responseLink(std::get<QString>(issued));
        fields.previewValidDays = store::PreviewLinkRepository::kValidDays;
    }
    return sendAndAnswer(mailer, settings.value(), surveyMail(fields, identity.person.email),
                         identity, request, connection, QStringLiteral("survey"), survey.value().id,
                         QStringLiteral("survey.test"));
}

} // namespace

void addMailRoutes(http::Router &router, const ops::ServiceContext &context)
{
    using domain::tenantRoute;
    http::RouteOptions json;
    json.takesJson = true;
    // Shared by the routes; stateless, so the workers use it at once.
    const std::shared_ptr<Mailer> mailer = std::make_shared<SmtpMailer>(mailerPolicy(context));
    const auto withMailer = [mailer](auto handler) -> domain::TenantHandler {
        return [mailer, handler](const ops::ServiceContext &serviceContext,
                                 const auth::Identity &identity, const http::Request &request,
                                 const QSqlDatabase &connection) {
            return handler(*mailer, serviceContext, identity, request, connection);
        };
    };
    router.add(http::Method::Get, "/api/v1/settings/smtp",
               tenantRoute(context, api::Role::Admin, getSettings));
    router.add(http::Method::Put, "/api/v1/settings/smtp",
               tenantRoute(context, api::Role::Admin, putSettings), json);
    router.add(http::Method::Post, "/api/v1/settings/smtp/test",
               tenantRoute(context, api::Role::Admin, withMailer(testSettings)));
    router.add(http::Method::Post, "/api/v1/surveys/{id}/test",
               tenantRoute(context, api::Role::Admin, withMailer(testSurvey)), json);
    addPrintedLinkRoutes(router, context);
}

} // namespace engage::server::mail
