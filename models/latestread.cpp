#include "latestread.h"

#include "apiclient.h"
#include "apireply.h"

#include <QLoggingCategory>
#include <utility>

namespace engage::models {

namespace {
Q_LOGGING_CATEGORY(lcRead, "engage.read")
} // namespace

LatestRead::LatestRead(ApiClient &client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

void LatestRead::start(const QString &path, Take take)
{
    const bool wasLoading = isLoading();
    if (QPointer<ApiReply> previous = std::exchange(m_reply, nullptr))
        previous->abort();
    ApiReply *reply = m_client.get(path);
    m_reply = reply;
    if (!wasLoading)
        Q_EMIT loadingChanged(true);
    connect(reply, &ApiReply::finished, this, [this, reply, take = std::move(take)] {
        if (reply != m_reply)
            return;
        m_reply.clear();
        Q_EMIT loadingChanged(false);
        if (!reply->isOk()) {
            Q_EMIT failed(reply->error());
            return;
        }
        if (const std::optional<QString> unread = take(reply->json().object())) {
            qCWarning(lcRead) << "unreadable answer, request" << reply->requestId();
            Q_EMIT failed(reply->unreadable(*unread));
        }
    });
}

void LatestRead::cancel()
{
    if (QPointer<ApiReply> previous = std::exchange(m_reply, nullptr)) {
        previous->abort();
        Q_EMIT loadingChanged(false);
    }
}

} // namespace engage::models
