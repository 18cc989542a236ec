#include "announcement.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace engage::server::ops {

namespace {

// A client cannot connect to "any address": it is told the loopback one.
QString reachableHost(const QHostAddress &address)
{
    if (address == QHostAddress::AnyIPv4 || address == QHostAddress::Any)
        return QStringLiteral("127.0.0.1");
    if (address == QHostAddress::AnyIPv6)
        return QStringLiteral("[::1]");
    if (address.protocol() == QAbstractSocket::IPv6Protocol)
        return u'[' + address.toString() + u']';
    return address.toString();
}

} // namespace

QString listenUrl(const QHostAddress &address, quint16 port)
{
    return QStringLiteral("https://%1:%2").arg(reachableHost(address)).arg(port);
}

QByteArray announcementLine(const QHostAddress &address, quint16 port, const QString &fingerprint,
                            const std::optional<QJsonArray> &demoTenants)
{
    QJsonObject line{
        {QStringLiteral("url"), listenUrl(address, port)},
        {QStringLiteral("fingerprintSha256"), fingerprint},
    };
    if (demoTenants)
        line.insert(QStringLiteral("tenants"), *demoTenants);
    return QJsonDocument(line).toJson(QJsonDocument::Compact);
}

} // namespace engage::server::ops
