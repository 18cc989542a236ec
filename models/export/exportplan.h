#pragma once

#include "exportspec.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace engage::models {

// What the worker writes, taken from the models and the UI language on the
// UI thread when the export starts: the worker reads no model and calls no
// tr(). Internal to the export engine.
struct SheetPlan
{
    QString title;
    QStringList headers;
    QList<int> valueRoles;     // per column
    QList<CellFormat> formats; // per column, never Automatic for a hinted column
    QList<double> widths;      // per column, in Excel's character units
    std::optional<ColourScale> colourScale;
    QList<ExportChart> charts;
    int rowCount = 0;

    int columnCount() const { return int(headers.size()); }
};

// The cover sheet's texts in the UI language.
struct CoverPlan
{
    ExportCover cover;
    QString title;
    QString tenantLabel;
    QString filtersLabel;
    QString noFilters;
    QString exportedAtLabel;
    QString asOfLabel;
    QString thresholdLabel;
    QString truncatedLabel; // shown only when a text was cut at Excel's limit
};

struct WorkbookPlan
{
    enum class Format
    {
        Xlsx,
        Csv,
    };
    Format format = Format::Xlsx;
    QString filePath;
    QList<SheetPlan> sheets;
    std::optional<CoverPlan> cover;
    qint64 dataRowsPerSheet = 0;

    qint64 totalRows() const;
};

} // namespace engage::models
