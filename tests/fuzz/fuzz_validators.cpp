// libFuzzer target: every validator of api/validators.h on one string made of
// the input. The first byte chooses how the rest becomes a string (UTF-8, or
// raw UTF-16 so that unpaired surrogates and any code unit reach the
// validators as the client's text fields would pass them) and the TextRule of
// validateText. Validators must never crash; what their comments promise of
// an accepted value is checked too (a violation traps). The same string also
// goes through the organisation's validators and, as a URL query, through the
// member list's query parser.

#include "api/attribute.h"
#include "api/group.h"
#include "api/member.h"
#include "api/memberimport.h"
#include "api/person.h"
#include "api/plan.h"
#include "api/role.h"
#include "api/timestamp.h"
#include "api/validators.h"

#include <QString>
#include <QStringView>
#include <QUrl>
#include <QUrlQuery>
#include <cstddef>
#include <cstdint>
#include <cstring>

using namespace engage::api;

namespace {

void check(bool condition)
{
    if (!condition)
        __builtin_trap();
}

QString textFrom(uint8_t mode, const uint8_t *data, size_t size)
{
    if (mode & 1) {
        QString text(qsizetype(size / 2), Qt::Uninitialized);
        std::memcpy(text.data(), data, (size / 2) * 2);
        return text;
    }
    return QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const uint8_t mode = data[0];
    const QString text = textFrom(mode, data + 1, size - 1);
    const QStringView view(text);

    const qsizetype count = characterCount(view);
    check(count >= 0 && count <= view.size());
    const QString normalized = normalizedText(view);
    check(normalized.size() <= view.size());

    TextRule rule;
    rule.minLength = (mode >> 1) & 3;
    rule.maxLength = rule.minLength + ((mode >> 3) & 7) * 8;
    rule.requireTrimmed = mode & 0x40;
    rule.allowLineBreaks = mode & 0x80;
    if (!validateText(view, rule)) {
        check(count >= rule.minLength && count <= rule.maxLength);
        check(!rule.requireTrimmed || normalized == text);
    }

    // validateEmail: its limits are in octets of the local part and the ACE domain.
    if (!validateEmail(view)) {
        check(view.count(u'@') == 1);
        check(view.left(view.indexOf(u'@')).toUtf8().size() <= kEmailLocalMaxLength);
    }
    if (!validateTenantSlug(view))
        check(view.size() >= kSlugMinLength && view.size() <= kSlugMaxLength);
    if (!validatePassword(view))
        check(count >= kPasswordMinLength && count <= kPasswordMaxLength && view.isValidUtf16());
    if (!validateDisplayName(view)) {
        check(count >= 1 && count <= kDisplayNameMaxLength);
        check(normalized == text);
    }
    if (!validateTenantName(view))
        check(!validateDisplayName(view));
    if (!validateId(view))
        check(view.size() == 36);
    if (!validateToken(view))
        check(view.size() >= 1 && view.size() <= kTokenMaxLength);

    // Dates: what validates parses, and formatting gives it back.
    if (!validateDate(view)) {
        const Result<QDate> date = parseDate(view);
        check(date.isOk() && date.value().isValid());
        check(formatDate(date.value()) == text);
    } else {
        check(!parseDate(view).isOk());
    }
    if (!validateDateTime(view)) {
        const Result<QDateTime> dateTime = parseDateTime(view);
        check(dateTime.isOk() && dateTime.value().isValid());
        check(dateTime.value().timeSpec() == Qt::UTC);
        const Result<QDateTime> again = parseDateTime(formatDateTime(dateTime.value()));
        check(again.isOk() && again.value() == dateTime.value());
    } else {
        check(!parseDateTime(view).isOk());
    }

    // Enumerations: a name validates exactly when it decodes.
    check(!validateEnumName(view, roleNames()) == roleFromName(view).has_value());
    check(!validateEnumName(view, planNames()) == planFromName(view).has_value());
    check(!validateEnumName(view, personStatusNames()) == personStatusFromName(view).has_value());
    check(validateEnumName(view, QStringList()).has_value());

    // Codes and names of the organisation.
    if (!validateEmployeeCode(view))
        check(count >= 1 && count <= kEmployeeCodeMaxLength && normalized == text);
    if (!validateGroupCode(view))
        check(!validateEmployeeCode(view) && !view.contains(u'/'));
    if (!validateGroupName(view))
        check(count >= 1 && count <= kGroupNameMaxLength && !view.contains(u'/'));
    if (!validateFamilyName(view))
        check(!validateDisplayName(view));
    if (!validateMemberText(view))
        check(count <= kMemberFieldMaxLength && !view.contains(u'\n'));
    if (!validateMemberMemo(view))
        check(count <= kMemberMemoMaxLength);
    if (!validateImportTarget(view))
        check(view.isEmpty() || importTargetNames().contains(view) ||
              view.startsWith(QLatin1String("attribute:")));

    // Attribute values: an accepted number is one a double holds exactly, so
    // printing it with its own count of decimals gives the same text back.
    for (const AttributeType type :
         {AttributeType::Number, AttributeType::Date, AttributeType::Text, AttributeType::Choice}) {
        AttributeFields attribute{QStringLiteral("a"), QStringLiteral("a"), type, {}};
        if (type == AttributeType::Choice)
            attribute.choices = {QStringLiteral("x"), text};
        if (validateAttributeValue(attribute, view))
            continue;
        check(!validateAttributeValueText(view));
        if (type == AttributeType::Number) {
            bool ok = false;
            const double number = text.toDouble(&ok);
            const qsizetype point = view.indexOf(u'.');
            const int decimals = point < 0 ? 0 : int(view.size() - point - 1);
            check(ok && QString::number(number, 'f', decimals) == text);
        }
        if (type == AttributeType::Date)
            check(!validateDate(view));
    }

    // Display names and bands never fail on odd input.
    MemberFields names;
    names.familyName = text;
    names.givenName = text.left(3);
    check(memberDisplayName(names).size() <= text.size() + 4);
    const QDate day = parseDate(view.left(10)).isOk() ? parseDate(view.left(10)).value() : QDate();
    ageBand(day, QDate(2024, 2, 29));
    tenureBand(QDate(2000, 2, 29), day);

    // Member list queries: what parses is written back and parses equal.
    const Result<MemberQuery> query = memberQueryFromUrl(QUrlQuery(text));
    if (query) {
        QUrl url(QStringLiteral("https://127.0.0.1/api/v1/members"));
        url.setQuery(toUrlQuery(query.value()));
        const Result<MemberQuery> again =
            memberQueryFromUrl(QUrlQuery(QUrl::fromEncoded(url.toEncoded()).query()));
        check(again.isOk() && again.value() == query.value());
    } else {
        check(!query.error().detail.isEmpty());
    }

    // Error prefixes never lose the field they were given.
    const Error prefixed = withFieldPrefix(Error{ProblemCode::InvalidField, text, {}}, u"user");
    check(prefixed.field.startsWith(QLatin1String("user")));
    return 0;
}
