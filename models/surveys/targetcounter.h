#pragma once

#include "api/member.h"
#include "api/survey.h"
#include "models/apierror.h"

#include <QDate>
#include <QObject>
#include <QPointer>
#include <optional>

namespace engage::models {

class ApiClient;
class ApiReply;
class GroupTreeModel;

// How many members a survey's targets reach, counted live as the person
// changes them. The service has no count of a target filter, so the
// members the client may list (GET /api/v1/members, paged by cursor) are
// read once and counted here the way a round picks its targets: members who
// receive surveys and have not left, in the chosen groups' subtrees (none:
// everyone), whose attribute or snapshot key (api::snapshotKeys(); the age
// and tenure bands as of the delivery day) has one of the chosen values.
class TargetCounter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TargetCounter)

public:
    TargetCounter(ApiClient &client, const GroupTreeModel &groups, QObject *parent = nullptr);
    ~TargetCounter() override;

    // Reads the members (again); loaded() or failed().
    void reload();
    bool isLoading() const { return !m_reply.isNull(); }
    bool isLoaded() const { return m_loaded; }

    // Nothing until the members are read.
    std::optional<int> count(const api::TargetFilter &targets, const QDate &day) const;
    // The values members hold for an attribute or snapshot key, sorted: what
    // a target's value can be chosen from.
    QStringList values(const QString &key, const QDate &day) const;

    // A member's value of an attribute id or snapshot key on `day`; empty when none.
    static QString valueOf(const api::MemberFields &member, const QString &key, const QDate &day);

Q_SIGNALS:
    void loaded();
    void failed(const engage::models::ApiError &error);

private:
    void fetch(const std::optional<QString> &cursor);

    ApiClient &m_client;
    const GroupTreeModel &m_groups;
    QList<api::MemberFields> m_members; // those who can be targeted at all
    QList<api::MemberFields> m_pending; // read so far during a reload
    QPointer<ApiReply> m_reply;
    bool m_loaded = false;
};

} // namespace engage::models
