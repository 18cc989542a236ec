#include "member.h"

#include "attribute.h"
#include "enumtable.h"
#include "objectreader.h"
#include "queryparams.h"
#include "timestamp.h"
#include "validators.h"

#include <QJsonArray>
#include <algorithm>
#include <utility>

namespace engage::api {

namespace {

constexpr EnumName<MemberStatus> kStatuses[] = {
    {MemberStatus::Active, QLatin1String("active")},
    {MemberStatus::OnLeave, QLatin1String("onLeave")},
    {MemberStatus::Left, QLatin1String("left")},
};

constexpr EnumName<MemberSort> kSorts[] = {
    {MemberSort::Name, QLatin1String("name")},
    {MemberSort::EmployeeCode, QLatin1String("employeeCode")},
    {MemberSort::HireDate, QLatin1String("hireDate")},
};

constexpr QLatin1String kId("id");
constexpr QLatin1String kEmployeeCode("employeeCode");
constexpr QLatin1String kEmail("email");
constexpr QLatin1String kFamilyName("familyName");
constexpr QLatin1String kGivenName("givenName");
constexpr QLatin1String kGroupId("groupId");
constexpr QLatin1String kAttributes("attributes");
constexpr QLatin1String kHireDate("hireDate");
constexpr QLatin1String kBirthDate("birthDate");
constexpr QLatin1String kEmploymentType("employmentType");
constexpr QLatin1String kGrade("grade");
constexpr QLatin1String kPosition("position");
constexpr QLatin1String kJobCategory("jobCategory");
constexpr QLatin1String kStatus("status");
constexpr QLatin1String kDeliver("deliver");
constexpr QLatin1String kMemo("memo");
constexpr QLatin1String kLanguage("language");
constexpr QLatin1String kCreatedAt("createdAt");
constexpr QLatin1String kUpdatedAt("updatedAt");
constexpr QLatin1String kTotal("total");

// Query parameters.
constexpr QLatin1String kSearchParam("q");
constexpr QLatin1String kGroupParam("group");
constexpr QLatin1String kStatusParam("status");
constexpr QLatin1String kAttributeParam("attribute");
constexpr QLatin1String kValueParam("value");
constexpr QLatin1String kSortParam("sort");
constexpr QLatin1String kOrderParam("order");
constexpr QLatin1String kCursorParam("cursor");
constexpr QLatin1String kLimitParam("limit");
constexpr QLatin1String kParameters[] = {kSearchParam,    kGroupParam,  kStatusParam,
                                         kAttributeParam, kValueParam,  kSortParam,
                                         kOrderParam,     kCursorParam, kLimitParam};
constexpr QLatin1String kAscending("asc");
constexpr QLatin1String kDescending("desc");

// Personnel records reach back to the oldest employees' births; anything
// earlier is a typing error.
QDate earliestDate()
{
    return QDate(1900, 1, 1);
}

Error invalid(QString field, QString detail)
{
    return Error{ProblemCode::InvalidField, std::move(field), std::move(detail)};
}

std::optional<Error> checkDateRange(const std::optional<QDate> &date, QLatin1String field,
                                    const QDate &latest)
{
    if (date && (*date < earliestDate() || *date > latest))
        return invalid(QString(field), QStringLiteral("Must be between %1 and %2.")
                                           .arg(formatDate(earliestDate()), formatDate(latest)));
    return std::nullopt;
}

// Kana (full- and half-width) and CJK ideographs, with their extension and
// compatibility blocks, by block rather than by Qt's script table, so that
// ideographs newer than Qt's Unicode version count too.
bool isJapaneseScript(char32_t c)
{
    struct Range
    {
        char32_t first;
        char32_t last;
    };
    static constexpr Range kRanges[] = {
        {0x3040, 0x309F},   // Hiragana
        {0x30A0, 0x30FF},   // Katakana
        {0x31F0, 0x31FF},   // Katakana phonetic extensions
        {0x3400, 0x4DBF},   // CJK extension A
        {0x4E00, 0x9FFF},   // CJK unified ideographs
        {0xF900, 0xFAFF},   // CJK compatibility ideographs
        {0xFF66, 0xFF9F},   // Half-width katakana
        {0x1B000, 0x1B16F}, // Kana supplement and extended-A
        {0x20000, 0x3FFFF}, // CJK extensions B-H and compatibility supplement (planes 2, 3)
    };
    return std::any_of(std::begin(kRanges), std::end(kRanges),
                       [c](const Range &range) { return c >= range.first && c <= range.last; });
}

bool hasJapaneseScript(QStringView text)
{
    const QList<uint> codePoints = text.toUcs4();
    return std::any_of(codePoints.cbegin(), codePoints.cend(),
                       [](uint c) { return isJapaneseScript(char32_t(c)); });
}

// Whole years from `from` to `day`; a 29 February counts as reached on 1 March
// in common years. Negative when `from` is after `day`.
int completedYears(const QDate &from, const QDate &day)
{
    int years = day.year() - from.year();
    if (day.month() < from.month() || (day.month() == from.month() && day.day() < from.day()))
        --years;
    return years;
}

struct Band
{
    int fromYears;
    QLatin1String name;
};

template<std::size_t N>
QString band(const Band (&bands)[N], const QDate &from, const QDate &day)
{
    if (!from.isValid() || !day.isValid() || from > day)
        return {};
    const int years = completedYears(from, day);
    QString name;
    for (const Band &entry : bands) {
        if (years >= entry.fromYears)
            name = QString(entry.name);
    }
    return name;
}

void writeFields(QJsonObject &object, const MemberFields &fields)
{
    if (fields.employeeCode)
        object.insert(kEmployeeCode, *fields.employeeCode);
    if (fields.email)
        object.insert(kEmail, *fields.email);
    object.insert(kFamilyName, fields.familyName);
    object.insert(kGivenName, fields.givenName);
    if (fields.groupId)
        object.insert(kGroupId, *fields.groupId);
    QJsonObject attributes;
    for (auto it = fields.attributes.cbegin(); it != fields.attributes.cend(); ++it)
        attributes.insert(it.key(), it.value());
    object.insert(kAttributes, attributes);
    if (fields.hireDate)
        object.insert(kHireDate, formatDate(*fields.hireDate));
    if (fields.birthDate)
        object.insert(kBirthDate, formatDate(*fields.birthDate));
    object.insert(kEmploymentType, fields.employmentType);
    object.insert(kGrade, fields.grade);
    object.insert(kPosition, fields.position);
    object.insert(kJobCategory, fields.jobCategory);
    object.insert(kStatus, memberStatusName(fields.status));
    object.insert(kDeliver, fields.deliver);
    object.insert(kMemo, fields.memo);
    if (fields.language)
        object.insert(kLanguage, languageCode(*fields.language));
}

MemberFields readFields(ObjectReader &reader)
{
    MemberFields fields;
    fields.employeeCode = reader.optionalString(kEmployeeCode, validateEmployeeCode);
    fields.email = reader.optionalString(kEmail, validateEmail);
    fields.familyName = reader.string(kFamilyName, validateFamilyName);
    fields.givenName = reader.string(kGivenName, validateMemberText);
    fields.groupId = reader.optionalString(kGroupId, validateId);
    fields.attributes =
        reader.stringMap(kAttributes, validateId, validateAttributeValueText, kAttributesMax);
    fields.hireDate = reader.optionalDate(kHireDate);
    fields.birthDate = reader.optionalDate(kBirthDate);
    fields.employmentType = reader.string(kEmploymentType, validateMemberText);
    fields.grade = reader.string(kGrade, validateMemberText);
    fields.position = reader.string(kPosition, validateMemberText);
    fields.jobCategory = reader.string(kJobCategory, validateMemberText);
    fields.status = reader.enumeration(kStatus, memberStatusFromName, memberStatusNames);
    fields.deliver = reader.boolean(kDeliver);
    fields.memo = reader.string(kMemo, validateMemberMemo);
    if (const auto code = reader.optionalString(
            kLanguage, [](QStringView text) { return validateEnumName(text, languageCodes()); }))
        fields.language = languageFromCode(*code);
    return fields;
}

// One query parameter's value, checked; errors name the parameter.
std::optional<Error> readParameter(MemberQuery &query, const QString &name, const QString &value)
{
    auto named = [&name](Error error) {
        return parameterError(std::move(error), name);
    };
    auto enumError = [&](const QStringList &allowed) {
        return named(*validateEnumName(value, allowed));
    };
    if (name == kSearchParam) {
        if (auto error = validateText(value, TextRule{0, kMemberSearchMaxLength, false, false}))
            return named(*error);
        query.search = value;
    } else if (name == kGroupParam) {
        if (auto error = validateId(value))
            return named(*error);
        query.groupId = value;
    } else if (name == kStatusParam) {
        query.status = memberStatusFromName(value);
        if (!query.status)
            return enumError(memberStatusNames());
    } else if (name == kAttributeParam) {
        if (auto error = validateId(value))
            return named(*error);
        query.attributeId = value;
    } else if (name == kValueParam) {
        if (auto error = validateAttributeValueText(value))
            return named(*error);
        query.attributeValue = value;
    } else if (name == kSortParam) {
        const std::optional<MemberSort> sort = memberSortFromName(value);
        if (!sort)
            return enumError(memberSortNames());
        query.sort = *sort;
    } else if (name == kOrderParam) {
        if (value != kAscending && value != kDescending)
            return enumError({kAscending, kDescending});
        query.descending = value == kDescending;
    } else if (name == kCursorParam) {
        if (auto error = validateToken(value))
            return named(*error);
        query.cursor = value;
    } else if (name == kLimitParam) {
        const Result<qint64> limit = readWholeNumber(name, value, 1, kMemberPageMax);
        if (!limit)
            return limit.error();
        query.limit = int(limit.value());
    }
    return std::nullopt;
}

} // namespace

QString memberStatusName(MemberStatus status)
{
    return enumName(kStatuses, status);
}

std::optional<MemberStatus> memberStatusFromName(QStringView name)
{
    return enumFromName(kStatuses, name);
}

QStringList memberStatusNames()
{
    return enumNames(kStatuses);
}

std::optional<Error> validateEmployeeCode(QStringView code)
{
    return validateCode(code, kEmployeeCodeMaxLength);
}

std::optional<Error> validateFamilyName(QStringView name)
{
    static_assert(kMemberNameMaxLength == kDisplayNameMaxLength,
                  "a family name follows the display-name rule");
    return validateDisplayName(name);
}

std::optional<Error> validateMemberText(QStringView text)
{
    return validateShownText(text, TextRule{0, kMemberFieldMaxLength, true, false});
}

std::optional<Error> validateMemberMemo(QStringView memo)
{
    return validateShownText(memo, TextRule{0, kMemberMemoMaxLength, true, true});
}

std::optional<Error> validateMemberFields(const MemberFields &fields)
{
    if (!fields.employeeCode && !fields.email)
        return Error{ProblemCode::MissingField, QString(kEmail),
                     QStringLiteral("An email address or an employee code is required.")};
    const QDate latest = QDateTime::currentDateTimeUtc().date().addYears(1);
    if (auto error = checkDateRange(fields.hireDate, kHireDate, latest))
        return error;
    if (auto error = checkDateRange(fields.birthDate, kBirthDate, latest))
        return error;
    if (fields.hireDate && fields.birthDate && *fields.birthDate >= *fields.hireDate)
        return invalid(QString(kBirthDate), QStringLiteral("Must be before the hire date."));
    return std::nullopt;
}

QString memberDisplayName(const MemberFields &fields)
{
    const QString family = fields.familyName.trimmed();
    const QString given = fields.givenName.trimmed();
    if (family.isEmpty())
        return given;
    if (given.isEmpty())
        return family;
    if (hasJapaneseScript(family) || hasJapaneseScript(given))
        return family % QLatin1Char(' ') % given;
    return given % QLatin1Char(' ') % family;
}

QJsonObject toJson(const MemberFields &fields)
{
    QJsonObject object;
    writeFields(object, fields);
    return object;
}

Result<MemberFields> memberFieldsFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    MemberFields fields = readFields(reader);
    if (auto error = reader.finish())
        return *error;
    if (auto error = validateMemberFields(fields))
        return *error;
    return fields;
}

