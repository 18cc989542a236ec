#include "smtpsettingsrepository.h"

#include "keyring.h"
#include "rowsupport.h"
#include "scopedquery.h"
#include "transaction.h"

namespace engage::server::store {

namespace {

const QString kTable = QStringLiteral("smtp_settings");
const QString kPasswordColumn = QStringLiteral("password");

struct Row
{
    api::SmtpSettingsView view;
    QByteArray passwordSealed; // with the key version in front; empty: none
};

StoreResult<std::optional<Row>> readRow(const TenantScope &scope, const QSqlDatabase &database)
{
    ScopedQuery query(scope, database);
    query.prepare(QStringLiteral("SELECT host, port, security, username, password_sealed, "
                                 "from_address, revision FROM smtp_settings WHERE tenant_id = "
                                 ":tenant_id"));
    if (!query.exec())
        return databaseError(QStringLiteral("reading the SMTP settings"), query.errorText());
    if (!query.next())
        return std::optional<Row>();
    Row row;
    row.view.host = query.value(0).toString();
    row.view.port = query.value(1).toInt();
    const auto security = api::smtpSecurityFromName(query.value(2).toString());
    if (!security)
        return databaseError(QStringLiteral("reading the SMTP settings"),
                             QStringLiteral("unknown security"));
    row.view.security = *security;
    row.view.username = query.value(3).toString();
    row.passwordSealed = query.value(4).toByteArray();
    row.view.fromAddress = query.value(5).toString();
    row.view.revision = query.value(6).toLongLong();
    row.view.passwordSet = !row.passwordSealed.isEmpty();
    return std::optional<Row>(std::move(row));
}

StoreError refused(const api::Error &error)
{
    return StoreError{StoreErrorKind::Refused,
                      QStringLiteral("invalid %1: %2").arg(error.field, error.detail)};
}

std::optional<api::Error> validate(const api::SmtpSettingsUpdate &update)
{
    // What the decoder checked, again: the store takes no value the wire refuses.
    auto checked = api::smtpSettingsUpdateFromJson(api::toJson(update));
    if (!checked)
        return checked.error();
    return std::nullopt;
}

} // namespace

SmtpSettingsRepository::SmtpSettingsRepository(QSqlDatabase database, Keyring &keyring)
    : m_database(std::move(database))
    , m_keyring(keyring)
{}

StoreResult<api::SmtpSettingsView> SmtpSettingsRepository::settings(const TenantScope &scope)
{
    const auto row = readRow(scope, m_database);
    if (!row)
        return row.error();
    if (!row.value())
        return api::SmtpSettingsView();
    return row.value()->view;
}

StoreResult<SmtpAccount> SmtpSettingsRepository::account(const TenantScope &scope)
{
    const auto row = readRow(scope, m_database);
    if (!row)
        return row.error();
    if (!row.value())
        return StoreError{StoreErrorKind::NotFound, QStringLiteral("no SMTP settings")};
    SmtpAccount account;
    account.settings = row.value()->view;
    if (row.value()->passwordSealed.isEmpty())
        return account;
    const auto split = rows::splitKeyVersion(row.value()->passwordSealed);
    if (!split)
        return StoreError{StoreErrorKind::Crypto, QStringLiteral("the SMTP password is cut short")};
    const auto key = m_keyring.version(scope, m_database, split->first);
    if (!key)
        return key.error();
    const auto password = rows::RowSealer(scope, *key.value(), kTable, scope.tenantId())
                              .open(kPasswordColumn, split->second);
    if (!password)
        return StoreError{StoreErrorKind::Crypto,
                          QStringLiteral("the SMTP password does not open")};
    account.password = *password;
    return account;
}

StoreResult<api::SmtpSettingsView>
SmtpSettingsRepository::update(const TenantScope &scope, qint64 expectedRevision,
                               const api::SmtpSettingsUpdate &update, const QDateTime &at)
{
    if (const auto error = validate(update))
        return refused(*error);
    const QString what = QStringLiteral("updating the SMTP settings");
    Transaction transaction(m_database);
    if (!transaction.isActive())
        return databaseError(what, transaction.error());
    const auto current = readRow(scope, m_database);
    if (!current)
        return current.error();
    const qint64 revision = current.value() ? current.value()->view.revision : 0;
    if (revision != expectedRevision)
        return StoreError{StoreErrorKind::Conflict, QStringLiteral("the SMTP settings changed")};

    QByteArray passwordSealed = current.value() ? current.value()->passwordSealed : QByteArray();
    if (update.password && update.password->isEmpty()) {
        passwordSealed.clear();
    } else if (update.password) {
        const auto key = m_keyring.current(scope, m_database);
        if (!key)
            return key.error();
        const rows::RowSealer sealer(scope, *key.value(), kTable, scope.tenantId());
        passwordSealed = rows::withKeyVersion(sealer.keyVersion(),
                                              sealer.seal(kPasswordColumn, *update.password));
    }
    // A kept password without a user name would never be used: the update
    // removes it rather than keep a secret nobody sends.
    if (update.username.isEmpty())
        passwordSealed.clear();

    ScopedQuery query(scope, m_database);
    if (current.value()) {
        query.prepare(QStringLiteral(
            "UPDATE smtp_settings SET host = :host, port = :port, security = :security, "
            "username = :username, password_sealed = :password_sealed, from_address = "
            ":from_address, revision = :revision, updated_at = :updated_at WHERE tenant_id = "
            ":tenant_id AND revision = :expected"));
        query.bindValue(QStringLiteral(":expected"), expectedRevision);
    } else {
        query.prepare(QStringLiteral(
            "INSERT INTO smtp_settings (tenant_id, host, port, security, username, "
            "password_sealed, from_address, revision, updated_at) VALUES (:tenant_id, :host, "
            ":port, :security, :username, :password_sealed, :from_address, :revision, "
            ":updated_at)"));
    }
    query.bindValue(QStringLiteral(":host"), update.host);
    query.bindValue(QStringLiteral(":port"), update.port);
    query.bindValue(QStringLiteral(":security"), api::smtpSecurityName(update.security));
    // A name never set is a null QString, which would bind as NULL.
    query.bindValue(QStringLiteral(":username"),
                    update.username.isNull() ? QStringLiteral("") : update.username);
    query.bindValue(QStringLiteral(":password_sealed"),
                    passwordSealed.isEmpty() ? QVariant(QMetaType::fromType<QByteArray>())
                                             : QVariant(passwordSealed));
    query.bindValue(QStringLiteral(":from_address"), update.fromAddress);
    query.bindValue(QStringLiteral(":revision"), expectedRevision + 1);
    query.bindValue(QStringLiteral(":updated_at"), at.toMSecsSinceEpoch());
    if (!query.exec())
        return databaseError(what, query.errorText());
    if (query.numRowsAffected() != 1)
        return StoreError{StoreErrorKind::Conflict, QStringLiteral("the SMTP settings changed")};
    const StoreStatus committed = transaction.commit();
    if (!committed)
        return committed.error();

    api::SmtpSettingsView view;
    view.host = update.host;
    view.port = update.port;
    view.security = update.security;
    view.username = update.username;
    view.fromAddress = update.fromAddress;
    view.passwordSet = !passwordSealed.isEmpty();
    view.revision = expectedRevision + 1;
    return view;
}

} // namespace engage::server::store
