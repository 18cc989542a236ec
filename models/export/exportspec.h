#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QString>
#include <Qt>
#include <optional>

class QAbstractItemModel;

namespace engage::models {

// How the values of a column go into a workbook. Automatic follows each
// value's type: numbers become numbers, QDate dates, QDateTime date and time
// (in local time, as the user sees it), bool TRUE/FALSE, everything else text.
// The others convert: Text writes every value as text (codes such as "00123"),
// Number, Date and DateTime also read text in C-locale or ISO 8601 form, and
// Percent writes numbers as a fraction in a percent format (0.725 shows 72.5 %).
enum class CellFormat
{
    Automatic,
    Text,
    Number,
    Percent,
    Date,
    DateTime,
};

// A model may name its columns' CellFormat (as int) through headerData() of
// this role, horizontally; an ExportColumn of the sheet overrides it.
inline constexpr int ExportFormatRole = Qt::UserRole + 900;

// A column's values: read through `valueRole` of the model (DisplayRole by
// default; a model whose display text is formatted, such as "72.5 %", names
// the role that holds the number), written as `format` says.
struct ExportColumn
{
    int valueRole = Qt::DisplayRole;
    CellFormat format = CellFormat::Automatic;
};

// A native Excel chart drawn from the sheet's own rows: the categories from
// one column, a series per value column (named by its header). Line for a
// trend over rounds, Bar for factor scores.
struct ExportChart
{
    enum class Kind
    {
        Line,
        Bar,
    };
    Kind kind = Kind::Line;
    QString title;
    int categoryColumn = 0;
    QList<int> valueColumns;
};

// A conditional-format three-colour scale (red, yellow, green from low to
// high) over the columns first..last of every data row: a heatmap.
struct ColourScale
{
    int firstColumn = 0;
    int lastColumn = 0;
};

// One table of the export: the model's rows under a styled header row (the
// model's horizontal headerData, so in the UI language), frozen under the
// header, with an autofilter and fitted column widths. Rows past Excel's
// limit continue on further sheets named "<title> (2)" and so on.
struct ExportSheet
{
    QString title; // made a valid, unique sheet name ([]:*?/\ replaced, 31 characters)
    QPointer<const QAbstractItemModel> model;
    QHash<int, ExportColumn> columns; // by column; the others Automatic from DisplayRole
    std::optional<ColourScale> colourScale;
    QList<ExportChart> charts; // placed to the right of the table, on its first sheet
};

// The cover sheet: what the export holds and from when. An export that must
// read back as the import format (members) puts it last, since the importer
// reads the first sheet.
struct ExportCover
{
    QString tenant;
    QString filters; // described in the UI language; empty says "none"
    QDateTime exportedAt;
    QDateTime asOf; // when the data was last synced (the cache's time offline)
    int anonymityThreshold = 0;
    bool last = false;
};

} // namespace engage::models
