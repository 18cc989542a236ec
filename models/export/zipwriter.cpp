#include "zipwriter.h"

#include <QIODevice>
#include <QtEndian>
#include <limits>
#include <zlib.h>

namespace engage::models {

namespace {

constexpr quint32 kLocalHeaderSignature = 0x04034b50;
constexpr quint32 kCentralHeaderSignature = 0x02014b50;
constexpr quint32 kEndSignature = 0x06054b50;
constexpr quint16 kVersionNeeded = 20;            // 2.0: deflate
constexpr quint16 kVersionMadeBy = (3 << 8) | 20; // Unix, 2.0
constexpr quint16 kUtf8Names = 1 << 11;           // general purpose flag 11
constexpr quint16 kDeflated = 8;
constexpr quint32 kOwnerReadWrite = 0100600u << 16; // a regular file, rw-------
constexpr qsizetype kCrcOffset = 14;                // in the local header
constexpr quint64 kZip32Limit = std::numeric_limits<quint32>::max();
constexpr int kOutputChunk = 256 * 1024;

void append16(QByteArray &bytes, quint16 value)
{
    const quint16 le = qToLittleEndian(value);
    bytes.append(reinterpret_cast<const char *>(&le), sizeof le);
}

void append32(QByteArray &bytes, quint32 value)
{
    const quint32 le = qToLittleEndian(value);
    bytes.append(reinterpret_cast<const char *>(&le), sizeof le);
}

// MS-DOS time and date, local time, as zip tools read them; 1980 the earliest.
std::pair<quint16, quint16> dosTimeDate(const QDateTime &when)
{
    const QDateTime local = when.toLocalTime();
    const QDate date = local.date();
    const QTime time = local.time();
    if (date.year() < 1980)
        return {0, (1 << 5) | 1};
    return {quint16((time.hour() << 11) | (time.minute() << 5) | (time.second() / 2)),
            quint16(((date.year() - 1980) << 9) | (date.month() << 5) | date.day())};
}

} // namespace

struct ZipWriter::Deflater
{
    z_stream stream{};
    QByteArray output = QByteArray(kOutputChunk, Qt::Uninitialized);
    bool initialised = false;

    ~Deflater()
    {
        if (initialised)
            deflateEnd(&stream);
    }
};

ZipWriter::ZipWriter(QIODevice &device)
    : m_device(device)
{}

ZipWriter::~ZipWriter() = default;

bool ZipWriter::fail(const QString &error)
{
    if (m_error.isEmpty())
        m_error = error;
    m_deflater.reset();
    return false;
}

bool ZipWriter::put(const QByteArray &bytes)
{
    if (m_device.write(bytes) != bytes.size())
        return fail(m_device.errorString());
    return true;
}

bool ZipWriter::beginEntry(const QString &name, const QDateTime &modified)
{
    if (!m_error.isEmpty() || m_deflater)
        return fail(QStringLiteral("an entry is still open"));
    if (m_entries.size() >= std::numeric_limits<quint16>::max())
        return fail(QStringLiteral("too many entries for a zip without zip64"));
    Entry entry;
    entry.name = name.toUtf8();
    if (entry.name.size() > std::numeric_limits<quint16>::max())
        return fail(QStringLiteral("the entry's name is too long"));
    std::tie(entry.time, entry.date) = dosTimeDate(modified);
    entry.offset = quint64(m_device.pos());
    if (entry.offset > kZip32Limit)
        return fail(QStringLiteral("the zip is larger than 4 GiB"));
    entry.crc = quint32(crc32(0, nullptr, 0));

    // CRC and sizes are zero until endEntry() writes them back.
    QByteArray header;
    append32(header, kLocalHeaderSignature);
    append16(header, kVersionNeeded);
    append16(header, kUtf8Names);
    append16(header, kDeflated);
    append16(header, entry.time);
    append16(header, entry.date);
    append32(header, 0);
    append32(header, 0);
    append32(header, 0);
    append16(header, quint16(entry.name.size()));
    append16(header, 0);
    header.append(entry.name);
    if (!put(header))
        return false;

    auto deflater = std::make_unique<Deflater>();
    // Raw deflate (negative window bits): the zip holds no zlib header.
    if (deflateInit2(&deflater->stream, Z_BEST_SPEED, Z_DEFLATED, -MAX_WBITS, 8,
                     Z_DEFAULT_STRATEGY) != Z_OK)
        return fail(QStringLiteral("zlib cannot start deflating"));
    deflater->initialised = true;
    m_deflater = std::move(deflater);
    m_entries.append(entry);
    return true;
}

bool ZipWriter::deflateInto(int flush, const char *data, qint64 size)
{
    z_stream &stream = m_deflater->stream;
    // zlib takes a mutable pointer, and reads only.
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data));
    stream.avail_in = uInt(size);
    int result = Z_OK;
    do {
        stream.next_out = reinterpret_cast<Bytef *>(m_deflater->output.data());
        stream.avail_out = uInt(m_deflater->output.size());
        result = deflate(&stream, flush);
        if (result == Z_STREAM_ERROR)
            return fail(QStringLiteral("zlib failed to deflate"));
        const qsizetype produced = m_deflater->output.size() - qsizetype(stream.avail_out);
        if (m_device.write(m_deflater->output.constData(), produced) != produced)
            return fail(m_device.errorString());
        m_entries.last().compressedSize += quint64(produced);
    } while (stream.avail_out == 0 || (flush == Z_FINISH && result != Z_STREAM_END));
    return true;
}