QJsonObject toJson(const Member &member)
{
    QJsonObject object;
    object.insert(kId, member.id);
    writeFields(object, member.fields);
    object.insert(kCreatedAt, formatDateTime(member.createdAt));
    object.insert(kUpdatedAt, formatDateTime(member.updatedAt));
    return object;
}

// The rules across fields are the service's to keep when it stores a member;
// checking them again here would make a page of members depend on the reader's
// clock (the date limits move with today).
Result<Member> memberFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    Member member;
    member.id = reader.string(kId, validateId);
    member.fields = readFields(reader);
    member.createdAt = reader.dateTime(kCreatedAt);
    member.updatedAt = reader.dateTime(kUpdatedAt);
    if (auto error = reader.finish())
        return *error;
    return member;
}

QJsonObject toJson(const MemberPage &page)
{
    QJsonObject object = toJson(page.page);
    object.insert(kTotal, page.total);
    return object;
}

Result<MemberPage> memberPageFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    MemberPage page;
    page.page = readCursorPage<Member>(reader, memberFromJson);
    page.total = reader.integer(kTotal, 0, kMaxJsonInteger);
    if (auto error = reader.finish())
        return *error;
    return page;
}

QString memberSortName(MemberSort sort)
{
    return enumName(kSorts, sort);
}

