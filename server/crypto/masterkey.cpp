#include "masterkey.h"

#include "aead.h"
#include "blindindex.h"
#include "internal.h"
#include "random.h"

#include <QDir>
#include <QFile>
#include <QtEndian>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <openssl/crypto.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace engage::server::crypto {

namespace {

constexpr int keySize = detail::aesKeySize;

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

// Closes a file descriptor on every return path.
class FileDescriptor
{
public:
    explicit FileDescriptor(int fd)
        : m_fd(fd)
    {}
    ~FileDescriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    FileDescriptor(const FileDescriptor &) = delete;
    FileDescriptor &operator=(const FileDescriptor &) = delete;
    int get() const { return m_fd; }
    int release() { return std::exchange(m_fd, -1); }

private:
    int m_fd;
};

QByteArray wrapAssociatedData(QStringView tenantId, int version)
{
    // Its own label, so a wrapped key can never pass for a sealed column value
    // (and the reverse) even if both used the same key.
    QByteArray out;
    const QByteArray label = QByteArrayLiteral("engage/data-key-wrap/v1");
    const QByteArray tenant = tenantId.toUtf8();
    char length[4];
    qToBigEndian(static_cast<quint32>(label.size()), length);
    out.append(length, 4).append(label);
    qToBigEndian(static_cast<quint32>(tenant.size()), length);
    out.append(length, 4).append(tenant);
    qToBigEndian(static_cast<qint32>(version), length);
    out.append(length, 4);
    return out;
}

std::optional<SecretBytes> fromEnvironment(const QByteArray &value, QString *error)
{
    const QString name = QString::fromLatin1(MasterKey::environmentVariable());
    auto decoded =
        QByteArray::fromBase64Encoding(value.trimmed(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        setError(error, name + QStringLiteral(" is not valid base64"));
        return std::nullopt;
    }
    SecretBytes key(std::move(decoded.decoded));
    if (key.size() != keySize) {
        setError(error,
                 name + QStringLiteral(" must hold 32 bytes (base64), not %1").arg(key.size()));
        return std::nullopt;
    }
    return key;
}

// Reads an existing key file, refusing anything an operator should look at.
std::optional<SecretBytes> readKeyFile(const QString &path, QString *error)
{
    const QByteArray nativePath = QFile::encodeName(path);
    // O_NOFOLLOW: a symlink planted in the data directory is not our key.
    FileDescriptor fd(::open(nativePath.constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
    if (fd.get() < 0) {
        setError(error, QStringLiteral("cannot open %1: %2").arg(path, systemError(errno)));
        return std::nullopt;
    }
    struct stat info;
    if (::fstat(fd.get(), &info) != 0) {
        setError(error, QStringLiteral("cannot stat %1: %2").arg(path, systemError(errno)));
        return std::nullopt;
    }
    if (!S_ISREG(info.st_mode)) {
        setError(error, QStringLiteral("%1 is not a regular file").arg(path));
        return std::nullopt;
    }
    if ((info.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        setError(error, QStringLiteral("%1 is accessible to group or others (mode %2); "
                                       "restrict it with chmod 600")
                            .arg(path)
                            .arg(info.st_mode & 07777, 4, 8, QLatin1Char('0')));
        return std::nullopt;
    }
    if (info.st_size != keySize) {
        setError(error, QStringLiteral("%1 must hold exactly 32 bytes, not %2")
                            .arg(path)
                            .arg(static_cast<qint64>(info.st_size)));
        return std::nullopt;
    }
    QByteArray bytes(keySize + 1, Qt::Uninitialized);
    qsizetype total = 0;
    // One byte more than expected detects a file that grew after fstat().
    while (total < bytes.size()) {
        const ssize_t got =
            ::read(fd.get(), bytes.data() + total, static_cast<size_t>(bytes.size() - total));
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            OPENSSL_cleanse(bytes.data(), static_cast<size_t>(bytes.size()));
            setError(error, QStringLiteral("cannot read %1: %2").arg(path, systemError(errno)));
            return std::nullopt;
        }
        if (got == 0)
            break;
        total += got;
    }
    if (total != keySize) {
        OPENSSL_cleanse(bytes.data(), static_cast<size_t>(bytes.size()));
        setError(error, QStringLiteral("%1 must hold exactly 32 bytes").arg(path));
        return std::nullopt;
    }
    bytes.truncate(keySize);
    return SecretBytes(std::move(bytes));
}

bool writeAll(int fd, const QByteArray &bytes)
{
    qsizetype written = 0;
    while (written < bytes.size()) {
        const ssize_t put =
            ::write(fd, bytes.constData() + written, static_cast<size_t>(bytes.size() - written));
        if (put < 0 && errno == EINTR)
            continue;
        if (put <= 0)
            return false;
        written += put;
    }
    return true;
}

// Creates the key file without ever exposing a partial one: write a private
// temporary file, fsync it, then link() it into place, which fails rather than
// replaces if another process created the key first.
// Returns false with `*raced` set if the file appeared meanwhile.
bool createKeyFile(const QString &dir, const QString &path, const SecretBytes &key, bool *raced,
                   QString *error)
{
    *raced = false;
    QByteArray temporary = QFile::encodeName(dir + QStringLiteral("/.master.key.XXXXXX"));
    // mkstemp creates the file with mode 0600.
    FileDescriptor fd(::mkstemp(temporary.data()));
    if (fd.get() < 0) {
        setError(error,
                 QStringLiteral("cannot create a key file in %1: %2").arg(dir, systemError(errno)));
        return false;
    }
    const auto fail = [&](const QString &what) {
        const int saved = errno;
        ::unlink(temporary.constData());
        setError(error, QStringLiteral("cannot %1 %2: %3").arg(what, path, systemError(saved)));
        return false;
    };
    if (::fchmod(fd.get(), S_IRUSR | S_IWUSR) != 0)
        return fail(QStringLiteral("set the mode of"));
    if (!writeAll(fd.get(), key.bytes()))
        return fail(QStringLiteral("write"));
    if (::fsync(fd.get()) != 0)
        return fail(QStringLiteral("sync"));
    if (::close(fd.release()) != 0)
        return fail(QStringLiteral("close"));
    if (::link(temporary.constData(), QFile::encodeName(path).constData()) != 0) {
        if (errno == EEXIST) {
            ::unlink(temporary.constData());
            *raced = true;
            return false;
        }
        return fail(QStringLiteral("create"));
    }
    ::unlink(temporary.constData());
    // The new name must survive a crash, or the next start makes another key
    // while data sealed under this one exists.
    FileDescriptor directory(
        ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (directory.get() < 0 || ::fsync(directory.get()) != 0) {
        setError(error,
                 QStringLiteral("cannot sync directory %1: %2").arg(dir, systemError(errno)));
        return false;
    }
    return true;
}

} // namespace

MasterKey::MasterKey(SecretBytes key)
    : m_key(std::move(key))
{}

QString MasterKey::fileName()
{
    return QStringLiteral("master.key");
}

const char *MasterKey::environmentVariable()
{
    return "ENGAGE_MASTER_KEY";
}

std::optional<MasterKey> MasterKey::load(const QString &dataDir, QString *error)
{
    if (qEnvironmentVariableIsSet(environmentVariable())) {
        QByteArray value = qgetenv(environmentVariable());
        auto key = fromEnvironment(value, error);
        if (!value.isEmpty())
            OPENSSL_cleanse(value.data(), static_cast<size_t>(value.size()));
        if (!key)
            return std::nullopt;
        return MasterKey(std::move(*key));
    }

    if (dataDir.isEmpty() || !QDir(dataDir).exists()) {
        setError(error, QStringLiteral("data directory %1 does not exist").arg(dataDir));
        return std::nullopt;
    }
    const QString path = QDir(dataDir).filePath(fileName());
    struct stat info;
    if (::lstat(QFile::encodeName(path).constData(), &info) != 0) {
        if (errno != ENOENT) {
            setError(error, QStringLiteral("cannot stat %1: %2").arg(path, systemError(errno)));
            return std::nullopt;
        }
        SecretBytes fresh = newDataKey();
        bool raced = false;
        if (createKeyFile(dataDir, path, fresh, &raced, error))
            return MasterKey(std::move(fresh));
        if (!raced)
            return std::nullopt;
        // Another process created it first: use theirs.
    }
    auto key = readKeyFile(path, error);
    if (!key)
        return std::nullopt;
    return MasterKey(std::move(*key));
}

SecretBytes MasterKey::deriveKey(QByteArrayView purpose) const
{
    return crypto::deriveKey(m_key, purpose);
}

MasterKey MasterKey::fromBytes(SecretBytes key)
{
    return MasterKey(std::move(key));
}

QByteArray MasterKey::wrap(const SecretBytes &dataKey, QStringView tenantId, int version) const
{
    return seal(m_key, dataKey.bytes(), wrapAssociatedData(tenantId, version));
}

std::optional<SecretBytes> MasterKey::unwrap(QByteArrayView wrapped, QStringView tenantId,
                                             int version) const
{
    auto plain = open(m_key, wrapped, wrapAssociatedData(tenantId, version));
    if (!plain)
        return std::nullopt;
    SecretBytes key(std::move(*plain));
    if (key.size() != keySize)
        return std::nullopt;
    return key;
}

SecretBytes newDataKey()
{
    return SecretBytes(randomBytes(keySize));
}

} // namespace engage::server::crypto
