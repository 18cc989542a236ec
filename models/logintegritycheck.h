#pragma once

#include "api/logrecord.h"
#include "apierror.h"

#include <QObject>
#include <QPointer>

namespace engage::models {

class ApiClient;
class ApiReply;

// "Verify integrity" (POST /api/v1/logs/verify): the service checks the hash
// chains of the signed-in tenant's access and operation logs against their
// signed checkpoint and says, per log, whether it is intact or where it first
// breaks. One check at a time.
class LogIntegrityCheck final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogIntegrityCheck)

public:
    explicit LogIntegrityCheck(ApiClient &client, QObject *parent = nullptr);
    ~LogIntegrityCheck() override;

    void start();
    bool isRunning() const { return !m_reply.isNull(); }

    // The sentence for one result, in the UI language: intact with the rows
    // checked, or the first broken row and what is wrong with it.
    static QString describe(const api::LogVerification &result);
    static QString logName(api::LogKind kind);

Q_SIGNALS:
    void finished(const engage::api::LogVerificationReport &report);
    void failed(const engage::models::ApiError &error);
    void runningChanged(bool running);

private:
    ApiClient &m_client;
    QPointer<ApiReply> m_reply;
};

} // namespace engage::models
