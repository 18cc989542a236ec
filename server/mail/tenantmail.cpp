#include "tenantmail.h"

#include "store/engagementsettingsrepository.h"
#include "store/smtpsettingsrepository.h"
#include "store/tenantrepository.h"

#include <QTimeZone>

namespace engage::server::mail {

store::StoreResult<SmtpSettings> tenantSmtpSettings(const store::TenantScope &scope,
                                                    const QSqlDatabase &connection,
                                                    store::Keyring &keyring)
{
    const auto account = store::SmtpSettingsRepository(connection, keyring).account(scope);
    if (!account)
        return account.error();
    const api::SmtpSettingsView &view = account.value().settings;
    SmtpSettings settings;
    settings.host = view.host;
    settings.port = view.port;
    settings.security = view.security == api::SmtpSecurity::Tls ? SmtpSettings::Security::Tls
                                                                : SmtpSettings::Security::StartTls;
    settings.username = view.username;
    settings.password = account.value().password;
    settings.fromAddress = view.fromAddress;
    return settings;
}

api::MailTestResult testResult(const SendOutcome &outcome)
{
    api::MailTestResult result;
    switch (outcome.result) {
    case SendOutcome::Result::Sent:
        result.outcome = api::MailTestOutcome::Sent;
        break;
    case SendOutcome::Result::Refused:
        result.outcome = api::MailTestOutcome::Refused;
        break;
    case SendOutcome::Result::Transient:
        result.outcome = api::MailTestOutcome::Transient;
        break;
    }
    result.detail = outcome.detail;
    return result;
}

store::StoreResult<TenantMailFacts> tenantMailFacts(const store::TenantScope &scope,
                                                    const QSqlDatabase &connection,
                                                    store::Keyring &keyring)
{
    const auto tenant = store::TenantRepository(connection, keyring).get(scope);
    if (!tenant)
        return tenant.error();
    const auto settings = store::EngagementSettingsRepository(connection).settings(scope);
    if (!settings)
        return settings.error();
    TenantMailFacts facts;
    facts.organisation = tenant.value().tenant.name;
    facts.locale = mailLanguage(tenant.value().locale);
    facts.anonymityThreshold = settings.value().anonymityThreshold;
    return facts;
}

SurveyMailFields surveyMailFields(const api::SurveyDefinition &definition,
                                  const TenantMailFacts &facts, const QString &language,
                                  const QDateTime &closesAt)
{
    SurveyMailFields fields;
    fields.language = mailLanguage(language);
    const bool english = fields.language == QStringLiteral("en");
    const QString &preferred = english ? definition.name.en : definition.name.ja;
    fields.surveyName =
        preferred.isEmpty() ? (english ? definition.name.ja : definition.name.en) : preferred;
    fields.organisation = facts.organisation;
    fields.anonymityThreshold = facts.anonymityThreshold;
    fields.timeZone = definition.delivery.timeZone;
    const QTimeZone zone(definition.delivery.timeZone.toUtf8());
    fields.lastDay = (zone.isValid() ? closesAt.toTimeZone(zone) : closesAt.toUTC()).date();
    return fields;
}

} // namespace engage::server::mail
