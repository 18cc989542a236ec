#include "anonymitythreshold.h"

#include "api/dashboard.h"
#include "apiclient.h"
#include "apireply.h"

#include <QLoggingCategory>

namespace engage::models {

namespace {

Q_LOGGING_CATEGORY(lcThreshold, "engage.surveys.threshold")

} // namespace

AnonymityThreshold::AnonymityThreshold(ApiClient &client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_value(api::kAnonymityThresholdDefault)
{}

void AnonymityThreshold::load()
{
    if (m_reply)
        m_reply->abort();
    ApiRequest request;
    request.path = QStringLiteral("/api/v1/engagement/settings");
    ApiReply *reply = m_client.send(request);
    m_reply = reply;
    connect(reply, &ApiReply::finished, this, [this, reply] {
        if (m_reply != reply)
            return;
        m_reply.clear();
        // On failure the preview keeps saying the default; nothing else depends on it.
        if (!reply->isOk()) {
            qCWarning(lcThreshold)
                << "cannot read the anonymity threshold:" << reply->error().message();
            return;
        }
        const auto settings = api::engagementSettingsFromJson(reply->json().object());
        if (!settings) {
            qCWarning(lcThreshold) << "unreadable engagement settings:" << settings.error().detail;
            return;
        }
        if (settings.value().anonymityThreshold == m_value)
            return;
        m_value = settings.value().anonymityThreshold;
        Q_EMIT changed(m_value);
    });
}

} // namespace engage::models
