#pragma once

#include "problemcode.h"
#include "result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace engage::api {

// An RFC 9457 problem details body. `code` is the stable machine-readable
// reason the client translates; `title` stays the English default.
struct Problem
{
    ProblemCode code = ProblemCode::Internal;
    int status = 500;
    QString title;
    QString detail;
    QString requestId;
    QString field; // optional (empty = absent)

    // status and title from the code.
    static Problem fromCode(ProblemCode code, QString detail = {});
    // code, field and detail from a validation error (title and status from its code).
    static Problem fromError(const Error &error);

    friend bool operator==(const Problem &a, const Problem &b)
    {
        return a.code == b.code && a.status == b.status && a.title == b.title &&
               a.detail == b.detail && a.requestId == b.requestId && a.field == b.field;
    }
    friend bool operator!=(const Problem &a, const Problem &b) { return !(a == b); }
};

// The "type" member of a code: "urn:engage:problem:<code>".
QString problemTypeUri(ProblemCode code);

// {"type","title","status","detail","code","requestId", "field" only if set}
QJsonObject toJson(const Problem &problem);
// Strict about the members it knows ("code" and "status" required, "type"
// must match "code"), but ignores extension members it does not know, as RFC
// 9457 section 3.2 asks of consumers.
Result<Problem> problemFromJson(const QJsonObject &object);
QByteArray problemContentType(); // "application/problem+json"

} // namespace engage::api
