#include "queryparams.h"

#include "objectreader.h"

#include <algorithm>

namespace engage::api {

std::optional<Error> readQueryParameters(
    const QUrlQuery &url, const QList<QLatin1String> &known,
    const std::function<std::optional<Error>(const QString &name, const QString &value)> &read,
    QStringList *seen)
{
    QStringList names;
    for (const auto &item : url.queryItems(QUrl::FullyDecoded)) {
        const QString &name = item.first;
        const bool isKnown =
            std::any_of(known.cbegin(), known.cend(),
                        [&name](QLatin1String parameter) { return name == parameter; });
        if (!isKnown)
            return Error{ProblemCode::UnknownField, safeFieldName(name),
                         QStringLiteral("This parameter is not expected here.")};
        if (names.contains(name))
            return Error{ProblemCode::InvalidField, name,
                         QStringLiteral("Must be given at most once.")};
        names.append(name);
        if (auto error = read(name, item.second))
            return error;
    }
    if (seen)
        *seen = std::move(names);
    return std::nullopt;
}

Result<qint64> readWholeNumber(const QString &name, QStringView value, qint64 min, qint64 max)
{
    const qsizetype maxDigits = QString::number(max).size();
    const bool plain =
        !value.isEmpty() && value.size() <= maxDigits &&
        (value.front() != u'0' || value.size() == 1) &&
        std::all_of(value.cbegin(), value.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
    const qint64 number = plain ? value.toLongLong() : 0;
    if (!plain || number < min || number > max)
        return Error{ProblemCode::InvalidField, name,
                     QStringLiteral("Must be a whole number from %1 to %2.").arg(min).arg(max)};
    return number;
}

Error parameterError(Error error, const QString &name)
{
    error.field = name;
    return error;
}

void addQueryValue(QUrlQuery &url, QLatin1String name, const QString &value)
{
    url.addQueryItem(QString(name), QString(value).replace(u'%', QLatin1String("%25")));
}

} // namespace engage::api
