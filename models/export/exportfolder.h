#pragma once

#include <QString>

namespace engage::models {

// Where the last export went (QSettings "export/lastFolder"), so that the
// next file dialog opens there; the user's documents folder before the first.
class ExportFolder final
{
public:
    static QString last();
    static void remember(const QString &filePath); // keeps the file's folder

    // "<tenant> <label> <yyyy-MM-dd>.<suffix>" in the last folder; characters
    // file systems refuse are replaced.
    static QString suggestedPath(const QString &tenant, const QString &label,
                                 const QString &suffix);
};

} // namespace engage::models
