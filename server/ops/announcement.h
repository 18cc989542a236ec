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
// "https://<host>:<port>" as a client on this machine reaches `address`.
QString listenUrl(const QHostAddress &address, quint16 port);

QByteArray announcementLine(const QHostAddress &address, quint16 port, const QString &fingerprint,
                            const std::optional<QJsonArray> &demoTenants);

} // namespace engage::server::ops
