#include "processmemory.h"

#include <QByteArray>
#include <QFile>

namespace engage::test {

namespace {

// "VmRSS:\t   12345 kB" -> 12345
qint64 kibValue(const QByteArray &line, QByteArrayView key)
{
    if (!line.startsWith(key))
        return -1;
    QByteArray value = line.mid(key.size()).trimmed();
    if (value.endsWith("kB"))
        value.chop(2);
    bool ok = false;
    const qint64 kib = value.trimmed().toLongLong(&ok);
    return ok ? kib : -1;
}

} // namespace

ResidentMemory residentMemoryKiB(qint64 pid)
{
    ResidentMemory memory;
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (pid <= 0 || !status.open(QIODevice::ReadOnly))
        return memory;
    // /proc files report size 0 (so atEnd() is true at once): read it all.
    const QByteArrayList lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (const qint64 rss = kibValue(line, "VmRSS:"); rss >= 0)
            memory.residentKiB = rss;
        if (const qint64 hwm = kibValue(line, "VmHWM:"); hwm >= 0)
            memory.highWaterKiB = hwm;
    }
    return memory;
}

} // namespace engage::test
