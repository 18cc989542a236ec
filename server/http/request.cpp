#include "request.h"

namespace engage::server::http {

QByteArray methodName(Method method)
{
    switch (method) {
    case Method::Get:
        return QByteArrayLiteral("GET");
    case Method::Head:
        return QByteArrayLiteral("HEAD");
    case Method::Post:
        return QByteArrayLiteral("POST");
    case Method::Put:
        return QByteArrayLiteral("PUT");
    case Method::Patch:
        return QByteArrayLiteral("PATCH");
    case Method::Delete:
        return QByteArrayLiteral("DELETE");
    case Method::Options:
        return QByteArrayLiteral("OPTIONS");
    case Method::Other:
        break;
    }
    return QByteArrayLiteral("OTHER");
}

QByteArray Request::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key == name)
            return value;
    }
    return {};
}

} // namespace engage::server::http
