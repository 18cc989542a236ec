#include "xlsxfilewriter.h"

#include "cellvalue.h"

#include <xlsxwriter.h>

namespace engage::models {

namespace {

constexpr lxw_color_t kHeaderFill = 0x1F4E78;
constexpr lxw_color_t kHeaderText = 0xFFFFFF;
// Excel's own red-yellow-green scale, low to high.
constexpr lxw_color_t kScaleLow = 0xF8696B;
constexpr lxw_color_t kScaleMiddle = 0xFFEB84;
constexpr lxw_color_t kScaleHigh = 0x63BE7B;
constexpr double kCoverLabelWidth = 28;
constexpr double kCoverValueWidth = 60;
// Charts stack beside the table: Excel's default chart is 288 pixels high,
// 15 default rows of 20 pixels, and a row between two.
constexpr int kRowsPerChart = 16;

// The first `units` UTF-16 units of `text`, not splitting a surrogate pair.
QString leftUnits(const QString &text, qsizetype units)
{
    if (units > 0 && text.at(units - 1).isHighSurrogate())
        --units;
    return text.left(units);
}

} // namespace

XlsxFileWriter::XlsxFileWriter(const WorkbookPlan &plan)
    : m_plan(plan)
{}

XlsxFileWriter::~XlsxFileWriter()
{
    // Abandoned before close(): free it without writing the file.
    if (m_workbook)
        lxw_workbook_free(m_workbook);
}

bool XlsxFileWriter::open(const QString &path)
{
    const QByteArray file = path.toLocal8Bit();
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    m_workbook = workbook_new_opt(file.constData(), &options);
    if (!m_workbook) {
        m_error = QStringLiteral("libxlsxwriter could not create the workbook");
        return false;
    }
    m_headerFormat = workbook_add_format(m_workbook);
    format_set_bold(m_headerFormat);
    format_set_font_color(m_headerFormat, kHeaderText);
    format_set_bg_color(m_headerFormat, kHeaderFill);
    format_set_pattern(m_headerFormat, LXW_PATTERN_SOLID);
    format_set_bottom(m_headerFormat, LXW_BORDER_THIN);
    format_set_align(m_headerFormat, LXW_ALIGN_VERTICAL_CENTER);
    m_dateFormat = workbook_add_format(m_workbook);
    format_set_num_format(m_dateFormat, "yyyy-mm-dd");
    m_dateTimeFormat = workbook_add_format(m_workbook);
    format_set_num_format(m_dateTimeFormat, "yyyy-mm-dd hh:mm");
    m_percentFormat = workbook_add_format(m_workbook);
    format_set_num_format(m_percentFormat, "0.0%");
    m_labelFormat = workbook_add_format(m_workbook);
    format_set_bold(m_labelFormat);
    format_set_align(m_labelFormat, LXW_ALIGN_VERTICAL_TOP);

    if (m_plan.cover && !m_plan.cover->cover.last) {
        m_coverSheet = workbook_add_worksheet(
            m_workbook, m_names.take(m_plan.cover->title).toUtf8().constData());
        if (!m_coverSheet) {
            m_error = QStringLiteral("libxlsxwriter refused the cover sheet");
            return false;
        }
    }
    return true;
}

bool XlsxFileWriter::writeRow(int sheet, const QVariant *cells)
{
    if (!advanceTo(sheet))
        return false;
    if (m_partRows >= m_plan.dataRowsPerSheet) {
        if (!endPart())
            return false;
        ++m_part;
        if (!beginPart())
            return false;
    }
    const SheetPlan &plan = m_plan.sheets.at(m_sheet);
    const int row = int(++m_partRows);
    for (int column = 0; column < plan.columnCount(); ++column) {
        if (!writeCell(row, column, cellValue(cells[column], plan.formats.at(column))))
            return false;
    }
    return true;
}

bool XlsxFileWriter::close()
{
    if (!advanceTo(int(m_plan.sheets.size()) - 1) || !endPart())
        return false;
    if (m_plan.cover && m_plan.cover->cover.last) {
        m_coverSheet = workbook_add_worksheet(
            m_workbook, m_names.take(m_plan.cover->title).toUtf8().constData());
        if (!m_coverSheet) {
            m_error = QStringLiteral("libxlsxwriter refused the cover sheet");
            return false;
        }
    }
    if (m_coverSheet && !writeCover())
        return false;
    // workbook_close frees the workbook whatever its outcome.
    const lxw_error closed = workbook_close(std::exchange(m_workbook, nullptr));
    return check(closed, "writing the workbook");
}

// Begins every sheet up to `sheet`: sheets without rows get their header too.
bool XlsxFileWriter::advanceTo(int sheet)
{
    while (m_sheet < sheet) {
        if (m_sheet >= 0 && !endPart())
            return false;
        ++m_sheet;
        m_part = 1;
        if (!beginPart())
            return false;
    }
    return true;
}

bool XlsxFileWriter::beginPart()
{
    const SheetPlan &plan = m_plan.sheets.at(m_sheet);
    const QString name = m_part == 1
                             ? m_names.take(plan.title)
                             : m_names.take(plan.title, QStringLiteral(" (%1)").arg(m_part));
    m_partName = name.toUtf8();
    m_partRows = 0;
    m_worksheet = workbook_add_worksheet(m_workbook, m_partName.constData());
    if (!m_worksheet) {
        m_error = QStringLiteral("libxlsxwriter refused a worksheet name");
        return false;
    }
    for (int column = 0; column < plan.columnCount(); ++column) {
        if (!check(worksheet_set_column(m_worksheet, lxw_col_t(column), lxw_col_t(column),
                                        plan.widths.at(column), nullptr),
                   "setting a column width"))
            return false;
    }
    if (plan.columnCount() > 0)
        worksheet_freeze_panes(m_worksheet, 1, 0);
    return writeHeader() && (m_part > 1 || addCharts());
}

bool XlsxFileWriter::writeHeader()
{
    const SheetPlan &plan = m_plan.sheets.at(m_sheet);
    for (int column = 0; column < plan.columnCount(); ++column) {
        if (!writeText(0, column, plan.headers.at(column), m_headerFormat))
            return false;
    }
    return true;
}

// From the rows the first part will hold, which the plan knows up front.
bool XlsxFileWriter::addCharts()
{
    const SheetPlan &plan = m_plan.sheets.at(m_sheet);
    const qint64 rows = std::min<qint64>(plan.rowCount, m_plan.dataRowsPerSheet);
    const auto valid = [&plan](int column) {
        return column >= 0 && column < plan.columnCount();
    };
    int anchorRow = 1;
    for (const ExportChart &spec : plan.charts) {
        if (rows == 0 || !valid(spec.categoryColumn))
            continue;
        lxw_chart *chart = workbook_add_chart(
            m_workbook, spec.kind == ExportChart::Kind::Line ? LXW_CHART_LINE : LXW_CHART_BAR);
        if (!chart) {
            m_error = QStringLiteral("libxlsxwriter refused a chart");
            return false;
        }
        const QByteArray title = spec.title.toUtf8();
        if (!title.isEmpty())
            chart_title_set_name(chart, title.constData());
        const auto last = lxw_row_t(rows);
        const auto category = lxw_col_t(spec.categoryColumn);
        for (const int column : spec.valueColumns) {
            if (!valid(column))
                continue;
            lxw_chart_series *series = chart_add_series(chart, nullptr, nullptr);
            const auto values = lxw_col_t(column);
            chart_series_set_categories(series, m_partName.constData(), 1, category, last,
                                        category);
            chart_series_set_values(series, m_partName.constData(), 1, values, last, values);
            chart_series_set_name_range(series, m_partName.constData(), 0, values);
        }
        lxw_chart_options options{};
        options.object_position = LXW_OBJECT_DONT_MOVE_DONT_SIZE;
        if (!check(worksheet_insert_chart_opt(m_worksheet, lxw_row_t(anchorRow),
                                              lxw_col_t(plan.columnCount() + 1), chart, &options),
                   "placing a chart"))
            return false;
        anchorRow += kRowsPerChart;
    }
    return true;
}

bool XlsxFileWriter::endPart()
{
    const SheetPlan &plan = m_plan.sheets.at(m_sheet);
    if (plan.columnCount() == 0)
        return true;
    const auto lastRow = lxw_row_t(m_partRows);
    const auto lastColumn = lxw_col_t(plan.columnCount() - 1);
    if (!check(worksheet_autofilter(m_worksheet, 0, 0, lastRow, lastColumn), "adding the filter"))
        return false;
    if (plan.colourScale && m_partRows > 0) {
        const ColourScale &scale = *plan.colourScale;
        const int first = std::max(0, scale.firstColumn);
        const int last = std::min(plan.columnCount() - 1, scale.lastColumn);
        if (first <= last) {
            lxw_conditional_format format{};
            format.type = LXW_CONDITIONAL_3_COLOR_SCALE;
            format.min_color = kScaleLow;
            format.mid_color = kScaleMiddle;
            format.max_color = kScaleHigh;
            if (!check(worksheet_conditional_format_range(m_worksheet, 1, lxw_col_t(first), lastRow,
                                                          lxw_col_t(last), &format),
                       "adding the colour scale"))
                return false;
        }
    }
    return true;
}

bool XlsxFileWriter::writeCell(int row, int column, const CellValue &cell)
{
    const auto r = lxw_row_t(row);
    const auto c = lxw_col_t(column);
    switch (cell.kind) {
    case CellValue::Kind::Empty:
        return true;
    case CellValue::Kind::Number:
        return check(worksheet_write_number(m_worksheet, r, c, cell.number, nullptr),
                     "writing a number");
    case CellValue::Kind::Percent:
        return check(worksheet_write_number(m_worksheet, r, c, cell.number, m_percentFormat),
                     "writing a percentage");
    case CellValue::Kind::Date:
        return check(worksheet_write_number(m_worksheet, r, c, cell.number, m_dateFormat),
                     "writing a date");
    case CellValue::Kind::DateTime:
        return check(worksheet_write_number(m_worksheet, r, c, cell.number, m_dateTimeFormat),
                     "writing a date and time");
    case CellValue::Kind::Boolean:
        return check(worksheet_write_boolean(m_worksheet, r, c, int(cell.number), nullptr),
                     "writing a truth value");
    case CellValue::Kind::Text:
        return writeText(row, column, cell.text, nullptr);
    }
    return true;
}

// Always a string cell: the text is shown, never run as a formula.
bool XlsxFileWriter::writeText(int row, int column, const QString &text, lxw_format *format)
{
    if (text.isEmpty() && !format)
        return true;
    QStringView view(text);
    QString cut;
    if (text.size() > kMaxCellCharacters) {
        cut = leftUnits(text, kMaxCellCharacters - 1) + QChar(0x2026);
        view = cut;
        ++m_truncated;
    }
    m_utf8.resize(m_encoder.requiredSpace(view.size()) + 1);
    char *end = m_encoder.appendToBuffer(m_utf8.data(), view);
    *end = '\0';
    return check(worksheet_write_string(m_worksheet, lxw_row_t(row), lxw_col_t(column),
                                        m_utf8.constData(), format),
                 "writing a text");
}

bool XlsxFileWriter::writeCover()
{
    const CoverPlan &plan = *m_plan.cover;
    const ExportCover &cover = plan.cover;
    m_worksheet = m_coverSheet;
    worksheet_set_column(m_worksheet, 0, 0, kCoverLabelWidth, m_labelFormat);
    worksheet_set_column(m_worksheet, 1, 1, kCoverValueWidth, nullptr);
    int row = 0;
    const auto line = [this, &row](const QString &label, const CellValue &value) {
        const int at = row++;
        return writeText(at, 0, label, m_labelFormat) && writeCell(at, 1, value);
    };
    const auto text = [](const QString &value) {
        return CellValue{CellValue::Kind::Text, 0, value};
    };
    const QString filters = cover.filters.isEmpty() ? plan.noFilters : cover.filters;
    bool written =
        line(plan.tenantLabel, text(cover.tenant)) && line(plan.filtersLabel, text(filters)) &&
        line(plan.exportedAtLabel, cellValue(cover.exportedAt, CellFormat::DateTime)) &&
        line(plan.asOfLabel, cellValue(cover.asOf, CellFormat::DateTime)) &&
        line(plan.thresholdLabel, cellValue(cover.anonymityThreshold, CellFormat::Number));
    if (written && m_truncated > 0)
        written = line(plan.truncatedLabel, cellValue(m_truncated, CellFormat::Number));
    return written;
}

bool XlsxFileWriter::check(int error, const char *what)
{
    if (error == LXW_NO_ERROR)
        return true;
    m_error = QStringLiteral("%1: %2").arg(QLatin1String(what),
                                           QLatin1String(lxw_strerror(lxw_error(error))));
    return false;
}

} // namespace engage::models
