#include "modelexporter.h"

#include "cellvalue.h"
#include "columnwidth.h"
#include "csvfilewriter.h"
#include "exportplan.h"
#include "rowpipe.h"
#include "xlsxfilewriter.h"

#include <QAbstractItemModel>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QPromise>
#include <QTemporaryFile>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>

#ifdef Q_OS_WIN
#include <qt_windows.h>
#endif

namespace engage::models {

Q_LOGGING_CATEGORY(lcExport, "engage.export")

namespace {

// Cells a chunk holds (its rows times the columns), chunks the pipe holds:
// a few MB in flight, and the reader's turn short enough for the UI.
constexpr int kCellsPerChunk = 4096;
constexpr int kPipeChunks = 16;
// The reader yields to the event loop after this long.
constexpr int kFeedSliceMs = 15;
// Column widths: from the header and this many rows spread over the model,
// within these bounds (Excel's character units), plus room for the filter button.
constexpr int kSampledRows = 200;
constexpr double kMinWidth = 6;
constexpr double kMaxWidth = 60;
constexpr double kFilterButtonWidth = 3;

int sampleWidth(const CellValue &cell)
{
    switch (cell.kind) {
    case CellValue::Kind::Empty:
        return 0;
    case CellValue::Kind::Number:
        return int(QString::number(cell.number, 'g', 10).size());
    case CellValue::Kind::Percent:
        return int(QString::number(cell.number * 100, 'f', 1).size()) + 1;
    case CellValue::Kind::Date:
        return 10; // yyyy-mm-dd
    case CellValue::Kind::DateTime:
        return 16; // yyyy-mm-dd hh:mm
    case CellValue::Kind::Boolean:
        return 5;
    case CellValue::Kind::Text:
        return displayWidth(cell.text);
    }
    return 0;
}

SheetPlan sheetPlan(const ExportSheet &sheet)
{
    const QAbstractItemModel &model = *sheet.model;
    SheetPlan plan;
    plan.title = sheet.title;
    plan.colourScale = sheet.colourScale;
    plan.charts = sheet.charts;
    const int columns = model.columnCount();
    plan.rowCount = columns > 0 ? model.rowCount() : 0;
    for (int column = 0; column < columns; ++column) {
        plan.headers.append(model.headerData(column, Qt::Horizontal).toString());
        const auto hint = sheet.columns.constFind(column);
        CellFormat format = CellFormat::Automatic;
        if (hint != sheet.columns.cend()) {
            format = hint->format;
        } else {
            const QVariant declared = model.headerData(column, Qt::Horizontal, ExportFormatRole);
            const int value = declared.isValid() ? declared.toInt() : 0;
            if (value > int(CellFormat::Automatic) && value <= int(CellFormat::DateTime))
                format = CellFormat(value);
        }
        plan.formats.append(format);
        plan.valueRoles.append(hint != sheet.columns.cend() ? hint->valueRole : Qt::DisplayRole);
    }

    // The first rows and rows spread over the rest: what a reader sees first
    // and what is typical further down.
    QList<int> widest;
    for (const QString &header : std::as_const(plan.headers))
        widest.append(displayWidth(header) + int(kFilterButtonWidth));
    const int step = std::max(1, plan.rowCount / (kSampledRows / 2));
    for (int row = 0; row < plan.rowCount; row = row < kSampledRows / 2 ? row + 1 : row + step) {
        for (int column = 0; column < columns; ++column) {
            const QVariant value = model.data(model.index(row, column), plan.valueRoles.at(column));
            widest[column] =
                std::max(widest.at(column), sampleWidth(cellValue(value, plan.formats.at(column))));
        }
    }
    for (const int width : std::as_const(widest))
        plan.widths.append(std::clamp(width + 1.0, kMinWidth, kMaxWidth));
    return plan;
}

// Gives the finished file its name, replacing a file of that name in one step.
bool replaceFile(const QString &from, const QString &to)
{
#ifdef Q_OS_WIN
    return MoveFileExW(reinterpret_cast<const wchar_t *>(QDir::toNativeSeparators(from).utf16()),
                       reinterpret_cast<const wchar_t *>(QDir::toNativeSeparators(to).utf16()),
                       MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH) != 0;
#else
    return std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) == 0;
#endif
}

} // namespace

qint64 WorkbookPlan::totalRows() const
{
    qint64 rows = 0;
    for (const SheetPlan &sheet : sheets)
        rows += sheet.rowCount;
    return rows;
}

// What the UI thread and the worker share for one export; the worker sets
// the outcome before it ends, the UI thread reads it after.
struct ExportJob
{
    enum class Outcome
    {
        Finished,
        Cancelled,
        Failed,
    };

    explicit ExportJob(std::function<void()> wakeReader)
        : pipe(kPipeChunks, std::move(wakeReader))
    {}

    WorkbookPlan plan;
    RowPipe pipe;
    Outcome outcome = Outcome::Failed;
    QString detail; // English, from the writer or the file system
};

