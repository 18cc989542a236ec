#include "credentialstore.h"

#include <QLoggingCategory>
#include <QTimer>
#include <qt6keychain/keychain.h>

namespace engage::models {

namespace {

Q_LOGGING_CATEGORY(lcKeychain, "engage.keychain")

// A login keyring may start after the client (autostart order), and then the
// first request fails; Nextcloud's desktop client learnt to wait and try again.
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
constexpr bool retryOnFailure = true;
#else
constexpr bool retryOnFailure = false;
#endif
constexpr int retryDelayMs = 1000;

// Whether a failure means there is no keychain to keep secrets in, as opposed
// to one that refused this request. libsecret reports a missing or
// unreachable Secret Service (no D-Bus session, nothing answering
// org.freedesktop.secrets) as OtherError, and a collection nobody unlocked as
// AccessDenied.
bool meansUnavailable(QKeychain::Error code)
{
    switch (code) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::AccessDenied:
    case QKeychain::OtherError:
        return true;
    case QKeychain::NoError:
    case QKeychain::EntryNotFound:
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::AccessDeniedByUser:
        return false;
    }
    return true;
}

ApiError keychainError(const QKeychain::Job &job)
{
    ApiError error;
    error.kind = ApiError::Kind::Keychain;
    error.keychainCode = job.error();
    error.detail = job.errorString();
    return error;
}

template<typename JobType>
JobType *prepare(JobType *job, const QString &key)
{
    job->setAutoDelete(true);
    // Never the plaintext QSettings store QtKeychain offers instead.
    job->setInsecureFallback(false);
    job->setKey(key);
    return job;
}

} // namespace

CredentialStore::CredentialStore(QString serviceName, QObject *parent)
    : QObject(parent)
    , m_serviceName(std::move(serviceName))
{}

void CredentialStore::read(
    const QString &key,
    std::function<void(std::optional<QString> secret, std::optional<ApiError>)> done)
{
    run([service = m_serviceName,
         key] { return prepare(new QKeychain::ReadPasswordJob(service), key); },
        [done = std::move(done)](const QKeychain::Job &job, std::optional<ApiError> error) {
            if (error)
                done(std::nullopt, std::move(error));
            else if (job.error() == QKeychain::EntryNotFound)
                done(std::nullopt, std::nullopt);
            else
                done(static_cast<const QKeychain::ReadPasswordJob &>(job).textData(), std::nullopt);
        });
}

void CredentialStore::write(const QString &key, const QString &secret,
                            std::function<void(std::optional<ApiError>)> done)
{
    run(
        [service = m_serviceName, key, secret] {
            auto *job = prepare(new QKeychain::WritePasswordJob(service), key);
            job->setTextData(secret);
            return job;
        },
        [done = std::move(done)](const QKeychain::Job &, std::optional<ApiError> error) {
            done(std::move(error));
        });
}

void CredentialStore::remove(const QString &key, std::function<void(std::optional<ApiError>)> done)
{
    run([service = m_serviceName,
         key] { return prepare(new QKeychain::DeletePasswordJob(service), key); },
        [done = std::move(done)](const QKeychain::Job &, std::optional<ApiError> error) {
            done(std::move(error));
        });
}

QString CredentialStore::entryKey(const QString &profile, const QString &tenant,
                                  const QString &email)
{
    return profile + u'/' + tenant + u'/' + email.toLower();
}

QString CredentialStore::offlineCacheEntryKey(const QString &profile, const QString &tenant,
                                              const QString &email)
{
    return entryKey(profile, tenant, email) + QLatin1String("/offline-cache");
}

void CredentialStore::run(JobFactory makeJob, JobFinished finished, bool isRetry)
{
    // No parent: a job deleted while its D-Bus call is pending would be
    // called back after its death, so every job finishes and deletes itself.
    // The context object keeps `finished` from running after this store is gone.
    QKeychain::Job *job = makeJob();
    connect(job, &QKeychain::Job::finished, this,
            [this, makeJob = std::move(makeJob), finished = std::move(finished),
             isRetry](QKeychain::Job *done) mutable {
                const QKeychain::Error code = done->error();
                // A missing entry is an answer, not a failure: nothing stored, or
                // nothing left to delete.
                if (code == QKeychain::NoError || code == QKeychain::EntryNotFound) {
                    finished(*done, std::nullopt);
                    return;
                }
                qCWarning(lcKeychain).noquote()
                    << "keychain job failed:" << code << done->errorString();
                if (retryOnFailure && !isRetry && m_available &&
                    code != QKeychain::AccessDeniedByUser) {
                    QTimer::singleShot(retryDelayMs, this,
                                       [this, makeJob = std::move(makeJob),
                                        finished = std::move(finished)]() mutable {
                                           run(std::move(makeJob), std::move(finished), true);
                                       });
                    return;
                }
                if (meansUnavailable(code))
                    markUnavailable();
                finished(*done, keychainError(*done));
            });
    job->start();
}

void CredentialStore::markUnavailable()
{
    if (!m_available)
        return;
    m_available = false;
    qCWarning(lcKeychain) << "no usable keychain: sessions are not remembered";
    Q_EMIT keychainUnavailable();
}

} // namespace engage::models
