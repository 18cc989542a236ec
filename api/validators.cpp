#include "validators.h"

#include "timestamp.h"

#include <QSet>
#include <QUrl>
#include <algorithm>

namespace engage::api {

namespace {

Error invalid(QString detail)
{
    return Error{ProblemCode::InvalidField, QString(), std::move(detail)};
}

bool isControl(char32_t c)
{
    return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

// Characters that reorder or break displayed text: in a name they spoof what
// others read in lists and logs (CVE-2021-42574 style).
bool isLayoutControl(char32_t c)
{
    return c == 0x2028 || c == 0x2029 || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069);
}

bool isAsciiAlnum(char16_t c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
}

bool isLowerHex(char16_t c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
}

Error lengthError(const TextRule &rule)
{
    if (rule.minLength == rule.maxLength)
        return invalid(QStringLiteral("Must be exactly %1 characters.").arg(rule.maxLength));
    if (rule.minLength <= 0)
        return invalid(QStringLiteral("Must be at most %1 characters.").arg(rule.maxLength));
    if (rule.minLength == 1 && rule.maxLength > 1)
        return invalid(
            QStringLiteral("Must not be empty and at most %1 characters.").arg(rule.maxLength));
    return invalid(QStringLiteral("Must be between %1 and %2 characters.")
                       .arg(rule.minLength)
                       .arg(rule.maxLength));
}

// Shared by every text-like validator: valid UTF-16, no control characters
// (line breaks only where allowed), optional layout-control check.
std::optional<Error> checkCharacters(QStringView text, bool allowLineBreaks, bool layoutControls)
{
    if (!text.isValidUtf16())
        return invalid(QStringLiteral("Must not contain invalid characters."));
    for (const char32_t c : text.toUcs4()) {
        if (allowLineBreaks && (c == u'\n' || c == u'\t'))
            continue;
        if (isControl(c))
            return invalid(QStringLiteral("Must not contain control characters."));
        if (layoutControls && isLayoutControl(c))
            return invalid(QStringLiteral("Must not contain line or text-direction characters."));
    }
    return std::nullopt;
}

// atext of RFC 5322 without the characters that need quoting.
bool isAtext(char16_t c)
{
    static const QLatin1String kSpecials("!#$%&'*+/=?^_`{|}~-");
    return isAsciiAlnum(c) || kSpecials.contains(QChar(c));
}

std::optional<Error> checkDomain(QStringView domain, qsizetype &aceLength)
{
    const Error bad = invalid(QStringLiteral("The domain of the email address is not valid."));
    if (domain.isEmpty() || domain.startsWith(u'.') || domain.endsWith(u'.'))
        return bad;
    // The ACE form is what DNS and SMTP see, so the limits apply to it; toAce
    // also refuses labels that IDNA does not allow.
    const QByteArray ace =
        QUrl::toAce(domain.toString(), QUrl::AceProcessingOption::IgnoreIDNWhitelist);
    if (ace.isEmpty())
        return bad;
    if (ace.size() > kEmailDomainMaxLength)
        return invalid(QStringLiteral("The domain of the email address is too long."));
    const QList<QByteArray> labels = ace.split('.');
    if (labels.size() < 2)
        return bad;
    for (const QByteArray &label : labels) {
        if (label.isEmpty() || label.size() > 63 || label.startsWith('-') || label.endsWith('-'))
            return bad;
        for (const char c : label) {
            if (!isAsciiAlnum(char16_t(c)) && c != '-')
                return bad;
        }
    }
    const QByteArray &topLevel = labels.constLast();
    if (std::all_of(topLevel.cbegin(), topLevel.cend(),
                    [](char c) { return c >= '0' && c <= '9'; }))
        return bad;
    aceLength = ace.size();
    return std::nullopt;
}

} // namespace

qsizetype characterCount(QStringView text)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate())
            ++i;
        ++count;
    }
    return count;
}

QString normalizedText(QStringView text)
{
    return text.trimmed().toString();
}

std::optional<Error> validateText(QStringView text, const TextRule &rule)
{
    if (auto error = checkCharacters(text, rule.allowLineBreaks, false))
        return error;
    const qsizetype length = characterCount(text);
    if (length < rule.minLength || length > rule.maxLength)
        return lengthError(rule);
    if (rule.requireTrimmed && text.trimmed().size() != text.size())
        return invalid(QStringLiteral("Must not begin or end with white space."));
    return std::nullopt;
}

std::optional<Error> validateShownText(QStringView text, const TextRule &rule)
{
    if (auto error = checkCharacters(text, rule.allowLineBreaks, true))
        return error;
    return validateText(text, rule);
}

std::optional<Error> validateCode(QStringView code, int maxLength)
{
    if (auto error = validateShownText(code, TextRule{1, maxLength, true, false}))
        return error;
    if (std::any_of(code.cbegin(), code.cend(), [](QChar c) { return c.isSpace(); }))
        return invalid(QStringLiteral("Must not contain white space."));
    return std::nullopt;
}

