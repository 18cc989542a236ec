#pragma once

#include <QDateTime>
#include <QSslCertificate>
#include <QString>
#include <functional>

namespace engage::models {

// What a person needs to decide whether to trust a certificate.
struct CertificateInfo
{
    QString subject; // common name and organisation
    QString issuer;
    QDateTime validFrom; // UTC
    QDateTime validUntil;
    QString fingerprint; // SHA-256, upper-case hex pairs joined by ':' (as the service announces)
    QString host;        // the host the client was connecting to

    static CertificateInfo from(const QSslCertificate &certificate, const QString &host);
};

// "AB:CD:..." of the DER encoding.
QString sha256Fingerprint(const QSslCertificate &certificate);

// Asks the user whether to trust a certificate no public CA vouches for. Declared
// here, implemented by a dialog in ui/ (and by scripted answers in tests), so that
// models/ never shows a window. The answer arrives asynchronously.
class CertificateDecider
{
public:
    virtual ~CertificateDecider() = default;
    // Calls `answer(true)` when the user pins the certificate, `answer(false)` otherwise.
    virtual void askToTrust(const CertificateInfo &certificate,
                            std::function<void(bool pin)> answer) = 0;
};

} // namespace engage::models
