#include "roundsums.h"

#include <QMutexLocker>

namespace engage::server::engagement {

RoundSumsMemo::Sums RoundSumsMemo::find(const QByteArray &key) const
{
    const QMutexLocker locker(&m_mutex);
    return m_sums.value(key);
}

RoundSumsMemo::Sums RoundSumsMemo::keep(const QByteArray &key, Sums sums)
{
    const QMutexLocker locker(&m_mutex);
    const auto found = m_sums.constFind(key);
    if (found != m_sums.constEnd())
        return *found;
    if (m_sums.size() >= kCapacity)
        m_sums.clear();
    m_sums.insert(key, sums);
    return sums;
}

} // namespace engage::server::engagement
