#include "logintegritycheck.h"

#include "apiclient.h"
#include "apireply.h"

#include <QJsonObject>
#include <QLocale>
#include <algorithm>
#include <climits>
#include <utility>

namespace engage::models {

LogIntegrityCheck::LogIntegrityCheck(ApiClient &client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

LogIntegrityCheck::~LogIntegrityCheck()
{
    if (ApiReply *reply = std::exchange(m_reply, nullptr))
        reply->abort();
}

void LogIntegrityCheck::start()
{
    if (m_reply)
        return;
    ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/api/v1/logs/verify");
    // A long chain takes the service a while to read.
    request.timeout = std::chrono::minutes(5);
    ApiReply *reply = m_client.send(request);
    m_reply = reply;
    connect(reply, &ApiReply::finished, this, [this, reply] {
        if (reply != m_reply)
            return;
        m_reply.clear();
        Q_EMIT runningChanged(false);
        if (!reply->isOk()) {
            Q_EMIT failed(reply->error());
            return;
        }
        const auto report = api::logVerificationReportFromJson(reply->json().object());
        if (!report) {
            Q_EMIT failed(reply->unreadable(report.error().detail));
            return;
        }
        Q_EMIT finished(report.value());
    });
    Q_EMIT runningChanged(true);
}

QString LogIntegrityCheck::logName(api::LogKind kind)
{
    switch (kind) {
    case api::LogKind::Access:
        return tr("Access log");
    case api::LogKind::Operation:
        return tr("Operation log");
    case api::LogKind::Error:
        break;
    }
    return tr("Error log");
}

QString LogIntegrityCheck::describe(const api::LogVerification &result)
{
    const QLocale locale;
    if (result.intact)
        //: %1 the log ("Access log"); %n rows checked.
        return tr("%1: intact, %Ln row(s) checked.", nullptr,
                  int(std::min<qint64>(result.checkedRows, INT_MAX)))
            .arg(logName(result.log));
    const QString row = locale.toString(result.firstBrokenSeq.value_or(0));
    QString why;
    switch (result.breakKind.value_or(api::LogBreak::RowChanged)) {
    case api::LogBreak::RowChanged:
        why = tr("the row was changed after it was written");
        break;
    case api::LogBreak::ChainBroken:
        why = tr("a row before it was removed or inserted");
        break;
    case api::LogBreak::SequenceGap:
        why = tr("a row number is missing or repeated");
        break;
    case api::LogBreak::HeadMismatch:
        why = tr("the newest row does not match the chain's head");
        break;
    case api::LogBreak::CheckpointMissing:
        why = tr("rows recorded in the signed checkpoint are gone");
        break;
    case api::LogBreak::CheckpointInvalid:
        why = tr("the signed checkpoint is unreadable or its signature fails");
        break;
    case api::LogBreak::ArchiveInvalid:
        why = tr("a signed archive file of older rows is missing or has been altered");
        break;
    }
    //: %1 the log ("Operation log"), %2 the number of the first broken row, %3 what is wrong.
    return tr("%1: broken from row %2: %3.").arg(logName(result.log), row, why);
}

} // namespace engage::models
