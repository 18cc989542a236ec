#pragma once

// What the import readers' fuzz targets check of every table a reader
// accepts: the shape ImportTable promises, whatever the format.

#include "api/memberimport.h"
#include "import/importtable.h"

#include <QStringList>
#include <algorithm>

namespace engage::fuzz {

inline void check(bool condition)
{
    if (!condition)
        __builtin_trap();
}

inline bool isBlank(const QStringList &cells)
{
    return std::all_of(cells.cbegin(), cells.cend(),
                       [](const QString &cell) { return cell.trimmed().isEmpty(); });
}

// A refused file names the field "file" and says why.
inline void checkRefusal(const api::Error &error)
{
    check(error.field == QLatin1String("file"));
    check(!error.detail.isEmpty());
}

// A header row of trimmed names ending in a non-empty one, every row exactly
// as wide, within the row, column and cell limits, no trailing blank row.
inline void checkShape(const server::import::ImportTable &table)
{
    using server::import::kImportMaxCellCharacters;
    check(!table.headers.isEmpty() && table.headers.size() <= api::kImportMaxColumns);
    check(!table.headers.constLast().isEmpty());
    for (const QString &header : table.headers)
        check(header == header.trimmed() && header.size() <= kImportMaxCellCharacters);
    check(table.rows.size() <= api::kImportMaxRows);
    for (const QStringList &row : table.rows) {
        check(row.size() == table.headers.size());
        for (const QString &cell : row)
            check(cell.size() <= kImportMaxCellCharacters);
    }
    check(table.rows.isEmpty() || !isBlank(table.rows.constLast()));
}

} // namespace engage::fuzz
