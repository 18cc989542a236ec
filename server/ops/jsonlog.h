#pragma once

namespace engage::server::ops {

// Turns every Qt log message into one JSON line on stderr (time in UTC,
// level, category, message), with control characters escaped so that no
// logged value can forge a line of its own.
void installJsonLogHandler();

} // namespace engage::server::ops
