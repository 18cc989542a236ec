#include "certificateinfo.h"

#include <QCryptographicHash>
#include <QStringList>

namespace engage::models {

namespace {

// "Engage Demo, Example Ltd": the parts a person recognises, without the
// X.500 syntax that means nothing to them.
QString describeName(const QStringList &commonNames, const QStringList &organisations)
{
    QStringList parts = commonNames;
    for (const QString &organisation : organisations) {
        if (!parts.contains(organisation))
            parts << organisation;
    }
    parts.removeAll(QString());
    return parts.join(QStringLiteral(", "));
}

} // namespace

CertificateInfo CertificateInfo::from(const QSslCertificate &certificate, const QString &host)
{
    CertificateInfo info;
    info.subject = describeName(certificate.subjectInfo(QSslCertificate::CommonName),
                                certificate.subjectInfo(QSslCertificate::Organization));
    info.issuer = describeName(certificate.issuerInfo(QSslCertificate::CommonName),
                               certificate.issuerInfo(QSslCertificate::Organization));
    info.validFrom = certificate.effectiveDate().toUTC();
    info.validUntil = certificate.expiryDate().toUTC();
    info.fingerprint = sha256Fingerprint(certificate);
    info.host = host;
    return info;
}

QString sha256Fingerprint(const QSslCertificate &certificate)
{
    if (certificate.isNull())
        return {};
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
}

} // namespace engage::models
