#include "cachekey.h"

#include "models/credentialstore.h"
#include "offlinecache.h"
#include "sealedrecord.h"

#include <QFile>
#include <QLoggingCategory>
#include <utility>

namespace engage::models {

namespace {

Q_LOGGING_CATEGORY(lcCacheKey, "engage.cache")

QString entryOf(const OfflineScope &scope)
{
    return CredentialStore::offlineCacheEntryKey(scope.profile, scope.tenant, scope.email);
}

} // namespace

void obtainCacheKey(CredentialStore &store, const QString &entry,
                    std::function<void(QByteArray key, bool created)> done)
{
    store.read(
        entry, [&store, entry, done = std::move(done)](std::optional<QString> secret,
                                                       std::optional<ApiError> error) {
            if (error) {
                qCInfo(lcCacheKey)
                    << "no offline cache: the keychain did not answer, keychain error"
                    << error->keychainCode;
                done({}, false);
                return;
            }
            if (secret) {
                const auto decoded = QByteArray::fromBase64Encoding(
                    secret->toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
                if (decoded && decoded.decoded.size() == kCacheKeySize) {
                    done(decoded.decoded, false);
                    return;
                }
                qCWarning(lcCacheKey)
                    << "the offline cache key in the keychain is not one; making anew";
            }
            const QByteArray key = randomCacheKey();
            store.write(entry, QString::fromLatin1(key.toBase64()),
                        [key, done](std::optional<ApiError> written) {
                            // A key the keychain did not keep would seal a file
                            // nobody can open after a restart.
                            if (written) {
                                qCInfo(lcCacheKey) << "no offline cache: the keychain did not keep "
                                                      "its key, keychain error"
                                                   << written->keychainCode;
                                done({}, false);
                                return;
                            }
                            done(key, true);
                        });
        });
}

void openOfflineCache(CredentialStore &store, const QString &directory, const OfflineScope &scope,
                      std::function<void(std::unique_ptr<OfflineCache> cache)> done)
{
    obtainCacheKey(store, entryOf(scope),
                   [directory, scope, done = std::move(done)](QByteArray key, bool created) {
                       if (key.isEmpty()) {
                           done(nullptr);
                           return;
                       }
                       auto cache = std::make_unique<OfflineCache>(directory, scope, key);
                       if (created) {
                           if (QFile::exists(cache->filePath()))
                               qCWarning(lcCacheKey) << "the offline cache key is gone from the "
                                                        "keychain; the cache starts afresh";
                           cache->clear();
                       } else
                           cache->load();
                       done(std::move(cache));
                   });
}

void removeOfflineCache(CredentialStore &store, const QString &directory, const OfflineScope &scope,
                        std::function<void(std::optional<ApiError> error)> done)
{
    const QString path = OfflineCache::filePath(directory, scope);
    if (QFile::exists(path) && !QFile::remove(path))
        qCWarning(lcCacheKey) << "could not remove the offline cache file";
    store.remove(entryOf(scope), std::move(done));
}

} // namespace engage::models
