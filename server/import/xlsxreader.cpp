#include "xlsxreader.h"

#include "api/memberimport.h"

#include <QBuffer>
#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QHash>
#include <QXmlStreamReader>
#include <cmath>
#include <functional>
#include <quazip.h>
#include <quazipfile.h>
#include <quazipfileinfo.h>

namespace engage::server::import {

namespace {

const QString kOfficeDocumentType = QStringLiteral("/officeDocument");
const QString kWorksheetType = QStringLiteral("/worksheet");
const QString kSharedStringsType = QStringLiteral("/sharedStrings");
const QString kStylesType = QStringLiteral("/styles");

api::Error notAWorkbook()
{
    return fileError(QStringLiteral("The file is not an .xlsx workbook."));
}

api::Error damaged()
{
    return fileError(QStringLiteral("The workbook is damaged: a part of it cannot be read."));
}

// A zip entry as a device that gives out at most what is left of the whole
// file's budget: entries may claim any size, so what is inflated is counted.
class BoundedEntry final : public QIODevice
{
public:
    BoundedEntry(QuaZipFile &file, qint64 &budget)
        : m_file(file)
        , m_budget(budget)
    {}

    bool isSequential() const override { return true; }
    bool exceeded() const { return m_exceeded; }
    bool failed() const { return m_failed; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        if (m_exceeded || m_failed)
            return -1;
        // One byte past the budget tells "too large" from "exactly enough".
        const qint64 read = m_file.read(data, std::min(maxSize, m_budget + 1));
        if (read < 0) {
            m_failed = true;
            return -1;
        }
        if (read > m_budget) {
            m_exceeded = true;
            return -1;
        }
        m_budget -= read;
        return read;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QuaZipFile &m_file;
    qint64 &m_budget;
    bool m_exceeded = false;
    bool m_failed = false;
};

// QXmlStreamReader that stops at a DTD: no part of a workbook has one, and
// refusing it is what keeps entity expansion (billion laughs) out.
class Part final
{
public:
    explicit Part(QIODevice *device)
        : m_xml(device)
    {}

    // The next start or end element; false at the end of the part or on an error.
    bool next()
    {
        while (!m_xml.atEnd()) {
            switch (m_xml.readNext()) {
            case QXmlStreamReader::DTD:
                m_hadDtd = true;
                m_xml.raiseError(QStringLiteral("DTD"));
                return false;
            case QXmlStreamReader::StartElement:
            case QXmlStreamReader::EndElement:
                return true;
            default:
                break;
            }
        }
        return false;
    }

    bool isStart(QLatin1StringView name) const
    {
        return m_xml.isStartElement() && m_xml.name() == name;
    }
    bool isEnd(QLatin1StringView name) const
    {
        return m_xml.isEndElement() && m_xml.name() == name;
    }
    QString attribute(QLatin1StringView name) const
    {
        return m_xml.attributes().value(name).toString();
    }
    // An attribute in the relationships namespace (r:id), whatever its prefix.
    QString relationshipId() const
    {
        for (const QXmlStreamAttribute &attribute : m_xml.attributes()) {
            if (attribute.name() == QLatin1String("id") && !attribute.namespaceUri().isEmpty())
                return attribute.value().toString();
        }
        return {};
    }
    QString elementText() { return m_xml.readElementText(); }
    void skipElement() { m_xml.skipCurrentElement(); }

    // The text of a string item (<si>, <is>): plain <t>, or the <t> of its
    // rich-text runs; phonetic guides (<rPh>, furigana) are not the value.
    QString richText(QLatin1StringView element)
    {
        QString text;
        while (next() && !isEnd(element)) {
            if (isStart(QLatin1String("rPh")))
                skipElement();
            else if (isStart(QLatin1String("t")))
                text += elementText();
        }
        return text;
    }

