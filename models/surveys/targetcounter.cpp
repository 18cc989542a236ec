#include "targetcounter.h"

#include "apiclient.h"
#include "apireply.h"
#include "grouptreemodel.h"

#include <QCollator>
#include <algorithm>
#include <utility>

namespace engage::models {

TargetCounter::TargetCounter(ApiClient &client, const GroupTreeModel &groups, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_groups(groups)
{}

TargetCounter::~TargetCounter()
{
    // Forgotten before it is abandoned, so that its answer (Cancelled) is ignored.
    if (QPointer<ApiReply> pending = std::exchange(m_reply, nullptr))
        pending->abort();
}

void TargetCounter::reload()
{
    // Forgotten before it is abandoned, so that its answer (Cancelled) is ignored.
    if (QPointer<ApiReply> pending = std::exchange(m_reply, nullptr))
        pending->abort();
    m_pending.clear();
    fetch(std::nullopt);
}

void TargetCounter::fetch(const std::optional<QString> &cursor)
{
    api::MemberQuery query;
    query.limit = api::kMemberPageMax;
    query.cursor = cursor;
    ApiReply *reply = m_client.get(QStringLiteral("/api/v1/members?") +
                                   api::toUrlQuery(query).toString(QUrl::FullyEncoded));
    m_reply = reply;
    connect(reply, &ApiReply::finished, this, [this, reply] {
        if (reply != m_reply)
            return;
        m_reply.clear();
        if (!reply->isOk()) {
            Q_EMIT failed(reply->error());
            return;
        }
        const auto page = api::memberPageFromJson(reply->json().object());
        if (!page) {
            Q_EMIT failed(reply->unreadable(page.error().detail));
            return;
        }
        for (const api::Member &member : page.value().page.items) {
            if (member.fields.deliver && member.fields.status != api::MemberStatus::Left)
                m_pending.append(member.fields);
        }
        if (page.value().page.nextCursor) {
            fetch(page.value().page.nextCursor);
            return;
        }
        m_members = std::exchange(m_pending, {});
        m_loaded = true;
        Q_EMIT loaded();
    });
}

QString TargetCounter::valueOf(const api::MemberFields &member, const QString &key,
                               const QDate &day)
{
    if (key == QLatin1String("ageBand"))
        return member.birthDate ? api::ageBand(*member.birthDate, day) : QString();
    if (key == QLatin1String("tenureBand"))
        return member.hireDate ? api::tenureBand(*member.hireDate, day) : QString();
    if (key == QLatin1String("employmentType"))
        return member.employmentType;
    if (key == QLatin1String("grade"))
        return member.grade;
    if (key == QLatin1String("jobCategory"))
        return member.jobCategory;
    return member.attributes.value(key);
}

std::optional<int> TargetCounter::count(const api::TargetFilter &targets, const QDate &day) const
{
    if (!m_loaded)
        return std::nullopt;
    const auto inGroups = [&](const api::MemberFields &member) {
        if (targets.groupIds.isEmpty())
            return true;
        return member.groupId && std::any_of(targets.groupIds.cbegin(), targets.groupIds.cend(),
                                             [&](const QString &id) {
                                                 return m_groups.isWithin(*member.groupId, id);
                                             });
    };
    const auto hasValues = [&](const api::MemberFields &member) {
        return std::all_of(targets.attributes.cbegin(), targets.attributes.cend(),
                           [&](const std::pair<QString, QStringList> &attribute) {
                               return attribute.second.contains(
                                   valueOf(member, attribute.first, day));
                           });
    };
    return static_cast<int>(
        std::count_if(m_members.cbegin(), m_members.cend(), [&](const api::MemberFields &member) {
            return inGroups(member) && hasValues(member);
        }));
}

QStringList TargetCounter::values(const QString &key, const QDate &day) const
{
    QStringList found;
    for (const api::MemberFields &member : m_members) {
        const QString value = valueOf(member, key, day);
        if (!value.isEmpty() && !found.contains(value))
            found.append(value);
    }
    QCollator collator;
    collator.setNumericMode(true);
    std::sort(found.begin(), found.end(), collator);
    return found;
}

} // namespace engage::models
