#include "exporttask.h"

namespace engage::models {

ExportTask::ExportTask(std::unique_ptr<ExportSource> source, QObject *parent)
    : QObject(parent)
    , m_source(std::move(source))
{
    connect(
        m_source.get(), &ExportSource::progressChanged, this,
        [this](qint64 done, qint64 total) { Q_EMIT progressChanged(Phase::Reading, done, total); });
    connect(m_source.get(), &ExportSource::loaded, this, &ExportTask::onLoaded);
    connect(m_source.get(), &ExportSource::failed, this, &ExportTask::onLoadFailed);
    connect(&m_exporter, &ModelExporter::progressChanged, this,
            [this](qint64 written, qint64 total) {
                Q_EMIT progressChanged(Phase::Writing, written, total);
            });
    connect(&m_exporter, &ModelExporter::exportFinished, this, [this](const QString &path) {
        m_running = false;
        Q_EMIT finished(path);
    });
    connect(&m_exporter, &ModelExporter::exportFailed, this, [this](const QString &message) {
        m_running = false;
        Q_EMIT failed(message);
    });
    connect(&m_exporter, &ModelExporter::exportCancelled, this, [this] {
        m_running = false;
        Q_EMIT cancelled();
    });
}

// The exporter (a member) cancels and waits for its worker as it goes; the
// source must not outlive the models the worker reads, so it goes after.
ExportTask::~ExportTask() = default;

ExportTask::Format ExportTask::formatFor(const QString &filePath)
{
    return filePath.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive) ? Format::Csv
                                                                         : Format::Xlsx;
}

void ExportTask::start(const QString &filePath, Format format)
{
    if (m_running)
        return;
    m_running = true;
    m_filePath = filePath;
    m_format = format;
    m_asOf = {};
    Q_EMIT progressChanged(Phase::Reading, 0, 0);
    m_source->load();
}

void ExportTask::cancel()
{
    if (!m_running)
        return;
    if (m_source->isLoading()) {
        m_source->cancel();
        m_running = false;
        Q_EMIT cancelled();
        return;
    }
    m_exporter.cancel();
}

void ExportTask::onLoaded()
{
    const QList<ExportSheet> sheets = m_source->sheets();
    ExportCover cover = m_source->cover();
    cover.exportedAt = QDateTime::currentDateTime();
    m_asOf = cover.asOf;
    const bool started =
        !sheets.isEmpty() &&
        (m_format == Format::Csv ? m_exporter.startCsv(m_filePath, sheets.constFirst())
                                 : m_exporter.startXlsx(m_filePath, sheets, cover));
    if (!started) {
        m_running = false;
        Q_EMIT failed(tr("There was nothing to export."));
    }
}

void ExportTask::onLoadFailed(const ApiError &error)
{
    m_running = false;
    Q_EMIT failed(error.detail.isEmpty() ? error.message()
                                         : tr("%1 (%2)").arg(error.message(), error.detail));
}

} // namespace engage::models
