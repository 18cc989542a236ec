#include "roundprogressmodel.h"

#include "api/deliverylog.h"
#include "apiclient.h"
#include "apireply.h"
#include "dashboard/dashboardtext.h"
#include "models/latestread.h"

#include <QHash>
#include <QLocale>
#include <QTimer>
#include <climits>

namespace engage::models {

namespace {

QString roundPath(const QString &roundId, QLatin1String what)
{
    return QStringLiteral("/api/v1/rounds/") + roundId + u'/' + what;
}

QString count(qint64 value)
{
    return QLocale().toString(value);
}

std::optional<double> shareOf(const api::GroupProgress &group)
{
    if (!group.respondents || group.targets <= 0)
        return std::nullopt;
    return double(*group.respondents) / double(group.targets);
}

} // namespace

RoundProgressModel::RoundProgressModel(ApiClient &client, QObject *parent)
    : QAbstractTableModel(parent)
    , m_client(client)
    , m_read(new LatestRead(client, this))
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(kDefaultRefreshInterval);
    connect(m_timer, &QTimer::timeout, this, &RoundProgressModel::reload);
    connect(m_read, &LatestRead::loadingChanged, this, &RoundProgressModel::loadingChanged);
    connect(m_read, &LatestRead::failed, this, &RoundProgressModel::failed);
    followLanguage(this, [this] { announceRetranslation(*this); });
}

int RoundProgressModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RoundProgressModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RoundProgressModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.parent().isValid() || index.row() >= m_rows.size() ||
        index.column() >= ColumnCount)
        return {};
    const Row &row = m_rows.at(index.row());
    const api::GroupProgress &group = row.group;
    const auto column = static_cast<Column>(index.column());
    const std::optional<double> share = shareOf(group);
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case GroupColumn:
            // Indented as in the group tree (two spaces a level).
            return QString(QString(row.depth * 2, u' ') + groupName(group.groupId));
        case TargetsColumn:
            return count(group.targets);
        case RespondedColumn:
            return group.respondents ? count(*group.respondents) : DashboardText::noValue();
        case RateColumn:
            if (!share)
                return DashboardText::noValue();
            //: A response rate, e.g. "82.5%"; %1 is the number in the UI language.
            return tr("%1%").arg(QLocale().toString(*share * 100.0, 'f', 1));
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        if (!group.respondents && column != GroupColumn)
            return tr("Fewer members than the anonymity threshold were asked in this group, so "
                      "how many answered is not shown: it would tell who did.");
        if (column == RateColumn && group.respondents)
            return tr("%1 of %Ln member(s) answered so far.", nullptr,
                      int(std::min<qint64>(group.targets, INT_MAX)))
                .arg(count(*group.respondents));
        return {};
    case Qt::TextAlignmentRole:
        if (column != GroupColumn)
            return DashboardText::alignedNumber();
        return {};
    case Qt::AccessibleTextRole:
        if (column == RateColumn && !share)
            return tr("Not shown");
        return {};
    case GroupIdRole:
        return group.groupId;
    case ShareRole:
        if (column == RateColumn && share)
            return *share;
        return {};
    case WithheldRole:
        return !group.respondents.has_value();
    default:
        return {};
    }
}

QVariant RoundProgressModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case GroupColumn:
        return tr("Group");
    case TargetsColumn:
        //: Column of a round's progress: the members the round was sent to.
        return tr("Asked");
    case RespondedColumn:
        return tr("Answered");
    case RateColumn:
        return tr("Response rate");
    default:
        return {};
    }
}

void RoundProgressModel::load(const QString &roundId)
{
    if (roundId != m_roundId) {
        beginResetModel();
        m_roundId = roundId;
        m_progress.reset();
        m_rows.clear();
        endResetModel();
    }
    reload();
}

void RoundProgressModel::reload()
{
    if (m_roundId.isEmpty())
        return;
    const QString roundId = m_roundId;
    m_read->start(roundPath(roundId, QLatin1String("progress")),
                  [this, roundId](const QJsonObject &answer) -> std::optional<QString> {
                      auto progress = api::roundProgressFromJson(answer);
                      if (!progress)
                          return progress.error().detail;
                      if (progress.value().roundId != roundId)
                          return QStringLiteral("the progress of another round");
                      show(progress.value());
                      Q_EMIT loaded();
                      return std::nullopt;
                  });
}

bool RoundProgressModel::isLoading() const
{
    return m_read->isLoading();
}

void RoundProgressModel::setGroups(const QList<GroupTreeModel::Entry> &groups)
{
    m_groups = groups;
    if (m_progress)
        show(*m_progress);
}

