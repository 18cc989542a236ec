#pragma once

#include "result.h"
#include "validators.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QLatin1String>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

namespace engage::api {

// The largest integer that every JSON reader (JavaScript's included) keeps
// exactly: the upper bound of counters and revisions on the wire.
inline constexpr qint64 kMaxJsonInteger = (qint64(1) << 53) - 1;

// The one strict reader behind every decoder of the contract. A decoder asks
// for each member it knows, in order; the reader checks presence and type,
// runs the member's validator, keeps the first Error (with the member's path in
// Error::field) and turns every later read into a no-op returning a default.
// finish() then reports any member nobody asked for as UnknownField, so a
// misspelt or injected member is never silently dropped.
//
//     ObjectReader reader(object);
//     Person person;
//     person.id = reader.string(QLatin1String("id"), validateId);
//     ...
//     if (auto error = reader.finish())
//         return *error;
//     return person;
class ObjectReader final
{
public:
    explicit ObjectReader(const QJsonObject &object);
    ObjectReader(const ObjectReader &) = delete;
    ObjectReader &operator=(const ObjectReader &) = delete;

    bool hasError() const { return m_error.has_value(); }

    // `validate` is any callable QStringView -> std::optional<Error>.
    template<typename Validate>
    QString string(QLatin1String key, Validate &&validate);
    // Absent or null reads as std::nullopt.
    template<typename Validate>
    std::optional<QString> optionalString(QLatin1String key, Validate &&validate);

    bool boolean(QLatin1String key);
    // A JSON number with an integral value within [min, max].
    qint64 integer(QLatin1String key, qint64 min, qint64 max);
    // A finite JSON number within [min, max] with at most `decimals` decimal
    // places (within a rounding error, which is dropped: 2.1999999999999886
    // reads as 2.2), so a difference of two rounded scores reads as it shows.
    double number(QLatin1String key, double min, double max, int decimals);
    // Absent or null reads as std::nullopt.
    std::optional<double> optionalNumber(QLatin1String key, double min, double max, int decimals);
    QDateTime dateTime(QLatin1String key);
    std::optional<QDateTime> optionalDateTime(QLatin1String key);
    QDate date(QLatin1String key);
    // Absent or null reads as std::nullopt.
    std::optional<QDate> optionalDate(QLatin1String key);

    // An enum by its wire name, e.g. enumeration(key, roleFromName, roleNames).
    template<typename E>
    E enumeration(QLatin1String key, std::optional<E> (*fromName)(QStringView),
                  QStringList (*names)());

    // A nested object decoded by `decode` (QJsonObject -> Result<T>); its errors
    // get this member's name in front of their field.
    template<typename Decode>
    auto object(QLatin1String key, Decode &&decode)
        -> std::decay_t<decltype(decode(QJsonObject()).value())>;

    // An array of objects, each decoded by `decode`; errors name "key.index".
    template<typename Decode>
    auto objectArray(QLatin1String key, Decode &&decode, qsizetype maxItems = 10000)
        -> QList<std::decay_t<decltype(decode(QJsonObject()).value())>>;

    // An array of strings, each checked by `validate`; errors name "key.index".
    template<typename Validate>
    QStringList stringArray(QLatin1String key, Validate &&validate, qsizetype maxItems);

    // An array of whole numbers, each within [min, max]; errors name "key.index".
    QList<qint64> integerArray(QLatin1String key, qint64 min, qint64 max, qsizetype maxItems);

    // An object used as a map of strings: each name checked by `validateName`,
    // each value by `validateValue`; errors name "key.name" (the name only when
    // safeFieldName lets it through).
    template<typename ValidateName, typename ValidateValue>
    QMap<QString, QString> stringMap(QLatin1String key, ValidateName &&validateName,
                                     ValidateValue &&validateValue, qsizetype maxItems);

    // The first error, or UnknownField for the first member (in key order) that
    // no read asked for.
    std::optional<Error> finish() const;
    // RFC 9457 asks consumers of problem details to ignore unknown extension
    // members; only the problem decoder uses this.
    std::optional<Error> finishIgnoringUnknown() const { return m_error; }

private:
    // Marks `key` as known and returns its value; records MissingField (or
    // InvalidField for null) when required. nullopt once an error is recorded.
    std::optional<QJsonValue> take(QLatin1String key, bool required);
    std::optional<QString> takeString(QLatin1String key, bool required);
    // The value of `key` when it is a JSON array of at most `maxItems` items.
    std::optional<QJsonArray> takeArray(QLatin1String key, qsizetype maxItems);
    std::optional<double> takeNumber(QLatin1String key, bool required, double min, double max,
                                     int decimals);
    void fail(QLatin1String key, ProblemCode code, QString detail);
    void fail(QLatin1String key, Error error);

