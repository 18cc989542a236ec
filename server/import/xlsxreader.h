#pragma once

#include "importtable.h"

#include <QByteArray>

namespace engage::server::import {

// The first worksheet of an Office Open XML workbook (.xlsx), read with QuaZip
// (the zip container) and QXmlStreamReader (the parts): shared strings (rich
// text too, without the phonetic guides Japanese Excel adds), inline strings,
// numbers, booleans, the cached values of formulas, and dates, recognised by
// the cell's number format and counted in the workbook's date system (1900,
// with its phantom 29 February, or 1904). A hostile file fails early: at
// most kMaxEntries zip entries, kMaxUncompressedBytes inflated in all whatever
// the entries claim, and no DTD in any part (so no entity expansion).
class XlsxReader final
{
public:
    static constexpr int kMaxEntries = 10000;
    static constexpr qint64 kMaxUncompressedBytes = 512LL * 1024 * 1024;

    static api::Result<ImportTable> read(const QByteArray &bytes);
};

} // namespace engage::server::import
