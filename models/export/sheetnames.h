#pragma once

#include <QSet>
#include <QString>

namespace engage::models {

// Hands out worksheet names that Excel accepts: none of []:*?/\ (each
// replaced by '_'), at most 31 characters, no apostrophe at either end, not
// empty, not Excel's reserved "History", and unique in the workbook without
// regard to case (a number is added to a repeated one). Internal to the
// export engine.
class SheetNames final
{
public:
    static constexpr int kMaxLength = 31;

    // `title` made valid and unique; `suffix` (" (2)" of a continued sheet)
    // is kept whole, the title shortened to make room for it.
    QString take(const QString &title, const QString &suffix = {});

private:
    bool isTaken(const QString &name) const;

    QSet<QString> m_taken; // case-folded
};

} // namespace engage::models
