#pragma once

#include "result.h"

#include <QByteArray>
#include <QJsonObject>

namespace engage::api {

// The nesting limit is capped here whatever the caller asks, so that the
// recursive parser can never exhaust the stack.
inline constexpr int kMaxJsonDepthCap = 512;

// Strict parse of a request/response body: must be a JSON object (RFC 8259),
// valid UTF-8 without a byte order mark, nesting at most `maxDepth` (the
// top-level object is depth 1), no duplicate member names, no lone surrogate
// escapes, numbers that fit a double, nothing after the object but whitespace.
// Errors: MalformedJson with a detail naming the byte offset and the reason;
// the input is never echoed.
Result<QJsonObject> parseJsonObject(const QByteArray &body, int maxDepth = 32);

} // namespace engage::api
