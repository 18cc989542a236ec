#pragma once

namespace engage::server::logs {

// `engage-server verify-logs --data-dir DIR [--database URL]`: checks every
// access and operation chain against its archive files (log-archives/), its
// rows and the newest checkpoint, prints one line per chain, and exits 0 when
// all are intact, 1 when one is not (the line names the tenant, the log and the first broken row), 2 when
// it cannot check (no data directory, master key or database). Reads only:
// it neither migrates nor creates a key.
int runVerifyLogs(int argc, char *argv[]);

} // namespace engage::server::logs
