#include "exportfolder.h"

#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>

namespace engage::models {

namespace {

const QString kKey = QStringLiteral("export/lastFolder");

} // namespace

QString ExportFolder::last()
{
    const QString folder = QSettings().value(kKey).toString();
    if (!folder.isEmpty() && QFileInfo(folder).isDir())
        return folder;
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}

void ExportFolder::remember(const QString &filePath)
{
    QSettings().setValue(kKey, QFileInfo(filePath).absolutePath());
}

QString ExportFolder::suggestedPath(const QString &tenant, const QString &label,
                                    const QString &suffix)
{
    QStringList parts;
    for (const QString &part : {tenant, label, QDate::currentDate().toString(Qt::ISODate)}) {
        if (!part.isEmpty())
            parts.append(part);
    }
    static const QRegularExpression refused(QStringLiteral("[\\\\/:*?\"<>|\\x00-\\x1f]"));
    const QString name = parts.join(QLatin1Char(' ')).replace(refused, QStringLiteral("_"));
    return QDir(last()).filePath(name + QLatin1Char('.') + suffix);
}

} // namespace engage::models
