#pragma once

#include "exportspec.h"

#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <QString>
#include <memory>
#include <optional>

namespace engage::models {

struct ExportJob;

// Writes item models to an .xlsx workbook (libxlsxwriter, constant-memory
// mode) or a CSV file, off the UI thread:
//
//   auto *exporter = new ModelExporter(this);
//   connect(exporter, &ModelExporter::progressChanged, bar, ...);
//   connect(exporter, &ModelExporter::exportFinished, this, ...);
//   exporter->startXlsx(path, {sheet}, cover);
//
// The models are read on the exporter's thread (theirs; a model is not
// thread-safe) a slice at a time between events, and written by a worker
// thread, so that the UI stays live. A model that changes its rows, columns
// or layout before it is read to the end fails the export (a sort, a reset,
// a fetched page): the data would no longer be what the user saw.
//
// The file is written under a temporary name in the target folder and given
// its name only once complete, replacing a file of that name: a cancelled or
// failed export leaves neither the file nor the temporary one behind. The
// file is readable by its owner alone (it holds personal data): sharing it
// is the user's decision.
// One export at a time per exporter; destroying a running exporter cancels
// it and waits for its worker.
class ModelExporter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ModelExporter)

public:
    // Excel's sheet holds 1,048,576 rows: the header and this many data rows.
    static constexpr qint64 kExcelDataRowsPerSheet = 1048575;

    explicit ModelExporter(QObject *parent = nullptr);
    ~ModelExporter() override;

    // False (and nothing emitted) when an export is under way, `sheets` is
    // empty or a sheet has no model. Cover labels, the truncation note and
    // continued sheet names are in the UI language of this call.
    bool startXlsx(const QString &filePath, const QList<ExportSheet> &sheets,
                   const std::optional<ExportCover> &cover);
    // UTF-8 with a byte order mark (so that Excel reads Japanese), CRLF lines,
    // RFC 4180 quoting, the header row first; text that a spreadsheet would run
    // as a formula gets a leading apostrophe (api::csvField), which the member
    // importer removes again. Dates as YYYY-MM-DD, numbers in C-locale form.
    bool startCsv(const QString &filePath, const ExportSheet &sheet);

    // Stops the export under way: exportCancelled() follows, and no file is
    // left behind. Too late once the file is being given its name (then
    // exportFinished() follows).
    void cancel();
    bool isRunning() const;

    // Data rows per sheet before the rest continues on another sheet; Excel's
    // limit unless lowered (to split a workbook into smaller sheets).
    void setDataRowsPerSheet(qint64 rows);

Q_SIGNALS:
    // Rows written out of rowsTotal (every sheet's), never decreasing.
    void progressChanged(qint64 rowsWritten, qint64 rowsTotal);
    void exportFinished(const QString &filePath);
    // `message` in the UI language: why, and the file's name.
    void exportFailed(const QString &message);
    void exportCancelled();

private:
    bool start(std::shared_ptr<ExportJob> job, const QList<ExportSheet> &sheets);
    void feed();
    void postFeed();
    void onModelChanged();
    void onWorkerFinished();
    void onProgress(int rowsWritten);
    void disconnectModels();

    std::shared_ptr<ExportJob> m_job;
    QList<QPointer<const QAbstractItemModel>> m_models; // by sheet, read by feed()
    QFutureWatcher<void> m_watcher;
    QList<QMetaObject::Connection> m_modelConnections;
    QString m_failure; // set when the export stops on the reading side
    qint64 m_dataRowsPerSheet = kExcelDataRowsPerSheet;
    qint64 m_rowsWritten = 0;
    int m_feedSheet = 0;
    int m_feedRow = 0;
    bool m_feedPosted = false;
};

} // namespace engage::models
