#include "everythingexport.h"

#include "api/dashboard.h"
#include "api/logrecord.h"
#include "api/member.h"
#include "logexportsource.h"
#include "memberexportsource.h"
#include "resultexportsource.h"
#include "surveyexportsource.h"
#include "zipwriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QPromise>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QtConcurrent/QtConcurrentRun>

namespace engage::models {

// The zip's contents and the outcome, shared by the UI thread and the worker
// that packs; the worker sets the outcome before it ends, the UI thread reads
// it after.
struct PackJob
{
    enum class Outcome
    {
        Finished,
        Cancelled,
        Failed,
    };
    struct Entry
    {
        QString name;
        QString filePath;
    };

    QString zipPath;
    QList<Entry> entries;
    // A worker cancelled before it ran sets nothing.
    Outcome outcome = Outcome::Cancelled;
    QString detail; // English, from QuaZip or the file system
};

namespace {

constexpr qint64 kChunkBytes = 256 * 1024;
// Progress goes in KiB: the future's progress is an int.
constexpr qint64 kProgressUnit = 1024;

bool isLog(EverythingExport::Area area)
{
    return area == EverythingExport::Area::AccessLog ||
           area == EverythingExport::Area::OperationLog || area == EverythingExport::Area::ErrorLog;
}

api::LogKind logKind(EverythingExport::Area area)
{
    switch (area) {
    case EverythingExport::Area::OperationLog:
        return api::LogKind::Operation;
    case EverythingExport::Area::ErrorLog:
        return api::LogKind::Error;
    default:
        return api::LogKind::Access;
    }
}

std::unique_ptr<ExportSource> makeSource(EverythingExport::Area area, ApiClient &client,
                                         const QString &language, const QString &tenant)
{
    switch (area) {
    case EverythingExport::Area::Members:
        return std::make_unique<MemberExportSource>(client, language, api::MemberQuery{}, tenant,
                                                    QString());
    case EverythingExport::Area::Results:
        return std::make_unique<ResultExportSource>(client, api::DashboardQuery{}, tenant,
                                                    QString());
    case EverythingExport::Area::Surveys:
        return std::make_unique<SurveyExportSource>(client, tenant, QString());
    case EverythingExport::Area::AccessLog:
    case EverythingExport::Area::OperationLog:
    case EverythingExport::Area::ErrorLog:
        break;
    }
    // People appear by id: every log's rows, not a page's, whose names are
    // not all at hand.
    const api::LogKind kind = logKind(area);
    return std::make_unique<LogExportSource>(client, kind, api::LogQuery{}, nullptr, tenant,
                                             LogExportSource::describe(kind, {}, nullptr));
}

void packEntries(QPromise<void> &promise, const std::shared_ptr<PackJob> &job)
{
    qint64 total = 0;
    for (const PackJob::Entry &entry : std::as_const(job->entries))
        total += QFileInfo(entry.filePath).size();
    promise.setProgressRange(0, int(std::min<qint64>(total / kProgressUnit, INT_MAX)));

    // Beside the target under a temporary name, given the target's name by
    // commit(): unless committed, the temporary file goes with the object.
    QSaveFile file(job->zipPath);
    const auto failed = [&job](const QString &detail) {
        job->outcome = PackJob::Outcome::Failed;
        job->detail = detail;
    };
    if (!file.open(QIODevice::WriteOnly))
        return failed(file.errorString());
    // The workbooks hold personal data: readable by the owner alone, as the
    // exporter writes them.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    ZipWriter zip(file);
    QByteArray buffer(kChunkBytes, Qt::Uninitialized);
    qint64 packed = 0;
    for (const PackJob::Entry &entry : std::as_const(job->entries)) {
        QFile input(entry.filePath);
        if (!input.open(QIODevice::ReadOnly))
            return failed(input.errorString());
        if (!zip.beginEntry(entry.name, QFileInfo(input).lastModified()))
            return failed(zip.errorString());
        for (;;) {
            if (promise.isCanceled()) {
                job->outcome = PackJob::Outcome::Cancelled;
                return;
            }
            const qint64 read = input.read(buffer.data(), buffer.size());
            if (read == 0)
                break;
            if (read < 0)
                return failed(input.errorString());
            if (!zip.write(buffer.constData(), read))
                return failed(zip.errorString());
            packed += read;
            promise.setProgressValue(int(std::min<qint64>(packed / kProgressUnit, INT_MAX)));
        }
        if (!zip.endEntry())
            return failed(zip.errorString());
    }
    if (!zip.finish())
        return failed(zip.errorString());
    // The last moment a cancel can stop the zip from getting its name.
    if (promise.isCanceled()) {
        job->outcome = PackJob::Outcome::Cancelled;
        return;
    }
    if (!file.commit())
        return failed(file.errorString());
    job->outcome = PackJob::Outcome::Finished;
}

} // namespace

EverythingExport::EverythingExport(ApiClient &client, QString language, QString tenant,
                                   QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_language(std::move(language))
    , m_tenant(std::move(tenant))
{
    connect(&m_packWatcher, &QFutureWatcher<void>::progressValueChanged, this, [this](int value) {
        const int count = int(areas().size());
        Q_EMIT progressChanged(count, count, Phase::Packing, value,
                               m_packWatcher.progressMaximum());
    });
    connect(&m_packWatcher, &QFutureWatcher<void>::finished, this, &EverythingExport::onPacked);
}

// The task cancels and waits for its writer as it goes; the packing worker
// must end before the job and this object do.
EverythingExport::~EverythingExport()
{
    if (m_pack) {
        m_packWatcher.cancel();
        m_packWatcher.waitForFinished();
    }
}

QList<EverythingExport::Area> EverythingExport::areas()
{
    return {Area::Members,   Area::Results,      Area::Surveys,
            Area::AccessLog, Area::OperationLog, Area::ErrorLog};
}

QString EverythingExport::entryName(Area area)
{
    switch (area) {
    case Area::Members:
        return QStringLiteral("members.xlsx");
    case Area::Results:
        return QStringLiteral("results.xlsx");
    case Area::Surveys:
        return QStringLiteral("surveys.xlsx");
    case Area::AccessLog:
        return QStringLiteral("access-log.xlsx");
    case Area::OperationLog:
        return QStringLiteral("operation-log.xlsx");
    case Area::ErrorLog:
        return QStringLiteral("error-log.xlsx");
    }
    return {};
}

QString EverythingExport::areaLabel(Area area)
{
    switch (area) {
    case Area::Members:
        return tr("Members");
    case Area::Results:
        return tr("Results");
    case Area::Surveys:
        return tr("Survey definitions");
    case Area::AccessLog:
        return tr("Access log");
    case Area::OperationLog:
        return tr("Operation log");
    case Area::ErrorLog:
        return tr("Error log");
    }
    return {};
}

QString EverythingExport::leftOutNote() const
{
    if (m_logsLeftOut)
        return tr("The logs are not included: the service gives them only to administrators of "
                  "a company with the security option.");
    if (m_logsNotCached.isEmpty())
        return {};
    QStringList logs;
    for (const Area area : m_logsNotCached)
        logs.append(areaLabel(area));
    return tr("Not included, as the service could not be reached and no recent rows of them "
              "were kept for use offline: %1. The Engage window keeps a log's recent rows once "
              "it has been shown on the Logs page.")
        .arg(QLocale().createSeparatedList(logs));
}

QString EverythingExport::fileLabel()
{
    return tr("everything", "the default name of the zip with every workbook");
}

void EverythingExport::start(const QString &zipPath)
{
    if (m_running)
        return;
    m_zipPath = zipPath;
    m_area = 0;
    m_entries.clear();
    m_logsLeftOut = false;
    m_logsNotCached.clear();
    m_cancelRequested = false;
    m_asOf = {};
    m_folder = std::make_unique<QTemporaryDir>();
    if (!m_folder->isValid()) {
        const QString detail = m_folder->errorString();
        m_folder.reset();
        Q_EMIT failed(tr("No temporary folder could be made for the workbooks: %1").arg(detail));
        return;
    }
    m_running = true;
    startArea();
}

void EverythingExport::cancel()
{
    if (!m_running)
        return;
    m_cancelRequested = true;
    if (m_task)
        m_task->cancel();
    else if (m_pack)
        m_packWatcher.cancel();
}

void EverythingExport::startArea()
{
    // A cancel that came too late for the last task (its workbook was being
    // given its name, or its load not yet begun) is not too late for the zip.
    if (m_cancelRequested) {
        stop();
        Q_EMIT cancelled();
        return;
    }
    const QList<Area> all = areas();
    if (m_area >= all.size())
        return startPacking();
    const Area area = all.at(m_area);
    std::unique_ptr<ExportSource> source = makeSource(area, m_client, m_language, m_tenant);
    // Connected before the task connects its own, so that a refusal is known
    // by the time the task reports the failure.
    m_refused = false;
    m_unreachable = false;
    connect(source.get(), &ExportSource::failed, this, [this](const ApiError &error) {
        m_refused = error.kind == ApiError::Kind::Problem && error.httpStatus == 403;
        m_unreachable = error.isUnreachable();
    });
    m_task = std::make_unique<ExportTask>(std::move(source));
    connect(m_task.get(), &ExportTask::progressChanged, this,
            [this, count = int(all.size())](ExportTask::Phase phase, qint64 done, qint64 total) {
                Q_EMIT progressChanged(m_area, count,
                                       phase == ExportTask::Phase::Reading ? Phase::Reading
                                                                           : Phase::Writing,
                                       done, total);
            });
    connect(m_task.get(), &ExportTask::finished, this, &EverythingExport::onAreaFinished);
    connect(m_task.get(), &ExportTask::failed, this, &EverythingExport::onAreaFailed);
    connect(m_task.get(), &ExportTask::cancelled, this, [this] {
        stop();
        Q_EMIT cancelled();
    });
    m_task->start(m_folder->filePath(entryName(area)), ExportTask::Format::Xlsx);
}

void EverythingExport::onAreaFinished(const QString &filePath)
{
    const QDateTime asOf = m_task->asOf();
    if (asOf.isValid() && (!m_asOf.isValid() || asOf < m_asOf))
        m_asOf = asOf;
    m_entries.append(QFileInfo(filePath).fileName());
    retireTask();
    ++m_area;
    startArea();
}

void EverythingExport::onAreaFailed(const QString &message)
{
    const QList<Area> all = areas();
    const Area area = all.at(m_area);
    if (m_refused && isLog(area)) {
        // The service refuses every log alike without the security option:
        // the export carries on without them.
        retireTask();
        m_logsLeftOut = true;
        while (m_area < all.size() && isLog(all.at(m_area)))
            ++m_area;
        startArea();
        return;
    }
    if (m_unreachable && isLog(area)) {
        // Offline, a log the Logs page never showed has no rows kept: the
        // rest of the export is still worth having.
        retireTask();
        m_logsNotCached.append(area);
        ++m_area;
        startArea();
        return;
    }
    stop();
    Q_EMIT failed(tr("%1 could not be exported: %2").arg(areaLabel(area), message));
}

void EverythingExport::startPacking()
{
    auto job = std::make_shared<PackJob>();
    job->zipPath = m_zipPath;
    for (const QString &entry : std::as_const(m_entries))
        job->entries.append({entry, m_folder->filePath(entry)});
    m_pack = job;
    // Before the worker starts: a cancel() from a receiver then stops the zip
    // before anything is written, rather than racing a worker that may have
    // packed a few small workbooks already.
    const int count = int(areas().size());
    Q_EMIT progressChanged(count, count, Phase::Packing, 0, 0);
    if (m_cancelRequested) {
        onPacked(); // the job, never run, stays cancelled
        return;
    }
    m_packWatcher.setFuture(
        QtConcurrent::run([job](QPromise<void> &promise) { packEntries(promise, job); }));
}

void EverythingExport::onPacked()
{
    const std::shared_ptr<PackJob> job = std::exchange(m_pack, nullptr);
    if (!job)
        return;
    stop();
    switch (job->outcome) {
    case PackJob::Outcome::Finished:
        Q_EMIT finished(m_zipPath);
        break;
    case PackJob::Outcome::Cancelled:
        Q_EMIT cancelled();
        break;
    case PackJob::Outcome::Failed:
        Q_EMIT failed(tr("The file %1 could not be written: %2")
                          .arg(QDir::toNativeSeparators(m_zipPath), job->detail));
        break;
    }
}

void EverythingExport::retireTask()
{
    // From the task's own signal: it goes once the signal has returned, and
    // with this object at the latest.
    if (ExportTask *task = m_task.release()) {
        task->setParent(this);
        task->deleteLater();
    }
}

void EverythingExport::stop()
{
    retireTask();
    m_running = false;
    m_folder.reset();
}

} // namespace engage::models
