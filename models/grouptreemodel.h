#pragma once

#include "api/group.h"
#include "apierror.h"
#include "latestread.h"

#include <QAbstractItemModel>
#include <QList>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <optional>

namespace engage::models {

class ApiClient;
class ApiReply;
struct ApiRequest;

// The tenant's groups (departments) as a tree (GET /api/v1/groups answers the
// whole tree at once: tens of groups, not thousands). One item stands above
// them all, "All members", so that the whole company can be chosen like a
// group and a group can be dropped there to become a top-level one. Each item
// reads "name (count)", the count being the members of its whole subtree.
//
// Edits go to the service with If-Match (the group's revision) and the tree
// is loaded again once the service agreed. Dragging a group onto another one
// changes nothing by itself: moveRequested() asks the view's owner, which
// confirms with the user and then calls moveGroup().
class GroupTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GroupTreeModel)

public:
    enum Roles
    {
        GroupIdRole = Qt::UserRole + 1, // empty for "All members"
        RevisionRole,                   // qint64
        CodeRole,
        NameRole,         // the name alone, without the count
        SubtreeCountRole, // int: members of the group and all its descendants
    };
    // What an edit was, so that a refusal can be explained (a 409 on a
    // delete means "not empty", on a move "under itself").
    enum class Edit
    {
        Create,
        Update,
        Move,
        Remove,
    };
    Q_ENUM(Edit)

    explicit GroupTreeModel(ApiClient &client, QObject *parent = nullptr);
    ~GroupTreeModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    Qt::DropActions supportedDragActions() const override;
    Qt::DropActions supportedDropActions() const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    // Emits moveRequested() and answers false: the tree changes only once the
    // service agreed.
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

    void reload();
    bool isLoading() const { return m_read->isLoading(); }

    // The "All members" item.
    QModelIndex rootIndex() const;
    // Invalid when there is no such group.
    QModelIndex indexOf(const QString &groupId) const;
    const api::Group *group(const QString &groupId) const;
    QString groupName(const QString &groupId) const; // empty when unknown
    // Members of the group and its descendants; every group's for an empty id.
    int subtreeCount(const QString &groupId) const;
    bool hasChildren(const QString &groupId) const;
    // Whether `groupId` is `ancestorId` or lies beneath it.
    bool isWithin(const QString &groupId, const QString &ancestorId) const;
    // Every group, parents before children, each with its depth (0 for the top
    // level): what a group picker lists.
    struct Entry
    {
        QString id;
        QString name;
        int depth = 0;
    };
    QList<Entry> entries() const;

    void create(const api::GroupFields &fields);
    // Rename or recode; the parent stays.
    void update(const QString &groupId, const QString &code, const QString &name);
    // A new parent; none for the top level.
    void moveGroup(const QString &groupId, const std::optional<QString> &newParentId);
    void remove(const QString &groupId);

Q_SIGNALS:
    void loadingChanged(bool loading);
    // A new tree is in place.
    void loaded();
    // A group was dropped onto another one (an empty `newParentId`: onto "All
    // members", the top level): confirm, then moveGroup().
    void moveRequested(const QString &groupId, const QString &newParentId);
    void edited(engage::models::GroupTreeModel::Edit edit, const QString &groupId);
    // Someone else changed the group since the tree was loaded (412).
    void staleEdit(const QString &groupId);
    void editFailed(engage::models::GroupTreeModel::Edit edit, const QString &groupId,
                    const engage::models::ApiError &error);
    void failed(const engage::models::ApiError &error);

protected:
    bool event(QEvent *event) override; // LanguageChange: "All members" is translated
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Node
    {
        api::Group group;
        int parent = -1; // node index; -1 for the root
        QList<int> children;
        int subtreeCount = 0;
    };

    void setTree(const QList<api::Group> &groups);
    int nodeOf(const QModelIndex &index) const;
    int nodeOf(const QString &groupId) const;
    QModelIndex indexOfNode(int node) const;
    void sendEdit(Edit edit, const QString &groupId, const ApiRequest &request);
    void retranslate();

    ApiClient &m_client;
    // Node 0 is "All members"; the others follow in the service's order.
    QList<Node> m_nodes;
    LatestRead *m_read;
};

} // namespace engage::models
