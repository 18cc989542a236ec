#include "objectreader.h"

#include "timestamp.h"

#include <algorithm>
#include <cmath>

namespace engage::api {

namespace {

constexpr qsizetype kMaxReflectedNameLength = 64;

} // namespace

QString safeFieldName(const QString &name)
{
    const bool plain = !name.isEmpty() && name.size() <= kMaxReflectedNameLength &&
                       std::all_of(name.cbegin(), name.cend(), [](QChar c) {
                           const char16_t u = c.unicode();
                           return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') ||
                                  (u >= u'0' && u <= u'9') || u == u'_' || u == u'-';
                       });
    return plain ? name : QStringLiteral("(unprintable)");
}

ObjectReader::ObjectReader(const QJsonObject &object)
    : m_object(object)
{}

void ObjectReader::fail(QLatin1String key, ProblemCode code, QString detail)
{
    fail(key, Error{code, QString(), std::move(detail)});
}

void ObjectReader::fail(QLatin1String key, Error error)
{
    if (!m_error)
        m_error = withFieldPrefix(std::move(error), QString(key));
}

std::optional<QJsonValue> ObjectReader::take(QLatin1String key, bool required)
{
    m_known.push_back(key);
    if (m_error)
        return std::nullopt;
    const auto it = m_object.constFind(key);
    if (it == m_object.constEnd()) {
        if (required)
            fail(key, ProblemCode::MissingField, QStringLiteral("This field is required."));
        return std::nullopt;
    }
    const QJsonValue value = it.value();
    if (value.isNull()) {
        if (required)
            fail(key, ProblemCode::InvalidField, QStringLiteral("Must not be null."));
        return std::nullopt;
    }
    return value;
}

std::optional<QString> ObjectReader::takeString(QLatin1String key, bool required)
{
    const std::optional<QJsonValue> value = take(key, required);
    if (!value)
        return std::nullopt;
    if (!value->isString()) {
        fail(key, ProblemCode::InvalidField, QStringLiteral("Must be a string."));
        return std::nullopt;
    }
    return value->toString();
}

std::optional<QJsonArray> ObjectReader::takeArray(QLatin1String key, qsizetype maxItems)
{
    const std::optional<QJsonValue> value = take(key, true);
    if (!value)
        return std::nullopt;
    if (!value->isArray()) {
        fail(key, ProblemCode::InvalidField, QStringLiteral("Must be an array."));
        return std::nullopt;
    }
    QJsonArray array = value->toArray();
    if (array.size() > maxItems) {
        fail(key, ProblemCode::InvalidField,
             QStringLiteral("Must hold at most %1 items.").arg(maxItems));
        return std::nullopt;
    }
    return array;
}

QList<qint64> ObjectReader::integerArray(QLatin1String key, qint64 min, qint64 max,
                                         qsizetype maxItems)
{
    const std::optional<QJsonArray> array = takeArray(key, maxItems);
    if (!array)
        return {};
    QList<qint64> items;
    items.reserve(array->size());
    for (qsizetype i = 0; i < array->size(); ++i) {
        // Each item is read as a one-member object so that the range and
        // integrality checks are integer()'s own, not a second copy of them.
        const QJsonObject wrapped{{QLatin1String("v"), array->at(i)}};
        ObjectReader item(wrapped);
        const qint64 value = item.integer(QLatin1String("v"), min, max);
        if (std::optional<Error> error = item.finish()) {
            error->field = QString::number(i);
            fail(key, std::move(*error));
            return {};
        }
        items.append(value);
    }
    return items;
}

bool ObjectReader::boolean(QLatin1String key)
{
    const std::optional<QJsonValue> value = take(key, true);
    if (!value)
        return false;
    if (!value->isBool()) {
        fail(key, ProblemCode::InvalidField, QStringLiteral("Must be true or false."));
        return false;
    }
    return value->toBool();
}

qint64 ObjectReader::integer(QLatin1String key, qint64 min, qint64 max)
{
    const std::optional<QJsonValue> value = take(key, true);
    if (!value)
        return 0;
    const Error rangeError{
        ProblemCode::InvalidField, QString(),
        QStringLiteral("Must be a whole number from %1 to %2.").arg(min).arg(max)};
    if (!value->isDouble()) {
        fail(key, rangeError);
        return 0;
    }
    // Compared as doubles first: a huge or fractional number must not reach
    // the integer conversion, which would be undefined behaviour.
    constexpr double kTwoPow63 = 9223372036854775808.0;
    const double number = value->toDouble();
    if (!std::isfinite(number) || std::trunc(number) != number || number < -kTwoPow63 ||
        number >= kTwoPow63 || number < static_cast<double>(min) ||
        number > static_cast<double>(max)) {
        fail(key, rangeError);
        return 0;
    }
    // Integers stored exactly keep every bit; integral doubles convert safely now.
    const qint64 exact = value->toInteger(static_cast<qint64>(number));
    if (exact < min || exact > max) {
        fail(key, rangeError);
        return 0;
    }
    return exact;
}

std::optional<double> ObjectReader::takeNumber(QLatin1String key, bool required, double min,
                                               double max, int decimals)
{
    const std::optional<QJsonValue> value = take(key, required);
    if (!value)
        return std::nullopt;
    const double scale = std::pow(10.0, decimals);
    const double number = value->isDouble() ? value->toDouble() : 0.0;
    // Scaled numbers within a millionth of a whole one are a rounded value
    // that binary floating point cannot hold exactly.
    const double scaled = number * scale;
    const double whole = std::round(scaled);
    if (!value->isDouble() || !std::isfinite(number) || number < min || number > max ||
        std::abs(scaled - whole) > 1e-6) {
        fail(key, ProblemCode::InvalidField,
             QStringLiteral("Must be a number from %1 to %2 with at most %3 decimals.")
                 .arg(min)
                 .arg(max)
                 .arg(decimals));
        return std::nullopt;
    }
    return whole / scale;
}

double ObjectReader::number(QLatin1String key, double min, double max, int decimals)
{
    return takeNumber(key, true, min, max, decimals).value_or(0.0);
}

std::optional<double> ObjectReader::optionalNumber(QLatin1String key, double min, double max,
                                                   int decimals)
{
    return takeNumber(key, false, min, max, decimals);
}

QDateTime ObjectReader::dateTime(QLatin1String key)
{
    const QString text = string(key, validateDateTime);
    return text.isEmpty() ? QDateTime() : parseDateTime(text).value();
}

std::optional<QDateTime> ObjectReader::optionalDateTime(QLatin1String key)
{
    const std::optional<QString> text = optionalString(key, validateDateTime);
    if (!text)
        return std::nullopt;
    return parseDateTime(*text).value();
}

QDate ObjectReader::date(QLatin1String key)
{
    const QString text = string(key, validateDate);
    return text.isEmpty() ? QDate() : parseDate(text).value();
}

std::optional<QDate> ObjectReader::optionalDate(QLatin1String key)
{
    const std::optional<QString> text = optionalString(key, validateDate);
    if (!text)
        return std::nullopt;
    return parseDate(*text).value();
}

std::optional<Error> ObjectReader::finish() const
{
    if (m_error)
        return m_error;
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
        const QString name = it.key();
        const bool known = std::any_of(m_known.cbegin(), m_known.cend(),
                                       [&name](QLatin1String key) { return name == key; });
        if (!known)
            return Error{ProblemCode::UnknownField, safeFieldName(name),
                         QStringLiteral("This field is not expected here.")};
    }
    return std::nullopt;
}

} // namespace engage::api
