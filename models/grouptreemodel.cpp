#include "grouptreemodel.h"

#include "apiclient.h"
#include "apireply.h"
#include "models/latestread.h"

#include <QCoreApplication>
#include <QEvent>
#include <QHash>
#include <QMimeData>
#include <QUuid>
#include <utility>

namespace engage::models {

namespace {

const QString kGroupMimeType = QStringLiteral("application/x-engage-group-id");

QString groupPath(const QString &id)
{
    return QStringLiteral("/api/v1/groups/") + id;
}

QByteArray ifMatch(qint64 revision)
{
    return '"' + QByteArray::number(revision) + '"';
}

std::optional<QString> draggedGroup(const QMimeData *data)
{
    if (!data || !data->hasFormat(kGroupMimeType))
        return std::nullopt;
    return QString::fromUtf8(data->data(kGroupMimeType));
}

} // namespace

GroupTreeModel::GroupTreeModel(ApiClient &client, QObject *parent)
    : QAbstractItemModel(parent)
    , m_client(client)
    , m_nodes{Node{}}
    , m_read(new LatestRead(client, this))
{
    connect(m_read, &LatestRead::loadingChanged, this, &GroupTreeModel::loadingChanged);
    connect(m_read, &LatestRead::failed, this, &GroupTreeModel::failed);
    if (QCoreApplication *application = QCoreApplication::instance())
        application->installEventFilter(this);
}

GroupTreeModel::~GroupTreeModel() = default;

// ---- tree -------------------------------------------------------------------

// An index's internal id is its node's index in m_nodes.
int GroupTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<int>(index.internalId()) : -1;
}

int GroupTreeModel::nodeOf(const QString &groupId) const
{
    if (groupId.isEmpty())
        return 0;
    for (int node = 1; node < m_nodes.size(); ++node) {
        if (m_nodes.at(node).group.id == groupId)
            return node;
    }
    return -1;
}

QModelIndex GroupTreeModel::indexOfNode(int node) const
{
    if (node < 0 || node >= m_nodes.size())
        return {};
    const int parent = m_nodes.at(node).parent;
    const int row = parent < 0 ? 0 : static_cast<int>(m_nodes.at(parent).children.indexOf(node));
    return createIndex(row, 0, static_cast<quintptr>(node));
}

QModelIndex GroupTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0)
        return {};
    if (!parent.isValid())
        return row == 0 ? createIndex(0, 0, quintptr(0)) : QModelIndex();
    if (parent.column() != 0)
        return {};
    const QList<int> &children = m_nodes.at(nodeOf(parent)).children;
    if (row >= children.size())
        return {};
    return createIndex(row, 0, static_cast<quintptr>(children.at(row)));
}

QModelIndex GroupTreeModel::parent(const QModelIndex &child) const
{
    const int node = nodeOf(child);
    if (node <= 0)
        return {};
    return indexOfNode(m_nodes.at(node).parent);
}

int GroupTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return 1;
    if (parent.column() != 0)
        return 0;
    return static_cast<int>(m_nodes.at(nodeOf(parent)).children.size());
}

int GroupTreeModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant GroupTreeModel::data(const QModelIndex &index, int role) const
{
    const int node = nodeOf(index);
    if (node < 0 || node >= m_nodes.size())
        return {};
    const Node &item = m_nodes.at(node);
    switch (role) {
    case Qt::DisplayRole:
        if (node == 0)
            //: The item above every group in the tree, with the number of members in groups.
            return tr("All members (%L1)").arg(item.subtreeCount);
        //: A group in the tree: its name (%1) and the members of it and its subgroups (%2).
        return tr("%1 (%L2)").arg(item.group.fields.name).arg(item.subtreeCount);
    case Qt::ToolTipRole:
        if (node == 0)
            return {};
        //: A group's tooltip: its name, code and member count.
        return tr("%1\nCode: %2\nMembers: %L3 (%L4 directly in this group)")
            .arg(item.group.fields.name, item.group.fields.code)
            .arg(item.subtreeCount)
            .arg(item.group.memberCount);
    case GroupIdRole:
        return item.group.id;
    case RevisionRole:
        return item.group.revision;
    case CodeRole:
        return item.group.fields.code;
    case NameRole:
        return node == 0 ? QString() : item.group.fields.name;
    case SubtreeCountRole:
        return item.subtreeCount;
    default:
        return {};
    }
}

