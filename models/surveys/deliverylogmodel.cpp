#include "deliverylogmodel.h"

#include "dashboard/dashboardtext.h"
#include "latestread.h"

#include <QLocale>
#include <QUrl>
#include <QUrlQuery>
#include <utility>

namespace engage::models {

namespace {

QDateTime timeOf(const api::DeliveryLogEntry &entry)
{
    return entry.settledAt.value_or(entry.dueAt);
}

QString localTime(const QDateTime &at)
{
    return QLocale().toString(at.toLocalTime(), QLocale::ShortFormat);
}

QString kindText(const api::DeliveryLogEntry &entry)
{
    if (entry.kind == api::DeliveryKind::Invitation)
        return DeliveryLogModel::tr("Invitation");
    //: The n-th reminder of a round, e.g. "Reminder 2".
    return DeliveryLogModel::tr("Reminder %1").arg(QLocale().toString(entry.ordinal));
}

QString channelText(api::DeliveryChannel channel)
{
    switch (channel) {
    case api::DeliveryChannel::Email:
        return DeliveryLogModel::tr("E-mail");
    case api::DeliveryChannel::Printed:
        //: A delivery channel: the link handed out on a printed sheet or in a CSV.
        return DeliveryLogModel::tr("On paper");
    }
    return {};
}

} // namespace

DeliveryLogModel::DeliveryLogModel(ApiClient &client, QObject *parent)
    : QAbstractTableModel(parent)
    , m_read(new LatestRead(client, this))
{
    followLanguage(this, [this] { announceRetranslation(*this); });
    connect(m_read, &LatestRead::loadingChanged, this, &DeliveryLogModel::loadingChanged);
    // Scrolling does not ask again and again after a failure; Reload does.
    connect(m_read, &LatestRead::failed, this, [this](const ApiError &error) {
        m_stalled = true;
        Q_EMIT failed(error);
    });
}

bool DeliveryLogModel::isLoading() const
{
    return m_read->isLoading();
}

int DeliveryLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DeliveryLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString DeliveryLogModel::statusText(const api::DeliveryLogEntry &entry)
{
    switch (entry.status) {
    case api::DeliveryStatus::Pending:
        //: A delivery not made yet that failed before and will be tried again.
        return entry.attempts > 0 ? tr("Waiting to retry") : tr("Waiting");
    case api::DeliveryStatus::Sent:
        return tr("Sent");
    case api::DeliveryStatus::Bounced:
        //: The mail server refused the e-mail for good.
        return tr("Refused");
    case api::DeliveryStatus::Printed:
        return tr("On paper");
    }
    return {};
}

QString DeliveryLogModel::recipientText(const api::DeliveryLogEntry &entry)
{
    if (entry.kind == api::DeliveryKind::Reminder)
        //: The recipient of a reminder, which the log does not name.
        return tr("Not named");
    if (!entry.memberName)
        return tr("Removed member");
    if (entry.email)
        //: A recipient: %1 the member's name, %2 their e-mail address.
        return tr("%1 <%2>").arg(*entry.memberName, *entry.email);
    if (entry.employeeCode)
        //: A recipient without e-mail: %1 the member's name, %2 their employee code.
        return tr("%1 (%2)").arg(*entry.memberName, *entry.employeeCode);
    return *entry.memberName;
}

QVariant DeliveryLogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.parent().isValid() || index.row() >= m_rows.size() ||
        index.column() >= ColumnCount)
        return {};
    const api::DeliveryLogEntry &entry = m_rows.at(index.row());
    const auto column = static_cast<Column>(index.column());
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case TimeColumn:
            return localTime(timeOf(entry));
        case StatusColumn:
            return statusText(entry);
        case KindColumn:
            return kindText(entry);
        case ChannelColumn:
            return channelText(entry.channel);
        case RecipientColumn:
            return recipientText(entry);
        case DetailColumn:
            return entry.detail.value_or(QString());
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        switch (column) {
        case TimeColumn:
            if (entry.settledAt)
                return tr("Due %1, done %2")
                    .arg(localTime(entry.dueAt), localTime(*entry.settledAt));
            return tr("Due %1").arg(localTime(entry.dueAt));
        case StatusColumn:
            return entry.attempts > 0 ? tr("%n attempt(s) so far.", nullptr, entry.attempts)
                                      : QVariant();
        case RecipientColumn:
            if (entry.kind == api::DeliveryKind::Reminder)
                return tr("A reminder goes only to those who have not answered, so the log "
                          "does not say whom: it would tell who had not answered yet.");
            return {};
        case DetailColumn:
            // The mail server's words, in English: shown as the service gave them.
            return entry.detail ? QVariant(*entry.detail) : QVariant();
        default:
            return {};
        }
    case StatusRole:
        return static_cast<int>(entry.status);
    case KindRole:
        return static_cast<int>(entry.kind);
    case ChannelRole:
        return static_cast<int>(entry.channel);
    case TimeRole:
        return timeOf(entry);
    default:
        return {};
    }
}

QVariant DeliveryLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case StatusColumn:
        return tr("Status");
    case KindColumn:
        return tr("Delivery");
    case ChannelColumn:
        return tr("Channel");
    case RecipientColumn:
        return tr("Recipient");
    case DetailColumn:
        //: Column of the delivery log: what the mail server answered.
        return tr("Mail server's answer");
    default:
        return {};
    }
}

bool DeliveryLogModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_loaded && m_nextCursor && !isLoading() && !m_stalled;
}

void DeliveryLogModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        fetch(m_nextCursor);
}

void DeliveryLogModel::load(const QString &roundId, std::optional<api::DeliveryStatus> status)
{
    m_roundId = roundId;
    m_status = status;
    reload();
}

void DeliveryLogModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_nextCursor.reset();
    m_loaded = false;
    endResetModel();
    m_stalled = false;
    if (!m_roundId.isEmpty())
        fetch(std::nullopt);
    else
        m_read->cancel();
}

void DeliveryLogModel::setPageSize(int rows)
{
    m_pageSize = std::clamp(rows, 1, api::kDeliveryLogPageMax);
}

// One page at a time: a new first page abandons whatever was under way.
void DeliveryLogModel::fetch(const std::optional<QString> &cursor)
{
    api::DeliveryLogQuery query;
    query.status = m_status;
    query.cursor = cursor;
    query.limit = m_pageSize;
    const QString wire = api::toUrlQuery(query).toString(QUrl::FullyEncoded);
    m_read->start(QStringLiteral("/api/v1/rounds/") + m_roundId + QStringLiteral("/deliveries") +
                      (wire.isEmpty() ? QString() : u'?' + wire),
                  [this](const QJsonObject &answer) -> std::optional<QString> {
                      auto page = api::deliveryLogPageFromJson(answer);
                      if (!page)
                          return page.error().detail;
                      // A page must go on below the rows shown: anything else is not this log.
                      const QList<api::DeliveryLogEntry> &items = page.value().items;
                      if (!m_rows.isEmpty() && !items.isEmpty() &&
                          items.constFirst().id >= m_rows.constLast().id)
                          return QStringLiteral("A page that does not follow the one above.");
                      m_loaded = true;
                      m_nextCursor = page.value().nextCursor;
                      if (!items.isEmpty()) {
                          const int first = int(m_rows.size());
                          beginInsertRows({}, first, first + int(items.size()) - 1);
                          m_rows.append(items);
                          endInsertRows();
                      }
                      Q_EMIT pageLoaded();
                      return std::nullopt;
                  });
}

} // namespace engage::models
