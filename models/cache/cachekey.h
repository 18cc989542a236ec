#pragma once

#include "models/apierror.h"

#include <QByteArray>
#include <QString>
#include <functional>
#include <memory>
#include <optional>

namespace engage::models {

class CredentialStore;
class OfflineCache;
struct OfflineScope;

// The offline cache's key: 256 random bits, base64 in the OS keychain
// through CredentialStore (the client's one way to the keychain), in an
// entry beside the person's refresh token, made on first use. Nothing is
// ever written anywhere else: without a keychain there is no offline cache.
//
// `done` runs on the store's thread (never once the store is gone): the key,
// or an empty one when the keychain could neither give nor keep one; and
// whether it was made now, in which case nothing sealed before opens.
void obtainCacheKey(CredentialStore &store, const QString &entry,
                    std::function<void(QByteArray key, bool created)> done);

// The cache of `scope` under `directory`, ready to use: its key from the
// keychain, then its file read in the background (a key made anew, because
// the old one is gone from the keychain, starts with no file). Null without
// a keychain.
void openOfflineCache(CredentialStore &store, const QString &directory, const OfflineScope &scope,
                      std::function<void(std::unique_ptr<OfflineCache> cache)> done);

// Deletes the cache of `scope`: its file now, its key from the keychain
// (`done` then).
void removeOfflineCache(CredentialStore &store, const QString &directory, const OfflineScope &scope,
                        std::function<void(std::optional<ApiError> error)> done);

} // namespace engage::models
