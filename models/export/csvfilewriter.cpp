#include "csvfilewriter.h"

#include "api/spreadsheetcell.h"
#include "cellvalue.h"

#include <QStringList>
#include <cmath>

namespace engage::models {

namespace {

// Written out whenever this much is buffered.
constexpr qsizetype kFlushBytes = 1 << 20;

// As the importer reads numbers: integers without a fraction, others with up
// to 15 significant digits (what a spreadsheet keeps).
QString csvNumber(double value)
{
    if (std::nearbyint(value) == value && std::fabs(value) < 1e15)
        return QString::number(qint64(value));
    return QString::number(value, 'g', 15);
}

QString csvText(const CellValue &cell)
{
    switch (cell.kind) {
    case CellValue::Kind::Empty:
        return {};
    case CellValue::Kind::Number:
        return csvNumber(cell.number);
    case CellValue::Kind::Percent:
        return csvNumber(cell.number * 100) + u'%';
    case CellValue::Kind::Date:
        return dateTimeOfSerial(cell.number).date().toString(Qt::ISODate);
    case CellValue::Kind::DateTime:
        return dateTimeOfSerial(cell.number).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case CellValue::Kind::Boolean:
        return cell.number != 0 ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
    case CellValue::Kind::Text:
        return api::csvField(cell.text);
    }
    return {};
}

} // namespace

CsvFileWriter::CsvFileWriter(const WorkbookPlan &plan)
    : m_sheet(plan.sheets.constFirst())
{}

bool CsvFileWriter::open(const QString &path)
{
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        m_error = m_file.errorString();
        return false;
    }
    m_buffer = QByteArrayLiteral("\xEF\xBB\xBF");
    QStringList header;
    for (const QString &title : m_sheet.headers)
        header.append(api::csvField(title));
    append(header);
    return true;
}

bool CsvFileWriter::writeRow(int, const QVariant *cells)
{
    QStringList fields;
    fields.reserve(m_sheet.columnCount());
    for (int column = 0; column < m_sheet.columnCount(); ++column)
        fields.append(csvText(cellValue(cells[column], m_sheet.formats.at(column))));
    append(fields);
    return m_buffer.size() < kFlushBytes || flush();
}

bool CsvFileWriter::close()
{
    if (!flush())
        return false;
    if (!m_file.flush()) {
        m_error = m_file.errorString();
        return false;
    }
    m_file.close();
    return true;
}

void CsvFileWriter::append(const QStringList &fields)
{
    m_buffer += fields.join(u',').toUtf8();
    m_buffer += "\r\n";
}

bool CsvFileWriter::flush()
{
    if (m_file.write(m_buffer) != m_buffer.size()) {
        m_error = m_file.errorString();
        return false;
    }
    m_buffer.clear();
    return true;
}

} // namespace engage::models
