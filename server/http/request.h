#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QString>
#include <QUrlQuery>
#include <vector>

namespace engage::server::http {

enum class Method
{
    Get,
    Head,
    Post,
    Put,
    Patch,
    Delete,
    Options,
    Other
};

QByteArray methodName(Method method);

// What a handler sees of an HTTP request: our own type, so that no handler
// depends on the HTTP library underneath.
struct Request
{
    Method method = Method::Get;
    QByteArray path; // without the query, percent-encoding kept
    QUrlQuery query;
    std::vector<std::pair<QByteArray, QByteArray>> headers; // names in lower case
    QByteArray body;
    QHostAddress peer;
    QString requestId;

    QHash<QString, QString> pathParameters; // filled by the router from {name} segments
    QJsonObject json;                       // filled by the router for routes that take JSON

    // The first value of a header, or an empty array; `name` in lower case.
    QByteArray header(QByteArrayView name) const;
};

} // namespace engage::server::http
