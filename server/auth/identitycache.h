#pragma once

#include "identity.h"

#include <QHash>
#include <QString>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>

namespace engage::server::auth {

// Callers the guard verified against the database, by the hash of their
// access token, for a few seconds, so that a client's next requests are
// answered without the token and person reads (docs/decisions/0003).
//
// An entry is trusted only while:
// - it is younger than the time to live, and its token has not expired;
// - no write of this process changed its tenant's credentials since its
//   verification began (store::CredentialChanges): a logout, a revocation,
//   a rotation, a password, role or status change is refused or shown at once.
// Writes by other processes (other instances) are seen within the time to
// live. The clear token never reaches the cache; the person's password hash is
// not part of an Identity.
class IdentityCache final
{
public:
    using Clock = std::chrono::steady_clock;
    static constexpr std::chrono::milliseconds defaultTimeToLive{5000};

    // Past `capacity` entries (about 1 KiB each), further callers are simply
    // verified against the database until entries expire.
    explicit IdentityCache(std::chrono::milliseconds timeToLive = defaultTimeToLive,
                           qsizetype capacity = 10000);
    IdentityCache(const IdentityCache &) = delete;
    IdentityCache &operator=(const IdentityCache &) = delete;

    // Taken before a token is verified against the database, handed back to
    // remember(): a change made while the database was read voids the entry.
    static quint64 ticket();

    // Remembers the caller verified for `tokenHash` (crypto::tokenHash) until
    // the time to live has passed or its token expires, whichever is first.
    void remember(quint64 ticket, const QString &tokenHash, const Identity &identity,
                  Clock::time_point now, Clock::time_point tokenExpiresAt);

    // The caller verified for `tokenHash`, if the entry is still trusted.
    std::optional<Identity> find(const QString &tokenHash, Clock::time_point now);

    qsizetype size() const;

private:
    struct Entry
    {
        std::shared_ptr<const Identity> identity;
        quint64 ticket = 0;
        Clock::time_point until;
    };

    static bool isCurrent(const Entry &entry, Clock::time_point now);
    void sweep(Clock::time_point now);

    const std::chrono::milliseconds m_timeToLive;
    const qsizetype m_capacity;
    mutable std::mutex m_mutex;
    QHash<QString, Entry> m_entries;
    Clock::time_point m_nextSweep;
};

} // namespace engage::server::auth
