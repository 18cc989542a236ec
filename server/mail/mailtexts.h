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
    QString link; // on a line of its own; empty only in a preview without one (said so instead)
    int anonymityThreshold = 5;
    // A test sent to an administrator before publishing: says that answers
    // given through its link (a preview link) are not recorded, and for how
    // many days the link works.
    bool preview = false;
    int previewValidDays = 0;
};

// An invitation or reminder to answer a survey, addressed to `to`.
MailMessage surveyMail(const SurveyMailFields &fields, const QString &to);

// The message POST /api/v1/settings/smtp/test sends to the caller.
MailMessage smtpTestMail(const QString &language, const QString &organisation, const QString &to);

// The texts of printed links in `language` (mailLanguage()): the CSV's
// header and the sheet of QR codes.
struct PrintedLinkTexts
{
    QString employeeCode;
    QString name;
    QString group;
    QString link;
    QString noGroup;
    QString title;       // %1: the survey
    QString noMembers;   // the sheet when nobody is left to hand a link to
    QString cardHint;    // on each card, above the link
    QString whoSeesWhat; // %1: the anonymity threshold
};
PrintedLinkTexts printedLinkTexts(const QString &language);

} // namespace engage::server::mail
