#pragma once

#include "api/member.h"
#include "apierror.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QPointer>
#include <QString>
#include <functional>
#include <optional>

namespace engage::models {

class ApiClient;
class ApiReply;

// The members of a tenant (GET /api/v1/members), a windowed view of the
// service's list: a query (search, group subtree, status, attribute) goes to
// the service, which filters and sorts; the model holds the pages fetched so
// far and fetches the next one, by cursor, when the view scrolls near the end
// (canFetchMore/fetchMore). A new query starts over, and answers to an older
// query that arrive late are dropped, so a fast typist never sees the results
// of what they typed before.
class MemberTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemberTableModel)

public:
    enum Column
    {
        NameColumn,
        EmployeeCodeColumn,
        EmailColumn,
        GroupColumn,
        EmploymentTypeColumn,
        PositionColumn,
        StatusColumn,
        HireDateColumn,
        ColumnCount
    };
    enum Roles
    {
        MemberIdRole = Qt::UserRole + 1,
        MemberRole, // api::Member
        StatusRole, // api::MemberStatus as int
    };
    // The name of a group by id, for the group column; empty when unknown.
    using GroupNames = std::function<QString(const QString &groupId)>;

    explicit MemberTableModel(ApiClient &client, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // Replaces the query (its cursor and limit are the model's own) and loads
    // its first page.
    void setQuery(const api::MemberQuery &query);
    const api::MemberQuery &query() const { return m_query; }
    // Loads the current query again from its first page.
    void reload();
    // Members per request (the service allows 1-500).
    void setPageSize(int rows) { m_pageSize = rows; }
    int pageSize() const { return m_pageSize; }
    void setGroupNames(GroupNames names);
    // The group names changed (the tree was reloaded): the group column repaints.
    void groupNamesChanged();

    // How many members the query matches in all, loaded or not; -1 until the
    // first page of the query has come.
    qint64 total() const { return m_total; }
    bool isLoading() const { return !m_reply.isNull(); }
    // Set while rows shown come from the offline cache, because the service
    // could not be reached: the oldest time the service gave them (UTC).
    // Every page read while online is cached, for every query.
    std::optional<QDateTime> asOf() const { return m_asOf; }
    const api::Member &memberAt(int row) const { return m_rows.at(row); }
    int rowOf(const QString &memberId) const; // -1 when not loaded

    // Deletes the member (logically; the service purges after the retention
    // period). The list answers without ETags, so the member is read first;
    // if it changed since it was listed, staleEdit() instead.
    void remove(const QString &memberId);

    // Status names in the UI language.
    static QString statusText(api::MemberStatus status);

Q_SIGNALS:
    void totalChanged(qint64 total);
    void loadingChanged(bool loading);
    void removed(const QString &memberId);
    // Someone else changed the member since it was listed: offer to reload.
    void staleEdit(const QString &memberId);
    void failed(const engage::models::ApiError &error);

protected:
    bool event(QEvent *event) override; // LanguageChange → headerDataChanged
    // QCoreApplication sends LanguageChange to itself (and on to widgets
    // only), so the model watches the application object too.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void restart();
    void fetchPage(const std::optional<QString> &cursor);
    void setTotal(qint64 total);
    void removeRow(const QString &memberId);
    void retranslate();

    ApiClient &m_client;
    api::MemberQuery m_query;
    QList<api::Member> m_rows;
    std::optional<QString> m_nextCursor;
    QPointer<ApiReply> m_reply;
    // Counts queries: an answer carries the generation it was asked for and
    // is dropped when a newer query has begun.
    quint64 m_generation = 0;
    qint64 m_total = -1;
    int m_pages = 0; // of the query, received so far
    std::optional<QDateTime> m_asOf;
    int m_pageSize = 100;
    bool m_failed = false; // the last page failed: no automatic retry while scrolling
    GroupNames m_groupNames;
};

} // namespace engage::models
