#pragma once

#include "exportspec.h"

#include <QString>
#include <QVariant>

namespace engage::models {

// One value as a workbook cell holds it. Internal to the export engine.
struct CellValue
{
    enum class Kind
    {
        Empty, // also NaN and infinities, which a workbook cannot hold
        Number,
        Percent,  // `number` is the fraction
        Date,     // `number` is Excel's serial day (1900 system)
        DateTime, // the serial day with the time of day as its fraction
        Boolean,  // `number` 0 or 1
        Text,
    };
    Kind kind = Kind::Empty;
    double number = 0;
    QString text;
};

// `value` as `format` says (see CellFormat). Dates before 1 March 1900,
// where Excel's serial days are off by its phantom 29 February 1900, and
// after 9999 stay text in ISO 8601 form.
CellValue cellValue(const QVariant &value, CellFormat format);

// The date and time of an Excel serial day (the inverse of cellValue's), for
// writers that spell dates out; to the millisecond. The wall-clock time,
// held as UTC so that no daylight-saving gap moves it.
QDateTime dateTimeOfSerial(double serial);

} // namespace engage::models