std::optional<MemberSort> memberSortFromName(QStringView name)
{
    return enumFromName(kSorts, name);
}

QStringList memberSortNames()
{
    return enumNames(kSorts);
}

QUrlQuery toUrlQuery(const MemberQuery &query)
{
    QUrlQuery url;
    auto add = [&url](QLatin1String name, const QString &value) {
        addQueryValue(url, name, value);
    };
    if (!query.search.isEmpty())
        add(kSearchParam, query.search);
    if (query.groupId)
        add(kGroupParam, *query.groupId);
    if (query.status)
        add(kStatusParam, memberStatusName(*query.status));
    if (query.attributeId) {
        add(kAttributeParam, *query.attributeId);
        add(kValueParam, query.attributeValue);
    }
    if (query.sort != MemberSort::Name)
        add(kSortParam, memberSortName(query.sort));
    if (query.descending)
        add(kOrderParam, QString(kDescending));
    if (query.cursor)
        add(kCursorParam, *query.cursor);
    if (query.limit != kMemberPageDefault)
        add(kLimitParam, QString::number(query.limit));
    return url;
}

Result<MemberQuery> memberQueryFromUrl(const QUrlQuery &url)
{
    MemberQuery query;
    QStringList seen;
    const auto read = [&query](const QString &name, const QString &value) {
        return readParameter(query, name, value);
    };
    const QList<QLatin1String> known(std::cbegin(kParameters), std::cend(kParameters));
    if (auto error = readQueryParameters(url, known, read, &seen))
        return *error;
    const bool hasAttribute = seen.contains(kAttributeParam);
    const bool hasValue = seen.contains(kValueParam);
    if (hasAttribute != hasValue)
        return Error{ProblemCode::MissingField,
                     QString(hasAttribute ? kValueParam : kAttributeParam),
                     QStringLiteral("The parameters attribute and value go together.")};
    return query;
}

QString ageBand(const QDate &birthDate, const QDate &day)
{
    static constexpr Band kBands[] = {
        {0, QLatin1String("under20")}, {20, QLatin1String("20s")}, {30, QLatin1String("30s")},
        {40, QLatin1String("40s")},    {50, QLatin1String("50s")}, {60, QLatin1String("60plus")},
    };
    return band(kBands, birthDate, day);
}

QString tenureBand(const QDate &hireDate, const QDate &day)
{
    static constexpr Band kBands[] = {
        {0, QLatin1String("under1")}, {1, QLatin1String("1to3")},    {3, QLatin1String("3to5")},
        {5, QLatin1String("5to10")},  {10, QLatin1String("10to20")}, {20, QLatin1String("20plus")},
    };
    return band(kBands, hireDate, day);
}

} // namespace engage::api
