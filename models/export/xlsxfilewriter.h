#pragma once

#include "exportplan.h"
#include "sheetnames.h"
#include "tablefilewriter.h"

#include <QByteArray>
#include <QStringEncoder>

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace engage::models {

struct CellValue;

// A plan as an .xlsx workbook through libxlsxwriter in constant-memory mode
// (each row goes to a temporary file as soon as the next begins, so memory
// stays flat whatever the row count). Text is always a string cell, never
// a formula; text over Excel's 32,767 characters is cut there, ends with
// "…" and is counted on the cover sheet. Internal to the export engine.
class XlsxFileWriter final : public TableFileWriter
{
public:
    // Excel's limit on a cell's text, in characters; counted in UTF-16 units
    // as Excel does (libxlsxwriter counts code points, never more).
    static constexpr int kMaxCellCharacters = 32767;

    explicit XlsxFileWriter(const WorkbookPlan &plan);
    ~XlsxFileWriter() override;

    bool open(const QString &path) override;
    bool writeRow(int sheet, const QVariant *cells) override;
    bool close() override;
    QString error() const override { return m_error; }

private:
    bool advanceTo(int sheet);
    bool beginPart();
    bool endPart();
    bool writeHeader();
    bool addCharts();
    bool writeCell(int row, int column, const CellValue &cell);
    bool writeText(int row, int column, const QString &text, lxw_format *format);
    bool writeCover();
    bool check(int error, const char *what);

    const WorkbookPlan &m_plan;
    lxw_workbook *m_workbook = nullptr;
    lxw_worksheet *m_worksheet = nullptr; // the part of the sheet being written
    lxw_worksheet *m_coverSheet = nullptr;
    lxw_format *m_headerFormat = nullptr;
    lxw_format *m_dateFormat = nullptr;
    lxw_format *m_dateTimeFormat = nullptr;
    lxw_format *m_percentFormat = nullptr;
    lxw_format *m_labelFormat = nullptr;
    QByteArray m_partName; // UTF-8, as charts refer to the part
    int m_sheet = -1;
    int m_part = 0;
    qint64 m_partRows = 0; // data rows written to the part
    qint64 m_truncated = 0;
    SheetNames m_names;
    QStringEncoder m_encoder{QStringEncoder::Utf8, QStringEncoder::Flag::Stateless};
    QByteArray m_utf8;
    QString m_error;
};

} // namespace engage::models
