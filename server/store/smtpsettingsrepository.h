#pragma once

#include "api/mail.h"
#include "storeresult.h"
#include "tenantscope.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>

namespace engage::server::store {

class Keyring;

// The settings with the password opened, for sending only: never answered
// to a client.
struct SmtpAccount
{
    api::SmtpSettingsView settings;
    QString password; // empty: none set
};

// The tenant's mail server (schema 0008 smtp_settings, one row per tenant;
// none: revision 0). The password is sealed under the tenant's key
// (associated data: tenant, "smtp_settings", "password", the tenant id as
// row id, key version), the key version in front of the sealed bytes (the
// table has no key_version column). Updates are optimistic: Conflict unless
// `expectedRevision` is the stored one (0 when there is no row). Every
// method joins the caller's Transaction if one is open.
class SmtpSettingsRepository final
{
public:
    SmtpSettingsRepository(QSqlDatabase database, Keyring &keyring);

    // Without the password: only whether one is set.
    StoreResult<api::SmtpSettingsView> settings(const TenantScope &scope);
    // NotFound when the tenant has no settings; Crypto when the password
    // does not open.
    StoreResult<SmtpAccount> account(const TenantScope &scope);
    // `update.password` as api::SmtpSettingsUpdate says (absent keeps, ""
    // removes); Refused for values the api validators refuse.
    StoreResult<api::SmtpSettingsView> update(const TenantScope &scope, qint64 expectedRevision,
                                              const api::SmtpSettingsUpdate &update,
                                              const QDateTime &at);

private:
    QSqlDatabase m_database;
    Keyring &m_keyring;
};

} // namespace engage::server::store
