#pragma once

#include "result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <optional>

namespace engage::api {

// Attributes the tenant defines for its members (location, union membership,
// ...), named in Japanese and English.

enum class AttributeType
{
    Choice,
    Number,
    Date,
    Text,
};

QString attributeTypeName(AttributeType type); // "choice", "number", "date", "text"
std::optional<AttributeType> attributeTypeFromName(QStringView name);
QStringList attributeTypeNames();

inline constexpr int kAttributeNameMaxLength = 50;
inline constexpr int kAttributeChoicesMax = 200;
inline constexpr int kAttributeChoiceMaxLength = 100;
inline constexpr int kAttributeTextMaxLength = 200;
inline constexpr int kAttributesMax = 50;

struct AttributeFields
{
    QString nameJa; // 1-50, one line
    QString nameEn; // 1-50, one line
    AttributeType type = AttributeType::Text;
    QStringList choices; // type Choice: 1-200 distinct, each 1-100; otherwise empty

    friend bool operator==(const AttributeFields &a, const AttributeFields &b)
    {
        return a.nameJa == b.nameJa && a.nameEn == b.nameEn && a.type == b.type &&
               a.choices == b.choices;
    }
    friend bool operator!=(const AttributeFields &a, const AttributeFields &b) { return !(a == b); }
};

// The rules across fields (choices only and always for Choice).
std::optional<Error> validateAttributeFields(const AttributeFields &fields);

// A member's value for the attribute, in canonical form: Choice one of the
// choices exactly; Number a plain decimal ("-12", "3.5", no exponent, at most
// 15 significant digits); Date "YYYY-MM-DD"; Text 1-200 characters, one line.
std::optional<Error> validateAttributeValue(const AttributeFields &attribute, QStringView value);

// What any attribute's value looks like before its type is known, as the
// decoders of members and queries check it (the service then checks the type
// with validateAttributeValue): 1-200 characters, trimmed, one line.
std::optional<Error> validateAttributeValueText(QStringView value);

struct Attribute
{
    QString id;
    AttributeFields fields;
    qint64 revision = 0; // ETag without quotes

    friend bool operator==(const Attribute &a, const Attribute &b)
    {
        return a.id == b.id && a.fields == b.fields && a.revision == b.revision;
    }
    friend bool operator!=(const Attribute &a, const Attribute &b) { return !(a == b); }
};

// {"nameJa", "nameEn", "type", "choices"}: POST /api/v1/attributes, PUT /api/v1/attributes/{id}
QJsonObject toJson(const AttributeFields &fields);
Result<AttributeFields> attributeFieldsFromJson(const QJsonObject &object);
// The fields plus {"id", "revision"}
QJsonObject toJson(const Attribute &attribute);
Result<Attribute> attributeFromJson(const QJsonObject &object);
// GET /api/v1/attributes: {"items": [...]} in the tenant's order.
QJsonObject toJson(const QList<Attribute> &attributes);
Result<QList<Attribute>> attributeListFromJson(const QJsonObject &object);

} // namespace engage::api
