#include "surveytestmail.h"

#include "apiclient.h"
#include "apireply.h"

namespace engage::models {

SurveyTestMail::SurveyTestMail(ApiClient &client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

void SurveyTestMail::send(const QString &surveyId, bool japanese)
{
    if (isSending())
        return;
    ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/api/v1/surveys/") + surveyId + QStringLiteral("/test");
    api::SurveyTestRequest body;
    body.language = japanese ? QStringLiteral("ja") : QStringLiteral("en");
    request.body = api::toJson(body);
    // Not retried blindly: a lost answer could mean a message already sent.
    ApiReply *reply = m_client.send(request);
    m_reply = reply;
    Q_EMIT sendingChanged(true);
    connect(reply, &ApiReply::finished, this, [this, reply, surveyId] {
        m_reply.clear();
        Q_EMIT sendingChanged(false);
        if (!reply->isOk()) {
            Q_EMIT failed(surveyId, reply->error());
            return;
        }
        const auto result = api::mailTestResultFromJson(reply->json().object());
        if (!result) {
            Q_EMIT failed(surveyId, reply->unreadable(result.error().detail));
            return;
        }
        Q_EMIT answered(surveyId, result.value());
    });
}

bool SurveyTestMail::isNoMailServer(const ApiError &error)
{
    // The route's only Conflict: its settings are missing.
    return error.kind == ApiError::Kind::Problem && error.code == api::ProblemCode::Conflict;
}

} // namespace engage::models
