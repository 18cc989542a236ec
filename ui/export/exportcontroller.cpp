#include "exportcontroller.h"

#include "models/export/exportfolder.h"
#include "models/export/exportsource.h"
#include "ui/widgets/pageactions.h"

#include <QAction>
#include <QDesktopServices>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QUrl>

namespace engage::ui {

namespace {

// The progress bar's steps: rows and pages are counted in qint64, the bar in int.
constexpr int kProgressSteps = 1000;

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
    auto *dialog = new QFileDialog(m_page, tr("Export"));
    m_fileDialog = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    const QString xlsxFilter = tr("Excel workbook (*.xlsx)");
    const QString csvFilter = tr("CSV, UTF-8 with BOM (*.csv)");
    QStringList filters{xlsxFilter};
    if (m_formats == Formats::XlsxAndCsv)
        filters.append(csvFilter);
    dialog->setNameFilters(filters);
    dialog->setDefaultSuffix(kXlsx);
    dialog->selectFile(models::ExportFolder::suggestedPath(m_tenant ? m_tenant() : QString(),
                                                           m_pending->fileLabel(), kXlsx));
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
    auto *progress = new QProgressDialog(m_page);
    m_progress = progress;
    progress->setAttribute(Qt::WA_DeleteOnClose);
    progress->setWindowTitle(tr("Export"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    progress->setMinimumDuration(0);
    progress->setRange(0, 0);
    progress->setLabelText(tr("Reading from the service…"));
    connect(progress, &QProgressDialog::canceled, this, [this] {
        if (m_task)
            m_task->cancel();
    });
    progress->show();
    m_task->start(filePath, models::ExportTask::formatFor(filePath));
}

void ExportController::onProgress(models::ExportTask::Phase phase, qint64 done, qint64 total)
{
    if (!m_progress)
        return;
    const QLocale locale;
    if (phase == models::ExportTask::Phase::Reading) {
        m_progress->setLabelText(total > 0 ? tr("Reading from the service… %1 of %2")
                                                 .arg(locale.toString(done), locale.toString(total))
                                           : tr("Reading from the service…"));
    } else {
        m_progress->setLabelText(tr("Writing the file… %1 of %2 rows")
                                     .arg(locale.toString(done), locale.toString(total)));
    }
    if (total <= 0) {
        m_progress->setRange(0, 0);
        return;
    }
    m_progress->setRange(0, kProgressSteps);
    m_progress->setValue(static_cast<int>(std::min(done, total) * kProgressSteps / total));
}

void ExportController::onFinished(const QString &filePath)
{
    const QDateTime asOf = m_task->asOf();
    endTask();
    auto *box = new QMessageBox(
        QMessageBox::Information, tr("Export"),
        tr("The file %1 is ready.").arg(QDir::toNativeSeparators(QFileInfo(filePath).fileName())),
        QMessageBox::Close, m_page);
    m_result = box;
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    if (asOf.isValid())
        box->setInformativeText(
            tr("The service could not be reached: the data is as of %1, from this computer's "
               "offline copy.")
                .arg(QLocale().toString(asOf.toLocalTime(), QLocale::ShortFormat)));
    QPushButton *open = box->addButton(tr("Open Folder"), QMessageBox::ActionRole);
    const QString folder = QFileInfo(filePath).absolutePath();
    connect(box, &QMessageBox::buttonClicked, box, [open, folder](QAbstractButton *clicked) {
        if (clicked == open)
            QDesktopServices::openUrl(QUrl::fromLocalFile(folder));
    });
    box->open();
    Q_EMIT exported(filePath);
}

void ExportController::onFailed(const QString &message)
{
    endTask();
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Export"),
                                tr("The file could not be exported."), QMessageBox::Close, m_page);
    m_result = box;
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    box->setInformativeText(message);
    box->open();
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
