#include "memberform.h"

#include "apiclient.h"
#include "apireply.h"

#include <QUuid>

namespace engage::models {

namespace {

QString memberPath(const QString &id)
{
    return QStringLiteral("/api/v1/members/") + id;
}

} // namespace

MemberForm::MemberForm(ApiClient &client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

void MemberForm::load(const QString &memberId)
{
    if (QPointer<ApiReply> previous = std::exchange(m_reply, nullptr))
        previous->abort();
    m_memberId = memberId;
    m_etag.clear();
    take(m_client.get(memberPath(memberId)), false);
}

void MemberForm::save(const api::MemberFields &fields)
{
    if (isBusy())
        return;
    ApiRequest request;
    request.body = api::toJson(fields);
    if (isNew()) {
        request.method = "POST";
        request.path = QStringLiteral("/api/v1/members");
        // A retry after a lost answer creates no second member.
        request.idempotencyKey = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    } else {
        request.method = "PUT";
        request.path = memberPath(m_memberId);
        request.ifMatch = m_etag;
    }
    take(m_client.send(request), true);
}

void MemberForm::take(ApiReply *reply, bool saving)
{
    m_reply = reply;
    connect(reply, &ApiReply::finished, this, [this, reply, saving] {
        if (reply != m_reply)
            return;
        m_reply.clear();
        if (!reply->isOk()) {
            const ApiError &error = reply->error();
            // A member deleted meanwhile is as stale as one changed meanwhile.
            const bool gone = !isNew() && error.code == api::ProblemCode::NotFound;
            if (error.code == api::ProblemCode::PreconditionFailed || (saving && gone))
                Q_EMIT staleEdit();
            else
                Q_EMIT failed(error, error.field);
            return;
        }
        const auto member = api::memberFromJson(reply->json().object());
        if (!member) {
            Q_EMIT failed(reply->unreadable(member.error().detail), QString());
            return;
        }
        if (reply->etag().isEmpty()) {
            Q_EMIT failed(reply->unreadable(QStringLiteral("The member came without an ETag.")),
                          QString());
            return;
        }
        m_memberId = member.value().id;
        m_etag = reply->etag();
        if (saving)
            Q_EMIT saved(member.value());
        else
            Q_EMIT loaded(member.value());
    });
}

} // namespace engage::models
