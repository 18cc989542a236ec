#include "emailsender.h"

#include "ops/publicurl.h"
#include "ops/servicecontext.h"
#include "smtpmailer.h"
#include "store/database.h"
#include "store/responselinkrepository.h"
#include "store/surveyrepository.h"
#include "tenantmail.h"

#include <QLoggingCategory>

namespace engage::server::mail {

namespace {

Q_LOGGING_CATEGORY(lcSender, "engage.server.mail")

jobs::DeliveryResult transient(const QString &detail)
{
    return jobs::DeliveryResult{jobs::DeliveryResult::Outcome::Transient, detail};
}

// The store's message goes to our log, never into the delivery log.
jobs::DeliveryResult storeTrouble(const char *what, const store::StoreError &error)
{
    qCWarning(lcSender) << what << error.message;
    return transient(QStringLiteral("The service could not prepare the message; it will try "
                                    "again."));
}

} // namespace

SmtpMailer::Policy mailerPolicy(const ops::ServiceContext &context)
{
    SmtpMailer::Policy policy;
    policy.privateHosts = context.smtpPrivateHosts;
    policy.caFile = context.smtpCaFile;
    return policy;
}

EmailSender::EmailSender(const ops::ServiceContext &context)
    : EmailSender(context.database, context.keyring, context.publicUrl,
                  std::make_unique<SmtpMailer>(mailerPolicy(context)))
{}

EmailSender::EmailSender(const store::Database &database, store::Keyring &keyring,
                         std::shared_ptr<const ops::PublicUrl> publicUrl,
                         std::unique_ptr<Mailer> mailer)
    : m_database(database)
    , m_keyring(keyring)
    , m_publicUrl(std::move(publicUrl))
    , m_mailer(std::move(mailer))
{}

EmailSender::~EmailSender() = default;

jobs::DeliveryResult EmailSender::send(const jobs::DueDelivery &delivery)
{
    QString error;
    const QSqlDatabase connection = m_database.connection(&error);
    if (!connection.isOpen()) {
        qCWarning(lcSender) << "no database connection:" << error;
        return transient(QStringLiteral("The service's database is not available."));
    }
    // The scheduler read this delivery through its tenant's scope.
    const store::TenantScope scope(delivery.tenantId);
    if (m_publicUrl->baseUrl().isEmpty())
        return transient(QStringLiteral("The service does not know its public address yet."));
    const auto settings = tenantSmtpSettings(scope, connection, m_keyring);
    if (!settings) {
        if (settings.errorKind() == store::StoreErrorKind::NotFound)
            return transient(QStringLiteral("No mail server is set up for this company."));
        return storeTrouble("cannot read the SMTP settings:", settings.error());
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto survey =
        store::SurveyRepository(connection, m_keyring).get(scope, delivery.surveyId, now);
    if (!survey)
        return storeTrouble("cannot read a survey to deliver:", survey.error());
    const auto facts = tenantMailFacts(scope, connection, m_keyring);
    if (!facts)
        return storeTrouble("cannot read the tenant for a delivery:", facts.error());
    const auto links = store::ResponseLinkRepository(connection, m_keyring)
                           .issue(scope, delivery.roundId, {delivery.respondentId}, now);
    if (!links || links.value().size() != 1)
        return storeTrouble("cannot issue a response link:",
                            links ? store::StoreError{store::StoreErrorKind::Database,
                                                      QStringLiteral("no link issued")}
                                  : links.error());

    SurveyMailFields fields = surveyMailFields(survey.value().definition, facts.value(),
                                               delivery.language, delivery.closesAt);
    fields.kind = delivery.kind == api::DeliveryKind::Reminder ? SurveyMailFields::Kind::Reminder
                                                               : SurveyMailFields::Kind::Invitation;
    fields.link = m_publicUrl->responseLink(links.value().first().token);
    const SendOutcome outcome =
        m_mailer->send(settings.value(), surveyMail(fields, delivery.email));
    switch (outcome.result) {
    case SendOutcome::Result::Sent:
        return jobs::DeliveryResult{jobs::DeliveryResult::Outcome::Sent, outcome.detail};
    case SendOutcome::Result::Refused:
        return jobs::DeliveryResult{jobs::DeliveryResult::Outcome::Bounced, outcome.detail};
    case SendOutcome::Result::Transient:
        break;
    }
    return transient(outcome.detail);
}

bool EmailSender::mayResend(const jobs::DueDelivery &)
{
    return true;
}

} // namespace engage::server::mail
