#include "sealedrecord.h"

#include <QtGlobal>
#include <limits>
#include <memory>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

namespace engage::models {

namespace {

constexpr int kNonceSize = 12;
constexpr int kTagSize = 16;

struct CipherContextFree
{
    void operator()(EVP_CIPHER_CTX *context) const { EVP_CIPHER_CTX_free(context); }
};
using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, CipherContextFree>;

const unsigned char *bytesOf(QByteArrayView view)
{
    return reinterpret_cast<const unsigned char *>(view.data());
}

unsigned char *bytesOf(QByteArray &bytes)
{
    return reinterpret_cast<unsigned char *>(bytes.data());
}

// EVP counts in int; a cached answer is never near 2 GiB.
bool fitsInInt(QByteArrayView view)
{
    return view.size() < std::numeric_limits<int>::max() - 64;
}

} // namespace

QByteArray randomCacheKey()
{
    QByteArray key(kCacheKeySize, Qt::Uninitialized);
    // Without randomness there is no key that protects anything.
    if (RAND_bytes(bytesOf(key), kCacheKeySize) != 1)
        qFatal("engage: the CSPRNG (RAND_bytes) failed");
    return key;
}

QByteArray sealRecord(const QByteArray &key, QByteArrayView plaintext,
                      QByteArrayView associatedData)
{
    if (key.size() != kCacheKeySize || !fitsInInt(plaintext) || !fitsInInt(associatedData))
        qFatal("engage: sealRecord() needs a 32-byte key and inputs under 2 GiB");
    const int plainSize = static_cast<int>(plaintext.size());
    QByteArray sealed(kNonceSize + plainSize + kTagSize, Qt::Uninitialized);
    unsigned char *nonce = bytesOf(sealed);
    if (RAND_bytes(nonce, kNonceSize) != 1)
        qFatal("engage: the CSPRNG (RAND_bytes) failed");
    unsigned char *cipherOut = nonce + kNonceSize;

    CipherContext context(EVP_CIPHER_CTX_new());
    int length = 0;
    const bool ok =
        context &&
        EVP_EncryptInit_ex(context.get(), EVP_aes_256_gcm(), nullptr, bytesOf(key), nonce) == 1 &&
        EVP_EncryptUpdate(context.get(), nullptr, &length, bytesOf(associatedData),
                          static_cast<int>(associatedData.size())) == 1 &&
        EVP_EncryptUpdate(context.get(), cipherOut, &length, bytesOf(plaintext), plainSize) == 1 &&
        length == plainSize &&
        EVP_EncryptFinal_ex(context.get(), cipherOut + plainSize, &length) == 1 && length == 0 &&
        EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_GET_TAG, kTagSize, cipherOut + plainSize) ==
            1;
    // Only a broken OpenSSL or no memory gets here; a record stored anyway
    // would never open.
    if (!ok)
        qFatal("engage: AES-256-GCM encryption failed");
    return sealed;
}

std::optional<QByteArray> openRecord(const QByteArray &key, QByteArrayView sealed,
                                     QByteArrayView associatedData)
{
    if (key.size() != kCacheKeySize || sealed.size() < kNonceSize + kTagSize ||
        !fitsInInt(sealed) || !fitsInInt(associatedData))
        return std::nullopt;
    const QByteArrayView nonce = sealed.first(kNonceSize);
    const QByteArrayView ciphertext =
        sealed.sliced(kNonceSize, sealed.size() - kNonceSize - kTagSize);
    // EVP_CTRL_GCM_SET_TAG takes a pointer to non-const.
    QByteArray tag = sealed.last(kTagSize).toByteArray();
    const int cipherSize = static_cast<int>(ciphertext.size());
    QByteArray plaintext(cipherSize, Qt::Uninitialized);

    CipherContext context(EVP_CIPHER_CTX_new());
    int length = 0;
    const bool ok =
        context &&
        EVP_DecryptInit_ex(context.get(), EVP_aes_256_gcm(), nullptr, bytesOf(key),
                           bytesOf(nonce)) == 1 &&
        EVP_DecryptUpdate(context.get(), nullptr, &length, bytesOf(associatedData),
                          static_cast<int>(associatedData.size())) == 1 &&
        EVP_DecryptUpdate(context.get(), bytesOf(plaintext), &length, bytesOf(ciphertext),
                          cipherSize) == 1 &&
        length == cipherSize &&
        EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_TAG, kTagSize, tag.data()) == 1 &&
        // The tag is checked here: nothing decrypted is used before it passed.
        EVP_DecryptFinal_ex(context.get(), bytesOf(plaintext) + cipherSize, &length) == 1;
    if (!ok) {
        OPENSSL_cleanse(plaintext.data(), static_cast<size_t>(plaintext.size()));
        return std::nullopt;
    }
    return plaintext;
}

} // namespace engage::models
