#include "attribute.h"

#include "enumtable.h"
#include "objectreader.h"
#include "validators.h"

#include <QJsonArray>
#include <algorithm>

namespace engage::api {

namespace {

constexpr EnumName<AttributeType> kTypes[] = {
    {AttributeType::Choice, QLatin1String("choice")},
    {AttributeType::Number, QLatin1String("number")},
    {AttributeType::Date, QLatin1String("date")},
    {AttributeType::Text, QLatin1String("text")},
};

constexpr QLatin1String kId("id");
constexpr QLatin1String kNameJa("nameJa");
constexpr QLatin1String kNameEn("nameEn");
constexpr QLatin1String kType("type");
constexpr QLatin1String kChoices("choices");
constexpr QLatin1String kRevision("revision");
constexpr QLatin1String kItems("items");

// What a double keeps exactly, so that a number compares and sorts as typed.
constexpr int kNumberMaxSignificantDigits = 15;

Error invalid(QString detail)
{
    return Error{ProblemCode::InvalidField, QString(), std::move(detail)};
}

std::optional<Error> validateAttributeName(QStringView name)
{
    return validateShownText(name, TextRule{1, kAttributeNameMaxLength, true, false});
}

std::optional<Error> validateChoice(QStringView choice)
{
    return validateShownText(choice, TextRule{1, kAttributeChoiceMaxLength, true, false});
}

bool isDigits(QStringView text)
{
    return !text.isEmpty() &&
           std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

// The one text of each number: "-"? integer part without leading zeros,
// optionally "." and a fraction without trailing zeros; no "-0".
std::optional<Error> validateNumber(QStringView value)
{
    const Error notPlain =
        invalid(QStringLiteral("Must be a plain decimal number such as -12 or 3.5."));
    const bool negative = value.startsWith(u'-');
    const QStringView unsignedPart = negative ? value.sliced(1) : value;
    const qsizetype point = unsignedPart.indexOf(u'.');
    const QStringView integerPart = point < 0 ? unsignedPart : unsignedPart.first(point);
    const QStringView fraction = point < 0 ? QStringView() : unsignedPart.sliced(point + 1);
    if (!isDigits(integerPart) || (point >= 0 && !isDigits(fraction)))
        return notPlain;
    if ((integerPart.size() > 1 && integerPart.startsWith(u'0')) || fraction.endsWith(u'0') ||
        (negative && integerPart == u"0" && fraction.isEmpty()))
        return notPlain;
    qsizetype significant = integerPart.size() + fraction.size();
    if (integerPart == u"0") {
        const auto firstNonZero =
            std::find_if(fraction.cbegin(), fraction.cend(), [](QChar c) { return c != u'0'; });
        significant = fraction.cend() - firstNonZero;
    }
    if (significant > kNumberMaxSignificantDigits)
        return invalid(QStringLiteral("Must have at most %1 significant digits.")
                           .arg(kNumberMaxSignificantDigits));
    return std::nullopt;
}

void writeFields(QJsonObject &object, const AttributeFields &fields)
{
    object.insert(kNameJa, fields.nameJa);
    object.insert(kNameEn, fields.nameEn);
    object.insert(kType, attributeTypeName(fields.type));
    object.insert(kChoices, QJsonArray::fromStringList(fields.choices));
}

AttributeFields readFields(ObjectReader &reader)
{
    AttributeFields fields;
    fields.nameJa = reader.string(kNameJa, validateAttributeName);
    fields.nameEn = reader.string(kNameEn, validateAttributeName);
    fields.type = reader.enumeration(kType, attributeTypeFromName, attributeTypeNames);
    fields.choices = reader.stringArray(kChoices, validateChoice, kAttributeChoicesMax);
    return fields;
}

} // namespace

QString attributeTypeName(AttributeType type)
{
    return enumName(kTypes, type);
}

std::optional<AttributeType> attributeTypeFromName(QStringView name)
{
    return enumFromName(kTypes, name);
}

QStringList attributeTypeNames()
{
    return enumNames(kTypes);
}

std::optional<Error> validateAttributeFields(const AttributeFields &fields)
{
    const QString field(kChoices);
    if (fields.type != AttributeType::Choice) {
        if (!fields.choices.isEmpty())
            return Error{ProblemCode::InvalidField, field,
                         QStringLiteral("Only an attribute of type choice has choices.")};
        return std::nullopt;
    }
    if (fields.choices.isEmpty() || fields.choices.size() > kAttributeChoicesMax)
        return Error{ProblemCode::InvalidField, field,
                     QStringLiteral("Must hold from 1 to %1 choices.").arg(kAttributeChoicesMax)};
    if (auto error = validateDistinct(fields.choices))
        return withFieldPrefix(*error, field);
    return std::nullopt;
}

std::optional<Error> validateAttributeValueText(QStringView value)
{
    return validateShownText(value, TextRule{1, kAttributeTextMaxLength, true, false});
}

std::optional<Error> validateAttributeValue(const AttributeFields &attribute, QStringView value)
{
    if (auto error = validateAttributeValueText(value))
        return error;
    switch (attribute.type) {
    case AttributeType::Choice:
        if (!attribute.choices.contains(value))
            return invalid(QStringLiteral("Must be one of the attribute's choices."));
        return std::nullopt;
    case AttributeType::Number:
        return validateNumber(value);
    case AttributeType::Date:
        return validateDate(value);
    case AttributeType::Text:
        return std::nullopt;
    }
    return invalid(QStringLiteral("The attribute's type is not known."));
}

QJsonObject toJson(const AttributeFields &fields)
{
    QJsonObject object;
    writeFields(object, fields);
    return object;
}

Result<AttributeFields> attributeFieldsFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    AttributeFields fields = readFields(reader);
    if (auto error = reader.finish())
        return *error;
    if (auto error = validateAttributeFields(fields))
        return *error;
    return fields;
}

QJsonObject toJson(const Attribute &attribute)
{
    QJsonObject object;
    object.insert(kId, attribute.id);
    writeFields(object, attribute.fields);
    object.insert(kRevision, attribute.revision);
    return object;
}

Result<Attribute> attributeFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    Attribute attribute;
    attribute.id = reader.string(kId, validateId);
    attribute.fields = readFields(reader);
    attribute.revision = reader.integer(kRevision, 0, kMaxJsonInteger);
    if (auto error = reader.finish())
        return *error;
    if (auto error = validateAttributeFields(attribute.fields))
        return *error;
    return attribute;
}

QJsonObject toJson(const QList<Attribute> &attributes)
{
    QJsonArray items;
    for (const Attribute &attribute : attributes)
        items.append(toJson(attribute));
    return QJsonObject{{kItems, items}};
}

Result<QList<Attribute>> attributeListFromJson(const QJsonObject &object)
{
    ObjectReader reader(object);
    QList<Attribute> attributes = reader.objectArray(kItems, attributeFromJson, kAttributesMax);
    if (auto error = reader.finish())
        return *error;
    if (auto error = validateDistinctIds(attributes, kItems))
        return *error;
    return attributes;
}

} // namespace engage::api
