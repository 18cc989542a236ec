#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QString>
#include <functional>

namespace engage::server::http {

// What the access log records of one request, rejected ones included.
struct AccessEvent
{
    qint64 atMs = 0; // when the request arrived, UTC ms since the epoch
    QString requestId;
    QString tenantId; // from the verified token; empty when none
    QString personId;
    QHostAddress peer;
    QByteArray method;
    QByteArray path; // without the query string
    // A streamed answer that failed on our side after its status line is
    // reported as 500 (failure "stream"), so that the error log has it.
    int status = 0;
    // Until the last byte was handed over (of a stream: until it ended).
    qint64 latencyUs = 0;
    // Body bytes sent; of a stream, those written before it ended, which is
    // less than the whole when the client went away or the stream was cut.
    qint64 bodyBytes = 0;
    QByteArray userAgent;
    QByteArray route;    // the matched route's pattern; empty when none matched
    QString problemCode; // of an error answer, e.g. "internal"
    QByteArray failure;  // of a 5xx answer: Response::failure
};

// Called once per answered request, on the thread that answered it: must
// return at once (queue the event; never wait on I/O).
using AccessObserver = std::function<void(const AccessEvent &event)>;

} // namespace engage::server::http
