#pragma once

#include "apierror.h"

#include <QByteArray>
#include <QDateTime>
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
    // Set when the service could not be reached and the answer is the one
    // the offline cache kept (ApiRequest::offlineKey): when the service gave
    // it, in UTC.
    std::optional<QDateTime> asOf() const { return m_asOf; }
    bool isOffline() const { return m_asOf.has_value(); }
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
    void finishFromCache(QJsonDocument json, QDateTime asOf);

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
    std::optional<QDateTime> m_asOf;
};

} // namespace engage::models
