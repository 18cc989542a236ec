#include "publicurl.h"

#include <QUrl>

namespace engage::server::ops {

std::optional<QString> PublicUrl::normalized(const QString &url)
{
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid() || parsed.scheme() != QStringLiteral("https") ||
        parsed.host().isEmpty() || parsed.hasQuery() || parsed.hasFragment() ||
        !parsed.userInfo().isEmpty())
        return std::nullopt;
    QString text = parsed.toString(QUrl::FullyEncoded);
    while (text.endsWith(u'/'))
        text.chop(1);
    return text;
}

void PublicUrl::set(const QString &baseUrl)
{
    const std::lock_guard lock(m_mutex);
    m_baseUrl = baseUrl;
}

QString PublicUrl::baseUrl() const
{
    const std::lock_guard lock(m_mutex);
    return m_baseUrl;
}

QString PublicUrl::responseLink(const QString &token) const
{
    const QString base = baseUrl();
    if (base.isEmpty())
        return {};
    return base + QStringLiteral("/r/") + token;
}

} // namespace engage::server::ops
