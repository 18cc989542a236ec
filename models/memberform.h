#pragma once

#include "api/member.h"
#include "apierror.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

namespace engage::models {

class ApiClient;
class ApiReply;

// The service side of the member form: reads one member with its ETag, then
// replaces it with If-Match (PUT), or creates a new one (POST with an
// Idempotency-Key). A refusal that names a field (an e-mail or employee code
// another member has) is reported with that field, so the form can show it
// beside the field; a stale edit (412) is reported apart, so the form can
// offer to load the member again.
class MemberForm final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemberForm)

public:
    explicit MemberForm(ApiClient &client, QObject *parent = nullptr);

    void load(const QString &memberId);
    // Creates a member when no member was loaded, else replaces the loaded one.
    void save(const api::MemberFields &fields);

    bool isBusy() const { return !m_reply.isNull(); }
    bool isNew() const { return m_memberId.isEmpty(); }
    QString memberId() const { return m_memberId; }

Q_SIGNALS:
    void loaded(const engage::api::Member &member);
    void saved(const engage::api::Member &member);
    // Someone else changed or deleted the member since it was loaded.
    void staleEdit();
    // `field` is the wire name of the field the refusal is about ("email",
    // "employeeCode"), empty when it concerns the whole member or cannot be
    // told.
    void failed(const engage::models::ApiError &error, const QString &field);

private:
    void take(ApiReply *reply, bool saving);

    ApiClient &m_client;
    QString m_memberId;
    QByteArray m_etag;
    QPointer<ApiReply> m_reply;
};

} // namespace engage::models
