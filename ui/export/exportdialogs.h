#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

class QFileDialog;
class QMessageBox;
class QProgressDialog;
class QWidget;

namespace engage::ui {

// The dialogs an export goes through, shared by the pages' Export… and the
// window's Export Everything…: the file dialog, the progress dialog with
// Cancel, and the message at the end. Each opens window-modal over `parent`,
// answers through signals and deletes itself once closed.
class ExportDialogs final
{
    // The texts were translated as ExportController's, where they were first.
    Q_DECLARE_TR_FUNCTIONS(engage::ui::ExportController)

public:
    ExportDialogs() = delete;

    // A save dialog offering `nameFilters`, `suggestedPath` selected; not yet
    // open, so that the caller connects to it first.
    static QFileDialog *fileDialog(QWidget *parent, const QString &title,
                                   const QStringList &nameFilters, const QString &defaultSuffix,
                                   const QString &suggestedPath);
    // Shown at once, busy ("Reading from the service…"); the caller connects
    // to its canceled().
    static QProgressDialog *openProgress(QWidget *parent, const QString &title);
    // The label, and the bar at `done` of `total` (busy while total is 0).
    static void setProgress(QProgressDialog &progress, const QString &label, qint64 done,
                            qint64 total);
    // The reading phase's label, with the count once known.
    static QString readingLabel(qint64 done, qint64 total);
    // "The file … is ready." with Open Folder; beneath it, the offline copy's
    // time when `asOf` is valid, and `note` when given.
    static QMessageBox *openResult(QWidget *parent, const QString &title, const QString &filePath,
                                   const QDateTime &asOf, const QString &note = {});
    // "The file could not be exported.", `message` beneath.
    static QMessageBox *openFailure(QWidget *parent, const QString &title, const QString &message);
};

} // namespace engage::ui
