// libFuzzer target: bytes -> CsvReader::read, as an upload reaches it.
// Properties (a violation traps): a refused file names the field "file" with a
// reason; an accepted one has the shape ImportTable promises (a header row of
// trimmed names ending in a non-empty one, every row exactly as wide, within
// the row, column and cell limits, no trailing blank row, one of the three
// encodings); and it survives a round trip: written back as UTF-8 CSV with
// every cell quoted, it reads back as the same table.

#include "api/spreadsheetcell.h"
#include "import/csvreader.h"
#include "importtableshape.h"

#include <QByteArray>
#include <QStringList>
#include <cstddef>
#include <cstdint>

using namespace engage::fuzz;
using namespace engage::server::import;

namespace {

// What the reader reads back as `cell`, quoted (quotes doubled). A data cell
// never starts with the apostrophe guard unguardedCell takes away (it was
// taken away); a header can, when the guard came after a space or a line
// break the header lost when trimmed, so it gets a space again.
QByteArray written(const QString &cell, bool header)
{
    QString text = cell;
    if (header && text.startsWith(QLatin1Char('\'')) &&
        engage::api::looksLikeFormula(QStringView(text).mid(1)))
        text.prepend(QLatin1Char(' '));
    text.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    QByteArray quoted("\"");
    quoted += text.toUtf8();
    quoted += '"';
    return quoted;
}

QByteArray writtenRow(const QStringList &cells, bool header = false)
{
    QByteArray line;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0)
            line += ',';
        line += written(cells.at(i), header);
    }
    line += "\r\n";
    return line;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const auto table = CsvReader::read(bytes);
    if (!table) {
        checkRefusal(table.error());
        return 0;
    }
    checkShape(table.value());
    for (const QStringList &row : table.value().rows) {
        for (const QString &cell : row)
            check(!cell.contains(QLatin1Char('\r'))); // a line break in a cell is one '\n'
    }
    const QString &encoding = table.value().encoding;
    check(encoding == QLatin1String("UTF-8") || encoding == QLatin1String("UTF-8 BOM") ||
          encoding == QLatin1String("CP932"));

    QByteArray again = writtenRow(table.value().headers, true);
    for (const QStringList &row : table.value().rows)
        again += writtenRow(row);
    const auto reread = CsvReader::read(again);
    check(reread.isOk());
    check(reread.value().headers == table.value().headers);
    check(reread.value().rows == table.value().rows);
    check(reread.value().encoding == QLatin1String("UTF-8"));
    return 0;
}
