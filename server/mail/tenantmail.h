#pragma once

#include "api/mail.h"
#include "api/survey.h"
#include "mailer.h"
#include "mailtexts.h"
#include "store/storeresult.h"
#include "store/tenantscope.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>

namespace engage::server {
namespace store {
class Keyring;
}

namespace mail {

// The tenant's mail server with its password opened, ready for a Mailer;
// NotFound when the tenant has set none.
store::StoreResult<SmtpSettings> tenantSmtpSettings(const store::TenantScope &scope,
                                                    const QSqlDatabase &connection,
                                                    store::Keyring &keyring);

// A send's outcome as a test route answers it.
api::MailTestResult testResult(const SendOutcome &outcome);

// What every e-mail of a tenant says of it.
struct TenantMailFacts
{
    QString organisation; // the tenant's name
    QString locale;       // "ja" or "en": the language of mail to administrators
    int anonymityThreshold = 5;
};
store::StoreResult<TenantMailFacts> tenantMailFacts(const store::TenantScope &scope,
                                                    const QSqlDatabase &connection,
                                                    store::Keyring &keyring);

// An invitation or reminder of `definition` in `language` (the survey's name
// in that language, or the other when it has none), its last day the date
// of `closesAt` in the survey's time zone. The link is the caller's to set.
SurveyMailFields surveyMailFields(const api::SurveyDefinition &definition,
                                  const TenantMailFacts &facts, const QString &language,
                                  const QDateTime &closesAt);

} // namespace mail
} // namespace engage::server
