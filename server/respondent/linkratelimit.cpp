#include "linkratelimit.h"

#include <QCryptographicHash>
#include <QtEndian>
#include <algorithm>

namespace engage::server::respondent {

namespace {

quint64 linkKey(const QString &token)
{
    const QByteArray digest = QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256);
    return qFromBigEndian<quint64>(digest.constData());
}

} // namespace

LinkRateLimit::LinkRateLimit(Policy policy)
    : m_policy(policy)
{}

std::chrono::seconds LinkRateLimit::take(const QString &token, Clock::time_point now)
{
    const quint64 key = linkKey(token);
    const auto tolerance = m_policy.interval * (m_policy.burst - 1);
    std::lock_guard lock(m_mutex);
    auto found = m_links.find(key);
    if (found == m_links.end()) {
        if (m_links.size() >= m_policy.maxLinks && !makeRoom(now))
            return std::chrono::seconds(0);
        found = m_links.insert(key, now);
    }
    const FullAt from = std::max(found.value(), now);
    if (from - now > tolerance) {
        const auto wait = from - now - tolerance;
        return std::max(std::chrono::seconds(1), std::chrono::ceil<std::chrono::seconds>(wait));
    }
    found.value() = from + m_policy.interval;
    return std::chrono::seconds(0);
}

int LinkRateLimit::trackedLinks() const
{
    std::lock_guard lock(m_mutex);
    return int(m_links.size());
}

bool LinkRateLimit::makeRoom(Clock::time_point now)
{
    m_links.removeIf([now](const auto &link) { return link.value() <= now; });
    return m_links.size() < m_policy.maxLinks;
}

} // namespace engage::server::respondent
