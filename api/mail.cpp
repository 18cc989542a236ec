#include "mail.h"

#include "enumtable.h"
#include "objectreader.h"
#include "validators.h"

#include <QUrl>

namespace engage::api {

namespace {

const QLatin1String kHost("host");
const QLatin1String kPort("port");
const QLatin1String kSecurity("security");
const QLatin1String kUsername("username");
const QLatin1String kFromAddress("fromAddress");
const QLatin1String kPassword("password");
const QLatin1String kPasswordSet("passwordSet");
const QLatin1String kRevision("revision");
const QLatin1String kOutcome("outcome");
const QLatin1String kDetail("detail");
const QLatin1String kLanguage("language");

constexpr int kDetailMaxLength = 1000;

const EnumName<SmtpSecurity> kSecurityNames[] = {
    {SmtpSecurity::StartTls, QLatin1String("starttls")},
    {SmtpSecurity::Tls, QLatin1String("tls")},
};
const EnumName<MailTestOutcome> kOutcomeNames[] = {
    {MailTestOutcome::Sent, QLatin1String("sent")},
    {MailTestOutcome::Refused, QLatin1String("refused")},
    {MailTestOutcome::Transient, QLatin1String("transient")},
};

Error invalid(const QString &detail)
{
    return Error{ProblemCode::InvalidField, {}, detail};
}

QStringList outcomeNames()
{
    return enumNames(kOutcomeNames);
}

std::optional<Error> validateLanguage(QStringView language)
{
    return validateEnumName(language, {QStringLiteral("ja"), QStringLiteral("en")});
}

std::optional<Error> validateDetail(QStringView detail)
{
    TextRule rule;
    rule.maxLength = kDetailMaxLength;
    rule.requireTrimmed = false;
    return validateText(detail, rule);
}

// The password as the PUT body has it: "" (the removal) or a password.
std::optional<Error> validatePasswordMember(QStringView password)
{
    if (password.isEmpty())
        return std::nullopt;
    return validateSmtpPassword(password);
}

} // namespace

QString smtpSecurityName(SmtpSecurity security)
{
    return enumName(kSecurityNames, security);
}

std::optional<SmtpSecurity> smtpSecurityFromName(QStringView name)
{
    return enumFromName(kSecurityNames, name);
}

QStringList smtpSecurityNames()
{
    return enumNames(kSecurityNames);
}

std::optional<Error> validateSmtpHost(QStringView host)
{
    if (host.isEmpty())
        return invalid(QStringLiteral("Must not be empty."));
    if (host.size() > kSmtpHostMaxLength)
        return invalid(QStringLiteral("Must be at most %1 characters.").arg(kSmtpHostMaxLength));
    const QString text = host.toString();
    if (text.contains(u':')) {
        // An IPv6 address, as QUrl's strict parser reads one (no zone id).
        QUrl url;
        url.setHost(text, QUrl::StrictMode);
        if (url.isValid() && !text.contains(u'%') && !text.contains(u'[') &&
            url.host().contains(u':'))
            return std::nullopt;
        return invalid(QStringLiteral("Must be a host name or an IP address."));
    }
    for (const QStringView label : host.split(u'.')) {
        if (label.isEmpty() || label.size() > 63 || label.startsWith(u'-') || label.endsWith(u'-'))
            return invalid(QStringLiteral("Must be a host name or an IP address."));
        for (const QChar c : label) {
            const char16_t u = c.unicode();
            const bool ldh = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') ||
                             (u >= u'0' && u <= u'9') || u == u'-';
            if (!ldh)
                return invalid(QStringLiteral("Must be a host name or an IP address."));
        }
    }
    return std::nullopt;
}

std::optional<Error> validateSmtpUsername(QStringView username)
{
    TextRule rule;
    rule.maxLength = kSmtpUsernameMaxLength;
    return validateText(username, rule);
}

std::optional<Error> validateSmtpFromAddress(QStringView address)
{
    if (auto error = validateEmail(address))
        return error;
    const QStringView local = address.left(address.indexOf(u'@'));
    for (const QChar c : local) {
        if (c.unicode() >= 0x80)
            return invalid(QStringLiteral("The part before '@' must be in ASCII letters, digits "
                                          "and symbols."));
    }
    return std::nullopt;
}

std::optional<Error> validateSmtpPassword(QStringView password)
{
    TextRule rule;
    rule.minLength = 1;
    rule.maxLength = kSmtpPasswordMaxLength;
    rule.requireTrimmed = false;
    return validateText(password, rule);
}

QJsonObject toJson(const SmtpSettingsView &view)
{
    return QJsonObject{
        {kHost, view.host},
        {kPort, view.port},
        {kSecurity, smtpSecurityName(view.security)},
        {kUsername, view.username},
        {kFromAddress, view.fromAddress},
        {kPasswordSet, view.passwordSet},
        {kRevision, view.revision},
    };
}

Result<SmtpSettingsView> smtpSettingsViewFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    SmtpSettingsView view;
    view.revision = reader.integer(kRevision, 0, kMaxJsonInteger);
    // Revision 0 has no settings: empty host and sender.
    const auto unsetOr = [&view](auto validate) {
        return [&view, validate](QStringView value) -> std::optional<Error> {
            if (view.revision == 0 && value.isEmpty())
                return std::nullopt;
            return validate(value);
        };
    };
    view.host = reader.string(kHost, unsetOr(validateSmtpHost));
    view.port = int(reader.integer(kPort, 1, 65535));
    view.security = reader.enumeration(kSecurity, smtpSecurityFromName, smtpSecurityNames);
    view.username = reader.string(kUsername, validateSmtpUsername);
    view.fromAddress = reader.string(kFromAddress, unsetOr(validateSmtpFromAddress));
    view.passwordSet = reader.boolean(kPasswordSet);
    if (auto error = reader.finish())
        return *error;
    return view;
}

