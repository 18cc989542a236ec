#include "managerscope.h"

#include "apiclient.h"
#include "apireply.h"

#include <utility>

namespace engage::models {

ManagerScope::ManagerScope(ApiClient &client, QString personId, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_personId(std::move(personId))
{}

ManagerScope::~ManagerScope()
{
    if (QPointer<ApiReply> reply = std::exchange(m_reply, nullptr))
        reply->abort();
}

void ManagerScope::load()
{
    send("GET", std::nullopt, &ManagerScope::loaded);
}

void ManagerScope::save(const api::GroupScope &scope)
{
    send("PUT", api::toJson(scope), &ManagerScope::saved);
}

void ManagerScope::send(const QByteArray &method, std::optional<QJsonObject> body,
                        void (ManagerScope::*done)())
{
    if (isBusy())
        return;
    ApiRequest request;
    request.method = method;
    request.path = QStringLiteral("/api/v1/users/%1/groups").arg(m_personId);
    request.body = std::move(body);
    ApiReply *reply = m_client.send(request);
    m_reply = reply;
    connect(reply, &ApiReply::finished, this, [this, reply, done] {
        m_reply.clear();
        if (!reply->isOk()) {
            Q_EMIT failed(reply->error());
            return;
        }
        // Both answer the scope as the service now holds it.
        auto scope = api::groupScopeFromJson(reply->json().object());
        if (!scope) {
            Q_EMIT failed(reply->unreadable(scope.error().detail));
            return;
        }
        m_scope = scope.takeValue();
        Q_EMIT(this->*done)();
    });
}

} // namespace engage::models
