#pragma once

#include "models/export/everythingexport.h"
#include "ui/clientcontext.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <memory>

class QAction;
class QFileDialog;
class QMessageBox;
class QProgressDialog;
class QWidget;

namespace engage::ui {

// The window's "Export Everything…" and everything after it, as the pages'
// Export… goes (ExportDialogs): a file dialog for the zip (in the folder of
// the last export, "<tenant> everything <date>.zip" in the UI language), a
// progress dialog with Cancel that names the area being exported, and a
// message at the end with "Open Folder", which says when the logs were left
// out (the tenant has no security option) and, when data came from the
// offline cache, as of when. Nothing blocks: tests drive the dialogs through
// fileDialog(), progressDialog() and resultBox().
class EverythingExportController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EverythingExportController)

public:
    // The action belongs to `window`, which places it in a menu.
    EverythingExportController(QWidget *window, ClientContext &context);
    ~EverythingExportController() override;

    QAction *action() const { return m_action; }
    // Skips the file dialog.
    void exportTo(const QString &zipPath);
    bool isRunning() const;

    QFileDialog *fileDialog() const { return m_fileDialog; }
    QProgressDialog *progressDialog() const { return m_progress; }
    QMessageBox *resultBox() const { return m_result; }

Q_SIGNALS:
    // The zip is complete; or the export failed or was cancelled (no file).
    void exported(const QString &zipPath);
    void exportFailed(const QString &message);
    void exportCancelled();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslate();
    void askForFile();
    void start(const QString &zipPath);
    void onProgress(int area, int areaCount, models::EverythingExport::Phase phase, qint64 done,
                    qint64 total);
    void onFinished(const QString &zipPath);
    void onFailed(const QString &message);
    void endExport();
    void retireExport();

    QWidget *m_window;
    ClientContext &m_context;
    QAction *m_action;
    std::unique_ptr<models::EverythingExport> m_export;
    QPointer<QFileDialog> m_fileDialog;
    QPointer<QProgressDialog> m_progress;
    QPointer<QMessageBox> m_result;
};

} // namespace engage::ui
