#pragma once

#include "result.h"

#include <QLatin1String>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <QUrlQuery>
#include <functional>
#include <optional>

namespace engage::api {

// Strict reading of the query strings of list requests, shared by every query
// type of the contract so that each refuses the same things the same way.

// Calls `read(name, value)` for each parameter in order. A name not in `known`
// is UnknownField (named only when safeFieldName lets it through), a repeated
// one InvalidField; the first error of `read` stops the walk. `seen`, when
// given, receives the names read, for rules across parameters.
std::optional<Error> readQueryParameters(
    const QUrlQuery &url, const QList<QLatin1String> &known,
    const std::function<std::optional<Error>(const QString &name, const QString &value)> &read,
    QStringList *seen = nullptr);

// A plain decimal (no sign, no leading zero, no white space) from `min` to
// `max`; otherwise an InvalidField error naming `name`.
Result<qint64> readWholeNumber(const QString &name, QStringView value, qint64 min, qint64 max);

// `error` reported against the query parameter `name`.
Error parameterError(Error error, const QString &name);

// Adds `value` so that it arrives exactly as given: QUrlQuery takes values in
// tolerant form, where "%41" would already mean "A", so a literal '%' is
// escaped first.
void addQueryValue(QUrlQuery &url, QLatin1String name, const QString &value);

} // namespace engage::api
