#include "sqlerrors.h"

#include "scopedquery.h"

#include <QSqlError>

namespace engage::server::store {

bool isUniqueViolation(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    return code == QLatin1String("2067") || code == QLatin1String("1555") ||
           code == QLatin1String("23505") ||
           (code == QLatin1String("19") &&
            error.databaseText().contains(QLatin1String("UNIQUE"), Qt::CaseInsensitive));
}

bool isUniqueViolation(const ScopedQuery &query)
{
    return !query.wasRefused() && isUniqueViolation(query.lastError());
}

} // namespace engage::server::store
