#pragma once

#include "auth/identity.h"
#include "store/storeresult.h"

#include <QSet>
#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace engage::server::domain {

// The groups whose members (and which groups themselves) a caller may see:
// nothing (meaning every group, and members placed in none) for owners,
// admins and viewers; for a manager, the subtrees of the groups they are
// scoped to, which is empty when they are scoped to none.
using VisibleGroups = std::optional<QSet<QString>>;

store::StoreResult<VisibleGroups> visibleGroups(const auth::Identity &identity,
                                                const QSqlDatabase &connection);

// Whether a member placed in `groupId` (none: in no group) is visible.
bool isVisible(const VisibleGroups &visible, const std::optional<QString> &groupId);

} // namespace engage::server::domain
