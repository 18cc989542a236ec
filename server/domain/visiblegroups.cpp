#include "visiblegroups.h"

#include "store/grouprepository.h"

namespace engage::server::domain {

store::StoreResult<VisibleGroups> visibleGroups(const auth::Identity &identity,
                                                const QSqlDatabase &connection)
{
    if (identity.role != api::Role::Manager)
        return VisibleGroups();
    store::GroupRepository groups(connection);
    const auto roots = groups.scopeOf(identity.scope, identity.personId);
    if (!roots)
        return roots.error();
    if (roots.value().isEmpty())
        return VisibleGroups(QSet<QString>());
    const auto subtree = groups.subtreeIds(identity.scope, roots.value());
    if (!subtree)
        return subtree.error();
    return VisibleGroups(QSet<QString>(subtree.value().cbegin(), subtree.value().cend()));
}

bool isVisible(const VisibleGroups &visible, const std::optional<QString> &groupId)
{
    if (!visible)
        return true;
    return groupId && visible->contains(*groupId);
}

} // namespace engage::server::domain