std::optional<Error> validateEmail(QStringView email)
{
    const Error bad = invalid(QStringLiteral("Must be a valid email address."));
    if (email.isEmpty())
        return invalid(QStringLiteral("Must not be empty."));
    // Cheap bound first, so a megabyte of input is not run through IDNA.
    if (email.size() > kEmailMaxLength * 4)
        return invalid(QStringLiteral("The email address is too long."));
    if (auto error = checkCharacters(email, false, true))
        return error;
    for (const QChar c : email) {
        if (c.isSpace())
            return invalid(QStringLiteral("Must not contain white space."));
    }
    const qsizetype at = email.indexOf(u'@');
    if (at < 0 || email.lastIndexOf(u'@') != at)
        return invalid(QStringLiteral("Must contain exactly one '@'."));
    const QStringView local = email.left(at);
    const QStringView domain = email.mid(at + 1);
    if (local.isEmpty() || local.startsWith(u'.') || local.endsWith(u'.') ||
        local.contains(QLatin1String("..")))
        return bad;
    for (const QChar c : local) {
        if (c.unicode() < 0x80 && c != u'.' && !isAtext(c.unicode()))
            return bad;
    }
    const qsizetype localOctets = local.toUtf8().size();
    if (localOctets > kEmailLocalMaxLength)
        return invalid(QStringLiteral("The part before '@' is too long."));
    qsizetype domainOctets = 0;
    if (auto error = checkDomain(domain, domainOctets))
        return error;
    if (localOctets + 1 + domainOctets > kEmailMaxLength)
        return invalid(QStringLiteral("The email address is too long."));
    return std::nullopt;
}

std::optional<Error> validateTenantSlug(QStringView slug)
{
    if (slug.size() < kSlugMinLength || slug.size() > kSlugMaxLength)
        return invalid(QStringLiteral("Must be between %1 and %2 characters.")
                           .arg(kSlugMinLength)
                           .arg(kSlugMaxLength));
    for (const QChar c : slug) {
        const char16_t u = c.unicode();
        if (!((u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || u == u'-'))
            return invalid(
                QStringLiteral("Must contain only lower-case letters a-z, digits and hyphens."));
    }
    if (slug.startsWith(u'-') || slug.endsWith(u'-'))
        return invalid(QStringLiteral("Must not begin or end with a hyphen."));
    return std::nullopt;
}

std::optional<Error> validatePassword(QStringView password)
{
    // Length before content, so that a short password is reported as such.
    const qsizetype length = characterCount(password);
    if (length < kPasswordMinLength || length > kPasswordMaxLength)
        return invalid(QStringLiteral("Must be between %1 and %2 characters.")
                           .arg(kPasswordMinLength)
                           .arg(kPasswordMaxLength));
    return checkCharacters(password, false, false);
}

std::optional<Error> validateDisplayName(QStringView name)
{
    return validateShownText(name, TextRule{1, kDisplayNameMaxLength, true, false});
}

std::optional<Error> validateTenantName(QStringView name)
{
    return validateDisplayName(name);
}

std::optional<Error> validateId(QStringView id)
{
    const Error bad = invalid(QStringLiteral("Must be a lower-case UUID."));
    if (id.size() != 36)
        return bad;
    for (qsizetype i = 0; i < id.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? id[i] != u'-' : !isLowerHex(id[i].unicode()))
            return bad;
    }
    const char16_t version = id[14].unicode();
    const char16_t variant = id[19].unicode();
    if (version < u'1' || version > u'8')
        return bad;
    if (variant != u'8' && variant != u'9' && variant != u'a' && variant != u'b')
        return bad;
    return std::nullopt;
}

std::optional<Error> validateToken(QStringView token)
{
    if (token.isEmpty() || token.size() > kTokenMaxLength)
        return invalid(QStringLiteral("Must be between 1 and %1 characters.").arg(kTokenMaxLength));
    static const QLatin1String kExtra("-_.~+/=");
    for (const QChar c : token) {
        if (!isAsciiAlnum(c.unicode()) && !kExtra.contains(c))
            return invalid(QStringLiteral("Contains a character that is not allowed."));
    }
    return std::nullopt;
}

std::optional<Error> validateDate(QStringView date)
{
    Result<QDate> parsed = parseDate(date);
    if (!parsed)
        return parsed.error();
    return std::nullopt;
}

std::optional<Error> validateDateTime(QStringView dateTime)
{
    Result<QDateTime> parsed = parseDateTime(dateTime);
    if (!parsed)
        return parsed.error();
    return std::nullopt;
}

std::optional<Error> validateDistinct(const QStringList &items)
{
    QSet<QString> seen;
    seen.reserve(items.size());
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (seen.contains(items.at(i)))
            return Error{ProblemCode::InvalidField, QString::number(i),
                         QStringLiteral("Must not repeat an earlier item.")};
        seen.insert(items.at(i));
    }
    return std::nullopt;
}

std::optional<Error> validateEnumName(QStringView name, const QStringList &allowed)
{
    for (const QString &candidate : allowed) {
        if (name == candidate)
            return std::nullopt;
    }
    return invalid(QStringLiteral("Must be one of: %1.").arg(allowed.join(QStringLiteral(", "))));
}

Error withFieldPrefix(Error error, QStringView prefix)
{
    if (prefix.isEmpty())
        return error;
    error.field = error.field.isEmpty() ? prefix.toString()
                                        : prefix.toString() % QLatin1Char('.') % error.field;
    return error;
}

} // namespace engage::api
