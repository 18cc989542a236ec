#pragma once

#include "apierror.h"

#include <QObject>
#include <QString>
#include <functional>
#include <optional>

namespace QKeychain {
class Job;
}

namespace engage::models {

// Refresh tokens in the OS keychain (Windows Credential Manager, macOS
// Keychain, Secret Service) through QtKeychain, asynchronously, with no
// plaintext fallback. One entry per connection profile and person
// ("<profile>/<tenant>/<email>" under the service name "Engage").
//
// When no keychain is available, nothing is written anywhere: isAvailable()
// turns false, keychainUnavailable() is emitted once, and the session lives in
// memory only. On Linux a keyring that starts late gets one retry.
class CredentialStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialStore)

public:
    explicit CredentialStore(QString serviceName = QStringLiteral("Engage"),
                             QObject *parent = nullptr);

    bool isAvailable() const { return m_available; }

    // `done` runs on this object's thread; the value is empty when no entry exists.
    void read(const QString &key,
              std::function<void(std::optional<QString> secret, std::optional<ApiError>)> done);
    void write(const QString &key, const QString &secret,
               std::function<void(std::optional<ApiError>)> done);
    void remove(const QString &key, std::function<void(std::optional<ApiError>)> done);

    static QString entryKey(const QString &profile, const QString &tenant, const QString &email);
    // The entry of the person's offline cache key (cache/cachekey.h): never
    // a person's own entry, which ends in an address, and no address ends in
    // "/offline-cache".
    static QString offlineCacheEntryKey(const QString &profile, const QString &tenant,
                                        const QString &email);

Q_SIGNALS:
    void keychainUnavailable();

private:
    using JobFactory = std::function<QKeychain::Job *()>;
    // `error` is empty on success and when the entry does not exist.
    using JobFinished =
        std::function<void(const QKeychain::Job &job, std::optional<ApiError> error)>;

    // Starts the job `makeJob` builds; on Linux a failure is retried once with
    // a new job after a delay, since a finished job cannot be restarted.
    void run(JobFactory makeJob, JobFinished finished, bool isRetry = false);
    void markUnavailable();

    QString m_serviceName;
    bool m_available = true;
};

} // namespace engage::models
