#include "membertablemodel.h"

#include "apiclient.h"
#include "apireply.h"
#include "models/rowlookup.h"

#include <QCoreApplication>
#include <QEvent>
#include <QLocale>
#include <QLoggingCategory>
#include <QUrlQuery>
#include <utility>

namespace engage::models {

namespace {

Q_LOGGING_CATEGORY(lcMembers, "engage.members")

QString memberPath(const QString &id)
{
    return QStringLiteral("/api/v1/members/") + id;
}

ApiError unreadable(const ApiReply &reply, const QString &detail)
{
    qCWarning(lcMembers) << "unreadable answer, request" << reply.requestId();
    return reply.unreadable(detail);
}

} // namespace

MemberTableModel::MemberTableModel(ApiClient &client, QObject *parent)
    : QAbstractTableModel(parent)
    , m_client(client)
{
    if (QCoreApplication *application = QCoreApplication::instance())
        application->installEventFilter(this);
}

int MemberTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int MemberTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MemberTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.parent().isValid() || index.row() >= m_rows.size() ||
        index.column() >= ColumnCount)
        return {};
    const api::Member &member = m_rows.at(index.row());
    const api::MemberFields &fields = member.fields;
    switch (role) {
    case Qt::DisplayRole:
        switch (static_cast<Column>(index.column())) {
        case NameColumn:
            return api::memberDisplayName(fields);
        case EmployeeCodeColumn:
            return fields.employeeCode.value_or(QString());
        case EmailColumn:
            return fields.email.value_or(QString());
        case GroupColumn:
            return fields.groupId && m_groupNames ? m_groupNames(*fields.groupId) : QString();
        case EmploymentTypeColumn:
            return fields.employmentType;
        case PositionColumn:
            return fields.position;
        case StatusColumn:
            return statusText(fields.status);
        case HireDateColumn:
            return fields.hireDate ? QLocale().toString(*fields.hireDate, QLocale::ShortFormat)
                                   : QString();
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        // The e-mail and code are often cut off in a narrow window.
        if (index.column() == NameColumn)
            return QStringList{api::memberDisplayName(fields), fields.email.value_or(QString()),
                               fields.employeeCode.value_or(QString())}
                .join(QLatin1Char('\n'))
                .trimmed();
        return {};
    case MemberIdRole:
        return member.id;
    case MemberRole:
        return QVariant::fromValue(member);
    case StatusRole:
        return static_cast<int>(fields.status);
    default:
        return {};
    }
}

QVariant MemberTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        //: Column of the members table: family and given name.
        return tr("Name");
    case EmployeeCodeColumn:
        return tr("Employee code");
    case EmailColumn:
        return tr("E-mail");
    case GroupColumn:
        //: Column of the members table: the department the member belongs to.
        return tr("Group");
    case EmploymentTypeColumn:
        //: Column of the members table: full-time, part-time, contract, ...
        return tr("Employment type");
    case PositionColumn:
        //: Column of the members table: the member's job title.
        return tr("Position");
    case StatusColumn:
        //: Column of the members table: active, on leave or left.
        return tr("Status");
    case HireDateColumn:
        return tr("Hire date");
    default:
        return {};
    }
}

QString MemberTableModel::statusText(api::MemberStatus status)
{
    switch (status) {
    case api::MemberStatus::Active:
        //: Status of a member who works and answers surveys.
        return tr("Active");
    case api::MemberStatus::OnLeave:
        //: Status of a member on parental, sick or other leave.
        return tr("On leave");
    case api::MemberStatus::Left:
        //: Status of a member who has left the company.
        return tr("Left");
    }
    return {};
}

int MemberTableModel::rowOf(const QString &memberId) const
{
    return rowWithId(m_rows, memberId);
}

void MemberTableModel::setGroupNames(GroupNames names)
{
    m_groupNames = std::move(names);
    groupNamesChanged();
}

void MemberTableModel::groupNamesChanged()
{
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, GroupColumn),
                           index(static_cast<int>(m_rows.size()) - 1, GroupColumn),
                           {Qt::DisplayRole});
}

// ---- loading ----------------------------------------------------------------

void MemberTableModel::setQuery(const api::MemberQuery &query)
{
    m_query = query;
    restart();
}

void MemberTableModel::reload()
{
    restart();
}

void MemberTableModel::restart()
{
    ++m_generation;
    const bool wasLoading = isLoading();
    if (QPointer<ApiReply> previous = std::exchange(m_reply, nullptr))
        previous->abort();
    beginResetModel();
    m_rows.clear();
    m_nextCursor.reset();
    m_failed = false;
    m_pages = 0;
    m_asOf.reset();
    endResetModel();
    setTotal(-1);
    fetchPage(std::nullopt);
    if (!wasLoading)
        Q_EMIT loadingChanged(true);
}

