#pragma once

#include "importtable.h"

#include <QByteArray>

namespace engage::server::import {

// Comma-separated member files as spreadsheets write them (RFC 4180: quoted
// cells with doubled quotes and line breaks inside, CR, LF or CRLF between
// records). The encoding is found, not asked: a UTF-8 byte-order mark, else
// valid UTF-8, else CP932 (Windows-31J, what Japanese Excel writes for
// "CSV"; unlike strict Shift_JIS it has the NEC and IBM extensions, such as
// 髙 and 﨑, that Japanese names use); bytes valid in none are refused.
class CsvReader final
{
public:
    static api::Result<ImportTable> read(const QByteArray &bytes);
};

} // namespace engage::server::import
