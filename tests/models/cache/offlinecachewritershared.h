#pragma once

// What the crash test and its child (offlinecachewriter) agree on.

#include "models/cache/offlinecache.h"

#include <QJsonObject>
#include <QString>

namespace engage::test {

// Enough bytes per round (about 2 MB) that a kill lands inside a write.
inline constexpr int kWriterRecords = 32;
inline constexpr int kWriterPadding = 64 * 1024;

inline models::OfflineScope offlineCacheWriterScope()
{
    return {QStringLiteral("crash"), QStringLiteral("sakura-foods"),
            QStringLiteral("owner@sakura.example")};
}

inline QString writerRecordKey(int record)
{
    return QStringLiteral("/api/v1/members?page=%1").arg(record);
}

inline QJsonObject writerRecord(qint64 round, int record)
{
    return {{QStringLiteral("round"), round},
            {QStringLiteral("record"), record},
            {QStringLiteral("padding"), QString(kWriterPadding, QLatin1Char('x'))}};
}

} // namespace engage::test
