#include "timestamp.h"

#include <algorithm>

namespace engage::api {

namespace {

// Qt's ISO 8601 reader is broader than our wire form (it takes a space for the
// 'T', "24:00", minutes without seconds, offsets); Qt reads the value, and the
// text must also be exactly what Qt writes back for it.
const QString dateFormat = QStringLiteral("yyyy-MM-dd");
const QString secondsFormat = QStringLiteral("yyyy-MM-dd'T'HH:mm:ss");
constexpr qsizetype secondsLength = 19; // "YYYY-MM-DDTHH:MM:SS"
constexpr qsizetype maxFractionDigits = 9;

Error invalid(const char *detail)
{
    return Error{ProblemCode::InvalidField, QString(), QString::fromLatin1(detail)};
}

bool allDigits(QStringView text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

} // namespace

QString formatDate(QDate date)
{
    return date.toString(dateFormat);
}

QString formatDateTime(const QDateTime &dateTime)
{
    return dateTime.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"));
}

Result<QDate> parseDate(QStringView text)
{
    const QDate date = QDate::fromString(text.toString(), dateFormat);
    if (!date.isValid() || formatDate(date) != text)
        return invalid("Must be a calendar date in the form YYYY-MM-DD.");
    return date;
}

Result<QDateTime> parseDateTime(QStringView text)
{
    const Error refusal =
        invalid("Must be a UTC date and time in the form YYYY-MM-DDTHH:MM:SS.sssZ.");
    if (text.size() <= secondsLength || !text.endsWith(u'Z'))
        return refusal;
    // Date and time are read apart: read together without a zone, Qt would take
    // them as local time, in which some UTC times (a DST gap) do not exist.
    const QStringView seconds = text.first(secondsLength);
    const QDate date = QDate::fromString(seconds.first(10).toString(), dateFormat);
    const QTime time = QTime::fromString(seconds.sliced(11).toString(), QStringLiteral("HH:mm:ss"));
    QDateTime dateTime(date, time, Qt::UTC);
    if (!dateTime.isValid() || dateTime.toString(secondsFormat) != seconds)
        return refusal;

    // An optional fraction of 1-9 digits, truncated (not rounded) to milliseconds,
    // so that a value never moves into the next second.
    const QStringView fraction = text.sliced(secondsLength).chopped(1);
    if (!fraction.isEmpty()) {
        const QStringView digits = fraction.sliced(1);
        if (!fraction.startsWith(u'.') || digits.isEmpty() || digits.size() > maxFractionDigits ||
            !allDigits(digits))
            return refusal;
        const QString milliseconds = digits.first(std::min<qsizetype>(3, digits.size())).toString();
        dateTime = dateTime.addMSecs(milliseconds.leftJustified(3, u'0').toInt());
    }
    return dateTime;
}

} // namespace engage::api
