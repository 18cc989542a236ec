#pragma once

#include "exportsource.h"
#include "modelexporter.h"

#include <QObject>
#include <QString>
#include <memory>

namespace engage::models {

// One export from the service to a file: the source loads (Reading), then
// ModelExporter writes its sheets (Writing): .xlsx with the cover sheet, or
// a CSV file of the first sheet. Shared by the window's progress dialog and
// the command line. Exactly one of finished(), failed() and cancelled()
// follows start(); a cancelled or failed export leaves no file behind.
class ExportTask final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportTask)

public:
    enum class Format
    {
        Xlsx,
        Csv,
    };
    Q_ENUM(Format)
    enum class Phase
    {
        Reading,
        Writing,
    };
    Q_ENUM(Phase)

    // Takes the source over.
    explicit ExportTask(std::unique_ptr<ExportSource> source, QObject *parent = nullptr);
    ~ExportTask() override;

    // The format from the file's suffix: .csv is CSV, anything else .xlsx.
    static Format formatFor(const QString &filePath);

    void start(const QString &filePath, Format format);
    void cancel();
    bool isRunning() const { return m_running; }
    ExportSource &source() const { return *m_source; }
    // Once finished: when the data was last synced, when it came from the
    // offline cache (else invalid).
    QDateTime asOf() const { return m_asOf; }

Q_SIGNALS:
    // Rows or pages read, then rows written, out of `total` (0 while unknown).
    void progressChanged(engage::models::ExportTask::Phase phase, qint64 done, qint64 total);
    void finished(const QString &filePath);
    // `message` in the UI language, one sentence or two.
    void failed(const QString &message);
    void cancelled();

private:
    void onLoaded();
    void onLoadFailed(const ApiError &error);

    std::unique_ptr<ExportSource> m_source;
    ModelExporter m_exporter;
    QString m_filePath;
    Format m_format = Format::Xlsx;
    QDateTime m_asOf;
    bool m_running = false;
};

} // namespace engage::models
