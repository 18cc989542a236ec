#pragma once

#include <QString>
#include <QStringView>

namespace engage::api {

// Text that a spreadsheet would run as a formula when it opens a CSV file
// (ASVS 1.2.10): it begins with '=', '+', '-', '@', a tab or a carriage return.
bool looksLikeFormula(QStringView text);

// The text with a leading apostrophe when it looksLikeFormula(), so that a
// spreadsheet shows it as text; formulaUnguarded() takes that apostrophe away
// again and leaves every other text unchanged, so that the pair round-trips.
// Both sides compile these: exports guard, imports unguard.
QString formulaGuarded(const QString &text);
QString formulaUnguarded(QString text);

// A CSV field: formulaGuarded(), then RFC 4180 quoting when it holds a comma,
// a double quote, a line feed or a carriage return.
QString csvField(const QString &text);

} // namespace engage::api
