#pragma once

#include "mailer.h"

#include <QDate>
#include <QString>

namespace engage::server::mail {

// The service's own texts for e-mails, in Japanese and English: a
// translation table of the service (like the respondent page's), not Qt's
// tr(), because the language is the recipient's, not the process's.

// "ja" or "en": the member's language, Japanese for anything else (the
// tenants the service is made for write Japanese first).
QString mailLanguage(const QString &language);

struct SurveyMailFields
{
    enum class Kind
    {
        Invitation,
        Reminder,
    };
    Kind kind = Kind::Invitation;
    QString language;     // mailLanguage()
    QString surveyName;   // in that language
    QString organisation; // the tenant's name
    QDate lastDay;        // in the survey's time zone
    QString timeZone;     // IANA id, shown beside the deadline
    QString link;         // on a line of its own
    int anonymityThreshold = 5;
    // A test sent to an administrator before publishing: says that answers
    // given through its link are not recorded.
    bool preview = false;
};

// An invitation or reminder to answer a survey, addressed to `to`.
MailMessage surveyMail(const SurveyMailFields &fields, const QString &to);

// The message POST /api/v1/settings/smtp/test sends to the caller.
MailMessage smtpTestMail(const QString &language, const QString &organisation, const QString &to);

} // namespace engage::server::mail
