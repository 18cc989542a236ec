#include "offlinebanner.h"

#include "messagebanner.h"
#include "models/apiclient.h"

#include <QEvent>
#include <QLocale>
#include <QVBoxLayout>

namespace engage::ui {

OfflineBanner::OfflineBanner(models::ApiClient &client, QWidget *parent)
    : QWidget(parent)
    , m_banner(new MessageBanner(this))
{
    m_banner->setObjectName(QStringLiteral("offlineMessage"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_banner);
    connect(&client, &models::ApiClient::servedFromCache, this, &OfflineBanner::onServedFromCache);
    connect(&client, &models::ApiClient::reachabilityChanged, this,
            &OfflineBanner::onReachabilityChanged);
    setVisible(false);
}

void OfflineBanner::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone.isValid() ? zone : QTimeZone::systemTimeZone();
    retranslate();
}

QString OfflineBanner::text() const
{
    return m_banner->text();
}

void OfflineBanner::setRetryAvailable(bool available)
{
    m_retryAvailable = available;
    retranslate();
}

void OfflineBanner::onServedFromCache(const QDateTime &asOf)
{
    // The oldest data on screen is what the person must not mistake for today's.
    if (!m_asOf || asOf < *m_asOf)
        m_asOf = asOf;
    retranslate();
    setVisible(true);
}

void OfflineBanner::onReachabilityChanged(bool reachable)
{
    if (!reachable)
        return;
    m_asOf.reset();
    setVisible(false);
}

void OfflineBanner::retranslate()
{
    if (!m_asOf)
        return;
    const QDateTime local = m_asOf->toTimeZone(m_zone);
    const QString when =
        QLocale().toString(local, QLocale::ShortFormat) + u' ' + local.timeZoneAbbreviation();
    m_banner->showMessage(
        MessageBanner::Level::Warning,
        tr("Offline — as of %1. The service cannot be reached; you are seeing the data "
           "saved on this computer when it was last read.")
            .arg(when));
    if (m_retryAvailable)
        m_banner->setAction(tr("&Retry"), [this] { Q_EMIT retryRequested(); });
}

void OfflineBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace engage::ui