    const QJsonObject &m_object;
    std::vector<QLatin1String> m_known;
    std::optional<Error> m_error;
};

// Decoded items (anything with an `id`) whose ids repeat: the error names
// "key.index.id" of the first repeat.
template<typename T>
std::optional<Error> validateDistinctIds(const QList<T> &items, QLatin1String key)
{
    QStringList ids;
    ids.reserve(items.size());
    for (const T &item : items)
        ids.append(item.id);
    std::optional<Error> error = validateDistinct(ids);
    if (error)
        error->field = QString(key) + QLatin1Char('.') + error->field + QLatin1String(".id");
    return error;
}

// The path element to report for a member name that came from the wire: the
// name itself when it is short and plain, otherwise a placeholder, so that a
// hostile name is never reflected into a response or a log.
QString safeFieldName(const QString &name);

template<typename Validate>
QString ObjectReader::string(QLatin1String key, Validate &&validate)
{
    std::optional<QString> text = takeString(key, true);
    if (!text)
        return {};
    if (std::optional<Error> error = validate(QStringView(*text))) {
        fail(key, std::move(*error));
        return {};
    }
    return std::move(*text);
}

template<typename Validate>
std::optional<QString> ObjectReader::optionalString(QLatin1String key, Validate &&validate)
{
    std::optional<QString> text = takeString(key, false);
    if (!text)
        return std::nullopt;
    if (std::optional<Error> error = validate(QStringView(*text))) {
        fail(key, std::move(*error));
        return std::nullopt;
    }
    return text;
}

template<typename E>
E ObjectReader::enumeration(QLatin1String key, std::optional<E> (*fromName)(QStringView),
                            QStringList (*names)())
{
    const std::optional<QString> name = takeString(key, true);
    if (!name)
        return E{};
    if (const std::optional<E> value = fromName(*name))
        return *value;
    if (std::optional<Error> error = validateEnumName(*name, names()))
        fail(key, std::move(*error));
    return E{};
}

template<typename Decode>
auto ObjectReader::object(QLatin1String key, Decode &&decode)
    -> std::decay_t<decltype(decode(QJsonObject()).value())>
{
    using T = std::decay_t<decltype(decode(QJsonObject()).value())>;
    const std::optional<QJsonValue> value = take(key, true);
    if (!value)
        return T{};
    if (!value->isObject()) {
        fail(key, ProblemCode::InvalidField, QStringLiteral("Must be an object."));
        return T{};
    }
    auto result = decode(value->toObject());
    if (!result) {
        fail(key, result.error());
        return T{};
    }
    return result.takeValue();
}

template<typename Decode>
auto ObjectReader::objectArray(QLatin1String key, Decode &&decode, qsizetype maxItems)
    -> QList<std::decay_t<decltype(decode(QJsonObject()).value())>>
{
    using T = std::decay_t<decltype(decode(QJsonObject()).value())>;
    const std::optional<QJsonArray> array = takeArray(key, maxItems);
    if (!array)
        return {};
    QList<T> items;
    items.reserve(array->size());
    for (qsizetype i = 0; i < array->size(); ++i) {
        const QJsonValue item = array->at(i);
        const QString index = QString::number(i);
        if (!item.isObject()) {
            fail(key,
                 Error{ProblemCode::InvalidField, index, QStringLiteral("Must be an object.")});
            return {};
        }
        auto result = decode(item.toObject());
        if (!result) {
            fail(key, withFieldPrefix(result.error(), index));
            return {};
        }
        items.append(result.takeValue());
    }
    return items;
}

template<typename Validate>
QStringList ObjectReader::stringArray(QLatin1String key, Validate &&validate, qsizetype maxItems)
{
    const std::optional<QJsonArray> array = takeArray(key, maxItems);
    if (!array)
        return {};
    QStringList items;
    items.reserve(array->size());
    for (qsizetype i = 0; i < array->size(); ++i) {
        const QJsonValue item = array->at(i);
        const QString index = QString::number(i);
        if (!item.isString()) {
            fail(key, Error{ProblemCode::InvalidField, index, QStringLiteral("Must be a string.")});
            return {};
        }
        QString text = item.toString();
        if (std::optional<Error> error = validate(QStringView(text))) {
            fail(key, withFieldPrefix(std::move(*error), index));
            return {};
        }
        items.append(std::move(text));
    }
    return items;
}

template<typename ValidateName, typename ValidateValue>
QMap<QString, QString> ObjectReader::stringMap(QLatin1String key, ValidateName &&validateName,
                                               ValidateValue &&validateValue, qsizetype maxItems)
{
    const std::optional<QJsonValue> value = take(key, true);
    if (!value)
        return {};
    if (!value->isObject()) {
        fail(key, ProblemCode::InvalidField, QStringLiteral("Must be an object."));
        return {};
    }
    const QJsonObject object = value->toObject();
    if (object.size() > maxItems) {
        fail(key, ProblemCode::InvalidField,
             QStringLiteral("Must hold at most %1 members.").arg(maxItems));
        return {};
    }
    QMap<QString, QString> map;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QString name = it.key();
        const QString path = safeFieldName(name);
        if (std::optional<Error> error = validateName(QStringView(name))) {
            fail(key, withFieldPrefix(std::move(*error), path));
            return {};
        }
        if (!it.value().isString()) {
            fail(key, Error{ProblemCode::InvalidField, path, QStringLiteral("Must be a string.")});
            return {};
        }
        QString text = it.value().toString();
        if (std::optional<Error> error = validateValue(QStringView(text))) {
            fail(key, withFieldPrefix(std::move(*error), path));
            return {};
        }
        map.insert(name, std::move(text));
    }
    return map;
}

} // namespace engage::api
