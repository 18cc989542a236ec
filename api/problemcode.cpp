#include "problemcode.h"

#include "enumtable.h"

namespace engage::api {

namespace {

struct ProblemInfo
{
    ProblemCode code;
    int status;
    const char *title;
};

constexpr EnumName<ProblemCode> kNames[] = {
    {ProblemCode::MalformedJson, QLatin1String("malformed-json")},
    {ProblemCode::UnknownField, QLatin1String("unknown-field")},
    {ProblemCode::MissingField, QLatin1String("missing-field")},
    {ProblemCode::InvalidField, QLatin1String("invalid-field")},
    {ProblemCode::UnsupportedMediaType, QLatin1String("unsupported-media-type")},
    {ProblemCode::PayloadTooLarge, QLatin1String("payload-too-large")},
    {ProblemCode::NotFound, QLatin1String("not-found")},
    {ProblemCode::MethodNotAllowed, QLatin1String("method-not-allowed")},
    {ProblemCode::Unauthenticated, QLatin1String("unauthenticated")},
    {ProblemCode::Forbidden, QLatin1String("forbidden")},
    {ProblemCode::Conflict, QLatin1String("conflict")},
    {ProblemCode::PreconditionFailed, QLatin1String("precondition-failed")},
    {ProblemCode::PreconditionRequired, QLatin1String("precondition-required")},
    {ProblemCode::TooManyRequests, QLatin1String("too-many-requests")},
    {ProblemCode::Internal, QLatin1String("internal")},
    {ProblemCode::Unavailable, QLatin1String("unavailable")},
    {ProblemCode::PasswordChangeRequired, QLatin1String("password-change-required")},
};

constexpr ProblemInfo kInfo[] = {
    {ProblemCode::MalformedJson, 400, "Malformed JSON"},
    {ProblemCode::UnknownField, 400, "Unknown field"},
    {ProblemCode::MissingField, 400, "Missing field"},
    {ProblemCode::InvalidField, 400, "Invalid field"},
    {ProblemCode::UnsupportedMediaType, 415, "Unsupported media type"},
    {ProblemCode::PayloadTooLarge, 413, "Payload too large"},
    {ProblemCode::NotFound, 404, "Not found"},
    {ProblemCode::MethodNotAllowed, 405, "Method not allowed"},
    {ProblemCode::Unauthenticated, 401, "Unauthenticated"},
    {ProblemCode::Forbidden, 403, "Forbidden"},
    {ProblemCode::Conflict, 409, "Conflict"},
    {ProblemCode::PreconditionFailed, 412, "Precondition failed"},
    {ProblemCode::PreconditionRequired, 428, "Precondition required"},
    {ProblemCode::TooManyRequests, 429, "Too many requests"},
    {ProblemCode::Internal, 500, "Internal error"},
    {ProblemCode::Unavailable, 503, "Service unavailable"},
    {ProblemCode::PasswordChangeRequired, 403, "Password change required"},
};

const ProblemInfo &info(ProblemCode code)
{
    const ProblemInfo *internal = nullptr;
    for (const auto &entry : kInfo) {
        if (entry.code == code)
            return entry;
        if (entry.code == ProblemCode::Internal)
            internal = &entry;
    }
    // Only reachable with a value cast from outside the enum: answer as a
    // server fault rather than reading past the table. Found by code, not by
    // position, because codes are appended after it.
    return *internal;
}

} // namespace

QString problemCodeName(ProblemCode code)
{
    const QString name = enumName(kNames, code);
    return name.isEmpty() ? QStringLiteral("internal") : name;
}

std::optional<ProblemCode> problemCodeFromName(QStringView name)
{
    return enumFromName(kNames, name);
}

int problemHttpStatus(ProblemCode code)
{
    return info(code).status;
}

QString problemDefaultTitle(ProblemCode code)
{
    return QString::fromLatin1(info(code).title);
}

QStringList problemCodeNames()
{
    return enumNames(kNames);
}

} // namespace engage::api
