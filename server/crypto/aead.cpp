#include "aead.h"

#include "internal.h"
#include "random.h"

#include <QtEndian>
#include <QtGlobal>
#include <algorithm>
#include <limits>
#include <memory>
#include <openssl/crypto.h>
#include <openssl/evp.h>

namespace engage::server::crypto {

namespace {

struct CipherContextFree
{
    void operator()(EVP_CIPHER_CTX *context) const { EVP_CIPHER_CTX_free(context); }
};
using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, CipherContextFree>;

const unsigned char *bytesOf(QByteArrayView view)
{
    return reinterpret_cast<const unsigned char *>(view.data());
}

bool fitsInInt(QByteArrayView view)
{
    return view.size() <= std::numeric_limits<int>::max() - 64;
}

void appendField(QByteArray &out, QByteArrayView field)
{
    // Four bytes of big-endian length: fields are never near 4 GiB.
    char length[4];
    qToBigEndian(static_cast<quint32>(field.size()), length);
    out.append(length, 4);
    out.append(field.data(), field.size());
}

} // namespace

QByteArray associatedData(QStringView tenantId, QStringView table, QStringView column,
                          QStringView rowId, int keyVersion)
{
    QByteArray out;
    // A label of its own keeps these apart from any other associated data
    // the service builds under the same key (see MasterKey's wrap).
    appendField(out, "engage/column/v1");
    appendField(out, tenantId.toUtf8());
    appendField(out, table.toUtf8());
    appendField(out, column.toUtf8());
    appendField(out, rowId.toUtf8());
    char version[4];
    qToBigEndian(static_cast<qint32>(keyVersion), version);
    out.append(version, 4);
    return out;
}

namespace detail {

QByteArray sealWithIv(const SecretBytes &key, QByteArrayView iv, QByteArrayView plaintext,
                      QByteArrayView associatedData)
{
    if (key.size() != aesKeySize)
        qFatal("engage: seal() needs a 32-byte key, got %d bytes", key.size());
    if (iv.size() != gcmIvSize)
        qFatal("engage: seal() needs a 12-byte IV");
    if (!fitsInInt(plaintext) || !fitsInInt(associatedData))
        qFatal("engage: seal() input too large");

    const int plainSize = static_cast<int>(plaintext.size());
    QByteArray sealed(1 + gcmIvSize + plainSize + gcmTagSize, Qt::Uninitialized);
    sealed[0] = sealedVersion;
    std::copy(iv.begin(), iv.end(), sealed.begin() + 1);
    auto *cipherOut = reinterpret_cast<unsigned char *>(sealed.data()) + 1 + gcmIvSize;

    CipherContext context(EVP_CIPHER_CTX_new());
    int length = 0;
    const bool ok =
        context &&
        EVP_EncryptInit_ex(context.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
        EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_IVLEN, gcmIvSize, nullptr) == 1 &&
        EVP_EncryptInit_ex(context.get(), nullptr, nullptr, bytesOf(key.bytes()), bytesOf(iv)) ==
            1 &&
        (associatedData.isEmpty() ||
         EVP_EncryptUpdate(context.get(), nullptr, &length, bytesOf(associatedData),
                           static_cast<int>(associatedData.size())) == 1) &&
        (plainSize == 0 || (EVP_EncryptUpdate(context.get(), cipherOut, &length, bytesOf(plaintext),
                                              plainSize) == 1 &&
                            length == plainSize)) &&
        EVP_EncryptFinal_ex(context.get(), cipherOut + plainSize, &length) == 1 && length == 0 &&
        EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_GET_TAG, gcmTagSize,
                            cipherOut + plainSize) == 1;
    // Failing here means OpenSSL itself is broken or out of memory; returning
    // something would let the caller store a value that never opens.
    if (!ok)
        qFatal("engage: AES-256-GCM encryption failed");
    return sealed;
}

} // namespace detail

QByteArray seal(const SecretBytes &key, QByteArrayView plaintext, QByteArrayView associatedData)
{
    return detail::sealWithIv(key, randomBytes(detail::gcmIvSize), plaintext, associatedData);
}

std::optional<QByteArray> open(const SecretBytes &key, QByteArrayView sealed,
                               QByteArrayView associatedData)
{
    using namespace detail;
    if (key.size() != aesKeySize || sealed.size() < 1 + gcmIvSize + gcmTagSize ||
        sealed[0] != sealedVersion || !fitsInInt(sealed) || !fitsInInt(associatedData))
        return std::nullopt;

    const QByteArrayView iv = sealed.sliced(1, gcmIvSize);
    const QByteArrayView ciphertext =
        sealed.sliced(1 + gcmIvSize, sealed.size() - 1 - gcmIvSize - gcmTagSize);
    // EVP_CTRL_GCM_SET_TAG takes a non-const pointer; give it a copy.
    QByteArray tag = sealed.last(gcmTagSize).toByteArray();

    const int cipherSize = static_cast<int>(ciphertext.size());
    QByteArray plaintext(cipherSize, Qt::Uninitialized);
    auto *plainOut = reinterpret_cast<unsigned char *>(plaintext.data());

    CipherContext context(EVP_CIPHER_CTX_new());
    int length = 0;
    const bool ok =
        context &&
        EVP_DecryptInit_ex(context.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
        EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_IVLEN, gcmIvSize, nullptr) == 1 &&
        EVP_DecryptInit_ex(context.get(), nullptr, nullptr, bytesOf(key.bytes()), bytesOf(iv)) ==
            1 &&
        (associatedData.isEmpty() ||
         EVP_DecryptUpdate(context.get(), nullptr, &length, bytesOf(associatedData),
                           static_cast<int>(associatedData.size())) == 1) &&
        (cipherSize == 0 || (EVP_DecryptUpdate(context.get(), plainOut, &length,
                                               bytesOf(ciphertext), cipherSize) == 1 &&
                             length == cipherSize)) &&
        EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_TAG, gcmTagSize, tag.data()) == 1 &&
        // The tag is checked here; nothing decrypted leaves before it passes.
        EVP_DecryptFinal_ex(context.get(), plainOut + cipherSize, &length) == 1;
    if (!ok) {
        OPENSSL_cleanse(plaintext.data(), static_cast<size_t>(plaintext.size()));
        return std::nullopt;
    }
    return plaintext;
}

} // namespace engage::server::crypto
