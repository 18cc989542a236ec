#pragma once

#include "store/keyring.h"
#include "store/tenantscope.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <optional>

namespace engage::server::import {

// Uploaded member files between upload and apply: <dataDirectory>/imports/<id>,
// sealed (AES-256-GCM) under the tenant's key with the tenant and import id
// as associated data, mode 0600 in a 0700 folder. Deleted after the apply, or
// once older than kLifetime.
class ImportFiles final
{
public:
    static constexpr qint64 kLifetimeSeconds = 24 * 60 * 60;

    explicit ImportFiles(const QString &dataDirectory);

    bool write(const store::TenantScope &scope, const store::TenantKey &key, const QString &id,
               const QByteArray &bytes, QString *error) const;
    // Nothing when the file is gone or does not open under `key`.
    std::optional<QByteArray> read(const store::TenantScope &scope, const store::TenantKey &key,
                                   const QString &id) const;
    void remove(const QString &id) const;
    // Deletes the files last written before `before`; how many.
    int removeOlderThan(const QDateTime &before) const;

private:
    QString pathOf(const QString &id) const;

    QString m_folder;
};

} // namespace engage::server::import
