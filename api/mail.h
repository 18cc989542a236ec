#pragma once

#include "result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <optional>

namespace engage::api {

// The tenant's mail server for survey invitations and reminders (issue 7):
// GET and PUT /api/v1/settings/smtp, POST /api/v1/settings/smtp/test, and
// the answer of POST /api/v1/surveys/{id}/test.

inline constexpr int kSmtpHostMaxLength = 253;
inline constexpr int kSmtpUsernameMaxLength = 256;
inline constexpr int kSmtpPasswordMaxLength = 256;
inline constexpr int kSmtpDefaultPort = 587;

enum class SmtpSecurity
{
    StartTls, // "starttls": a plain connection upgraded, never used without the upgrade
    Tls,      // "tls": TLS from the first byte (port 465)
};
QString smtpSecurityName(SmtpSecurity security);
std::optional<SmtpSecurity> smtpSecurityFromName(QStringView name);
QStringList smtpSecurityNames();

// What GET answers. The password is write-only: only whether one is set.
// Revision 0: no settings yet (PUT with If-Match "0" makes them).
struct SmtpSettingsView
{
    QString host;
    int port = kSmtpDefaultPort;
    SmtpSecurity security = SmtpSecurity::StartTls;
    QString username; // empty: no authentication
    QString fromAddress;
    bool passwordSet = false;
    qint64 revision = 0;

    friend bool operator==(const SmtpSettingsView &a, const SmtpSettingsView &b)
    {
        return a.host == b.host && a.port == b.port && a.security == b.security &&
               a.username == b.username && a.fromAddress == b.fromAddress &&
               a.passwordSet == b.passwordSet && a.revision == b.revision;
    }
    friend bool operator!=(const SmtpSettingsView &a, const SmtpSettingsView &b)
    {
        return !(a == b);
    }
};

// What PUT takes (If-Match). `password`: absent (or null) keeps the stored
// one, "" removes it, anything else replaces it. A password needs a user name.
struct SmtpSettingsUpdate
{
    QString host;
    int port = kSmtpDefaultPort;
    SmtpSecurity security = SmtpSecurity::StartTls;
    QString username;
    QString fromAddress;
    std::optional<QString> password;

    friend bool operator==(const SmtpSettingsUpdate &a, const SmtpSettingsUpdate &b)
    {
        return a.host == b.host && a.port == b.port && a.security == b.security &&
               a.username == b.username && a.fromAddress == b.fromAddress &&
               a.password == b.password;
    }
    friend bool operator!=(const SmtpSettingsUpdate &a, const SmtpSettingsUpdate &b)
    {
        return !(a == b);
    }
};

// A host name (letters, digits, '-' in dot-separated labels of 1-63, at
// most 253 characters) or an IPv4 or IPv6 address without brackets.
std::optional<Error> validateSmtpHost(QStringView host);
// A user name for AUTH: 0-256 characters, no control characters.
std::optional<Error> validateSmtpUsername(QStringView username);
// The sender: validateEmail, and a local part in ASCII (SMTP without
// SMTPUTF8 carries nothing else).
std::optional<Error> validateSmtpFromAddress(QStringView address);
// A password to store: 1-256 characters, no control characters ("" is the
// removal, checked by the decoder).
std::optional<Error> validateSmtpPassword(QStringView password);

QJsonObject toJson(const SmtpSettingsView &view);
Result<SmtpSettingsView> smtpSettingsViewFromJson(const QJsonObject &object);
QJsonObject toJson(const SmtpSettingsUpdate &update);
Result<SmtpSettingsUpdate> smtpSettingsUpdateFromJson(const QJsonObject &object);

// What a test send did: {"outcome": "sent"|"refused"|"transient", "detail"}.
// `detail` is the mail server's answer as the service words it (English, no
// personal values), for the administrator to fix the settings by.
enum class MailTestOutcome
{
    Sent,
    Refused,
    Transient,
};
QString mailTestOutcomeName(MailTestOutcome outcome);
std::optional<MailTestOutcome> mailTestOutcomeFromName(QStringView name);

struct MailTestResult
{
    MailTestOutcome outcome = MailTestOutcome::Transient;
    QString detail;
};
QJsonObject toJson(const MailTestResult &result);
Result<MailTestResult> mailTestResultFromJson(const QJsonObject &object);

// POST /api/v1/surveys/{id}/test: {"language": "ja"|"en"}, the language of
// the preview invitation sent to the caller.
struct SurveyTestRequest
{
    QString language = QStringLiteral("ja");
};
QJsonObject toJson(const SurveyTestRequest &request);
Result<SurveyTestRequest> surveyTestRequestFromJson(const QJsonObject &object);

} // namespace engage::api