    bool hasError() const { return m_xml.hasError(); }
    bool hadDtd() const { return m_hadDtd; }

private:
    QXmlStreamReader m_xml;
    bool m_hadDtd = false;
};

struct Relationship
{
    QString id;
    QString type;
    QString target; // resolved to a part name
};

bool isDateFormatId(int id)
{
    // Excel's built-in date and time formats, and those of the Japanese locale
    // (年月日, era) that Japanese Excel writes without spelling them out.
    return (id >= 14 && id <= 22) || (id >= 45 && id <= 47) || (id >= 27 && id <= 31) || id == 36 ||
           (id >= 50 && id <= 58);
}

// A custom number format shows a date when its first section names a year or
// a day outside quoted text, [colour/locale/elapsed] brackets and escapes.
bool isDateFormatCode(const QString &code)
{
    QString bare;
    bool quoted = false;
    int bracket = 0;
    for (qsizetype i = 0; i < code.size(); ++i) {
        const QChar c = code.at(i);
        if (quoted) {
            quoted = c != QLatin1Char('"');
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char('[')) {
            ++bracket;
        } else if (c == QLatin1Char(']')) {
            bracket = std::max(0, bracket - 1);
        } else if (bracket > 0) {
            continue;
        } else if (c == QLatin1Char('\\') || c == QLatin1Char('_') || c == QLatin1Char('*')) {
            ++i;
        } else if (c == QLatin1Char(';')) {
            break;
        } else {
            bare.append(c.toLower());
        }
    }
    if (bare == QLatin1String("general"))
        return false;
    return bare.contains(QLatin1Char('y')) || bare.contains(QLatin1Char('d'));
}

// A date cell's serial number as a date, or nothing for a serial that is no
// day (a time alone, 1900-02-29 that never was, out of range).
std::optional<QDate> serialDate(double serial, bool date1904)
{
    if (!std::isfinite(serial) || serial < (date1904 ? 0 : 1) || serial >= 2958466)
        return std::nullopt;
    const qint64 days = static_cast<qint64>(std::floor(serial));
    if (date1904)
        return QDate(1904, 1, 1).addDays(days);
    // Lotus 1-2-3 counted 1900 as a leap year, and Excel kept the day: serial
    // 60 is 29 February 1900, so serials from 61 on are one day ahead.
    if (days == 60)
        return std::nullopt;
    return days < 60 ? QDate(1899, 12, 31).addDays(days) : QDate(1899, 12, 30).addDays(days);
}

// "C5" -> column 3, row 5 (1-based); false when it is not a cell reference.
bool parseReference(const QString &reference, qint64 *column, qint64 *row)
{
    qsizetype i = 0;
    qint64 letters = 0;
    while (i < reference.size() && reference.at(i).isUpper() && reference.at(i).unicode() < 128) {
        letters = letters * 26 + (reference.at(i).unicode() - 'A' + 1);
        if (letters > 16384)
            return false;
        ++i;
    }
    bool ok = false;
    const qint64 number = reference.mid(i).toLongLong(&ok);
    if (i == 0 || !ok || number < 1 || number > 1048576 || !reference.at(i).isDigit())
        return false;
    *column = letters;
    *row = number;
    return true;
}

QString columnName(qint64 column)
{
    QString name;
    for (; column > 0; column = (column - 1) / 26)
        name.prepend(QChar(u'A' + static_cast<char16_t>((column - 1) % 26)));
    return name;
}

class Workbook final
{
public:
    explicit Workbook(const QByteArray &bytes)
        : m_bytes(bytes)
        , m_zip(&m_buffer)
    {
        m_buffer.setData(m_bytes);
    }

