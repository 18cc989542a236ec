#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <memory>

class QIODevice;

namespace engage::models {

// Writes a zip archive to a seekable device, an entry at a time, streamed:
// deflated (zlib), UTF-8 names, each entry's CRC and sizes written back into
// its local header once known. Without zip64: an entry and the archive stay
// under 4 GiB, 65,535 entries.
//
// Not QuaZip: its own copy of minizip exports the same symbols as the system
// minizip that libxlsxwriter writes workbooks with, and in one process the
// two bind to each other's functions (the workbook writer crashed).
class ZipWriter final
{
    Q_DISABLE_COPY_MOVE(ZipWriter)

public:
    explicit ZipWriter(QIODevice &device);
    ~ZipWriter();

    // Each false on failure, with errorString() (English) set; nothing
    // more can be written then.
    bool beginEntry(const QString &name, const QDateTime &modified);
    bool write(const char *data, qint64 size);
    bool endEntry();
    // The central directory, after the last entry.
    bool finish();
    QString errorString() const { return m_error; }

private:
    struct Entry
    {
        QByteArray name;
        quint16 time = 0;
        quint16 date = 0;
        quint32 crc = 0;
        quint64 compressedSize = 0;
        quint64 size = 0;
        quint64 offset = 0;
    };
    struct Deflater;

    bool fail(const QString &error);
    bool put(const QByteArray &bytes);
    bool deflateInto(int flush, const char *data, qint64 size);

    QIODevice &m_device;
    QList<Entry> m_entries;
    std::unique_ptr<Deflater> m_deflater; // while an entry is open
    QString m_error;
};

} // namespace engage::models