void RoundProgressModel::setRefreshing(bool refreshing)
{
    if (refreshing == m_timer->isActive())
        return;
    if (refreshing)
        m_timer->start();
    else
        m_timer->stop();
}

bool RoundProgressModel::isRefreshing() const
{
    return m_timer->isActive();
}

void RoundProgressModel::setRefreshInterval(std::chrono::milliseconds interval)
{
    m_timer->setInterval(interval);
}

std::chrono::milliseconds RoundProgressModel::refreshInterval() const
{
    return m_timer->intervalAsDuration();
}

// The rows of the progress in the order of the tree, groups the tree does
// not know (removed since the round began) and members outside any group
// after it.
QList<RoundProgressModel::Row>
RoundProgressModel::orderedRows(const api::RoundProgress &progress) const
{
    QHash<QString, api::GroupProgress> byId;
    for (const api::GroupProgress &group : progress.groups)
        byId.insert(group.groupId, group);
    QList<Row> rows;
    for (const GroupTreeModel::Entry &entry : m_groups) {
        if (const auto found = byId.constFind(entry.id); found != byId.cend()) {
            rows.append(Row{*found, entry.depth});
            byId.erase(found);
        }
    }
    for (const api::GroupProgress &group : progress.groups) {
        if (byId.contains(group.groupId) && !group.groupId.isEmpty())
            rows.append(Row{group, 0});
    }
    if (byId.contains(QString()))
        rows.append(Row{byId.value(QString()), 0});
    return rows;
}

void RoundProgressModel::show(const api::RoundProgress &progress)
{
    QList<Row> rows = orderedRows(progress);
    const bool sameRows =
        rows.size() == m_rows.size() &&
        std::equal(rows.cbegin(), rows.cend(), m_rows.cbegin(), [](const Row &a, const Row &b) {
            return a.group.groupId == b.group.groupId && a.depth == b.depth;
        });
    m_progress = progress;
    if (sameRows) {
        m_rows = std::move(rows);
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

QStringList RoundProgressModel::subtree(const QString &groupId) const
{
    QStringList ids{groupId};
    for (qsizetype i = 0; i < m_groups.size(); ++i) {
        if (m_groups.at(i).id != groupId)
            continue;
        for (qsizetype j = i + 1;
             j < m_groups.size() && m_groups.at(j).depth > m_groups.at(i).depth; ++j)
            ids.append(m_groups.at(j).id);
        break;
    }
    return ids;
}

std::optional<qint64>
RoundProgressModel::nonRespondents(const std::optional<QString> &groupId) const
{
    if (!m_progress)
        return std::nullopt;
    const QStringList reached = groupId ? subtree(*groupId) : QStringList();
    qint64 total = 0;
    for (const api::GroupProgress &group : m_progress->groups) {
        if (groupId && !reached.contains(group.groupId))
            continue;
        if (!group.respondents)
            return std::nullopt;
        total += group.targets - *group.respondents;
    }
    return total;
}

QString RoundProgressModel::groupName(const QString &groupId) const
{
    if (groupId.isEmpty())
        return tr("Outside any group");
    if (m_progress) {
        for (const api::GroupProgress &group : m_progress->groups) {
            if (group.groupId == groupId)
                return group.name;
        }
    }
    for (const GroupTreeModel::Entry &entry : m_groups) {
        if (entry.id == groupId)
            return entry.name;
    }
    return {};
}

void RoundProgressModel::remind(const std::optional<QString> &groupId)
{
    if (m_roundId.isEmpty() || isReminding())
        return;
    ApiRequest request;
    request.method = "POST";
    request.path = roundPath(m_roundId, QLatin1String("remind"));
    request.body = api::toJson(api::RemindRequest{groupId});
    ApiReply *reply = m_client.send(request);
    m_remindReply = reply;
    connect(reply, &ApiReply::finished, this, [this, reply, groupId] {
        m_remindReply.clear();
        if (!reply->isOk()) {
            Q_EMIT remindFailed(groupId, reply->error());
            return;
        }
        const auto result = api::remindResultFromJson(reply->json().object());
        if (!result) {
            Q_EMIT remindFailed(groupId, reply->unreadable(result.error().detail));
            return;
        }
        Q_EMIT reminded(groupId, result.value().planned);
        // The reminders are pending now.
        reload();
    });
}

QString RoundProgressModel::deliveryTotalsText() const
{
    if (!m_progress)
        return {};
    //: The delivery log's totals of a round: %1 e-mails sent, %2 refused by the
    //: mail server, %3 handed out on paper, %4 still to go.
    return tr("Sent %1 · Refused %2 · On paper %3 · Waiting %4")
        .arg(count(m_progress->sent), count(m_progress->bounced), count(m_progress->printed),
             count(m_progress->pending));
}

} // namespace engage::models
