#pragma once

#include "result.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <optional>

namespace engage::api {

// Validators shared by the service (at the edge) and the client (inline, as the
// user types). Each answers std::nullopt when the value is acceptable, else an
// InvalidField Error whose detail is English and never echoes the value; the
// caller sets Error::field, since only it knows where the value came from.

// Limits, public so that the client can size its input widgets from them.
inline constexpr int kEmailMaxLength = 254;       // octets, RFC 5321 path limit
inline constexpr int kEmailLocalMaxLength = 64;   // octets
inline constexpr int kEmailDomainMaxLength = 253; // octets of the ASCII (ACE) form
inline constexpr int kSlugMinLength = 3;
inline constexpr int kSlugMaxLength = 40;
inline constexpr int kPasswordMinLength = 8; // SECURITY.md (ASVS 6.2.1, 6.2.9)
inline constexpr int kPasswordMaxLength = 128;
inline constexpr int kDisplayNameMaxLength = 100;
inline constexpr int kTokenMaxLength = 512;

// How free text is checked. Lengths count Unicode code points (what a user calls
// characters), not UTF-16 units or bytes.
struct TextRule
{
    int minLength = 0;
    int maxLength = 100;
    // Wire values are already trimmed: the service refuses rather than silently
    // altering what it stores; the client calls normalizedText() before sending.
    bool requireTrimmed = true;
    // Multi-line fields (comments) may hold '\n' and '\t'; no other control.
    bool allowLineBreaks = false;
};

// Number of Unicode code points (a surrogate pair counts once).
qsizetype characterCount(QStringView text);
// What the client sends for a text field: leading and trailing white space removed.
QString normalizedText(QStringView text);

std::optional<Error> validateText(QStringView text, const TextRule &rule);
// Text others read in lists and logs (names, labels, notes): validateText, and
// no line-separator or text-direction characters that would spoof what they read.
std::optional<Error> validateShownText(QStringView text, const TextRule &rule);
// Codes people type and match exactly (employee and group codes): 1-maxLength
// characters, no white space anywhere, no control or text-direction characters.
std::optional<Error> validateCode(QStringView code, int maxLength);
// Practical RFC 5321 subset: one '@', dot-atom local part (ASCII atext or
// non-ASCII letters, RFC 6531), domain of at least two labels, IDN written in
// Unicode or ACE, no white space or control characters; no quoted local parts
// or address literals.
std::optional<Error> validateEmail(QStringView email);
// [a-z0-9-], 3-40, not starting or ending with '-'.
std::optional<Error> validateTenantSlug(QStringView slug);
// 8-128 characters, any printable Unicode including spaces, no composition
// rules and no trimming (ASVS 6.2); control characters are refused.
std::optional<Error> validatePassword(QStringView password);
// 1-100 characters, trimmed, no control, line or bidirectional-override characters.
std::optional<Error> validateDisplayName(QStringView name);
// Same rule as a display name: a company name is shown in the same places.
std::optional<Error> validateTenantName(QStringView name);
// Lower-case RFC 4122/9562 UUID "xxxxxxxx-xxxx-Mxxx-Nxxx-xxxxxxxxxxxx", version
// 1-8, RFC variant, not the nil UUID.
std::optional<Error> validateId(QStringView id);
// Opaque bearer tokens and page cursors: 1-512 characters of the base64url,
// base64 and '.', '~' alphabets, nothing that needs escaping in a header.
std::optional<Error> validateToken(QStringView token);
std::optional<Error> validateDate(QStringView date);
std::optional<Error> validateDateTime(QStringView dateTime);
// No item equals an earlier one (exact comparison); the error's field is the
// index of the first repeat.
std::optional<Error> validateDistinct(const QStringList &items);
// Exact, case-sensitive match against one of `allowed`.
std::optional<Error> validateEnumName(QStringView name, const QStringList &allowed);

// Errors raised inside a nested value get the path of that value in front:
// withFieldPrefix({field "email"}, u"user") has field "user.email".
Error withFieldPrefix(Error error, QStringView prefix);

} // namespace engage::api
