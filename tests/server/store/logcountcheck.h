#pragma once

// Whether log_counts (store/logcounts.h) holds exactly COUNT(*) of every
// tenant's access, operation and error rows per quarter hour: what the
// store, archiver and crash tests assert after their writes.

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

namespace engage::server::store::testing {

// Empty when they agree; otherwise what differs (or the query's error).
inline QString logCountMismatch(const QSqlDatabase &database)
{
    // Counted here from the rows with SQL of the test's own (floor of `at`
    // to 15 minutes), not with the code under test.
    const auto lines = [&](const QString &sql, QString *error) {
        QStringList found;
        QSqlQuery query(database);
        if (!query.exec(sql)) {
            *error = sql + QLatin1String(": ") + query.lastError().text();
            return found;
        }
        while (query.next())
            found.append(QStringList{query.value(0).toString(), query.value(1).toString(),
                                     query.value(2).toString(), query.value(3).toString()}
                             .join(u' '));
        return found;
    };
    QString error;
    QStringList counted;
    for (const char *log : {"access", "operation", "error"}) {
        // (QString::arg leaves "% 9" alone: only %1 is a placeholder.)
        counted += lines(QStringLiteral("SELECT tenant_id, '%1', at - ((at % 900000) + 900000) "
                                        "% 900000 AS slot, COUNT(*) FROM %1_log GROUP BY "
                                        "tenant_id, slot")
                             .arg(QLatin1String(log)),
                         &error);
    }
    const QStringList stored =
        lines(QStringLiteral("SELECT tenant_id, log, slot_at, row_count FROM log_counts"), &error);
    if (!error.isEmpty())
        return error;
    counted.sort();
    QStringList sortedStored = stored;
    sortedStored.sort();
    if (counted == sortedStored)
        return QString();
    QStringList onlyCounted;
    for (const QString &line : std::as_const(counted)) {
        if (!sortedStored.contains(line))
            onlyCounted.append(line);
    }
    QStringList onlyStored;
    for (const QString &line : std::as_const(sortedStored)) {
        if (!counted.contains(line))
            onlyStored.append(line);
    }
    return QStringLiteral("%1 slots counted from the rows, %2 in log_counts; rows say: %3; "
                          "log_counts says: %4")
        .arg(counted.size())
        .arg(stored.size())
        .arg(onlyCounted.mid(0, 5).join(QLatin1String(", ")),
             onlyStored.mid(0, 5).join(QLatin1String(", ")));
}

} // namespace engage::server::store::testing
