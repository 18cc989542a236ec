#pragma once

#include <QtGlobal>

namespace engage::test {

// Resident memory of a process from /proc/PID/status, in KiB; -1 when unknown.
struct ResidentMemory
{
    qint64 residentKiB = -1;  // VmRSS: resident now
    qint64 highWaterKiB = -1; // VmHWM: the peak resident size so far

    bool isValid() const { return residentKiB >= 0 && highWaterKiB >= 0; }
};

ResidentMemory residentMemoryKiB(qint64 pid);

} // namespace engage::test
