#pragma once

#include "api/attribute.h"
#include "api/group.h"
#include "api/member.h"
#include "exportsource.h"
#include "memberexporttable.h"

namespace engage::models {

// The members a query matches (all of the tenant's with the default query),
// every page of GET /api/v1/members, with the groups and attributes their
// columns need, as one sheet in the member import format (MemberExportTable)
// and the cover after it. Pages come api::kMemberPageMax at a time, sorted as
// the query says; offline, the pages an earlier export cached.
class MemberExportSource final : public ExportSource
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemberExportSource)

public:
    MemberExportSource(ApiClient &client, const QString &language, api::MemberQuery query,
                       QString tenant, QString filters, QObject *parent = nullptr);

    QList<ExportSheet> sheets() const override;
    bool isImportFormat() const override { return true; }
    QString fileLabel() const override;

    const MemberExportTable &table() const { return m_table; }

private:
    void startLoading() override;
    void clear() override;
    void readPage(const std::optional<QString> &cursor);
    void finishIfComplete();

    api::MemberQuery m_query;
    MemberExportTable m_table;
    QList<api::Member> m_members;
    std::optional<QList<api::Group>> m_groups;
    std::optional<QList<api::Attribute>> m_attributes;
    bool m_membersDone = false;
    int m_pages = 0;
};

} // namespace engage::models
