#pragma once

#include "api/group.h"
#include "apierror.h"

#include <QObject>
#include <QPointer>
#include <QString>

namespace engage::models {

class ApiClient;
class ApiReply;

// The group subtrees one manager sees (GET and PUT /api/v1/users/{id}/groups):
// read once, then replaced as a whole. Only a person of role manager has one;
// the service answers 409 for anyone else.
class ManagerScope final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ManagerScope)

public:
    ManagerScope(ApiClient &client, QString personId, QObject *parent = nullptr);
    ~ManagerScope() override;

    QString personId() const { return m_personId; }
    const api::GroupScope &scope() const { return m_scope; }
    bool isBusy() const { return !m_reply.isNull(); }

    void load();
    void save(const api::GroupScope &scope);

Q_SIGNALS:
    void loaded();
    void saved();
    void failed(const engage::models::ApiError &error);

private:
    void send(const QByteArray &method, std::optional<QJsonObject> body,
              void (ManagerScope::*done)());

    ApiClient &m_client;
    QString m_personId;
    api::GroupScope m_scope;
    QPointer<ApiReply> m_reply;
};

} // namespace engage::models
