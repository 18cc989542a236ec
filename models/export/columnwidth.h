#pragma once

#include <QStringView>

namespace engage::models {

// How many character cells `text` takes in a spreadsheet column: East Asian
// wide and fullwidth characters (kanji, kana, hangul, fullwidth forms) count
// two, combining marks none; for text of several lines, its longest line.
// Internal to the export engine, which fits column widths with it.
int displayWidth(QStringView text);

} // namespace engage::models