    api::Result<ImportTable> read()
    {
        if (!m_zip.open(QuaZip::mdUnzip))
            return notAWorkbook();
        if (m_zip.getEntriesCount() > XlsxReader::kMaxEntries)
            return fileError(QStringLiteral("The workbook has more than %1 parts.")
                                 .arg(XlsxReader::kMaxEntries));

        QList<Relationship> relationships;
        if (auto error =
                readRelationships(QString(), QStringLiteral("_rels/.rels"), &relationships))
            return *error;
        const QString workbook = targetOf(relationships, kOfficeDocumentType);
        if (workbook.isEmpty())
            return notAWorkbook();
        const QString folder = workbook.section(QLatin1Char('/'), 0, -2);
        const QString relsName = (folder.isEmpty() ? QString() : folder + QLatin1Char('/')) +
                                 QStringLiteral("_rels/") + workbook.section(QLatin1Char('/'), -1) +
                                 QStringLiteral(".rels");
        relationships.clear();
        if (auto error = readRelationships(folder, relsName, &relationships))
            return *error;

        QString firstSheetId;
        if (auto error = readWorkbook(workbook, &firstSheetId))
            return *error;
        QString sheet;
        for (const Relationship &relationship : std::as_const(relationships)) {
            if (relationship.id == firstSheetId && relationship.type.endsWith(kWorksheetType))
                sheet = relationship.target;
        }
        if (firstSheetId.isEmpty() || sheet.isEmpty())
            return fileError(QStringLiteral("The workbook has no worksheet."));

        const QString sharedStrings = targetOf(relationships, kSharedStringsType);
        if (!sharedStrings.isEmpty()) {
            if (auto error = readSharedStrings(sharedStrings))
                return *error;
        }
        const QString styles = targetOf(relationships, kStylesType);
        if (!styles.isEmpty()) {
            if (auto error = readStyles(styles))
                return *error;
        }
        return readSheet(sheet);
    }

private:
    using PartHandler = std::function<std::optional<api::Error>(Part &part)>;

    // Runs `handler` over part `name`; a missing part is an error unless `optional`.
    std::optional<api::Error> parse(const QString &name, const PartHandler &handler,
                                    bool optional = false)
    {
        if (!m_zip.setCurrentFile(name, QuaZip::csInsensitive))
            return optional ? std::nullopt : std::optional<api::Error>(notAWorkbook());
        QuaZipFileInfo64 info;
        if (!m_zip.getCurrentFileInfo(&info))
            return damaged();
        if (info.flags & 1)
            return fileError(QStringLiteral("The workbook is encrypted. Save it without a "
                                            "password and upload it again."));
        // An honest size is refused before anything is inflated.
        if (info.uncompressedSize > static_cast<quint64>(m_budget))
            return tooLarge();
        QuaZipFile file(&m_zip);
        if (!file.open(QIODevice::ReadOnly))
            return damaged();
        BoundedEntry entry(file, m_budget);
        entry.open(QIODevice::ReadOnly);
        Part part(&entry);
        std::optional<api::Error> error = handler(part);
        if (entry.exceeded())
            return tooLarge();
        if (part.hadDtd())
            return fileError(QStringLiteral(
                "The workbook has a document type declaration, which workbooks never need."));
        if (entry.failed())
            return damaged();
        if (error)
            return error;
        if (part.hasError())
            return damaged();
        file.close();
        if (file.getZipError() != UNZ_OK)
            return damaged();
        return std::nullopt;
    }

    api::Error tooLarge() const
    {
        return fileError(QStringLiteral("The workbook expands to more than %1 bytes.")
                             .arg(XlsxReader::kMaxUncompressedBytes));
    }

    static QString resolve(const QString &folder, const QString &target)
    {
        if (target.startsWith(QLatin1Char('/')))
            return QDir::cleanPath(target.mid(1));
        return QDir::cleanPath(folder.isEmpty() ? target : folder + QLatin1Char('/') + target);
    }

    static QString targetOf(const QList<Relationship> &relationships, const QString &typeSuffix)
    {
        for (const Relationship &relationship : relationships) {
            if (relationship.type.endsWith(typeSuffix))
                return relationship.target;
        }
        return {};
    }

    // The relationships of the part in `folder` whose .rels part is `name`.
    std::optional<api::Error> readRelationships(const QString &folder, const QString &name,
                                                QList<Relationship> *relationships)
    {
        return parse(name, [&](Part &part) -> std::optional<api::Error> {
            while (part.next()) {
                if (!part.isStart(QLatin1String("Relationship")) ||
                    part.attribute(QLatin1String("TargetMode")) == QLatin1String("External"))
                    continue;
                relationships->append({part.attribute(QLatin1String("Id")),
                                       part.attribute(QLatin1String("Type")),
                                       resolve(folder, part.attribute(QLatin1String("Target")))});
            }
            return std::nullopt;
        });
    }

