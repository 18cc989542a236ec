#pragma once

#include <QHash>
#include <QString>
#include <chrono>
#include <mutex>

namespace engage::server::auth {

// Slows down password guessing, per account and per address. After a few
// failures each further one doubles the wait, up to a ceiling; a success
// clears the account (not the address: one good password must not launder a
// guessing address). Accounts are keyed by what was typed (tenant and e-mail),
// known or not, so that the answer says nothing about which accounts exist.
// Kept in memory: one process's view (several instances each keep their own).
class SignInThrottle final
{
public:
    using Clock = std::chrono::steady_clock;

    struct Policy
    {
        int freeAccountFailures = 5;
        int freeAddressFailures = 20;
        std::chrono::seconds firstDelay{1};
        std::chrono::seconds longestDelay{std::chrono::minutes(15)};
        std::chrono::seconds forgetAfter{std::chrono::minutes(15)};
    };

    SignInThrottle() = default;
    explicit SignInThrottle(Policy policy);

    // How long the caller must wait before trying; zero when it may try now.
    std::chrono::seconds retryAfter(const QString &account, const QString &address,
                                    Clock::time_point now) const;
    void recordFailure(const QString &account, const QString &address, Clock::time_point now);
    void recordSuccess(const QString &account);

private:
    struct Record
    {
        int failures = 0;
        Clock::time_point lastFailure;
    };

    std::chrono::seconds waitFor(const QHash<QString, Record> &records, const QString &key,
                                 int freeFailures, Clock::time_point now) const;
    void forgetOld(QHash<QString, Record> &records, Clock::time_point now);

    Policy m_policy;
    mutable std::mutex m_mutex;
    QHash<QString, Record> m_accounts;
    QHash<QString, Record> m_addresses;
};

} // namespace engage::server::auth
