#pragma once

#include "api/logrecord.h"
#include "models/apiclient.h"
#include "models/logentry.h"
#include "models/logwindowmodel.h"

#include <QList>
#include <QTest>

namespace engage::test {

// The top of a log shown as the Logs page shows it, one page read, so that
// the client's offline cache keeps those rows for an export offline
// (LogWindowModel::recentRowsOfflineKey): their sequence numbers, empty when
// the page did not load.
inline QList<qint64> showTopOfLog(models::ApiClient &client, api::LogKind kind,
                                  const api::LogQuery &filter, int waitMs)
{
    models::LogWindowModel table(client);
    table.setQuery(kind, filter);
    if (!QTest::qWaitFor([&table] { return table.total() >= 0; }, waitMs))
        return {};
    table.data(table.index(0, 0));
    if (!QTest::qWaitFor([&table] { return table.isLoaded(0) && !table.isLoading(); }, waitMs) ||
        table.pageRequests() != 1)
        return {};
    QList<qint64> kept;
    for (int row = 0; row < table.rowCount() && table.isLoaded(row); ++row)
        kept.append(models::logSeqOf(*table.entryAt(row)));
    return kept;
}

} // namespace engage::test
