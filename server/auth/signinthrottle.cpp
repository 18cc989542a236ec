#include "signinthrottle.h"

#include <algorithm>

namespace engage::server::auth {

SignInThrottle::SignInThrottle(Policy policy)
    : m_policy(policy)
{}

std::chrono::seconds SignInThrottle::waitFor(const QHash<QString, Record> &records,
                                             const QString &key, int freeFailures,
                                             Clock::time_point now) const
{
    const auto found = records.constFind(key);
    if (found == records.constEnd() || found->failures < freeFailures)
        return std::chrono::seconds(0);
    if (now - found->lastFailure >= m_policy.forgetAfter)
        return std::chrono::seconds(0);
    // 1 s, 2 s, 4 s, … after the free failures, never more than the ceiling.
    const int doublings = std::min(found->failures - freeFailures, 20);
    // qint64 is long long, std::chrono::seconds's rep is long: name the type.
    const std::chrono::seconds delay = std::min<std::chrono::seconds>(
        m_policy.firstDelay * (qint64(1) << doublings), m_policy.longestDelay);
    const auto waited = std::chrono::duration_cast<std::chrono::seconds>(now - found->lastFailure);
    return std::max(std::chrono::seconds(0), delay - waited);
}

std::chrono::seconds SignInThrottle::retryAfter(const QString &account, const QString &address,
                                                Clock::time_point now) const
{
    std::lock_guard lock(m_mutex);
    return std::max(waitFor(m_accounts, account, m_policy.freeAccountFailures, now),
                    waitFor(m_addresses, address, m_policy.freeAddressFailures, now));
}

void SignInThrottle::recordFailure(const QString &account, const QString &address,
                                   Clock::time_point now)
{
    std::lock_guard lock(m_mutex);
    forgetOld(m_accounts, now);
    forgetOld(m_addresses, now);
    for (Record *record : {&m_accounts[account], &m_addresses[address]}) {
        ++record->failures;
        record->lastFailure = now;
    }
}

void SignInThrottle::recordSuccess(const QString &account)
{
    std::lock_guard lock(m_mutex);
    m_accounts.remove(account);
}

// Keeps memory bounded by what failed recently, whatever an attacker sends.
void SignInThrottle::forgetOld(QHash<QString, Record> &records, Clock::time_point now)
{
    for (auto it = records.begin(); it != records.end();) {
        if (now - it->lastFailure >= m_policy.forgetAfter)
            it = records.erase(it);
        else
            ++it;
    }
}

} // namespace engage::server::auth
