#include "passwordhasher.h"

#include "internal.h"
#include "random.h"

#include <QByteArray>
#include <QList>
#include <argon2.h>
#include <openssl/crypto.h>
#include <optional>

namespace engage::server::crypto {

namespace {

constexpr int saltSize = 16;
constexpr int tagSize = 32;
// Upper bounds for verifying a stored string: far above any sane policy, far
// below what would take the service down. 1 GiB, 64 passes, 64 lanes.
constexpr quint32 maxMemoryKiB = 1024 * 1024;
constexpr quint32 maxIterations = 64;
constexpr quint32 maxParallelism = 64;

struct Phc
{
    QByteArray variant;
    quint32 version = 0;
    quint32 memoryKiB = 0;
    quint32 iterations = 0;
    quint32 parallelism = 0;
    qsizetype saltBytes = 0;
    qsizetype tagBytes = 0;
};

std::optional<quint32> parameter(QByteArrayView field, QByteArrayView name)
{
    if (!field.startsWith(name) || field.size() <= name.size() || field[name.size()] != '=')
        return std::nullopt;
    const QByteArrayView digits = field.sliced(name.size() + 1);
    // Digits only: toUInt would accept a sign or surrounding spaces.
    if (digits.isEmpty() || digits.size() > 10 || (digits.size() > 1 && digits[0] == '0'))
        return std::nullopt;
    for (const char c : digits) {
        if (c < '0' || c > '9')
            return std::nullopt;
    }
    bool ok = false;
    const quint32 value = digits.toByteArray().toUInt(&ok);
    return ok ? std::optional<quint32>(value) : std::nullopt;
}

std::optional<qsizetype> base64Length(QByteArrayView field)
{
    // PHC uses standard base64 without padding.
    for (const char c : field) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                        (c >= '0' && c <= '9') || c == '+' || c == '/';
        if (!ok)
            return std::nullopt;
    }
    if (field.size() % 4 == 1)
        return std::nullopt;
    return field.size() * 3 / 4;
}

// Reads $<variant>$v=<n>$m=<n>,t=<n>,p=<n>$<salt>$<tag>, the form libargon2 writes.
std::optional<Phc> parsePhc(const QByteArray &encoded)
{
    if (!encoded.startsWith('$'))
        return std::nullopt;
    const QList<QByteArray> parts = encoded.sliced(1).split('$');
    if (parts.size() != 5)
        return std::nullopt;
    Phc phc;
    phc.variant = parts[0];
    const auto version = parameter(parts[1], "v");
    const QList<QByteArray> costs = parts[2].split(',');
    if (!version || costs.size() != 3)
        return std::nullopt;
    const auto m = parameter(costs[0], "m");
    const auto t = parameter(costs[1], "t");
    const auto p = parameter(costs[2], "p");
    const auto salt = base64Length(parts[3]);
    const auto tag = base64Length(parts[4]);
    if (!m || !t || !p || !salt || !tag)
        return std::nullopt;
    phc.version = *version;
    phc.memoryKiB = *m;
    phc.iterations = *t;
    phc.parallelism = *p;
    phc.saltBytes = *salt;
    phc.tagBytes = *tag;
    return phc;
}

class WipedUtf8
{
public:
    explicit WipedUtf8(QStringView text)
        : m_bytes(text.toUtf8())
    {}
    ~WipedUtf8()
    {
        if (!m_bytes.isEmpty() && m_bytes.isDetached())
            OPENSSL_cleanse(m_bytes.data(), static_cast<size_t>(m_bytes.size()));
    }
    WipedUtf8(const WipedUtf8 &) = delete;
    WipedUtf8 &operator=(const WipedUtf8 &) = delete;
    const QByteArray &bytes() const { return m_bytes; }

private:
    QByteArray m_bytes;
};

} // namespace

QString hashPassword(QStringView password, const PasswordPolicy &policy)
{
    const WipedUtf8 utf8(password);
    const QByteArray salt = randomBytes(saltSize);
    const size_t length = argon2_encodedlen(policy.iterations, policy.memoryKiB, policy.parallelism,
                                            saltSize, tagSize, Argon2_id);
    QByteArray encoded(static_cast<qsizetype>(length), '\0');
    const int result =
        argon2id_hash_encoded(policy.iterations, policy.memoryKiB, policy.parallelism,
                              utf8.bytes().constData(), static_cast<size_t>(utf8.bytes().size()),
                              salt.constData(), saltSize, tagSize, encoded.data(), length);
    if (result != ARGON2_OK)
        return {};
    // The buffer is sized for the worst case; the string ends at its NUL.
    return QString::fromLatin1(encoded.constData());
}

bool verifyPassword(QStringView password, const QString &encoded)
{
    const QByteArray latin1 = encoded.toLatin1();
    // toLatin1 maps anything outside Latin-1 to '?', which must not pass.
    if (QString::fromLatin1(latin1) != encoded || latin1.contains('\0'))
        return false;
    const auto phc = parsePhc(latin1);
    if (!phc || phc->variant != "argon2id" || phc->version != ARGON2_VERSION_13 ||
        phc->memoryKiB > maxMemoryKiB || phc->iterations > maxIterations ||
        phc->parallelism > maxParallelism || phc->parallelism == 0 || phc->tagBytes == 0)
        return false;
    const WipedUtf8 utf8(password);
    // argon2id_verify compares the tags in constant time.
    return argon2id_verify(latin1.constData(), utf8.bytes().constData(),
                           static_cast<size_t>(utf8.bytes().size())) == ARGON2_OK;
}

bool needsRehash(const QString &encoded, const PasswordPolicy &policy)
{
    const auto phc = parsePhc(encoded.toLatin1());
    if (!phc || phc->variant != "argon2id" || phc->version != ARGON2_VERSION_13)
        return true;
    return phc->memoryKiB < policy.memoryKiB || phc->iterations < policy.iterations ||
           phc->parallelism < policy.parallelism || phc->saltBytes < saltSize ||
           phc->tagBytes < tagSize;
}

QLatin1String detail::passwordAlphabet()
{
    return QLatin1String("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789");
}

QString generatedPassword()
{
    constexpr int length = 16;
    const QLatin1String alphabet = detail::passwordAlphabet();
    const int size = static_cast<int>(alphabet.size());
    // Bytes at or above the largest multiple of the alphabet size are thrown
    // away; taking them modulo the size would favour the first characters.
    const int limit = 256 - 256 % size;
    QString password;
    password.reserve(length);
    while (password.size() < length) {
        const QByteArray bytes = randomBytes(32);
        for (const char c : bytes) {
            const int value = static_cast<unsigned char>(c);
            if (value >= limit)
                continue;
            password.append(alphabet.at(value % size));
            if (password.size() == length)
                break;
        }
    }
    return password;
}

} // namespace engage::server::crypto