namespace {

void runExport(QPromise<void> &promise, const std::shared_ptr<ExportJob> &job)
{
    const WorkbookPlan &plan = job->plan;
    const auto failed = [&job](const QString &detail) {
        job->outcome = ExportJob::Outcome::Failed;
        job->detail = detail;
        // The reader may still be filling the pipe: it stops, and what it
        // filled is dropped.
        job->pipe.cancel();
    };
    // Beside the target, so that the rename stays on one file system. Removed
    // with this object unless the export gets as far as the rename.
    const QFileInfo target(plan.filePath);
    QTemporaryFile temporary(
        target.dir().filePath(QStringLiteral(".%1.XXXXXX.part").arg(target.fileName())));
    if (!temporary.open())
        return failed(temporary.errorString());
    temporary.close();

    std::unique_ptr<TableFileWriter> writer;
    if (plan.format == WorkbookPlan::Format::Xlsx)
        writer = std::make_unique<XlsxFileWriter>(plan);
    else
        writer = std::make_unique<CsvFileWriter>(plan);
    if (!writer->open(temporary.fileName()))
        return failed(writer->error());

    promise.setProgressRange(0, int(std::min<qint64>(plan.totalRows(), INT_MAX)));
    qint64 written = 0;
    while (const std::optional<RowChunk> chunk = job->pipe.pop()) {
        const QVariant *cells = chunk->cells.constData();
        for (int row = 0; row < chunk->rows(); ++row, cells += chunk->columns) {
            if (!writer->writeRow(chunk->sheet, cells))
                return failed(writer->error());
        }
        written += chunk->rows();
        promise.setProgressValue(int(std::min<qint64>(written, INT_MAX)));
    }
    if (job->pipe.isCancelled()) {
        job->outcome = ExportJob::Outcome::Cancelled;
        return;
    }
    if (!writer->close())
        return failed(writer->error());
    if (!job->pipe.commit()) {
        job->outcome = ExportJob::Outcome::Cancelled;
        return;
    }
    if (!replaceFile(temporary.fileName(), plan.filePath))
        return failed(QString::fromLocal8Bit(std::strerror(errno)));
    temporary.setAutoRemove(false);
    job->outcome = ExportJob::Outcome::Finished;
}

} // namespace

ModelExporter::ModelExporter(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<void>::progressValueChanged, this,
            &ModelExporter::onProgress);
    connect(&m_watcher, &QFutureWatcher<void>::finished, this, &ModelExporter::onWorkerFinished);
}

ModelExporter::~ModelExporter()
{
    if (m_job) {
        m_job->pipe.cancel();
        // The worker posts to this object: it must end before the object does.
        m_watcher.waitForFinished();
    }
}

bool ModelExporter::startXlsx(const QString &filePath, const QList<ExportSheet> &sheets,
                              const std::optional<ExportCover> &cover)
{
    auto job = std::make_shared<ExportJob>([this] { postFeed(); });
    job->plan.format = WorkbookPlan::Format::Xlsx;
    job->plan.filePath = filePath;
    if (cover) {
        CoverPlan plan;
        plan.cover = *cover;
        plan.title = tr("About this export");
        plan.tenantLabel = tr("Tenant");
        plan.filtersLabel = tr("Filters");
        plan.noFilters = tr("None: everything shown");
        plan.exportedAtLabel = tr("Exported at");
        plan.asOfLabel = tr("Data as of");
        plan.thresholdLabel = tr("Anonymity threshold (fewest respondents shown)");
        plan.truncatedLabel =
            tr("Texts cut at Excel's limit of 32,767 characters (they end with \"…\")");
        job->plan.cover = plan;
    }
    return start(std::move(job), sheets);
}

bool ModelExporter::startCsv(const QString &filePath, const ExportSheet &sheet)
{
    auto job = std::make_shared<ExportJob>([this] { postFeed(); });
    job->plan.format = WorkbookPlan::Format::Csv;
    job->plan.filePath = filePath;
    return start(std::move(job), {sheet});
}