    std::optional<api::Error> readWorkbook(const QString &name, QString *firstSheetId)
    {
        return parse(name, [&](Part &part) -> std::optional<api::Error> {
            while (part.next()) {
                if (part.isStart(QLatin1String("workbookPr"))) {
                    const QString value = part.attribute(QLatin1String("date1904"));
                    m_date1904 = value == QLatin1String("1") || value == QLatin1String("true");
                } else if (part.isStart(QLatin1String("sheet")) && firstSheetId->isEmpty()) {
                    *firstSheetId = part.relationshipId();
                }
            }
            return std::nullopt;
        });
    }

    std::optional<api::Error> readSharedStrings(const QString &name)
    {
        return parse(name, [&](Part &part) -> std::optional<api::Error> {
            while (part.next()) {
                if (!part.isStart(QLatin1String("si")))
                    continue;
                QString text = part.richText(QLatin1String("si"));
                // Longer than any cell may be: kept just long enough to be refused if used.
                text.truncate(kImportMaxCellCharacters + 1);
                m_sharedStrings.append(std::move(text));
            }
            return std::nullopt;
        });
    }

    std::optional<api::Error> readStyles(const QString &name)
    {
        return parse(name, [&](Part &part) -> std::optional<api::Error> {
            QHash<int, bool> customIsDate;
            while (part.next()) {
                if (part.isStart(QLatin1String("numFmt"))) {
                    customIsDate.insert(
                        part.attribute(QLatin1String("numFmtId")).toInt(),
                        isDateFormatCode(part.attribute(QLatin1String("formatCode"))));
                } else if (part.isStart(QLatin1String("cellXfs"))) {
                    while (part.next() && !part.isEnd(QLatin1String("cellXfs"))) {
                        if (!part.isStart(QLatin1String("xf")))
                            continue;
                        const int id = part.attribute(QLatin1String("numFmtId")).toInt();
                        m_dateStyles.append(customIsDate.contains(id) ? customIsDate.value(id)
                                                                      : isDateFormatId(id));
                    }
                }
            }
            return std::nullopt;
        });
    }

    struct Cell
    {
        QString reference;
        QString type;
        int style = 0;
        QString value;      // <v>
        QString inlineText; // <is>
    };

    api::Result<QString> cellText(const Cell &cell) const
    {
        if (cell.type == QLatin1String("s")) {
            bool ok = false;
            const int index = cell.value.toInt(&ok);
            if (!ok || index < 0 || index >= m_sharedStrings.size())
                return damaged();
            return unguardedCell(m_sharedStrings.at(index));
        }
        if (cell.type == QLatin1String("inlineStr"))
            return unguardedCell(cell.inlineText);
        if (cell.type == QLatin1String("str"))
            return unguardedCell(cell.value);
        if (cell.type == QLatin1String("b"))
            return cell.value.trimmed() == QLatin1String("1") ? QStringLiteral("TRUE")
                                                              : QStringLiteral("FALSE");
        if (cell.type == QLatin1String("e"))
            return cell.value;
        if (cell.type == QLatin1String("d")) {
            const QDateTime at = QDateTime::fromString(cell.value, Qt::ISODate);
            if (at.isValid() && at.time() == QTime(0, 0))
                return at.date().toString(Qt::ISODate);
            const QDate day = QDate::fromString(cell.value, Qt::ISODate);
            return day.isValid() ? day.toString(Qt::ISODate) : cell.value;
        }
        if (cell.value.isEmpty())
            return QString();
        bool ok = false;
        const double number = cell.value.toDouble(&ok);
        if (!ok)
            return damaged();
        if (cell.style >= 0 && cell.style < m_dateStyles.size() && m_dateStyles.at(cell.style)) {
            if (const auto day = serialDate(number, m_date1904))
                return day->toString(Qt::ISODate);
        }
        return canonicalNumber(number);
    }