bool MemberTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_nextCursor && !isLoading() && !m_failed;
}

void MemberTableModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    fetchPage(m_nextCursor);
    Q_EMIT loadingChanged(true);
}

void MemberTableModel::fetchPage(const std::optional<QString> &cursor)
{
    api::MemberQuery query = m_query;
    query.cursor = cursor;
    query.limit = m_pageSize;
    const QString parameters = api::toUrlQuery(query).toString(QUrl::FullyEncoded);
    ApiRequest get;
    get.path = QStringLiteral("/api/v1/members");
    if (!parameters.isEmpty())
        get.path += QLatin1Char('?') + parameters;
    // By its place in the query rather than its cursor, which the service
    // seals anew at every read: offline, the cached first page's cursor
    // then reaches the cached second page.
    query.cursor.reset();
    get.offlineKey = QStringLiteral("/api/v1/members?%1#page=%2")
                         .arg(api::toUrlQuery(query).toString(QUrl::FullyEncoded))
                         .arg(m_pages);
    ApiReply *reply = m_client.send(get);
    m_reply = reply;
    const quint64 generation = m_generation;
    connect(reply, &ApiReply::finished, this, [this, reply, generation] {
        // An answer to a query the user has moved on from (or an abandoned call).
        if (generation != m_generation || reply != m_reply)
            return;
        m_reply.clear();
        Q_EMIT loadingChanged(false);
        if (!reply->isOk()) {
            m_failed = true;
            Q_EMIT failed(reply->error());
            return;
        }
        const auto page = api::memberPageFromJson(reply->json().object());
        if (!page) {
            m_failed = true;
            Q_EMIT failed(unreadable(*reply, page.error().detail));
            return;
        }
        // The cursor first: a view (or a tester) that asks for more while
        // the rows go in must get the page after these, not these again.
        m_nextCursor = page.value().page.nextCursor;
        ++m_pages;
        if (const std::optional<QDateTime> asOf = reply->asOf();
            asOf && (!m_asOf || *asOf < *m_asOf))
            m_asOf = asOf;
        const QList<api::Member> &items = page.value().page.items;
        if (!items.isEmpty()) {
            const int first = static_cast<int>(m_rows.size());
            beginInsertRows({}, first, first + static_cast<int>(items.size()) - 1);
            m_rows.append(items);
            endInsertRows();
        }
        setTotal(page.value().total);
    });
}

void MemberTableModel::setTotal(qint64 total)
{
    if (m_total == total)
        return;
    m_total = total;
    Q_EMIT totalChanged(total);
}

// ---- edits ------------------------------------------------------------------

void MemberTableModel::remove(const QString &memberId)
{
    const int row = rowOf(memberId);
    if (row < 0)
        return;
    const api::MemberFields seen = m_rows.at(row).fields;
    ApiReply *read = m_client.get(memberPath(memberId));
    connect(read, &ApiReply::finished, this, [this, read, memberId, seen] {
        if (!read->isOk()) {
            if (read->error().code == api::ProblemCode::NotFound)
                removeRow(memberId); // someone else deleted it already
            Q_EMIT failed(read->error());
            return;
        }
        const auto member = api::memberFromJson(read->json().object());
        if (!member) {
            Q_EMIT failed(unreadable(*read, member.error().detail));
            return;
        }
        if (read->etag().isEmpty()) {
            Q_EMIT failed(unreadable(*read, QStringLiteral("The member came without an ETag.")));
            return;
        }
        if (member.value().fields != seen) {
            Q_EMIT staleEdit(memberId);
            return;
        }
        ApiRequest request;
        request.method = "DELETE";
        request.path = memberPath(memberId);
        request.ifMatch = read->etag();
        ApiReply *reply = m_client.send(request);
        connect(reply, &ApiReply::finished, this, [this, reply, memberId] {
            if (!reply->isOk()) {
                if (reply->error().code == api::ProblemCode::PreconditionFailed)
                    Q_EMIT staleEdit(memberId);
                else
                    Q_EMIT failed(reply->error());
                return;
            }
            removeRow(memberId);
            Q_EMIT removed(memberId);
        });
    });
}

void MemberTableModel::removeRow(const QString &memberId)
{
    const int row = rowOf(memberId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
    if (m_total > 0)
        setTotal(m_total - 1);
}

// ---- language -----------------------------------------------------------------

bool MemberTableModel::event(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    return QAbstractTableModel::event(event);
}

bool MemberTableModel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange)
        retranslate();
    return QAbstractTableModel::eventFilter(watched, event);
}

// Status names and the date format follow the language as well.
void MemberTableModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, StatusColumn),
                           index(static_cast<int>(m_rows.size()) - 1, HireDateColumn),
                           {Qt::DisplayRole});
}

} // namespace engage::models
