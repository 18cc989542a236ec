#pragma once

#include "result.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringView>

namespace engage::api {

// Wire form of an instant: "2024-05-01T09:30:00.123Z", always UTC with a 'Z'
// and exactly three fractional digits, so that a decode/encode cycle is stable.
// The value must be valid and within years 1-9999.
QString formatDateTime(const QDateTime &dateTime);

// Accepts "YYYY-MM-DDTHH:MM:SS[.f{1,9}]Z" (upper-case T and Z only; offsets are
// refused so that nobody sends local times by mistake). Digits past the
// millisecond are truncated. The result has timeSpec Qt::UTC.
Result<QDateTime> parseDateTime(QStringView text);

// Calendar dates: "YYYY-MM-DD", a real date (no 2023-02-29).
QString formatDate(QDate date);
Result<QDate> parseDate(QStringView text);

} // namespace engage::api
