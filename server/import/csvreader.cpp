#include "csvreader.h"

#include "api/memberimport.h"

#include <QStringDecoder>

namespace engage::server::import {

namespace {

struct Decoded
{
    QString text;
    QString encoding;
};

std::optional<Decoded> decode(const QByteArray &bytes)
{
    static const QByteArray bom = QByteArrayLiteral("\xEF\xBB\xBF");
    // Stateless: a multi-byte sequence cut off at the end is an error, not
    // something kept for a next chunk that never comes.
    const auto flags = QStringConverter::Flag::Stateless;
    if (bytes.startsWith(bom)) {
        QStringDecoder utf8(QStringConverter::Utf8, flags);
        QString text = utf8(QByteArrayView(bytes).sliced(bom.size()));
        if (utf8.hasError())
            return std::nullopt;
        return Decoded{std::move(text), QStringLiteral("UTF-8 BOM")};
    }
    QStringDecoder utf8(QStringConverter::Utf8, flags);
    QString text = utf8(bytes);
    if (!utf8.hasError())
        return Decoded{std::move(text), QStringLiteral("UTF-8")};
    QStringDecoder cp932("CP932", flags);
    if (!cp932.isValid())
        qFatal("this Qt has no CP932 codec (built without ICU?)");
    text = cp932(bytes);
    if (!cp932.hasError())
        return Decoded{std::move(text), QStringLiteral("CP932")};
    return std::nullopt;
}

// RFC 4180 over decoded text, one record at a time.
class Parser final
{
public:
    explicit Parser(const QString &text)
        : m_text(text)
    {}

    bool atEnd() const { return m_position >= m_text.size(); }
    qint64 line() const { return m_line; }

    // The cells of the next record; an error for an unclosed quote, a cell past
    // the limit, or a value right of api::kImportMaxColumns.
    std::optional<api::Error> next(QStringList *cells)
    {
        cells->clear();
        const qint64 firstLine = m_line;
        qsizetype column = 0;
        for (;;) {
            QString cell;
            if (!atEnd() && m_text.at(m_position) == QLatin1Char('"')) {
                ++m_position;
                if (auto error = readQuoted(&cell, firstLine))
                    return error;
            }
            // After a closing quote, spreadsheets keep what follows up to the
            // comma ("a"b is read as ab); unquoted cells take everything.
            while (!atEnd()) {
                const QChar c = m_text.at(m_position);
                if (c == QLatin1Char(',') || c == QLatin1Char('\r') || c == QLatin1Char('\n'))
                    break;
                cell.append(c);
                ++m_position;
            }
            if (cell.size() > kImportMaxCellCharacters)
                return cellTooLong(firstLine);
            if (column < api::kImportMaxColumns)
                cells->append(unguardedCell(std::move(cell)));
            else if (!cell.trimmed().isEmpty())
                return fileError(QStringLiteral("Line %1 has more than %2 columns.")
                                     .arg(firstLine)
                                     .arg(api::kImportMaxColumns));
            ++column;
            if (atEnd())
                return std::nullopt;
            const QChar separator = m_text.at(m_position++);
            if (separator == QLatin1Char(','))
                continue;
            endLine(separator);
            return std::nullopt;
        }
    }

private:
    std::optional<api::Error> readQuoted(QString *cell, qint64 firstLine)
    {
        while (!atEnd()) {
            const QChar c = m_text.at(m_position++);
            if (c == QLatin1Char('"')) {
                if (!atEnd() && m_text.at(m_position) == QLatin1Char('"')) {
                    cell->append(c);
                    ++m_position;
                    continue;
                }
                return std::nullopt;
            }
            if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
                endLine(c);
                // An export's apostrophe before a leading carriage return
                // (api::csvField) must go before the break becomes '\n',
                // which unguardedCell() would no longer take for a guarded one.
                if (c == QLatin1Char('\r') && *cell == QLatin1String("'"))
                    cell->clear();
                // Inside a cell a line break is one '\n', whatever the file used.
                cell->append(QLatin1Char('\n'));
            } else {
                cell->append(c);
            }
            if (cell->size() > kImportMaxCellCharacters)
                return cellTooLong(firstLine);
        }
        return fileError(
            QStringLiteral("A quoted cell that starts on line %1 is never closed.").arg(firstLine));
    }

    // After `separator` ('\r' or '\n') was consumed: CRLF counts once.
    void endLine(QChar separator)
    {
        if (separator == QLatin1Char('\r') && !atEnd() &&
            m_text.at(m_position) == QLatin1Char('\n'))
            ++m_position;
        ++m_line;
    }

    static api::Error cellTooLong(qint64 line)
    {
        return fileError(QStringLiteral("A cell on line %1 is longer than %2 characters.")
                             .arg(line)
                             .arg(kImportMaxCellCharacters));
    }

    const QString &m_text;
    qsizetype m_position = 0;
    qint64 m_line = 1;
};

} // namespace

api::Result<ImportTable> CsvReader::read(const QByteArray &bytes)
{
    if (bytes.size() > api::kImportMaxBytes)
        return fileError(
            QStringLiteral("The file is larger than %1 bytes.").arg(api::kImportMaxBytes));
    const auto decoded = decode(bytes);
    if (!decoded)
        return fileError(QStringLiteral(
            "The file is neither UTF-8 nor CP932 (Shift_JIS) text. Save it as CSV UTF-8."));
    Parser parser(decoded->text);
    TableBuilder builder;
    QStringList cells;
    while (!parser.atEnd()) {
        const qint64 line = parser.line();
        if (auto error = parser.next(&cells))
            return *error;
        if (auto error = builder.addRow(cells, line))
            return *error;
    }
    return builder.finish(decoded->encoding);
}

} // namespace engage::server::import
