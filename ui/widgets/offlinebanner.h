#pragma once

#include <QDateTime>
#include <QTimeZone>
#include <QWidget>
#include <optional>

namespace engage::models {
class ApiClient;
}

namespace engage::ui {

class MessageBanner;

// "Offline": shown above the pages while what they show comes from the
// offline cache because the service cannot be reached
// (ApiClient::servedFromCache), with the oldest time the service gave any of
// it ("as of"), in the user's time zone; hidden once the service answers again.
class OfflineBanner final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OfflineBanner)

public:
    explicit OfflineBanner(models::ApiClient &client, QWidget *parent = nullptr);

    // The zone "as of" is shown in (the system's by default).
    void setTimeZone(const QTimeZone &zone);
    // UTC; empty while online.
    std::optional<QDateTime> asOf() const { return m_asOf; }
    QString text() const;
    // Offers "Retry" beside the message (retryRequested()): while the session
    // itself is offline (models::Session::isOffline), and so has something to retry.
    void setRetryAvailable(bool available);
    bool isRetryAvailable() const { return m_retryAvailable; }

Q_SIGNALS:
    void retryRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void onServedFromCache(const QDateTime &asOf);
    void onReachabilityChanged(bool reachable);
    void retranslate();

    MessageBanner *m_banner;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    std::optional<QDateTime> m_asOf;
    bool m_retryAvailable = false;
};

} // namespace engage::ui
