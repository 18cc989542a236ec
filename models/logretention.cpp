#include "logretention.h"

#include "apiclient.h"
#include "apireply.h"
#include "logarchivemodel.h"

#include <QSaveFile>
#include <utility>

namespace engage::models {

namespace {

const QString kSettingsPath = QStringLiteral("/api/v1/logs/settings");
const QString kArchivesPath = QStringLiteral("/api/v1/logs/archives");

} // namespace

LogRetention::LogRetention(ApiClient &client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_archives(new LogArchiveModel(this))
{}

LogRetention::~LogRetention()
{
    if (ApiReply *reply = std::exchange(m_reply, nullptr))
        reply->abort();
}

void LogRetention::track(ApiReply *reply, std::function<void(ApiReply &reply)> done)
{
    m_reply = reply;
    connect(reply, &ApiReply::finished, this, [this, reply, done = std::move(done)] {
        if (reply != m_reply)
            return;
        m_reply.clear();
        if (!reply->isOk()) {
            Q_EMIT busyChanged(false);
            Q_EMIT failed(reply->error());
            return;
        }
        done(*reply);
        if (!m_reply)
            Q_EMIT busyChanged(false);
    });
    Q_EMIT busyChanged(true);
}

void LogRetention::load()
{
    if (m_reply)
        return;
    track(m_client.get(kSettingsPath), [this](ApiReply &reply) {
        const auto settings = api::logSettingsFromJson(reply.json().object());
        if (!settings) {
            Q_EMIT failed(reply.unreadable(settings.error().detail));
            return;
        }
        m_settings = settings.value();
        loadArchives();
    });
}

void LogRetention::loadArchives()
{
    track(m_client.get(kArchivesPath), [this](ApiReply &reply) {
        auto archives = api::logArchiveListFromJson(reply.json().object());
        if (!archives) {
            Q_EMIT failed(reply.unreadable(archives.error().detail));
            return;
        }
        m_archives->setArchives(archives.takeValue());
        Q_EMIT loaded();
    });
}

void LogRetention::save(std::optional<int> archiveAfterDays)
{
    if (m_reply || !m_settings)
        return;
    ApiRequest request;
    request.method = "PUT";
    request.path = kSettingsPath;
    request.body = api::logSettingsChangeToJson(archiveAfterDays);
    request.ifMatch = '"' + QByteArray::number(m_settings->revision) + '"';
    track(m_client.send(request), [this](ApiReply &reply) {
        const auto settings = api::logSettingsFromJson(reply.json().object());
        if (!settings) {
            Q_EMIT failed(reply.unreadable(settings.error().detail));
            return;
        }
        m_settings = settings.value();
        Q_EMIT saved();
    });
}

void LogRetention::download(const QString &archiveId, const QString &filePath)
{
    if (m_reply)
        return;
    ApiRequest request;
    request.path = kArchivesPath + u'/' + archiveId;
    request.accept = QByteArrayLiteral("application/x-ndjson");
    // A file of 100,000 rows is tens of megabytes.
    request.timeout = std::chrono::minutes(5);
    track(m_client.send(request), [this, filePath](ApiReply &reply) {
        QSaveFile file(filePath);
        const QByteArray body = reply.body();
        if (!file.open(QIODevice::WriteOnly) || file.write(body) != body.size() || !file.commit()) {
            Q_EMIT writeFailed(filePath, file.errorString());
            return;
        }
        Q_EMIT downloaded(filePath);
    });
}

} // namespace engage::models
