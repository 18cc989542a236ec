#pragma once

#include <QString>

namespace engage::server::ops {

// Makes the demo's key pair once: an ECDSA P-256 key (file mode 0600) and a
// self-signed certificate for localhost, 127.0.0.1 and ::1. Existing files are
// kept, so that a client that pinned the certificate keeps trusting it.
bool ensureSelfSignedCertificate(const QString &certificateFile, const QString &keyFile,
                                 QString *error);

// "AB:CD:…" over the DER form of the first certificate in a PEM file; empty
// when the file holds none.
QString certificateFingerprintSha256(const QString &certificateFile);

} // namespace engage::server::ops
