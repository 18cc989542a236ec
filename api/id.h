#pragma once

#include <QString>

namespace engage::api {

// A new random (version 4) id in the wire form validateId accepts: lower-case,
// no braces. Both sides may mint ids, e.g. the client for idempotent creates.
QString createId();

} // namespace engage::api
