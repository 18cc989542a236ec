#include "cellvalue.h"

#include <QDate>
#include <QDateTime>
#include <QTime>
#include <cmath>

namespace engage::models {

namespace {

// Excel's day 0 in the 1900 date system, as its serial days count from
// 1 March 1900 on (before it, the phantom 29 February shifts them by one).
constexpr qint64 kJulianDayOfSerialZero = 2415019; // 1899-12-30
constexpr qint64 kJulianDayOfFirstExact = 2415080; // 1900-03-01
constexpr qint64 kJulianDayAfterLast = 5373485;    // 10000-01-01
constexpr double kMsecsPerDay = 86400000.0;

bool representable(const QDate &date)
{
    const qint64 day = date.toJulianDay();
    return date.isValid() && day >= kJulianDayOfFirstExact && day < kJulianDayAfterLast;
}

CellValue number(double value, CellValue::Kind kind)
{
    if (!std::isfinite(value))
        return {};
    return {kind, value, {}};
}

CellValue text(QString value)
{
    return {CellValue::Kind::Text, 0, std::move(value)};
}

CellValue date(const QDate &value)
{
    if (!representable(value))
        return value.isValid() ? text(value.toString(Qt::ISODate)) : CellValue{};
    return {CellValue::Kind::Date, double(value.toJulianDay() - kJulianDayOfSerialZero), {}};
}

CellValue dateTime(const QDateTime &value)
{
    if (!value.isValid())
        return {};
    // What the user sees: the wall-clock time here (a workbook has no zone).
    const QDateTime local = value.toLocalTime();
    if (!representable(local.date()))
        return text(local.toString(Qt::ISODate));
    const double day = double(local.date().toJulianDay() - kJulianDayOfSerialZero);
    return {
        CellValue::Kind::DateTime, day + local.time().msecsSinceStartOfDay() / kMsecsPerDay, {}};
}

bool isNumeric(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Double:
    case QMetaType::Float:
    case QMetaType::Short:
    case QMetaType::UShort:
    case QMetaType::Long:
    case QMetaType::ULong:
    case QMetaType::SChar:
    case QMetaType::UChar:
        return true;
    default:
        return false;
    }
}

CellValue automatic(const QVariant &value)
{
    if (!value.isValid())
        return {};
    if (isNumeric(value))
        return number(value.toDouble(), CellValue::Kind::Number);
    switch (value.typeId()) {
    case QMetaType::QString:
        return text(*static_cast<const QString *>(value.constData()));
    case QMetaType::Bool:
        return {CellValue::Kind::Boolean, value.toBool() ? 1.0 : 0.0, {}};
    case QMetaType::QDate:
        return date(value.toDate());
    case QMetaType::QDateTime:
        return dateTime(value.toDateTime());
    case QMetaType::QStringList:
        return text(value.toStringList().join(QStringLiteral(", ")));
    default:
        return text(value.toString());
    }
}

// Text in C-locale form as a number; other text stays text.
CellValue parsedNumber(const QVariant &value, CellValue::Kind kind)
{
    if (isNumeric(value))
        return number(value.toDouble(), kind);
    if (value.typeId() != QMetaType::QString)
        return automatic(value);
    QString spelled = value.toString().trimmed();
    double scale = 1;
    if (kind == CellValue::Kind::Percent && spelled.endsWith(u'%')) {
        spelled.chop(1);
        scale = 100;
    }
    bool ok = false;
    const double parsed = spelled.toDouble(&ok);
    return ok ? number(parsed / scale, kind) : automatic(value);
}

} // namespace

CellValue cellValue(const QVariant &value, CellFormat format)
{
    switch (format) {
    case CellFormat::Automatic:
        break;
    case CellFormat::Text:
        return value.isValid() ? text(value.toString()) : CellValue{};
    case CellFormat::Number:
        return parsedNumber(value, CellValue::Kind::Number);
    case CellFormat::Percent:
        return parsedNumber(value, CellValue::Kind::Percent);
    case CellFormat::Date:
        if (value.typeId() == QMetaType::QString) {
            const QDate parsed = QDate::fromString(value.toString().trimmed(), Qt::ISODate);
            return parsed.isValid() ? date(parsed) : automatic(value);
        }
        if (value.typeId() == QMetaType::QDateTime)
            return date(value.toDateTime().toLocalTime().date());
        break;
    case CellFormat::DateTime:
        if (value.typeId() == QMetaType::QString) {
            const QDateTime parsed = QDateTime::fromString(value.toString().trimmed(), Qt::ISODate);
            return parsed.isValid() ? dateTime(parsed) : automatic(value);
        }
        if (value.typeId() == QMetaType::QDate)
            return dateTime(value.toDate().startOfDay());
        break;
    }
    return automatic(value);
}

QDateTime dateTimeOfSerial(double serial)
{
    const double day = std::floor(serial);
    const int msecs = int(std::lround((serial - day) * kMsecsPerDay));
    return QDateTime(QDate::fromJulianDay(qint64(day) + kJulianDayOfSerialZero), QTime(0, 0),
                     Qt::UTC)
        .addMSecs(msecs);
}

} // namespace engage::models
