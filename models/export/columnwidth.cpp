#include "columnwidth.h"

#include <QChar>
#include <QStringTokenizer>
#include <algorithm>

namespace engage::models {

namespace {

// Unicode's East Asian Width W and F ranges that occur in text (UAX #11),
// coarsened to blocks: a width estimate needs no finer table.
bool isWide(char32_t c)
{
    return (c >= 0x1100 && c <= 0x115F) ||   // Hangul Jamo initials
           (c >= 0x2E80 && c <= 0x303E) ||   // CJK radicals, punctuation
           (c >= 0x3041 && c <= 0x33FF) ||   // kana, CJK compatibility
           (c >= 0x3400 && c <= 0x4DBF) ||   // CJK extension A
           (c >= 0x4E00 && c <= 0x9FFF) ||   // CJK unified ideographs
           (c >= 0xA000 && c <= 0xA4CF) ||   // Yi
           (c >= 0xAC00 && c <= 0xD7A3) ||   // Hangul syllables
           (c >= 0xF900 && c <= 0xFAFF) ||   // CJK compatibility ideographs
           (c >= 0xFE30 && c <= 0xFE4F) ||   // CJK compatibility forms
           (c >= 0xFF00 && c <= 0xFF60) ||   // fullwidth forms
           (c >= 0xFFE0 && c <= 0xFFE6) ||   // fullwidth signs
           (c >= 0x1F300 && c <= 0x1F64F) || // emoji
           (c >= 0x20000 && c <= 0x3FFFD);   // CJK extensions B and later
}

int lineWidth(QStringView line)
{
    int width = 0;
    for (qsizetype i = 0; i < line.size(); ++i) {
        char32_t c = line.at(i).unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < line.size() && line.at(i + 1).isLowSurrogate()) {
            c = QChar::surrogateToUcs4(line.at(i), line.at(i + 1));
            ++i;
        }
        const auto category = QChar::category(c);
        if (category == QChar::Mark_NonSpacing || category == QChar::Mark_Enclosing ||
            category == QChar::Other_Format)
            continue;
        width += isWide(c) ? 2 : 1;
    }
    return width;
}

} // namespace

int displayWidth(QStringView text)
{
    int widest = 0;
    for (const QStringView line : QStringTokenizer(text, u'\n'))
        widest = std::max(widest, lineWidth(line));
    return widest;
}

} // namespace engage::models
