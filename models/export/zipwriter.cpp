#include "zipwriter.h"

#include <QIODevice>
#include <algorithm>
#include <limits>
#include <minizip/zip.h>

namespace engage::models {

namespace {

constexpr uLong kMadeByUnix = (3 << 8) | 45;     // Unix, zip 4.5 (zip64)
constexpr uLong kUtf8Names = 1 << 11;            // general purpose flag 11
constexpr uLong kOwnerReadWrite = 0100600 << 16; // a regular file, rw-------

QIODevice &deviceOf(voidpf stream)
{
    return *static_cast<QIODevice *>(stream);
}

// minizip's file functions over the QIODevice the writer was given: the
// "file" it opens is that device, opened and closed by its owner.
voidpf openDevice(voidpf opaque, const void *, int)
{
    return opaque;
}

uLong readDevice(voidpf, voidpf stream, void *buffer, uLong size)
{
    const qint64 read = deviceOf(stream).read(static_cast<char *>(buffer), qint64(size));
    return read < 0 ? 0 : uLong(read);
}

uLong writeDevice(voidpf, voidpf stream, const void *buffer, uLong size)
{
    const qint64 written = deviceOf(stream).write(static_cast<const char *>(buffer), qint64(size));
    return written < 0 ? 0 : uLong(written);
}

ZPOS64_T tellDevice(voidpf, voidpf stream)
{
    return ZPOS64_T(deviceOf(stream).pos());
}

long seekDevice(voidpf, voidpf stream, ZPOS64_T offset, int origin)
{
    QIODevice &device = deviceOf(stream);
    qint64 base = 0;
    if (origin == ZLIB_FILEFUNC_SEEK_CUR)
        base = device.pos();
    else if (origin == ZLIB_FILEFUNC_SEEK_END)
        base = device.size();
    return device.seek(base + qint64(offset)) ? 0 : -1;
}

int closeDevice(voidpf, voidpf)
{
    return 0;
}

int deviceError(voidpf, voidpf)
{
    return 0;
}

zipFile zipOf(void *zip)
{
    return static_cast<zipFile>(zip);
}

} // namespace

ZipWriter::ZipWriter(QIODevice &device)
    : m_device(device)
{
    zlib_filefunc64_def functions{};
    functions.zopen64_file = openDevice;
    functions.zread_file = readDevice;
    functions.zwrite_file = writeDevice;
    functions.ztell64_file = tellDevice;
    functions.zseek64_file = seekDevice;
    functions.zclose_file = closeDevice;
    functions.zerror_file = deviceError;
    functions.opaque = &m_device;
    m_zip = zipOpen2_64(&m_device, APPEND_STATUS_CREATE, nullptr, &functions);
    if (!m_zip)
        fail(QStringLiteral("minizip cannot start the zip: %1").arg(m_device.errorString()));
}

ZipWriter::~ZipWriter()
{
    // An archive never finished is abandoned: its owner discards the device.
    if (m_zip)
        zipClose(zipOf(m_zip), nullptr);
}

bool ZipWriter::fail(const QString &error)
{
    if (m_error.isEmpty())
        m_error = error;
    return false;
}

bool ZipWriter::check(int result, const char *doing)
{
    if (result == ZIP_OK)
        return true;
    return fail(result == ZIP_ERRNO
                    ? QStringLiteral("%1: %2").arg(QLatin1String(doing), m_device.errorString())
                    : QStringLiteral("%1: minizip error %2").arg(QLatin1String(doing)).arg(result));
}

bool ZipWriter::beginEntry(const QString &name, const QDateTime &modified)
{
    if (!m_error.isEmpty() || m_inEntry)
        return fail(QStringLiteral("an entry is still open"));
    // MS-DOS local time, as zip tools read it.
    const QDateTime local = modified.toLocalTime();
    zip_fileinfo info{};
    info.tmz_date.tm_sec = uInt(local.time().second());
    info.tmz_date.tm_min = uInt(local.time().minute());
    info.tmz_date.tm_hour = uInt(local.time().hour());
    info.tmz_date.tm_mday = uInt(local.date().day());
    info.tmz_date.tm_mon = uInt(local.date().month() - 1);
    info.tmz_date.tm_year = uInt(std::max(local.date().year(), 1980));
    info.external_fa = kOwnerReadWrite;
    const QByteArray utf8 = name.toUtf8();
    if (!check(zipOpenNewFileInZip4_64(zipOf(m_zip), utf8.constData(), &info, nullptr, 0, nullptr,
                                       0, nullptr, Z_DEFLATED, Z_BEST_SPEED, 0, -MAX_WBITS,
                                       DEF_MEM_LEVEL, Z_DEFAULT_STRATEGY, nullptr, 0, kMadeByUnix,
                                       kUtf8Names, 1),
               "starting an entry"))
        return false;
    m_inEntry = true;
    return true;
}

bool ZipWriter::write(const char *data, qint64 size)
{
    if (!m_error.isEmpty() || !m_inEntry)
        return fail(QStringLiteral("no entry is open"));
    while (size > 0) {
        // minizip counts in unsigned int.
        const unsigned slice = unsigned(std::min<qint64>(size, std::numeric_limits<int>::max()));
        if (!check(zipWriteInFileInZip(zipOf(m_zip), data, slice), "writing an entry"))
            return false;
        data += slice;
        size -= slice;
    }
    return true;
}

bool ZipWriter::endEntry()
{
    if (!m_error.isEmpty() || !m_inEntry)
        return fail(QStringLiteral("no entry is open"));
    m_inEntry = false;
    return check(zipCloseFileInZip(zipOf(m_zip)), "ending an entry");
}

bool ZipWriter::finish()
{
    if (!m_error.isEmpty() || m_inEntry)
        return fail(QStringLiteral("an entry is still open"));
    const int result = zipClose(zipOf(m_zip), nullptr);
    m_zip = nullptr;
    return check(result, "writing the central directory");
}

} // namespace engage::models
