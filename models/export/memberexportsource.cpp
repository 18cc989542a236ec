#include "memberexportsource.h"

#include "models/apiclient.h"
#include "models/apireply.h"

#include <QUrl>

namespace engage::models {

namespace {

const QString kGroupsPath = QStringLiteral("/api/v1/groups");
const QString kAttributesPath = QStringLiteral("/api/v1/attributes");

ApiRequest cachedGet(const QString &path)
{
    ApiRequest request;
    request.path = path;
    request.offlineKey = path;
    return request;
}

} // namespace

MemberExportSource::MemberExportSource(ApiClient &client, const QString &language,
                                       api::MemberQuery query, QString tenant, QString filters,
                                       QObject *parent)
    : ExportSource(client, std::move(tenant), std::move(filters), parent)
    , m_query(std::move(query))
    , m_table(language)
{
    m_query.cursor.reset();
    m_query.limit = api::kMemberPageMax;
}

QList<ExportSheet> MemberExportSource::sheets() const
{
    ExportSheet sheet;
    sheet.title = tr("Members");
    sheet.model = &m_table;
    return {sheet};
}

QString MemberExportSource::fileLabel() const
{
    return tr("members");
}

void MemberExportSource::clear()
{
    m_table.clear();
    m_members.clear();
    m_groups.reset();
    m_attributes.reset();
    m_membersDone = false;
    m_pages = 0;
}

void MemberExportSource::startLoading()
{
    read(cachedGet(kGroupsPath), [this](const ApiReply &reply) {
        auto groups = api::groupListFromJson(reply.json().object());
        if (!groups) {
            fail(reply.unreadable(groups.error().detail));
            return;
        }
        m_groups = groups.takeValue();
        finishIfComplete();
    });
    read(cachedGet(kAttributesPath), [this](const ApiReply &reply) {
        auto attributes = api::attributeListFromJson(reply.json().object());
        if (!attributes) {
            fail(reply.unreadable(attributes.error().detail));
            return;
        }
        m_attributes = attributes.takeValue();
        finishIfComplete();
    });
    readPage(std::nullopt);
}

void MemberExportSource::readPage(const std::optional<QString> &cursor)
{
    api::MemberQuery query = m_query;
    query.cursor = cursor;
    ApiRequest get;
    get.path =
        QStringLiteral("/api/v1/members?") + api::toUrlQuery(query).toString(QUrl::FullyEncoded);
    // By the page's place in the query, as MemberTableModel keys its pages:
    // the service seals every cursor anew.
    get.offlineKey = QStringLiteral("/api/v1/members?%1#page=%2")
                         .arg(api::toUrlQuery(m_query).toString(QUrl::FullyEncoded))
                         .arg(m_pages);
    read(get, [this](const ApiReply &reply) {
        auto page = api::memberPageFromJson(reply.json().object());
        if (!page) {
            fail(reply.unreadable(page.error().detail));
            return;
        }
        ++m_pages;
        m_members.append(page.value().page.items);
        Q_EMIT progressChanged(m_members.size(),
                               std::max<qint64>(page.value().total, m_members.size()));
        if (const auto &next = page.value().page.nextCursor) {
            readPage(next);
            return;
        }
        m_membersDone = true;
        finishIfComplete();
    });
}

void MemberExportSource::finishIfComplete()
{
    if (!m_membersDone || !m_groups || !m_attributes)
        return;
    m_table.setMembers(std::exchange(m_members, {}), *m_groups, *m_attributes);
    finishLoading();
}

} // namespace engage::models