bool ZipWriter::write(const char *data, qint64 size)
{
    if (!m_deflater)
        return fail(QStringLiteral("no entry is open"));
    Entry &entry = m_entries.last();
    while (size > 0) {
        // zlib counts in uInt.
        const qint64 slice = std::min<qint64>(size, std::numeric_limits<int>::max());
        entry.crc = quint32(crc32(entry.crc, reinterpret_cast<const Bytef *>(data), uInt(slice)));
        entry.size += quint64(slice);
        if (!deflateInto(Z_NO_FLUSH, data, slice))
            return false;
        data += slice;
        size -= slice;
    }
    if (entry.size > kZip32Limit)
        return fail(QStringLiteral("an entry is larger than 4 GiB"));
    return true;
}

bool ZipWriter::endEntry()
{
    if (!m_deflater)
        return fail(QStringLiteral("no entry is open"));
    if (!deflateInto(Z_FINISH, nullptr, 0))
        return false;
    m_deflater.reset();
    const Entry &entry = m_entries.constLast();
    if (entry.compressedSize > kZip32Limit)
        return fail(QStringLiteral("an entry is larger than 4 GiB"));
    QByteArray sizes;
    append32(sizes, entry.crc);
    append32(sizes, quint32(entry.compressedSize));
    append32(sizes, quint32(entry.size));
    const qint64 end = m_device.pos();
    if (!m_device.seek(qint64(entry.offset) + kCrcOffset) || !put(sizes) || !m_device.seek(end))
        return fail(m_device.errorString());
    return true;
}

bool ZipWriter::finish()
{
    if (!m_error.isEmpty() || m_deflater)
        return fail(QStringLiteral("an entry is still open"));
    const quint64 directoryOffset = quint64(m_device.pos());
    QByteArray directory;
    for (const Entry &entry : std::as_const(m_entries)) {
        append32(directory, kCentralHeaderSignature);
        append16(directory, kVersionMadeBy);
        append16(directory, kVersionNeeded);
        append16(directory, kUtf8Names);
        append16(directory, kDeflated);
        append16(directory, entry.time);
        append16(directory, entry.date);
        append32(directory, entry.crc);
        append32(directory, quint32(entry.compressedSize));
        append32(directory, quint32(entry.size));
        append16(directory, quint16(entry.name.size()));
        append16(directory, 0); // extra field
        append16(directory, 0); // comment
        append16(directory, 0); // disk
        append16(directory, 0); // internal attributes
        append32(directory, kOwnerReadWrite);
        append32(directory, quint32(entry.offset));
        directory.append(entry.name);
    }
    const quint64 directorySize = quint64(directory.size());
    if (directoryOffset + directorySize > kZip32Limit)
        return fail(QStringLiteral("the zip is larger than 4 GiB"));
    append32(directory, kEndSignature);
    append16(directory, 0); // this disk
    append16(directory, 0); // the directory's disk
    append16(directory, quint16(m_entries.size()));
    append16(directory, quint16(m_entries.size()));
    append32(directory, quint32(directorySize));
    append32(directory, quint32(directoryOffset));
    append16(directory, 0); // comment
    return put(directory);
}

} // namespace engage::models
