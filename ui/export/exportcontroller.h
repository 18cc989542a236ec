#pragma once

#include "models/export/exporttask.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>
#include <memory>

class QAction;
class QFileDialog;
class QMessageBox;
class QProgressDialog;
class QWidget;

namespace engage::models {
class ExportSource;
}

namespace engage::ui {

// A page's "Export to Excel…" action and everything after it: a file dialog
// (in the folder of the last export, named for the tenant, what is exported
// and the day; .xlsx, and CSV where the page shows one table), a progress
// dialog with Cancel while the service is read and the file written, and a
// message at the end that says where the file went ("Open Folder") and, when
// the data came from the offline cache, as of when. Nothing blocks: the
// dialogs open window-modal and answer through signals, so tests drive them
// through fileDialog(), progressDialog() and resultBox().
class ExportController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportController)

public:
    // A new source for each export, of what the page shows now.
    using SourceFactory = std::function<std::unique_ptr<models::ExportSource>()>;
    enum class Formats
    {
        XlsxOnly,
        XlsxAndCsv,
    };

    // The action is added to `page` (a page action: its shortcut acts on the
    // page in view only); `tenant` names the file.
    ExportController(QWidget *page, SourceFactory makeSource, Formats formats,
                     std::function<QString()> tenant);
    ~ExportController() override;

    QAction *action() const { return m_action; }
    // Skips the file dialog (tests, and a page that knows the file).
    void exportTo(const QString &filePath);
    bool isRunning() const;

    QFileDialog *fileDialog() const { return m_fileDialog; }
    QProgressDialog *progressDialog() const { return m_progress; }
    QMessageBox *resultBox() const { return m_result; }

Q_SIGNALS:
    // The file is complete; or the export failed or was cancelled (no file).
    void exported(const QString &filePath);
    void exportFailed(const QString &message);
    void exportCancelled();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslate();
    void askForFile();
    void start(const QString &filePath, std::unique_ptr<models::ExportSource> source);
    void onProgress(models::ExportTask::Phase phase, qint64 done, qint64 total);
    void onFinished(const QString &filePath);
    void onFailed(const QString &message);
    void endTask();

    QWidget *m_page;
    SourceFactory m_makeSource;
    Formats m_formats;
    std::function<QString()> m_tenant;
    QAction *m_action;
    std::unique_ptr<models::ExportSource> m_pending; // while the file dialog is open
    std::unique_ptr<models::ExportTask> m_task;
    QPointer<QFileDialog> m_fileDialog;
    QPointer<QProgressDialog> m_progress;
    QPointer<QMessageBox> m_result;
};

} // namespace engage::ui
