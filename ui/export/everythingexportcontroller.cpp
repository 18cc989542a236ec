#include "everythingexportcontroller.h"

#include "exportdialogs.h"
#include "models/export/exportfolder.h"
#include "models/languageswitcher.h"
#include "models/session.h"

#include <QAction>
#include <QEvent>
#include <QFileDialog>
#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>
#include <QWidget>

namespace engage::ui {

namespace {

const QString kZip = QStringLiteral("zip");

} // namespace

EverythingExportController::EverythingExportController(QWidget *window, ClientContext &context)
    : QObject(window)
    , m_window(window)
    , m_context(context)
    , m_action(new QAction(window))
{
    m_action->setObjectName(QStringLiteral("exportEverythingAction"));
    connect(m_action, &QAction::triggered, this, &EverythingExportController::askForFile);
    window->installEventFilter(this);
    retranslate();
}

// The export goes before the dialogs that watch it (they are the window's children).
EverythingExportController::~EverythingExportController() = default;

bool EverythingExportController::isRunning() const
{
    return m_export && m_export->isRunning();
}

bool EverythingExportController::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::LanguageChange)
        retranslate();
    return QObject::eventFilter(watched, event);
}

void EverythingExportController::retranslate()
{
    m_action->setText(tr("Export &Everything…"));
    m_action->setToolTip(tr("Save every member, result, survey and log of the company as Excel "
                            "workbooks in one zip file"));
}

void EverythingExportController::askForFile()
{
    if (isRunning() || m_fileDialog) {
        if (m_fileDialog)
            m_fileDialog->raise();
        return;
    }
    QFileDialog *dialog = ExportDialogs::fileDialog(
        m_window, tr("Export Everything"), {tr("Zip file of Excel workbooks (*.zip)")}, kZip,
        models::ExportFolder::suggestedPath(m_context.session.tenant(),
                                            models::EverythingExport::fileLabel(), kZip));
    m_fileDialog = dialog;
    connect(dialog, &QFileDialog::fileSelected, this, &EverythingExportController::start);
    dialog->open();
}

void EverythingExportController::exportTo(const QString &zipPath)
{
    if (!isRunning())
        start(zipPath);
}

void EverythingExportController::start(const QString &zipPath)
{
    models::ExportFolder::remember(zipPath);
    retireExport();
    const QString language = m_context.language.language();
    m_export = std::make_unique<models::EverythingExport>(
        m_context.client,
        language.isEmpty() ? models::LanguageSwitcher::systemLanguage() : language,
        m_context.session.tenant());
    connect(m_export.get(), &models::EverythingExport::progressChanged, this,
            &EverythingExportController::onProgress);
    connect(m_export.get(), &models::EverythingExport::finished, this,
            &EverythingExportController::onFinished);
    connect(m_export.get(), &models::EverythingExport::failed, this,
            &EverythingExportController::onFailed);
    connect(m_export.get(), &models::EverythingExport::cancelled, this, [this] {
        endExport();
        Q_EMIT exportCancelled();
    });

    if (m_result)
        m_result->close();
    m_progress = ExportDialogs::openProgress(m_window, tr("Export Everything"));
    connect(m_progress, &QProgressDialog::canceled, this, [this] {
        if (m_export)
            m_export->cancel();
    });
    m_export->start(zipPath);
}

void EverythingExportController::onProgress(int area, int areaCount,
                                            models::EverythingExport::Phase phase, qint64 done,
                                            qint64 total)
{
    if (!m_progress)
        return;
    using Phase = models::EverythingExport::Phase;
    if (phase == Phase::Packing) {
        ExportDialogs::setProgress(*m_progress, tr("Packing the zip file…"), done, total);
        return;
    }
    const QString heading =
        tr("%1 (%2 of %3)")
            .arg(models::EverythingExport::areaLabel(models::EverythingExport::areas().at(area)))
            .arg(area + 1)
            .arg(areaCount);
    const QLocale locale;
    const QString step = phase == Phase::Reading
                             ? ExportDialogs::readingLabel(done, total)
                             : tr("Writing the workbook… %1 of %2 rows")
                                   .arg(locale.toString(done), locale.toString(total));
    ExportDialogs::setProgress(*m_progress, heading + QLatin1Char('\n') + step, done, total);
}

void EverythingExportController::onFinished(const QString &zipPath)
{
    const QDateTime asOf = m_export->asOf();
    const QString leftOut = m_export->leftOutNote();
    endExport();
    m_result = ExportDialogs::openResult(m_window, tr("Export Everything"), zipPath, asOf, leftOut);
    Q_EMIT exported(zipPath);
}

void EverythingExportController::onFailed(const QString &message)
{
    endExport();
    m_result = ExportDialogs::openFailure(m_window, tr("Export Everything"), message);
    Q_EMIT exportFailed(message);
}

void EverythingExportController::endExport()
{
    if (m_progress)
        m_progress->close();
    retireExport();
}

void EverythingExportController::retireExport()
{
    // From the export's own signal: it goes once the signal has returned, and
    // with this object at the latest.
    if (models::EverythingExport *done = m_export.release()) {
        done->setParent(this);
        done->deleteLater();
    }
}

} // namespace engage::ui
