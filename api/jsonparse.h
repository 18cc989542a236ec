#pragma once

#include "result.h"

#include <QByteArray>
#include <QJsonObject>

namespace engage::api {

// The nesting limit is capped here whatever the caller asks. Qt's parser
// refuses documents nested deeper than 1024 on its own; the cap keeps our
// limit below that, so that it is always ours that applies.
inline constexpr int kMaxJsonDepthCap = 512;

// Parse of a request/response body with Qt's JSON parser (QJsonDocument).
// Refused: an empty or whitespace-only body, a UTF-8 byte order mark, raw
// control bytes other than tab/LF/CR, anything Qt's parser refuses (invalid
// UTF-8, numbers that do not fit a double, data after the object, ...), a
// top-level value that is not an object, nesting deeper than `maxDepth` (the
// top-level object is depth 1), unpaired surrogate escapes ("\ud800").
// Accepted because Qt's parser accepts them and the result cannot tell them
// apart from valid JSON: duplicate member names (the last one wins), raw tab,
// LF or CR inside strings, unknown escapes ("\x" reads as "x"), numbers such
// as "1." and ".5". Client and service both parse with this function, so they
// read any body alike.
// Errors: MalformedJson with a detail naming the reason, and the byte offset
// when it is known (syntax errors; not the depth or surrogate checks, which run
// on the parsed document); the input is never echoed.
Result<QJsonObject> parseJsonObject(const QByteArray &body, int maxDepth = 32);

} // namespace engage::api
