#include "identitycache.h"

#include "store/sessionrepository.h"

#include <algorithm>

namespace engage::server::auth {

IdentityCache::IdentityCache(std::chrono::milliseconds timeToLive, qsizetype capacity)
    : m_timeToLive(timeToLive)
    , m_capacity(capacity)
{}

quint64 IdentityCache::ticket()
{
    return store::CredentialChanges::latest();
}

bool IdentityCache::isCurrent(const Entry &entry, Clock::time_point now)
{
    return now < entry.until &&
           store::CredentialChanges::latest(entry.identity->scope.tenantId()) <= entry.ticket;
}

void IdentityCache::remember(quint64 ticket, const QString &tokenHash, const Identity &identity,
                             Clock::time_point now, Clock::time_point tokenExpiresAt)
{
    Entry entry{std::make_shared<const Identity>(identity), ticket,
                std::min(now + m_timeToLive, tokenExpiresAt)};
    std::lock_guard lock(m_mutex);
    // Swept every time to live, so that no person's data stays in memory long
    // after it stopped being useful.
    if (now >= m_nextSweep || m_entries.size() >= m_capacity) {
        sweep(now);
        m_nextSweep = now + m_timeToLive;
    }
    if (!isCurrent(entry, now) || m_entries.size() >= m_capacity)
        return;
    m_entries.insert(tokenHash, std::move(entry));
}

std::optional<Identity> IdentityCache::find(const QString &tokenHash, Clock::time_point now)
{
    std::shared_ptr<const Identity> identity;
    {
        std::lock_guard lock(m_mutex);
        const auto found = m_entries.find(tokenHash);
        if (found == m_entries.end())
            return std::nullopt;
        if (!isCurrent(*found, now)) {
            m_entries.erase(found);
            return std::nullopt;
        }
        identity = found->identity;
    }
    return *identity;
}

qsizetype IdentityCache::size() const
{
    std::lock_guard lock(m_mutex);
    return m_entries.size();
}

void IdentityCache::sweep(Clock::time_point now)
{
    m_entries.removeIf([now](const QHash<QString, Entry>::iterator &entry) {
        return !isCurrent(entry.value(), now);
    });
}

} // namespace engage::server::auth
