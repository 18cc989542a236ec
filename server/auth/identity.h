#pragma once

#include "api/person.h"
#include "api/role.h"
#include "store/tenantscope.h"

#include <QByteArray>
#include <QString>

namespace engage::server::auth {

// Who a request acts as, established by the guard from a verified access
// token and the person's current row (not from anything the client wrote).
// The scope is the only way a handler reaches tenant data.
struct Identity
{
    store::TenantScope scope;
    QString personId;
    QString familyId; // the signed-in client; logout revokes it
    api::Role role = api::Role::Viewer;
    bool mustChangePassword = false;
    api::Person person; // as the guard read it, for this request
    // `person` as compact JSON (api::toJson), serialised once per
    // verification: GET /api/v1/me answers it as it is.
    QByteArray personJson;
};

} // namespace engage::server::auth
