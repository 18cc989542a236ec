#include "timestamp.h"

#include <QTime>

namespace engage::api {

namespace {

// Reads `count` ASCII digits at `pos`; -1 if any is not a digit.
int readDigits(QStringView text, qsizetype pos, int count)
{
    if (pos + count > text.size())
        return -1;
    int value = 0;
    for (int i = 0; i < count; ++i) {
        const char16_t c = text[pos + i].unicode();
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c - u'0');
    }
    return value;
}

Error invalid(const char *detail)
{
    return Error{ProblemCode::InvalidField, QString(), QString::fromLatin1(detail)};
}

// The fixed "YYYY-MM-DD" prefix shared by dates and date-times.
std::optional<QDate> readDate(QStringView text)
{
    if (text.size() < 10 || text[4] != u'-' || text[7] != u'-')
        return std::nullopt;
    const int year = readDigits(text, 0, 4);
    const int month = readDigits(text, 5, 2);
    const int day = readDigits(text, 8, 2);
    if (year < 1 || month < 0 || day < 0 || !QDate::isValid(year, month, day))
        return std::nullopt;
    return QDate(year, month, day);
}

QString padded(int value, int width)
{
    return QStringLiteral("%1").arg(value, width, 10, QLatin1Char('0'));
}

} // namespace

QString formatDate(QDate date)
{
    return padded(date.year(), 4) % QLatin1Char('-') % padded(date.month(), 2) % QLatin1Char('-') %
           padded(date.day(), 2);
}

QString formatDateTime(const QDateTime &dateTime)
{
    const QDateTime utc = dateTime.toUTC();
    const QTime time = utc.time();
    return formatDate(utc.date()) % QLatin1Char('T') % padded(time.hour(), 2) % QLatin1Char(':') %
           padded(time.minute(), 2) % QLatin1Char(':') % padded(time.second(), 2) %
           QLatin1Char('.') % padded(time.msec(), 3) % QLatin1Char('Z');
}

Result<QDate> parseDate(QStringView text)
{
    const std::optional<QDate> date = text.size() == 10 ? readDate(text) : std::nullopt;
    if (!date)
        return invalid("Must be a calendar date in the form YYYY-MM-DD.");
    return *date;
}

Result<QDateTime> parseDateTime(QStringView text)
{
    static const char *const kDetail =
        "Must be a UTC date and time in the form YYYY-MM-DDTHH:MM:SS.sssZ.";
    // 20 characters without a fraction, at most 30 with nine digits.
    if (text.size() < 20 || text.size() > 30)
        return invalid(kDetail);
    const std::optional<QDate> date = readDate(text);
    if (!date || text[10] != u'T' || text[13] != u':' || text[16] != u':')
        return invalid(kDetail);
    const int hour = readDigits(text, 11, 2);
    const int minute = readDigits(text, 14, 2);
    const int second = readDigits(text, 17, 2);
    if (hour < 0 || minute < 0 || second < 0 || !QTime::isValid(hour, minute, second))
        return invalid(kDetail);
    qsizetype pos = 19;
    int msec = 0;
    if (text[pos] == u'.') {
        ++pos;
        const qsizetype digitsStart = pos;
        while (pos < text.size() && text[pos] >= u'0' && text[pos] <= u'9')
            ++pos;
        const qsizetype digits = pos - digitsStart;
        if (digits < 1 || digits > 9)
            return invalid(kDetail);
        for (qsizetype i = 0; i < 3; ++i) {
            const int digit = i < digits ? text[digitsStart + i].unicode() - u'0' : 0;
            msec = msec * 10 + digit;
        }
    }
    if (pos + 1 != text.size() || text[pos] != u'Z')
        return invalid(kDetail);
    return QDateTime(*date, QTime(hour, minute, second, msec), Qt::UTC);
}

} // namespace engage::api
