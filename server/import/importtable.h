#pragma once

#include "api/result.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace engage::server::import {

// A longer cell refuses the whole file (as more rows than api::kImportMaxRows
// or columns than api::kImportMaxColumns do): no field holds that much.
inline constexpr int kImportMaxCellCharacters = 10000;

// A member file as its reader saw it, whatever the format: the header row and
// the data rows under it, every cell as canonical text (dates "YYYY-MM-DD",
// numbers plain decimal, booleans "TRUE"/"FALSE"). Data row n (1-based) is the
// n-th row under the header, blank rows included, so that the row numbers of
// errors are the ones the user sees in the file; rows after the last one with
// a value are dropped.
struct ImportTable
{
    QStringList headers;     // trimmed
    QList<QStringList> rows; // each exactly headers.size() cells
    QString encoding;        // CSV: "UTF-8", "UTF-8 BOM" or "CP932"; xlsx: empty
};

// The reason a whole file cannot be read, as an api::Error on the field "file".
api::Error fileError(const QString &detail);

// A number as cells and attribute values hold it: up to 15 significant digits
// (what a spreadsheet keeps), no exponent, no trailing zeros (1001 is "1001",
// 0.1 + 0.2 is "0.3"); empty for infinities and NaN.
QString canonicalNumber(double value);

// Takes an exported cell back: exports put an apostrophe before text that a
// spreadsheet would run as a formula (api::formulaUnguarded).
QString unguardedCell(QString cell);

// Builds an ImportTable row by row and holds it to the limits, the same for
// every reader: the first row with a value is the header; a value under no
// header and too many rows are errors.
class TableBuilder final
{
public:
    // The cells of the next record, leftmost first (at most api::kImportMaxColumns:
    // readers refuse values further right themselves). `fileRow` is how the
    // reader names the record in an error (the line or sheet row).
    std::optional<api::Error> addRow(QStringList cells, qint64 fileRow);
    // Rows with no value at all (the gaps of a sparse sheet), without a list each.
    void addBlankRows(qint64 count);
    // An error for a file without a header row.
    api::Result<ImportTable> finish(QString encoding);

private:
    ImportTable m_table;
    bool m_haveHeader = false;
    qint64 m_pendingBlankRows = 0;
};

} // namespace engage::server::import
