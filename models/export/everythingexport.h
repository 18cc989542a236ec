#pragma once

#include "exporttask.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <memory>

class QTemporaryDir;

namespace engage::models {

class ApiClient;
struct PackJob;

// Everything of a tenant in one zip, for data portability: one workbook per
// area (members in the import format, results, survey definitions, and the
// access, operation and error logs), each written by an ExportTask of its
// own, one after another, into a temporary folder, then packed (deflate,
// UTF-8 names) into the zip off the UI thread. The zip is written under a
// temporary name beside the target and given its name only once complete:
// a cancelled or failed export leaves no file behind.
//
// The logs come with the tenant's security option: when the service refuses
// them (403), they are left out and the export carries on (logsLeftOut()).
// When the service cannot be reached, each log holds the recent rows the
// offline cache kept for it (LogExportSource), and a log with none kept is
// left out (logsNotCached()).
//
// Shaped as ExportTask, so that the window and `engage-admin export --what
// everything` drive it alike: exactly one of finished(), failed() and
// cancelled() follows start().
class EverythingExport final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EverythingExport)

public:
    enum class Area
    {
        Members,
        Results,
        Surveys,
        AccessLog,
        OperationLog,
        ErrorLog,
    };
    Q_ENUM(Area)
    enum class Phase
    {
        Reading, // an area's source reads the service
        Writing, // an area's workbook is written
        Packing, // the workbooks go into the zip
    };
    Q_ENUM(Phase)

    // `language` ("ja" or "en") is the members sheet's (MemberExportSource);
    // `tenant` names the company on every cover.
    EverythingExport(ApiClient &client, QString language, QString tenant,
                     QObject *parent = nullptr);
    ~EverythingExport() override;

    // The areas in the order they are exported; an area's index in this list
    // is what progressChanged() counts.
    static QList<Area> areas();
    // The area's workbook in the zip ("members.xlsx", "access-log.xlsx").
    static QString entryName(Area area);
    // The area's name in the UI language ("Members", "Access log").
    static QString areaLabel(Area area);
    // What the zip is called by default ("everything"), in the UI language.
    static QString fileLabel();

    void start(const QString &zipPath);
    void cancel();
    bool isRunning() const { return m_running; }

    // Once finished: the zip's entries in order; whether the logs were left
    // out (the service refused them); when the oldest data was last synced,
    // when some came from the offline cache (else invalid).
    QStringList entries() const { return m_entries; }
    bool logsLeftOut() const { return m_logsLeftOut; }
    // The logs left out because the service could not be reached and the
    // offline cache held none of their rows, in order.
    QList<Area> logsNotCached() const { return m_logsNotCached; }
    // What the zip leaves out and why, in the UI language, for the person
    // who exported it (the window's result, the command's stderr); empty
    // when nothing was left out.
    QString leftOutNote() const;
    QDateTime asOf() const { return m_asOf; }

Q_SIGNALS:
    // While areas().at(area) is exported: its task's phase (Reading or
    // Writing) with rows or pages `done` out of `total` (0 while unknown).
    // Then area == areaCount while the zip is packed (Packing, in KiB).
    void progressChanged(int area, int areaCount, engage::models::EverythingExport::Phase phase,
                         qint64 done, qint64 total);
    void finished(const QString &zipPath);
    // `message` in the UI language, one sentence or two.
    void failed(const QString &message);
    void cancelled();

private:
    void startArea();
    void onAreaFinished(const QString &filePath);
    void onAreaFailed(const QString &message);
    void startPacking();
    void onPacked();
    void retireTask();
    // Ends the run: the task goes once its signal has returned, the folder
    // with the workbooks at once.
    void stop();

    ApiClient &m_client;
    QString m_language;
    QString m_tenant;
    QString m_zipPath;
    std::unique_ptr<QTemporaryDir> m_folder;
    std::unique_ptr<ExportTask> m_task;
    int m_area = 0;
    // The current area's source was refused by the service (403), or could
    // not reach it (and found nothing in the offline cache instead).
    bool m_refused = false;
    bool m_unreachable = false;
    // cancel() came: a workbook finished after it ends the run all the same.
    bool m_cancelRequested = false;
    QStringList m_entries;
    bool m_logsLeftOut = false;
    QList<Area> m_logsNotCached;
    QDateTime m_asOf;
    std::shared_ptr<PackJob> m_pack;
    QFutureWatcher<void> m_packWatcher;
    bool m_running = false;
};

} // namespace engage::models
