#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>
#include <optional>

namespace engage::api {

// The stable, machine-readable reason of a failure. Clients translate by this
// code, so a name never changes once released; new codes are only appended.
enum class ProblemCode
{
    MalformedJson,        // "malformed-json"          400
    UnknownField,         // "unknown-field"           400
    MissingField,         // "missing-field"           400
    InvalidField,         // "invalid-field"           400
    UnsupportedMediaType, // "unsupported-media-type"  415
    PayloadTooLarge,      // "payload-too-large"       413
    NotFound,             // "not-found"               404
    MethodNotAllowed,     // "method-not-allowed"      405
    Unauthenticated,      // "unauthenticated"         401
    Forbidden,            // "forbidden"               403
    Conflict,             // "conflict"                409
    PreconditionFailed,   // "precondition-failed"     412
    PreconditionRequired, // "precondition-required"   428
    TooManyRequests,      // "too-many-requests"       429
    Internal,             // "internal"                500
    Unavailable,          // "unavailable"             503
    // The person must choose a new password (a generated first one) before
    // anything but /me and /me/password.
    PasswordChangeRequired, // "password-change-required" 403
};

QString problemCodeName(ProblemCode code);
std::optional<ProblemCode> problemCodeFromName(QStringView name);
int problemHttpStatus(ProblemCode code);
// Short English title; the client shows its own translation chosen by the code.
QString problemDefaultTitle(ProblemCode code);
// Every code name, in declaration order (for documentation and exhaustive tests).
QStringList problemCodeNames();

} // namespace engage::api