QJsonObject toJson(const SmtpSettingsUpdate &update)
{
    QJsonObject object{
        {kHost, update.host},
        {kPort, update.port},
        {kSecurity, smtpSecurityName(update.security)},
        {kUsername, update.username},
        {kFromAddress, update.fromAddress},
    };
    if (update.password)
        object.insert(kPassword, *update.password);
    return object;
}

Result<SmtpSettingsUpdate> smtpSettingsUpdateFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    SmtpSettingsUpdate update;
    update.host = reader.string(kHost, validateSmtpHost);
    update.port = int(reader.integer(kPort, 1, 65535));
    update.security = reader.enumeration(kSecurity, smtpSecurityFromName, smtpSecurityNames);
    update.username = reader.string(kUsername, validateSmtpUsername);
    update.fromAddress = reader.string(kFromAddress, validateSmtpFromAddress);
    update.password = reader.optionalString(kPassword, validatePasswordMember);
    if (auto error = reader.finish())
        return *error;
    if (update.password && !update.password->isEmpty() && update.username.isEmpty())
        return Error{ProblemCode::InvalidField, QString(kUsername),
                     QStringLiteral("A password needs a user name.")};
    return update;
}

QString mailTestOutcomeName(MailTestOutcome outcome)
{
    return enumName(kOutcomeNames, outcome);
}

std::optional<MailTestOutcome> mailTestOutcomeFromName(QStringView name)
{
    return enumFromName(kOutcomeNames, name);
}

QJsonObject toJson(const MailTestResult &result)
{
    return QJsonObject{{kOutcome, mailTestOutcomeName(result.outcome)}, {kDetail, result.detail}};
}

Result<MailTestResult> mailTestResultFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    MailTestResult result;
    result.outcome = reader.enumeration(kOutcome, mailTestOutcomeFromName, outcomeNames);
    result.detail = reader.string(kDetail, validateDetail);
    if (auto error = reader.finish())
        return *error;
    return result;
}

QJsonObject toJson(const SurveyTestRequest &request)
{
    return QJsonObject{{kLanguage, request.language}};
}

Result<SurveyTestRequest> surveyTestRequestFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    SurveyTestRequest request;
    request.language = reader.string(kLanguage, validateLanguage);
    if (auto error = reader.finish())
        return *error;
    return request;
}

} // namespace engage::api
