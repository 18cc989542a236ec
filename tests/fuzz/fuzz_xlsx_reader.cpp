// libFuzzer target: XlsxReader::read. An input that starts with 'A' is not a
// file but the parts of one, "A<sheet>\0<shared strings>\0<styles>", zipped
// here into a workbook whose other parts are sound, so that mutations reach
// the XML readers instead of dying at the zip's checksums; any other input is
// the .xlsx file as uploaded (a seed workbook written by openpyxl starts with
// "PK"). Properties (a violation traps): a refused file names the field
// "file" with a reason; an accepted one has the shape ImportTable promises (a
// header row of trimmed names ending in a non-empty one, every row exactly as
// wide, within the row, column and cell limits, no trailing blank row, no
// encoding), and reading the same bytes twice gives the same table.

#include "import/xlsxreader.h"
#include "importtableshape.h"

#include <QBuffer>
#include <QByteArray>
#include <QList>
#include <QStringList>
#include <cstddef>
#include <cstdint>
#include <quazip.h>
#include <quazipfile.h>
#include <quazipnewinfo.h>
#include <utility>

using namespace engage::fuzz;
using namespace engage::server::import;

namespace {

const QByteArray kContentTypes = QByteArrayLiteral(
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" "
    "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>");

const QByteArray kRootRelationships = QByteArrayLiteral(
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");

const QByteArray kWorkbook = QByteArrayLiteral(
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
    "<sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");

const QByteArray kWorkbookRelationships = QByteArrayLiteral(
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/styles\" Target=\"styles.xml\"/></Relationships>");

// A workbook of `sheet`, `sharedStrings` and `styles` (parts left empty are
// left out) around sound packaging parts.
QByteArray workbookOf(const QList<QByteArray> &parts)
{
    QList<std::pair<QString, QByteArray>> entries{
        {QStringLiteral("[Content_Types].xml"), kContentTypes},
        {QStringLiteral("_rels/.rels"), kRootRelationships},
        {QStringLiteral("xl/workbook.xml"), kWorkbook},
        {QStringLiteral("xl/_rels/workbook.xml.rels"), kWorkbookRelationships},
    };
    const QStringList names{QStringLiteral("xl/worksheets/sheet1.xml"),
                            QStringLiteral("xl/sharedStrings.xml"),
                            QStringLiteral("xl/styles.xml")};
    for (qsizetype i = 0; i < names.size() && i < parts.size(); ++i) {
        if (!parts.at(i).isEmpty())
            entries.append({names.at(i), parts.at(i)});
    }
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QuaZip zip(&buffer);
        check(zip.open(QuaZip::mdCreate));
        for (const auto &[name, bytes] : entries) {
            QuaZipFile file(&zip);
            check(file.open(QIODevice::WriteOnly, QuaZipNewInfo(name)));
            check(file.write(bytes) == bytes.size());
            file.close();
        }
        zip.close();
    }
    return buffer.data();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    if (bytes.startsWith('A'))
        bytes = workbookOf(bytes.mid(1).split('\0'));
    const auto table = XlsxReader::read(bytes);
    if (!table) {
        checkRefusal(table.error());
        return 0;
    }
    checkShape(table.value());
    check(table.value().encoding.isEmpty());
    const auto again = XlsxReader::read(bytes);
    check(again.isOk() && again.value().headers == table.value().headers &&
          again.value().rows == table.value().rows);
    return 0;
}
