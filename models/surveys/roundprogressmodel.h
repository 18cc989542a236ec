#pragma once

#include "api/survey.h"
#include "models/apierror.h"
#include "models/grouptreemodel.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>
#include <QString>
#include <chrono>
#include <optional>

class QTimer;

namespace engage::models {

class ApiClient;
class ApiReply;
class LatestRead;

// A running round's response rate per group (GET /api/v1/rounds/{id}/progress):
// one row per group the targets were placed in, in the order of the group
// tree (setGroups), members outside any group last. A group under the
// company's anonymity threshold has its respondents withheld by the service:
// its row says so instead of a count, and no sum or difference here brings
// them back. While refreshing (setRefreshing), the progress is read again
// every refreshInterval(); rows are updated in place, so a selection stays.
// "Remind now" (POST .../remind) plans a reminder for the non-respondents
// of a group's subtree.
class RoundProgressModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RoundProgressModel)

public:
    enum Column
    {
        GroupColumn,
        TargetsColumn,
        RespondedColumn,
        RateColumn,
        ColumnCount
    };
    enum Roles
    {
        GroupIdRole = Qt::UserRole + 1, // empty for members outside any group
        ShareRole,                      // double 0..1, invalid when withheld
        WithheldRole,                   // bool
    };

    static constexpr std::chrono::milliseconds kDefaultRefreshInterval{10000};

    explicit RoundProgressModel(ApiClient &client, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Shows `roundId`'s progress (empty: none), read at once.
    void load(const QString &roundId);
    void reload();
    QString roundId() const { return m_roundId; }
    bool isLoading() const;
    const std::optional<api::RoundProgress> &progress() const { return m_progress; }

    // The group tree (GroupTreeModel::entries()): the rows' order and
    // indentation, and the subtrees a reminder reaches.
    void setGroups(const QList<GroupTreeModel::Entry> &groups);

    // Reads the progress again every refreshInterval() while on.
    void setRefreshing(bool refreshing);
    bool isRefreshing() const;
    void setRefreshInterval(std::chrono::milliseconds interval);
    std::chrono::milliseconds refreshInterval() const;

    // How many a reminder of `groupId`'s subtree (none: the whole round)
    // would reach now: nothing when a group in it is under the anonymity
    // threshold, as the count would tell who answered there.
    std::optional<qint64> nonRespondents(const std::optional<QString> &groupId) const;
    // Whether groups below `groupId` are reached with it.
    bool hasSubgroups(const QString &groupId) const { return subtree(groupId).size() > 1; }
    // The group's name as the rows show it; "Outside any group" for an empty id.
    QString groupName(const QString &groupId) const;

    // POST .../remind: reminded() or remindFailed().
    void remind(const std::optional<QString> &groupId);
    bool isReminding() const { return !m_remindReply.isNull(); }

    // "Sent 120 · Refused 2 · On paper 5 · Waiting 30": the delivery log's
    // totals in a line; empty without progress.
    QString deliveryTotalsText() const;

Q_SIGNALS:
    void loadingChanged(bool loading);
    void loaded();
    void failed(const engage::models::ApiError &error);
    // `planned`: the reminders planned, as the service counted them; none
    // when what was reminded holds a group under the anonymity threshold.
    void reminded(const std::optional<QString> &groupId, const std::optional<qint64> &planned);
    void remindFailed(const std::optional<QString> &groupId, const engage::models::ApiError &error);

private:
    struct Row
    {
        api::GroupProgress group;
        int depth = 0;
    };
    QList<Row> orderedRows(const api::RoundProgress &progress) const;
    QStringList subtree(const QString &groupId) const;
    void show(const api::RoundProgress &progress);

    ApiClient &m_client;
    LatestRead *m_read;
    QTimer *m_timer;
    QString m_roundId;
    std::optional<api::RoundProgress> m_progress;
    QList<Row> m_rows;
    QList<GroupTreeModel::Entry> m_groups;
    QPointer<ApiReply> m_remindReply;
};

} // namespace engage::models
