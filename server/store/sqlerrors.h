#pragma once

class QSqlError;

namespace engage::server::store {

class ScopedQuery;

// Whether the last statement broke a UNIQUE constraint (SQLite extended code
// 2067 or 1555, PostgreSQL SQLSTATE 23505): a taken e-mail or slug, not a fault.
bool isUniqueViolation(const QSqlError &error);
bool isUniqueViolation(const ScopedQuery &query);

} // namespace engage::server::store
