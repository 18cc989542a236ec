#pragma once

#include "api/mail.h"
#include "models/apierror.h"

#include <QObject>
#include <QPointer>
#include <QString>

namespace engage::models {

class ApiClient;
class ApiReply;

// "Send a test to myself" (POST /api/v1/surveys/{id}/test): the service
// mails the signed-in person an invitation to a preview that records
// nothing, in the language asked for. One at a time. The mail server's
// answer comes as a MailTestResult (sent, refused, or try again later);
// a company without a mail server set up answers a Conflict problem.
class SurveyTestMail final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SurveyTestMail)

public:
    explicit SurveyTestMail(ApiClient &client, QObject *parent = nullptr);

    // `japanese`: the invitation's language.
    void send(const QString &surveyId, bool japanese);
    bool isSending() const { return !m_reply.isNull(); }

    // Whether `error` says that no mail server is set up yet.
    static bool isNoMailServer(const ApiError &error);

Q_SIGNALS:
    void sendingChanged(bool sending);
    // The mail server's answer (result.outcome says whether it took the message).
    void answered(const QString &surveyId, const engage::api::MailTestResult &result);
    void failed(const QString &surveyId, const engage::models::ApiError &error);

private:
    ApiClient &m_client;
    QPointer<ApiReply> m_reply;
};

} // namespace engage::models