Qt::ItemFlags GroupTreeModel::flags(const QModelIndex &index) const
{
    const int node = nodeOf(index);
    if (node < 0)
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDropEnabled;
    if (node > 0)
        flags |= Qt::ItemIsDragEnabled;
    return flags;
}

void GroupTreeModel::setTree(const QList<api::Group> &groups)
{
    beginResetModel();
    m_nodes = {Node{}};
    QHash<QString, int> nodes;
    for (const api::Group &group : groups) {
        Node node;
        node.group = group;
        node.subtreeCount = group.memberCount;
        // A parent the answer does not hold (a manager sees only the subtrees
        // they are scoped to) leaves the group at the top.
        node.parent = group.fields.parentId ? nodes.value(*group.fields.parentId, 0) : 0;
        const int index = static_cast<int>(m_nodes.size());
        m_nodes[node.parent].children.append(index);
        nodes.insert(group.id, index);
        m_nodes.append(std::move(node));
    }
    // Parents come before their children, so children are summed first.
    for (qsizetype node = m_nodes.size() - 1; node > 0; --node)
        m_nodes[m_nodes.at(node).parent].subtreeCount += m_nodes.at(node).subtreeCount;
    endResetModel();
}

QModelIndex GroupTreeModel::rootIndex() const
{
    return index(0, 0);
}

QModelIndex GroupTreeModel::indexOf(const QString &groupId) const
{
    return indexOfNode(nodeOf(groupId));
}

const api::Group *GroupTreeModel::group(const QString &groupId) const
{
    const int node = nodeOf(groupId);
    return node > 0 ? &m_nodes.at(node).group : nullptr;
}

QString GroupTreeModel::groupName(const QString &groupId) const
{
    const api::Group *found = group(groupId);
    return found ? found->fields.name : QString();
}

int GroupTreeModel::subtreeCount(const QString &groupId) const
{
    const int node = nodeOf(groupId);
    return node >= 0 ? m_nodes.at(node).subtreeCount : 0;
}

bool GroupTreeModel::hasChildren(const QString &groupId) const
{
    const int node = nodeOf(groupId);
    return node >= 0 && !m_nodes.at(node).children.isEmpty();
}

bool GroupTreeModel::isWithin(const QString &groupId, const QString &ancestorId) const
{
    const int ancestor = nodeOf(ancestorId);
    for (int node = nodeOf(groupId); node >= 0; node = m_nodes.at(node).parent) {
        if (node == ancestor)
            return true;
    }
    return false;
}

QList<GroupTreeModel::Entry> GroupTreeModel::entries() const
{
    QList<Entry> entries;
    // Depth first, in the tree's order, as the tree view shows them.
    const auto visit = [&](const auto &self, int node, int depth) -> void {
        for (const int child : m_nodes.at(node).children) {
            entries.append(
                {m_nodes.at(child).group.id, m_nodes.at(child).group.fields.name, depth});
            self(self, child, depth + 1);
        }
    };
    visit(visit, 0, 0);
    return entries;
}

// ---- drag and drop ----------------------------------------------------------

Qt::DropActions GroupTreeModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

Qt::DropActions GroupTreeModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

QStringList GroupTreeModel::mimeTypes() const
{
    return {kGroupMimeType};
}

QMimeData *GroupTreeModel::mimeData(const QModelIndexList &indexes) const
{
    // One group at a time: a move is confirmed by name.
    for (const QModelIndex &index : indexes) {
        const int node = nodeOf(index);
        if (node > 0) {
            auto *data = new QMimeData;
            data->setData(kGroupMimeType, m_nodes.at(node).group.id.toUtf8());
            return data;
        }
    }
    return nullptr;
}

bool GroupTreeModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int, int,
                                     const QModelIndex &parent) const
{
    const auto dragged = draggedGroup(data);
    if (action != Qt::MoveAction || !dragged)
        return false;
    const int node = nodeOf(*dragged);
    if (node <= 0)
        return false;
    // Dropped beside the tree: onto "All members".
    const int target = parent.isValid() ? nodeOf(parent) : 0;
    const QString targetId = m_nodes.at(target).group.id;
    return m_nodes.at(node).parent != target && !isWithin(targetId, *dragged);
}

