#include "importtable.h"

#include "api/memberimport.h"
#include "api/spreadsheetcell.h"

#include <cmath>

namespace engage::server::import {

namespace {

bool isBlank(const QStringList &cells)
{
    return std::all_of(cells.cbegin(), cells.cend(),
                       [](const QString &cell) { return cell.trimmed().isEmpty(); });
}

} // namespace

api::Error fileError(const QString &detail)
{
    return {api::ProblemCode::InvalidField, QStringLiteral("file"), detail};
}

QString canonicalNumber(double value)
{
    if (!std::isfinite(value))
        return {};
    if (value == 0)
        return QStringLiteral("0");
    const int exponent = static_cast<int>(std::floor(std::log10(std::fabs(value))));
    const int decimals = std::clamp(14 - exponent, 0, 30);
    QString text = QString::number(value, 'f', decimals);
    if (text.contains(QLatin1Char('.'))) {
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(QLatin1Char('.')))
            text.chop(1);
    }
    if (text == QLatin1String("-0"))
        return QStringLiteral("0");
    return text;
}

QString unguardedCell(QString cell)
{
    return api::formulaUnguarded(std::move(cell));
}

std::optional<api::Error> TableBuilder::addRow(QStringList cells, qint64 fileRow)
{
    if (!m_haveHeader) {
        if (isBlank(cells))
            return std::nullopt;
        for (QString &cell : cells)
            cell = cell.trimmed();
        // Spreadsheets often carry empty cells right of the last header.
        while (!cells.isEmpty() && cells.constLast().isEmpty())
            cells.removeLast();
        m_table.headers = std::move(cells);
        m_haveHeader = true;
        return std::nullopt;
    }
    if (isBlank(cells)) {
        ++m_pendingBlankRows;
        return std::nullopt;
    }
    const qsizetype width = m_table.headers.size();
    for (qsizetype column = width; column < cells.size(); ++column) {
        if (!cells.at(column).trimmed().isEmpty())
            return fileError(QStringLiteral("Row %1 has a value in column %2, which has no header.")
                                 .arg(fileRow)
                                 .arg(column + 1));
    }
    if (m_table.rows.size() + m_pendingBlankRows + 1 > api::kImportMaxRows)
        return fileError(
            QStringLiteral("The file has more than %1 data rows.").arg(api::kImportMaxRows));
    const QStringList blank(width, QString());
    for (; m_pendingBlankRows > 0; --m_pendingBlankRows)
        m_table.rows.append(blank);
    cells.resize(width);
    m_table.rows.append(std::move(cells));
    return std::nullopt;
}

void TableBuilder::addBlankRows(qint64 count)
{
    if (m_haveHeader)
        m_pendingBlankRows += count;
}

api::Result<ImportTable> TableBuilder::finish(QString encoding)
{
    if (!m_haveHeader)
        return fileError(QStringLiteral("The file has no header row."));
    m_table.encoding = std::move(encoding);
    return std::move(m_table);
}

} // namespace engage::server::import
