#pragma once

#include "cursorpage.h"
#include "language.h"
#include "result.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <QUrlQuery>
#include <optional>

namespace engage::api {

// Members are the employees who answer surveys (not the administrators of
// person.h). A member needs an e-mail or an employee code: shop-floor staff
// often have no e-mail and get their links on paper.

enum class MemberStatus
{
    Active,
    OnLeave,
    Left,
};

QString memberStatusName(MemberStatus status); // "active", "onLeave", "left"
std::optional<MemberStatus> memberStatusFromName(QStringView name);
QStringList memberStatusNames();

inline constexpr int kEmployeeCodeMaxLength = 64;
inline constexpr int kMemberNameMaxLength = 100;
inline constexpr int kMemberFieldMaxLength = 100; // employment type, grade, position, job category
inline constexpr int kMemberMemoMaxLength = 1000;

// 1-64 characters, trimmed, no white space inside, no control characters.
std::optional<Error> validateEmployeeCode(QStringView code);
// Family name: 1-100 characters, as validateDisplayName.
std::optional<Error> validateFamilyName(QStringView name);
// Given name, employment type, grade, position, job category: 0-100, trimmed, one line.
std::optional<Error> validateMemberText(QStringView text);
// 0-1000 characters, line breaks allowed.
std::optional<Error> validateMemberMemo(QStringView memo);

// Attribute values by attribute id, each in its attribute's canonical text
// form (attribute.h: validateAttributeValue).
using AttributeValues = QMap<QString, QString>;

// What an administrator (or an import) sets on a member.
struct MemberFields
{
    std::optional<QString> employeeCode;
    std::optional<QString> email;
    QString familyName;
    QString givenName;
    std::optional<QString> groupId; // absent: not placed in a group yet
    AttributeValues attributes;
    std::optional<QDate> hireDate;
    std::optional<QDate> birthDate;
    QString employmentType;
    QString grade;
    QString position;
    QString jobCategory;
    MemberStatus status = MemberStatus::Active;
    bool deliver = true; // receives surveys
    QString memo;
    // Of the e-mails and the respondent page; absent: the company's (its locale).
    std::optional<Language> language;

    friend bool operator==(const MemberFields &a, const MemberFields &b)
    {
        return a.employeeCode == b.employeeCode && a.email == b.email &&
               a.familyName == b.familyName && a.givenName == b.givenName &&
               a.groupId == b.groupId && a.attributes == b.attributes && a.hireDate == b.hireDate &&
               a.birthDate == b.birthDate && a.employmentType == b.employmentType &&
               a.grade == b.grade && a.position == b.position && a.jobCategory == b.jobCategory &&
               a.status == b.status && a.deliver == b.deliver && a.memo == b.memo &&
               a.language == b.language;
    }
    friend bool operator!=(const MemberFields &a, const MemberFields &b) { return !(a == b); }
};

// The rules across fields (each field's own rule is checked by the decoder):
// an e-mail or an employee code; a birth date before the hire date; no date
// before 1900 or in the future beyond one year.
std::optional<Error> validateMemberFields(const MemberFields &fields);

struct Member
{
    QString id; // UUID, stable for the life of the member
    MemberFields fields;
    QDateTime createdAt; // UTC
    QDateTime updatedAt; // UTC

    friend bool operator==(const Member &a, const Member &b)
    {
        return a.id == b.id && a.fields == b.fields && a.createdAt == b.createdAt &&
               a.updatedAt == b.updatedAt;
    }
    friend bool operator!=(const Member &a, const Member &b) { return !(a == b); }
};

// How a member's name reads: Japanese names (any kana or CJK in either part)
// family name first without reordering ("山田 太郎"), others given name first
// ("Emma Clark"). Either part may be empty.
QString memberDisplayName(const MemberFields &fields);

// {"employeeCode"?, "email"?, "familyName", "givenName", "groupId"?,
//  "attributes": {id: value}, "hireDate"?, "birthDate"? (YYYY-MM-DD),
//  "employmentType", "grade", "position", "jobCategory", "status", "deliver",
//  "memo", "language"? ("ja"|"en", absent: the company's)}: the body of
//  POST /api/v1/members and PUT /api/v1/members/{id}.
QJsonObject toJson(const MemberFields &fields);
Result<MemberFields> memberFieldsFromJson(const QJsonObject &object);
// The fields' members plus {"id", "createdAt", "updatedAt"}.
QJsonObject toJson(const Member &member);
Result<Member> memberFromJson(const QJsonObject &object);

// A page of members with the number of members the query matches in all.
struct MemberPage
{
    CursorPage<Member> page;
    qint64 total = 0;

    friend bool operator==(const MemberPage &a, const MemberPage &b)
    {
        return a.page == b.page && a.total == b.total;
    }
    friend bool operator!=(const MemberPage &a, const MemberPage &b) { return !(a == b); }
};

// {"items", "nextCursor"?, "total"}
QJsonObject toJson(const MemberPage &page);
Result<MemberPage> memberPageFromJson(const QJsonObject &object);

enum class MemberSort
{
    Name,         // family then given name, collated, then id
    EmployeeCode, // then id
    HireDate,     // oldest first, members without one last, then id
};

QString memberSortName(MemberSort sort); // "name", "employeeCode", "hireDate"
std::optional<MemberSort> memberSortFromName(QStringView name);
QStringList memberSortNames();

inline constexpr int kMemberPageDefault = 50;
inline constexpr int kMemberPageMax = 500;
inline constexpr int kMemberSearchMaxLength = 100;

// GET /api/v1/members query: what the list shows. The search matches, after
// NFKC normalisation and case folding, any part of the names (both orders),
// the employee code or the e-mail.
struct MemberQuery
{
    QString search;                     // ?q=
    std::optional<QString> groupId;     // ?group= the group and its whole subtree
    std::optional<MemberStatus> status; // ?status=
    std::optional<QString> attributeId; // ?attribute=<id>&value=<value>, both or neither
    QString attributeValue;
    MemberSort sort = MemberSort::Name; // ?sort=
    bool descending = false;            // ?order=desc
    std::optional<QString> cursor;      // ?cursor=
    int limit = kMemberPageDefault;     // ?limit= 1-500

    friend bool operator==(const MemberQuery &a, const MemberQuery &b)
    {
        return a.search == b.search && a.groupId == b.groupId && a.status == b.status &&
               a.attributeId == b.attributeId && a.attributeValue == b.attributeValue &&
               a.sort == b.sort && a.descending == b.descending && a.cursor == b.cursor &&
               a.limit == b.limit;
    }
    friend bool operator!=(const MemberQuery &a, const MemberQuery &b) { return !(a == b); }
};

// Only members that differ from the defaults are written.
QUrlQuery toUrlQuery(const MemberQuery &query);
// Strict: unknown parameters, repeated parameters and bad values are errors
// naming the parameter.
Result<MemberQuery> memberQueryFromUrl(const QUrlQuery &query);

// Bands derived from dates on `day` (delivery time), as their wire names:
// age "under20", "20s", "30s", "40s", "50s", "60plus"; tenure "under1",
// "1to3", "3to5", "5to10", "10to20", "20plus" (years completed; a 29 February
// counts as reached on 1 March in common years). Empty for an invalid date or
// a date after `day`.
QString ageBand(const QDate &birthDate, const QDate &day);
QString tenureBand(const QDate &hireDate, const QDate &day);

} // namespace engage::api
