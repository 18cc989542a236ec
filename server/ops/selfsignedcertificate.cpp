#include "selfsignedcertificate.h"

#include <QFile>
#include <QSaveFile>
#include <QSslCertificate>
#include <functional>
#include <memory>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509v3.h>

namespace engage::server::ops {

namespace {

template<typename T, void (*Free)(T *)>
struct Deleter
{
    void operator()(T *pointer) const { Free(pointer); }
};
using KeyPointer = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using CertificatePointer = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using BioPointer = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;

constexpr long tenYears = 10L * 365 * 24 * 60 * 60;

QByteArray pem(const std::function<int(BIO *)> &write)
{
    BioPointer bio(BIO_new(BIO_s_mem()));
    if (!bio || write(bio.get()) != 1)
        return {};
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, static_cast<qsizetype>(size));
}

bool addExtension(X509 *certificate, int nid, const char *value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    X509_EXTENSION *extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
    if (!extension)
        return false;
    const bool added = X509_add_ext(certificate, extension, -1) == 1;
    X509_EXTENSION_free(extension);
    return added;
}

CertificatePointer makeCertificate(EVP_PKEY *key)
{
    CertificatePointer certificate(X509_new());
    if (!certificate)
        return {};
    unsigned char serial[16];
    if (RAND_bytes(serial, sizeof(serial)) != 1)
        return {};
    serial[0] &= 0x7f; // a positive serial number
    BIGNUM *number = BN_bin2bn(serial, sizeof(serial), nullptr);
    const bool ok = number &&
                    BN_to_ASN1_INTEGER(number, X509_get_serialNumber(certificate.get())) &&
                    X509_set_version(certificate.get(), 2) == 1 &&
                    X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -60) &&
                    X509_gmtime_adj(X509_getm_notAfter(certificate.get()), tenYears) &&
                    X509_set_pubkey(certificate.get(), key) == 1;
    BN_free(number);
    if (!ok)
        return {};
    X509_NAME *name = X509_get_subject_name(certificate.get());
    const auto text = [](const char *value) {
        return reinterpret_cast<const unsigned char *>(value);
    };
    if (X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, text("Engage demo"), -1, -1, 0) != 1 ||
        X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, text("localhost"), -1, -1, 0) != 1 ||
        X509_set_issuer_name(certificate.get(), name) != 1)
        return {};
    if (!addExtension(certificate.get(), NID_basic_constraints, "critical,CA:FALSE") ||
        !addExtension(certificate.get(), NID_key_usage, "critical,digitalSignature") ||
        !addExtension(certificate.get(), NID_ext_key_usage, "serverAuth") ||
        !addExtension(certificate.get(), NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1,IP:::1"))
        return {};
    if (X509_sign(certificate.get(), key, EVP_sha256()) == 0)
        return {};
    return certificate;
}

bool writeFile(const QString &path, const QByteArray &content, QFile::Permissions permissions,
               QString *error)
{
    QSaveFile file(path);
    // Permissions are set before any byte of a key reaches the disk.
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(permissions) ||
        file.write(content) != content.size() || !file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace

bool ensureSelfSignedCertificate(const QString &certificateFile, const QString &keyFile,
                                 QString *error)
{
    if (QFile::exists(certificateFile) && QFile::exists(keyFile))
        return true;
    KeyPointer key(EVP_EC_gen("P-256"));
    CertificatePointer certificate = key ? makeCertificate(key.get()) : CertificatePointer();
    if (!certificate) {
        ERR_clear_error();
        *error = QStringLiteral("cannot create a self-signed certificate");
        return false;
    }
    const QByteArray keyPem = pem([&](BIO *bio) {
        return PEM_write_bio_PrivateKey(bio, key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    });
    const QByteArray certificatePem =
        pem([&](BIO *bio) { return PEM_write_bio_X509(bio, certificate.get()); });
    return writeFile(keyFile, keyPem, QFile::ReadOwner | QFile::WriteOwner, error) &&
           writeFile(certificateFile, certificatePem,
                     QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther,
                     error);
}

QString certificateFingerprintSha256(const QString &certificateFile)
{
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(certificateFile);
    if (chain.isEmpty())
        return {};
    return QString::fromLatin1(
        chain.first().digest(QCryptographicHash::Sha256).toHex(':').toUpper());
}

} // namespace engage::server::ops