bool ModelExporter::start(std::shared_ptr<ExportJob> job, const QList<ExportSheet> &sheets)
{
    if (m_job || sheets.isEmpty() ||
        std::any_of(sheets.cbegin(), sheets.cend(), [](const ExportSheet &sheet) {
            return sheet.model.isNull() || sheet.model->thread() != QThread::currentThread();
        }))
        return false;
    job->plan.dataRowsPerSheet = m_dataRowsPerSheet;
    m_models.clear();
    for (const ExportSheet &sheet : sheets) {
        job->plan.sheets.append(sheetPlan(sheet));
        m_models.append(sheet.model);
        const QAbstractItemModel *model = sheet.model.data();
        // Any change of shape before the model is read to its end: the rows
        // would no longer be the ones the user saw.
        for (const auto &signal :
             {&QAbstractItemModel::rowsAboutToBeInserted, &QAbstractItemModel::rowsAboutToBeRemoved,
              &QAbstractItemModel::columnsAboutToBeInserted,
              &QAbstractItemModel::columnsAboutToBeRemoved}) {
            m_modelConnections.append(connect(model, signal, this, &ModelExporter::onModelChanged));
        }
        m_modelConnections.append(connect(model, &QAbstractItemModel::rowsAboutToBeMoved, this,
                                          &ModelExporter::onModelChanged));
        m_modelConnections.append(connect(model, &QAbstractItemModel::columnsAboutToBeMoved, this,
                                          &ModelExporter::onModelChanged));
        m_modelConnections.append(connect(model, &QAbstractItemModel::modelAboutToBeReset, this,
                                          &ModelExporter::onModelChanged));
        m_modelConnections.append(connect(model, &QAbstractItemModel::layoutAboutToBeChanged, this,
                                          &ModelExporter::onModelChanged));
        m_modelConnections.append(
            connect(model, &QObject::destroyed, this, &ModelExporter::onModelChanged));
    }
    m_job = std::move(job);
    m_failure.clear();
    m_rowsWritten = 0;
    m_feedSheet = 0;
    m_feedRow = 0;
    m_feedPosted = false;
    const std::shared_ptr<ExportJob> running = m_job;
    m_watcher.setFuture(
        QtConcurrent::run([running](QPromise<void> &promise) { runExport(promise, running); }));
    feed();
    return true;
}

void ModelExporter::cancel()
{
    if (m_job)
        m_job->pipe.cancel();
}

bool ModelExporter::isRunning() const
{
    return m_job != nullptr;
}

void ModelExporter::setDataRowsPerSheet(qint64 rows)
{
    m_dataRowsPerSheet = std::clamp<qint64>(rows, 1, kExcelDataRowsPerSheet);
}

void ModelExporter::postFeed()
{
    QMetaObject::invokeMethod(this, &ModelExporter::feed, Qt::QueuedConnection);
}

// Reads the models into the pipe until it is full (the worker wakes this
// again once it has room) or the slice's time is up (posted again).
void ModelExporter::feed()
{
    m_feedPosted = false;
    if (!m_job || m_job->pipe.isCancelled())
        return;
    const WorkbookPlan &plan = m_job->plan;
    QElapsedTimer slice;
    slice.start();
    while (m_feedSheet < plan.sheets.size()) {
        const SheetPlan &sheet = plan.sheets.at(m_feedSheet);
        if (m_feedRow >= sheet.rowCount) {
            ++m_feedSheet;
            m_feedRow = 0;
            continue;
        }
        if (!m_job->pipe.reserve())
            return;
        if (slice.elapsed() >= kFeedSliceMs) {
            if (!std::exchange(m_feedPosted, true))
                postFeed();
            return;
        }
        const QAbstractItemModel *model = m_models.at(m_feedSheet);
        const int columns = sheet.columnCount();
        const int rows =
            std::min(sheet.rowCount - m_feedRow, std::max(1, kCellsPerChunk / columns));
        RowChunk chunk;
        chunk.sheet = m_feedSheet;
        chunk.columns = columns;
        chunk.cells.reserve(qsizetype(rows) * columns);
        for (int row = m_feedRow; row < m_feedRow + rows; ++row) {
            for (int column = 0; column < columns; ++column)
                chunk.cells.append(
                    model->data(model->index(row, column), sheet.valueRoles.at(column)));
        }
        m_feedRow += rows;
        m_job->pipe.push(std::move(chunk));
    }
    disconnectModels();
    m_job->pipe.close();
}

void ModelExporter::onModelChanged()
{
    if (!m_job)
        return;
    m_failure = tr("The table changed while it was being exported, so the export stopped. "
                   "Export it again.");
    disconnectModels();
    m_job->pipe.cancel();
}

void ModelExporter::onProgress(int rowsWritten)
{
    if (!m_job || rowsWritten <= m_rowsWritten)
        return;
    m_rowsWritten = rowsWritten;
    Q_EMIT progressChanged(m_rowsWritten, m_job->plan.totalRows());
}

void ModelExporter::onWorkerFinished()
{
    const std::shared_ptr<ExportJob> job = std::exchange(m_job, nullptr);
    if (!job)
        return;
    disconnectModels();
    m_models.clear();
    const QString fileName = QFileInfo(job->plan.filePath).fileName();
    switch (job->outcome) {
    case ExportJob::Outcome::Finished:
        if (m_rowsWritten < job->plan.totalRows())
            Q_EMIT progressChanged(job->plan.totalRows(), job->plan.totalRows());
        Q_EMIT exportFinished(job->plan.filePath);
        return;
    case ExportJob::Outcome::Cancelled:
        if (!m_failure.isEmpty()) {
            Q_EMIT exportFailed(m_failure);
            return;
        }
        Q_EMIT exportCancelled();
        return;
    case ExportJob::Outcome::Failed:
        qCWarning(lcExport) << "export failed:" << job->detail;
        Q_EMIT exportFailed(tr("%1 could not be written: %2").arg(fileName, job->detail));
        return;
    }
}

void ModelExporter::disconnectModels()
{
    for (const QMetaObject::Connection &connection : std::as_const(m_modelConnections))
        disconnect(connection);
    m_modelConnections.clear();
}

} // namespace engage::models
