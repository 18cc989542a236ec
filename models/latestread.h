#pragma once

#include "apierror.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>
#include <optional>

namespace engage::models {

class ApiClient;
class ApiReply;

// A collection read whole with one GET, where the newest read wins: starting
// another abandons the one in flight (aborted, its answer ignored), so a
// model never shows an older list over a newer one. The model forwards
// loadingChanged() and failed() as its own.
class LatestRead final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LatestRead)

public:
    // Given the answer's JSON object: nothing once taken, or why it cannot
    // be read (the detail of the error failed() then reports).
    using Take = std::function<std::optional<QString>(const QJsonObject &answer)>;

    LatestRead(ApiClient &client, QObject *parent);

    void start(const QString &path, Take take);
    // Abandons the read in flight, if any.
    void cancel();
    bool isLoading() const { return !m_reply.isNull(); }

Q_SIGNALS:
    void loadingChanged(bool loading);
    void failed(const engage::models::ApiError &error);

private:
    ApiClient &m_client;
    QPointer<ApiReply> m_reply;
};

} // namespace engage::models
