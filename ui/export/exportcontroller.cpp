#include "exportcontroller.h"

#include "exportdialogs.h"
#include "models/export/exportfolder.h"
#include "models/export/exportsource.h"
#include "ui/widgets/pageactions.h"

#include <QAction>
#include <QEvent>
#include <QFileDialog>
#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>

namespace engage::ui {

namespace {

const QString kXlsx = QStringLiteral("xlsx");
const QString kCsv = QStringLiteral("csv");

} // namespace

ExportController::ExportController(QWidget *page, SourceFactory makeSource, Formats formats,
                                   std::function<QString()> tenant)
    : QObject(page)
    , m_page(page)
    , m_makeSource(std::move(makeSource))
    , m_formats(formats)
    , m_tenant(std::move(tenant))
    , m_action(pageAction({}, page))
{
    connect(m_action, &QAction::triggered, this, &ExportController::askForFile);
    page->installEventFilter(this);
    retranslate();
}

// The task goes before the dialogs that watch it (they are the page's children).
ExportController::~ExportController() = default;

bool ExportController::isRunning() const
{
    return m_task && m_task->isRunning();
}

bool ExportController::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_page && event->type() == QEvent::LanguageChange)
        retranslate();
    return QObject::eventFilter(watched, event);
}

void ExportController::retranslate()
{
    m_action->setText(m_formats == Formats::XlsxAndCsv ? tr("E&xport…") : tr("E&xport to Excel…"));
    m_action->setToolTip(m_formats == Formats::XlsxAndCsv
                             ? tr("Save what the page shows as an Excel workbook or a CSV file")
                             : tr("Save what the page shows as an Excel workbook"));
}

void ExportController::askForFile()
{
    if (isRunning() || m_fileDialog) {
        if (m_fileDialog)
            m_fileDialog->raise();
        return;
    }
    m_pending = m_makeSource();
    if (!m_pending)
        return;
    const QString xlsxFilter = tr("Excel workbook (*.xlsx)");
    const QString csvFilter = tr("CSV, UTF-8 with BOM (*.csv)");
    QStringList filters{xlsxFilter};
    if (m_formats == Formats::XlsxAndCsv)
        filters.append(csvFilter);
    QFileDialog *dialog = ExportDialogs::fileDialog(
        m_page, tr("Export"), filters, kXlsx,
        models::ExportFolder::suggestedPath(m_tenant ? m_tenant() : QString(),
                                            m_pending->fileLabel(), kXlsx));
    m_fileDialog = dialog;
    connect(dialog, &QFileDialog::filterSelected, dialog,
            [dialog, csvFilter](const QString &filter) {
                dialog->setDefaultSuffix(filter == csvFilter ? kCsv : kXlsx);
            });
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &filePath) {
        if (m_pending)
            start(filePath, std::move(m_pending));
    });
    connect(dialog, &QDialog::rejected, this, [this] { m_pending.reset(); });
    dialog->open();
}

void ExportController::exportTo(const QString &filePath)
{
    if (isRunning())
        return;
    if (auto source = m_makeSource())
        start(filePath, std::move(source));
}

void ExportController::start(const QString &filePath, std::unique_ptr<models::ExportSource> source)
{
    models::ExportFolder::remember(filePath);
    if (m_task)
        m_task.release()->deleteLater();
    m_task = std::make_unique<models::ExportTask>(std::move(source));
    connect(m_task.get(), &models::ExportTask::progressChanged, this,
            &ExportController::onProgress);
    connect(m_task.get(), &models::ExportTask::finished, this, &ExportController::onFinished);
    connect(m_task.get(), &models::ExportTask::failed, this, &ExportController::onFailed);
    connect(m_task.get(), &models::ExportTask::cancelled, this, [this] {
        endTask();
        Q_EMIT exportCancelled();
    });

    if (m_result)
        m_result->close();
    m_progress = ExportDialogs::openProgress(m_page, tr("Export"));
    connect(m_progress, &QProgressDialog::canceled, this, [this] {
        if (m_task)
            m_task->cancel();
    });
    m_task->start(filePath, models::ExportTask::formatFor(filePath));
}

void ExportController::onProgress(models::ExportTask::Phase phase, qint64 done, qint64 total)
{
    if (!m_progress)
        return;
    ExportDialogs::setProgress(*m_progress,
                               phase == models::ExportTask::Phase::Reading
                                   ? ExportDialogs::readingLabel(done, total)
                                   : tr("Writing the file… %1 of %2 rows")
                                         .arg(QLocale().toString(done), QLocale().toString(total)),
                               done, total);
}

void ExportController::onFinished(const QString &filePath)
{
    const QDateTime asOf = m_task->asOf();
    endTask();
    m_result = ExportDialogs::openResult(m_page, tr("Export"), filePath, asOf);
    Q_EMIT exported(filePath);
}

void ExportController::onFailed(const QString &message)
{
    endTask();
    m_result = ExportDialogs::openFailure(m_page, tr("Export"), message);
    Q_EMIT exportFailed(message);
}

void ExportController::endTask()
{
    if (m_progress)
        m_progress->close();
    // From the task's own signal: it goes once the signal has returned.
    if (m_task)
        m_task.release()->deleteLater();
}

} // namespace engage::ui
