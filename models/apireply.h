#pragma once

#include "apierror.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QObject>
#include <optional>

namespace engage::models {

// The outcome of one call: the JSON answer on success, or an ApiError. Owned
// by the ApiClient; it deletes itself after finished(), so connect to it with
// a context object and copy what you need.
class ApiReply final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiReply)

public:
    explicit ApiReply(QString requestId, QObject *parent = nullptr);

    bool isOk() const { return !m_error.has_value(); }
    int httpStatus() const { return m_httpStatus; }
    QJsonDocument json() const { return m_json; }
    // The answer's bytes when the request asked for another media type
    // (ApiRequest::accept) and got it; empty for JSON answers.
    QByteArray body() const { return m_body; }
    QByteArray etag() const { return m_etag; }
    QString requestId() const { return m_requestId; }
    // Set when !isOk().
    const ApiError &error() const;
    // A successful answer that is not what the contract says (a body the
    // caller's decoder refused): Kind::BadResponse with this call's status and
    // request id, `detail` saying what was wrong.
    ApiError unreadable(const QString &detail) const;

    // Abandons the call; finished() follows with Kind::Cancelled.
    void abort();

    bool isFinished() const { return m_finished; }

    // For ApiClient only. The first call wins; later ones are ignored.
    void finishWithSuccess(int httpStatus, QJsonDocument json, QByteArray etag);
    void finishWithBody(int httpStatus, QByteArray body, QByteArray etag);
    void finishWithError(ApiError error);

Q_SIGNALS:
    void finished();
    void abortRequested();
    // Bytes of the request body sent so far (forwarded from the network reply;
    // a retry starts again from zero).
    void uploadProgress(qint64 sent, qint64 total);

private:
    void finish();

    QString m_requestId;
    bool m_finished = false;
    int m_httpStatus = 0;
    QJsonDocument m_json;
    QByteArray m_etag;
    QByteArray m_body;
    std::optional<ApiError> m_error;
};

} // namespace engage::models
