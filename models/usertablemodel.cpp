#include "usertablemodel.h"

#include "api/cursorpage.h"
#include "apiclient.h"
#include "apireply.h"

#include <QCoreApplication>
#include <QEvent>
#include <QLocale>
#include <QLoggingCategory>
#include <QUrl>
#include <QUuid>
#include <utility>

namespace engage::models {

namespace {

Q_LOGGING_CATEGORY(lcUsers, "engage.users")

// The service's largest page: a tenant's administrators come in one or two.

QString personPath(const QString &id)
{
    return QStringLiteral("/api/v1/users/") + id;
}

ApiError unreadable(const ApiReply &reply, const QString &detail)
{
    qCWarning(lcUsers) << "unreadable answer, request" << reply.requestId();
    return reply.unreadable(detail);
}

// The fields an edit changes (and the only ones that move the person's
// revision): equal here means the person is as the user saw it.
bool sameEditableFields(const api::Person &a, const api::Person &b)
{
    return a.email == b.email && a.displayName == b.displayName && a.role == b.role &&
           a.status == b.status;
}

} // namespace

UserTableModel::UserTableModel(ApiClient &client, QObject *parent)
    : QAbstractTableModel(parent)
    , m_client(client)
{
    if (QCoreApplication *application = QCoreApplication::instance())
        application->installEventFilter(this);
}

int UserTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int UserTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UserTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.parent().isValid() || index.row() >= m_rows.size() ||
        index.column() >= ColumnCount)
        return {};
    const Row &row = m_rows.at(index.row());
    const api::Person &person = row.person;
    switch (role) {
    case Qt::DisplayRole:
        switch (static_cast<Column>(index.column())) {
        case NameColumn:
            return person.displayName;
        case EmailColumn:
            return person.email;
        case RoleColumn:
            return roleText(person.role);
        case StatusColumn:
            return statusText(person.status);
        case LastSignInColumn:
            if (!person.lastSignInAt)
                return QString(QChar(0x2014)); // em dash: never signed in
            return QLocale().toString(person.lastSignInAt->toLocalTime(), QLocale::ShortFormat);
        case ColumnCount:
            break;
        }
        return {};
    case PersonIdRole:
        return person.id;
    case RoleRole:
        return static_cast<int>(person.role);
    case StatusRole:
        return static_cast<int>(person.status);
    case EtagRole:
        return row.etag;
    default:
        return {};
    }
}

QVariant UserTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        //: Column of the people table: the person's display name.
        return tr("Name");
    case EmailColumn:
        return tr("E-mail");
    case RoleColumn:
        return tr("Role");
    case StatusColumn:
        //: Column of the people table: active or deactivated.
        return tr("Status");
    case LastSignInColumn:
        return tr("Last sign-in");
    default:
        return {};
    }
}

const api::Person &UserTableModel::personAt(int row) const
{
    return m_rows.at(row).person;
}

int UserTableModel::rowOf(const QString &personId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).person.id == personId)
            return row;
    }
    return -1;
}

QString UserTableModel::roleText(api::Role role)
{
    switch (role) {
    case api::Role::Owner:
        //: Role of a person: may do everything, including managing other owners.
        return tr("Owner");
    case api::Role::Admin:
        //: Role of a person: manages the company's settings and people.
        return tr("Administrator");
    case api::Role::Manager:
        //: Role of a person: sees the results of their own groups.
        return tr("Manager");
    case api::Role::Viewer:
        //: Role of a person: reads results, changes nothing.
        return tr("Viewer");
    }
    return {};
}

QString UserTableModel::statusText(api::PersonStatus status)
{
    switch (status) {
    case api::PersonStatus::Active:
        //: Status of a person who may sign in.
        return tr("Active");
    case api::PersonStatus::Disabled:
        //: Status of a person who may no longer sign in.
        return tr("Deactivated");
    }
    return {};
}

// ---- loading ----------------------------------------------------------------

void UserTableModel::reload()
{
    // The newest reload wins; the answer to the abandoned one is ignored.
    if (QPointer<ApiReply> previous = std::exchange(m_listReply, nullptr))
        previous->abort();
    m_incoming.clear();
    setLoading(true);
    fetchPage({});
}

void UserTableModel::fetchPage(const QString &cursor)
{
    QString path = QStringLiteral("/api/v1/users?limit=%1").arg(m_pageSize);
    if (!cursor.isEmpty())
        path += QStringLiteral("&cursor=") + QString::fromLatin1(QUrl::toPercentEncoding(cursor));
    ApiReply *reply = m_client.get(path);
    m_listReply = reply;
    connect(reply, &ApiReply::finished, this, [this, reply] {
        if (reply != m_listReply)
            return;
        m_listReply.clear();
        if (!reply->isOk()) {
            m_incoming.clear();
            setLoading(false);
            Q_EMIT failed(reply->error());
            return;
        }
        const auto page =
            api::cursorPageFromJson<api::Person>(reply->json().object(), api::personFromJson);
        if (!page) {
            m_incoming.clear();
            setLoading(false);
            Q_EMIT failed(unreadable(*reply, page.error().detail));
            return;
        }
        for (const api::Person &person : page.value().items)
            m_incoming.append({person, {}});
        if (page.value().nextCursor) {
            fetchPage(*page.value().nextCursor);
            return;
        }
        beginResetModel();
        m_rows = std::exchange(m_incoming, {});
        endResetModel();
        setLoading(false);
    });
}

void UserTableModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

// ---- edits ------------------------------------------------------------------

void UserTableModel::invite(const QString &displayName, const QString &email, api::Role role)
{
    ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/api/v1/users");
    request.body = api::toJson(api::NewPersonRequest{email, displayName, role});
    // One key per invitation: a retry after a lost answer creates no second person.
    request.idempotencyKey = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    ApiReply *reply = m_client.send(request);
    connect(reply, &ApiReply::finished, this, [this, reply] {
        if (!reply->isOk()) {
            Q_EMIT failed(reply->error());
            return;
        }
        const auto created = api::createdPersonFromJson(reply->json().object());
        if (!created) {
            Q_EMIT failed(unreadable(*reply, created.error().detail));
            return;
        }
        const api::CreatedPerson &answer = created.value();
        if (rowOf(answer.user.id) >= 0) {
            store(answer.user, reply->etag());
        } else {
            const int row = static_cast<int>(m_rows.size());
            beginInsertRows({}, row, row);
            m_rows.append({answer.user, reply->etag()});
            endInsertRows();
        }
        // Empty only when the service replayed an earlier answer to a retry:
        // the first password was lost on the way and cannot be shown again.
        Q_EMIT invited(answer.user, answer.initialPassword.value_or(QString()));
    });
}

void UserTableModel::setRole(int row, api::Role role)
{
    api::PersonPatch change;
    change.role = role;
    patch(row, change);
}

void UserTableModel::setStatus(int row, api::PersonStatus status)
{
    api::PersonPatch change;
    change.status = status;
    patch(row, change);
}

void UserTableModel::patch(int row, const api::PersonPatch &change)
{
    withEtag(row, [this, change](const QString &personId, const QByteArray &etag) {
        ApiRequest request;
        request.method = "PATCH";
        request.path = personPath(personId);
        request.body = api::toJson(change);
        request.ifMatch = etag;
        ApiReply *reply = m_client.send(request);
        connect(reply, &ApiReply::finished, this, [this, reply, personId] {
            if (!reply->isOk()) {
                editFailed(personId, reply->error());
                return;
            }
            const auto person = api::personFromJson(reply->json().object());
            if (!person) {
                Q_EMIT failed(unreadable(*reply, person.error().detail));
                return;
            }
            store(person.value(), reply->etag());
        });
    });
}

void UserTableModel::remove(int row)
{
    withEtag(row, [this](const QString &personId, const QByteArray &etag) {
        ApiRequest request;
        request.method = "DELETE";
        request.path = personPath(personId);
        request.ifMatch = etag;
        ApiReply *reply = m_client.send(request);
        connect(reply, &ApiReply::finished, this, [this, reply, personId] {
            if (!reply->isOk()) {
                editFailed(personId, reply->error());
                return;
            }
            const int current = rowOf(personId);
            if (current < 0)
                return;
            beginRemoveRows({}, current, current);
            m_rows.removeAt(current);
            endRemoveRows();
        });
    });
}

// The list answers without ETags, so the first edit of a row reads the person
// (and its ETag) first. If someone changed what the user sees since the list
// was loaded, that is a stale edit just as a 412 would be.
void UserTableModel::withEtag(int row, Edit edit)
{
    Q_ASSERT_X(row >= 0 && row < m_rows.size(), "UserTableModel", "row out of range");
    if (row < 0 || row >= m_rows.size())
        return;
    const Row &current = m_rows.at(row);
    if (!current.etag.isEmpty()) {
        edit(current.person.id, current.etag);
        return;
    }
    const api::Person seen = current.person;
    ApiReply *reply = m_client.get(personPath(seen.id));
    connect(reply, &ApiReply::finished, this, [this, reply, seen, edit = std::move(edit)] {
        if (!reply->isOk()) {
            editFailed(seen.id, reply->error());
            return;
        }
        const auto person = api::personFromJson(reply->json().object());
        if (!person) {
            Q_EMIT failed(unreadable(*reply, person.error().detail));
            return;
        }
        if (reply->etag().isEmpty()) {
            Q_EMIT failed(unreadable(*reply, QStringLiteral("The person came without an ETag.")));
            return;
        }
        if (!sameEditableFields(seen, person.value())) {
            Q_EMIT staleEdit(seen.id);
            return;
        }
        store(person.value(), reply->etag());
        edit(seen.id, reply->etag());
    });
}

void UserTableModel::store(const api::Person &person, const QByteArray &etag)
{
    const int row = rowOf(person.id);
    if (row < 0)
        return; // a reload since the edit began no longer lists the person
    m_rows[row] = {person, etag};
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void UserTableModel::editFailed(const QString &personId, const ApiError &error)
{
    if (error.code == api::ProblemCode::PreconditionFailed)
        Q_EMIT staleEdit(personId);
    else
        Q_EMIT failed(error);
}

// ---- language -----------------------------------------------------------------

bool UserTableModel::event(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    return QAbstractTableModel::event(event);
}

bool UserTableModel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange)
        retranslate();
    return QAbstractTableModel::eventFilter(watched, event);
}

// Role and status names and the date format follow the language as well.
void UserTableModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, RoleColumn),
                           index(static_cast<int>(m_rows.size()) - 1, LastSignInColumn),
                           {Qt::DisplayRole});
}

} // namespace engage::models