    api::Result<ImportTable> readSheet(const QString &name)
    {
        if (!m_zip.setCurrentFile(name, QuaZip::csInsensitive))
            return fileError(QStringLiteral("The workbook has no worksheet."));
        TableBuilder builder;
        qint64 lastRow = 0;
        const auto error = parse(name, [&](Part &part) -> std::optional<api::Error> {
            while (part.next()) {
                if (part.isEnd(QLatin1String("sheetData")))
                    break;
                if (!part.isStart(QLatin1String("row")))
                    continue;
                qint64 rowNumber = lastRow + 1;
                const QString r = part.attribute(QLatin1String("r"));
                if (!r.isEmpty()) {
                    bool ok = false;
                    rowNumber = r.toLongLong(&ok);
                    if (!ok || rowNumber <= lastRow || rowNumber > 1048576)
                        return damaged();
                }
                QStringList cells;
                if (auto cellError = readRow(part, rowNumber, &cells))
                    return cellError;
                builder.addBlankRows(rowNumber - lastRow - 1);
                if (auto rowError = builder.addRow(std::move(cells), rowNumber))
                    return rowError;
                lastRow = rowNumber;
            }
            return std::nullopt;
        });
        if (error)
            return *error;
        return builder.finish(QString());
    }

    std::optional<api::Error> readRow(Part &part, qint64 rowNumber, QStringList *cells)
    {
        qint64 lastColumn = 0;
        while (part.next() && !part.isEnd(QLatin1String("row"))) {
            if (!part.isStart(QLatin1String("c")))
                continue;
            Cell cell;
            cell.reference = part.attribute(QLatin1String("r"));
            cell.type = part.attribute(QLatin1String("t"));
            cell.style = part.attribute(QLatin1String("s")).toInt();
            qint64 column = lastColumn + 1;
            if (!cell.reference.isEmpty()) {
                qint64 referencedRow = 0;
                if (!parseReference(cell.reference, &column, &referencedRow) ||
                    referencedRow != rowNumber || column <= lastColumn)
                    return damaged();
            }
            while (part.next() && !part.isEnd(QLatin1String("c"))) {
                if (part.isStart(QLatin1String("v")))
                    cell.value = part.elementText();
                else if (part.isStart(QLatin1String("is")))
                    cell.inlineText = part.richText(QLatin1String("is"));
                else if (part.isStart(QLatin1String("f")))
                    part.skipElement();
            }
            const auto text = cellText(cell);
            if (!text)
                return text.error();
            const QString &value = text.value();
            // Named only for an error: most cells are fine. (A QString, not
            // the QStringBuilder of temporaries that `auto` would return.)
            const auto where = [&]() -> QString {
                return columnName(column) + QString::number(rowNumber);
            };
            if (value.size() > kImportMaxCellCharacters)
                return fileError(QStringLiteral("Cell %1 is longer than %2 characters.")
                                     .arg(where())
                                     .arg(kImportMaxCellCharacters));
            if (column > api::kImportMaxColumns) {
                if (!value.trimmed().isEmpty())
                    return fileError(QStringLiteral("Cell %1 is right of column %2, the last "
                                                    "one an import reads.")
                                         .arg(where(), columnName(api::kImportMaxColumns)));
            } else {
                cells->resize(column - 1);
                cells->append(value);
            }
            lastColumn = column;
        }
        return std::nullopt;
    }

    QByteArray m_bytes;
    QBuffer m_buffer;
    QuaZip m_zip;
    qint64 m_budget = XlsxReader::kMaxUncompressedBytes;
    bool m_date1904 = false;
    QStringList m_sharedStrings;
    QList<bool> m_dateStyles; // by cellXfs index
};

} // namespace

api::Result<ImportTable> XlsxReader::read(const QByteArray &bytes)
{
    if (bytes.size() > api::kImportMaxBytes)
        return fileError(
            QStringLiteral("The file is larger than %1 bytes.").arg(api::kImportMaxBytes));
    Workbook workbook(bytes);
    return workbook.read();
}

} // namespace engage::server::import