bool GroupTreeModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                  const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const int target = parent.isValid() ? nodeOf(parent) : 0;
    Q_EMIT moveRequested(*draggedGroup(data), m_nodes.at(target).group.id);
    // Nothing moved yet; false also keeps the view from removing the source row.
    return false;
}

// ---- loading ----------------------------------------------------------------

void GroupTreeModel::reload()
{
    m_read->start(QStringLiteral("/api/v1/groups"),
                  [this](const QJsonObject &answer) -> std::optional<QString> {
                      const auto groups = api::groupListFromJson(answer);
                      if (!groups)
                          return groups.error().detail;
                      setTree(groups.value());
                      Q_EMIT loaded();
                      return std::nullopt;
                  });
}

// ---- edits ------------------------------------------------------------------

void GroupTreeModel::create(const api::GroupFields &fields)
{
    ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/api/v1/groups");
    request.body = api::toJson(fields);
    // A retry after a lost answer creates no second group.
    request.idempotencyKey = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    sendEdit(Edit::Create, {}, request);
}

void GroupTreeModel::update(const QString &groupId, const QString &code, const QString &name)
{
    const api::Group *current = group(groupId);
    if (!current)
        return;
    ApiRequest request;
    request.method = "PUT";
    request.path = groupPath(groupId);
    request.body = api::toJson(api::GroupFields{code, name, current->fields.parentId});
    request.ifMatch = ifMatch(current->revision);
    sendEdit(Edit::Update, groupId, request);
}

void GroupTreeModel::moveGroup(const QString &groupId, const std::optional<QString> &newParentId)
{
    const api::Group *current = group(groupId);
    if (!current)
        return;
    api::GroupFields fields = current->fields;
    fields.parentId = newParentId && !newParentId->isEmpty() ? newParentId : std::nullopt;
    ApiRequest request;
    request.method = "PUT";
    request.path = groupPath(groupId);
    request.body = api::toJson(fields);
    request.ifMatch = ifMatch(current->revision);
    sendEdit(Edit::Move, groupId, request);
}

void GroupTreeModel::remove(const QString &groupId)
{
    const api::Group *current = group(groupId);
    if (!current)
        return;
    ApiRequest request;
    request.method = "DELETE";
    request.path = groupPath(groupId);
    request.ifMatch = ifMatch(current->revision);
    sendEdit(Edit::Remove, groupId, request);
}

void GroupTreeModel::sendEdit(Edit edit, const QString &groupId, const ApiRequest &request)
{
    ApiReply *reply = m_client.send(request);
    connect(reply, &ApiReply::finished, this, [this, reply, edit, groupId] {
        if (!reply->isOk()) {
            if (reply->error().code == api::ProblemCode::PreconditionFailed)
                Q_EMIT staleEdit(groupId);
            else
                Q_EMIT editFailed(edit, groupId, reply->error());
            return;
        }
        QString id = groupId;
        if (edit == Edit::Create) {
            const auto created = api::groupFromJson(reply->json().object());
            if (!created) {
                Q_EMIT editFailed(edit, groupId, reply->unreadable(created.error().detail));
                return;
            }
            id = created.value().id;
        }
        Q_EMIT edited(edit, id);
        reload();
    });
}

// ---- language -----------------------------------------------------------------

bool GroupTreeModel::event(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    return QAbstractItemModel::event(event);
}

bool GroupTreeModel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange)
        retranslate();
    return QAbstractItemModel::eventFilter(watched, event);
}

// "All members", the tooltips and the digit grouping of every count.
void GroupTreeModel::retranslate()
{
    const QList<int> roles{Qt::DisplayRole, Qt::ToolTipRole};
    Q_EMIT dataChanged(rootIndex(), rootIndex(), roles);
    for (const Node &node : std::as_const(m_nodes)) {
        if (!node.children.isEmpty())
            Q_EMIT dataChanged(indexOfNode(node.children.constFirst()),
                               indexOfNode(node.children.constLast()), roles);
    }
}

} // namespace engage::models
