#pragma once

#include <QDateTime>
#include <QString>

class QIODevice;

namespace engage::models {

// Writes a zip archive to a seekable device, an entry at a time, streamed,
// through minizip (zip64 where needed, deflated, UTF-8 names).
//
// The system's minizip, which libxlsxwriter writes workbooks with, and not
// QuaZip: QuaZip carries its own copy of minizip, exporting the same symbols
// with other signatures, and in one process with libxlsxwriter the two bind to
// each other's functions (the workbook writer crashed). See
// docs/decisions/0008-zip-through-minizip.md.
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
    bool fail(const QString &error);
    // A minizip result: true for ZIP_OK, else fails with what went wrong.
    bool check(int result, const char *doing);

    QIODevice &m_device;
    void *m_zip = nullptr; // minizip's zipFile, until finish()
    bool m_inEntry = false;
    QString m_error;
};

} // namespace engage::models
