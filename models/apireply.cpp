#include "apireply.h"

#include <utility>

namespace engage::models {

ApiReply::ApiReply(QString requestId, QObject *parent)
    : QObject(parent)
    , m_requestId(std::move(requestId))
{}

const ApiError &ApiReply::error() const
{
    Q_ASSERT_X(m_error.has_value(), "ApiReply::error", "the call succeeded");
    // A caller that asks anyway gets an empty error rather than undefined behaviour.
    static const ApiError none;
    return m_error ? *m_error : none;
}

ApiError ApiReply::unreadable(const QString &detail) const
{
    ApiError error;
    error.kind = ApiError::Kind::BadResponse;
    error.httpStatus = m_httpStatus;
    error.detail = detail;
    error.requestId = m_requestId;
    return error;
}

void ApiReply::abort()
{
    if (!m_finished)
        Q_EMIT abortRequested();
}

void ApiReply::finishWithSuccess(int httpStatus, QJsonDocument json, QByteArray etag)
{
    if (m_finished)
        return;
    m_httpStatus = httpStatus;
    m_json = std::move(json);
    m_etag = std::move(etag);
    finish();
}

void ApiReply::finishWithBody(int httpStatus, QByteArray body, QByteArray etag)
{
    if (m_finished)
        return;
    m_httpStatus = httpStatus;
    m_body = std::move(body);
    m_etag = std::move(etag);
    finish();
}

void ApiReply::finishWithError(ApiError error)
{
    if (m_finished)
        return;
    m_httpStatus = error.httpStatus;
    m_error = std::move(error);
    finish();
}

void ApiReply::finishFromCache(QJsonDocument json, QDateTime asOf)
{
    if (m_finished)
        return;
    // What the service answered when the cache took it.
    m_httpStatus = 200;
    m_json = std::move(json);
    m_asOf = std::move(asOf);
    finish();
}

void ApiReply::finish()
{
    m_finished = true;
    Q_EMIT finished();
    deleteLater();
}

} // namespace engage::models
