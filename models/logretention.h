#pragma once

#include "api/logrecord.h"
#include "apierror.h"

#include <QObject>
#include <QPointer>
#include <functional>
#include <optional>

namespace engage::models {

class ApiClient;
class ApiReply;
class LogArchiveModel;

// The tenant's log retention (issue 8): whether its access and operation
// rows stay in the database indefinitely (the default) or the ones older
// than a number of days move into signed archive files on the service,
// where verification still checks them; the list of those files; and the
// download of one into a local file. Owners and admins read; owners save
// (with If-Match on the settings as loaded). One call at a time.
class LogRetention final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogRetention)

public:
    explicit LogRetention(ApiClient &client, QObject *parent = nullptr);
    ~LogRetention() override;

    // The settings, then the archives.
    void load();
    // `archiveAfterDays` null: keep every row in the database.
    void save(std::optional<int> archiveAfterDays);
    // Writes the archive's signed file, as the service holds it, to `filePath`.
    void download(const QString &archiveId, const QString &filePath);

    bool isBusy() const { return !m_reply.isNull(); }
    // Once loaded.
    const std::optional<api::LogSettings> &settings() const { return m_settings; }
    LogArchiveModel *archives() const { return m_archives; }

Q_SIGNALS:
    void loaded();
    void saved();
    void downloaded(const QString &filePath);
    void failed(const engage::models::ApiError &error);
    // The file could not be written; `reason` is the system's message.
    void writeFailed(const QString &filePath, const QString &reason);
    void busyChanged(bool busy);

private:
    // Sends `reply` as the one call in flight; `done` runs on its success.
    void track(ApiReply *reply, std::function<void(ApiReply &reply)> done);
    void loadArchives();

    ApiClient &m_client;
    LogArchiveModel *m_archives;
    QPointer<ApiReply> m_reply;
    std::optional<api::LogSettings> m_settings;
};

} // namespace engage::models
