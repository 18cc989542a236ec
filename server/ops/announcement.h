#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QJsonArray>
#include <QString>
#include <optional>

namespace engage::server::ops {

// The one JSON line the service prints on stdout once it listens, which
// scripts, tests and the desktop client read:
// {"url": ..., "fingerprintSha256": ..., "tenants": [...]}.
// `tenants` is present only in demo mode.
QByteArray announcementLine(const QHostAddress &address, quint16 port, const QString &fingerprint,
                            const std::optional<QJsonArray> &demoTenants);

} // namespace engage::server::ops
